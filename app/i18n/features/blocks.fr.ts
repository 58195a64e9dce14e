import type { blocksEn } from "./blocks.en";

/** Textes français de la fonctionnalité blocks (mêmes clés que blocks.en.ts). */
export const blocksFr: Record<keyof typeof blocksEn, string> = {};
