/**
 * "A storefront block promises only what the shop's settings back", for the shipping promise's
 * free-from amount: published only when the shop's shipping settings offer free shipping at or
 * below it (the shop at least as generous as the promise); otherwise the promise is published
 * without its amount (a plain "Shipping" promise). Shared by publishing, the trust page and the
 * editor's note under the amount.
 */
import type { ShippingPromiseFacts } from "../../adapters/shipping-promise-facts";

/** The shop's free-shipping threshold as last read from its settings, and when it was read. */
export interface ShippingBacking {
  /** Minor units of the shop currency; 0: always free; null: the settings offer no free shipping. */
  freeShippingFromMinor: number | null;
  /** ISO date-time of the read. */
  checkedAt: string;
}

/** The amount a shipping promise may publish: the merchant's when the settings back it, else 0 (none). */
export function backedFreeFrom(promisedMinor: number, backing: ShippingBacking | null): number {
  if (promisedMinor <= 0 || !backing || backing.freeShippingFromMinor === null) return 0;
  return backing.freeShippingFromMinor <= promisedMinor ? promisedMinor : 0;
}

/**
 * The backing after reading the settings: what they say now, with the time of the read; when they
 * could not be read (platform down, read_shipping not approved yet), the last backing kept, so a
 * promise is not dropped because the platform was down for a moment.
 */
export function backingAfterRead(facts: ShippingPromiseFacts, last: ShippingBacking | null, now: Date): ShippingBacking | null {
  return facts.read ? { freeShippingFromMinor: facts.freeShippingFromMinor, checkedAt: now.toISOString() } : last;
}

/** Parses the stored backing (JSON text); null when absent or not one. */
export function parseShippingBacking(text: string | null): ShippingBacking | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<ShippingBacking>;
    const threshold = value.freeShippingFromMinor;
    const valid = (threshold === null || (Number.isInteger(threshold) && (threshold as number) >= 0)) && typeof value.checkedAt === "string" && !Number.isNaN(Date.parse(value.checkedAt));
    return valid ? { freeShippingFromMinor: threshold as number | null, checkedAt: value.checkedAt as string } : null;
  } catch {
    return null;
  }
}

export type FreeShippingNoteKey = "blocks.promises.freeFromBacked" | "blocks.promises.freeFromTooLow" | "blocks.promises.freeFromNoFreeShipping" | "blocks.promises.freeFromUnread";

/** What the editor says under the amount: what the shop's settings offer, and whether the amount will be shown. */
export function freeShippingNote(backing: ShippingBacking | null, promisedMinor: number, money: (minor: number) => string): { key: FreeShippingNoteKey; values: Record<string, string> } {
  if (!backing) return { key: "blocks.promises.freeFromUnread", values: {} };
  if (backing.freeShippingFromMinor === null) return { key: "blocks.promises.freeFromNoFreeShipping", values: {} };
  const amount = money(backing.freeShippingFromMinor);
  return promisedMinor > 0 && backedFreeFrom(promisedMinor, backing) === 0 ? { key: "blocks.promises.freeFromTooLow", values: { amount } } : { key: "blocks.promises.freeFromBacked", values: { amount } };
}
