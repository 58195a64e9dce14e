import type { checklistEn } from "./checklist.en";

/** Textes français de la fonctionnalité checklist (mêmes clés que checklist.en.ts). */
export const checklistFr: Record<keyof typeof checklistEn, string> = {};
