import type { woocommerceEn } from "./woocommerce.en";

/** Textes français de la fonctionnalité woocommerce (mêmes clés que woocommerce.en.ts). */
export const woocommerceFr: Record<keyof typeof woocommerceEn, string> = {};
