import type { trackingEn } from "./tracking.en";

/** Textes français de la fonctionnalité tracking (mêmes clés que tracking.en.ts). */
export const trackingFr: Record<keyof typeof trackingEn, string> = {};
