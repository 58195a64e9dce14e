/**
 * What the shop's own shipping settings say about free shipping, read when the storefront
 * configuration is published so a "free shipping from X" promise is shown only when the settings
 * back it. One fact for both platforms; each platform's reader (adapters/shopify/free-shipping.ts,
 * adapters/woocommerce/free-shipping.ts) maps its rates onto it.
 */
export interface ShippingPromiseFacts {
  /** The lowest order amount (minor units of the shop currency) from which some zone ships free; 0: always free; null: no free-shipping rate. */
  freeShippingFromMinor: number | null;
  /** False when the settings could not be read (platform down, scope not granted): nothing is known. */
  read: boolean;
}

export const UNREAD_SHIPPING_FACTS: ShippingPromiseFacts = { freeShippingFromMinor: null, read: false };

/** A decimal amount as the platforms write it ("60", "60.00", "60,5") in minor units (2 decimals); null when it is not an amount. */
export function decimalToMinor(amount: string): number | null {
  const text = amount.trim().replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  return Math.round(Number(text) * 100);
}

/** The fact from the thresholds of the shop's free-shipping rates (one per rate, in minor units). */
export function freeShippingFacts(thresholdsMinor: number[]): ShippingPromiseFacts {
  return { freeShippingFromMinor: thresholdsMinor.length > 0 ? Math.min(...thresholdsMinor) : null, read: true };
}
