/**
 * The free-shipping threshold of a WooCommerce shop, from its shipping zones: an enabled
 * `free_shipping` method is free shipping from its minimum order amount when it `requires`
 * "min_amount" or "either" (amount or coupon), and always free when it requires nothing. A method
 * that needs a coupon ("coupon", "both") is no offer to every shopper and does not count.
 */
import { decimalToMinor, freeShippingFacts, UNREAD_SHIPPING_FACTS, type ShippingPromiseFacts } from "../shipping-promise-facts";
import { fetchShippingZones, type ShippingZoneWithMethods } from "./resources";
import type { WooReader } from "./rest-client";

type ZoneMethod = ShippingZoneWithMethods["methods"][number];

/** The order amount from which this method ships free; null when it is not an open free-shipping offer. */
export function wooFreeShippingThreshold(method: ZoneMethod): number | null {
  if (!method.enabled || method.methodId !== "free_shipping") return null;
  if (method.requires === "") return 0;
  if (method.requires !== "min_amount" && method.requires !== "either") return null;
  return method.minAmount.trim() === "" ? 0 : decimalToMinor(method.minAmount);
}

export async function readWooShippingPromiseFacts(reader: WooReader): Promise<ShippingPromiseFacts> {
  let zones: ShippingZoneWithMethods[];
  try {
    zones = await fetchShippingZones(reader);
  } catch {
    return UNREAD_SHIPPING_FACTS; // store down, key revoked, or an answer we cannot parse
  }
  const thresholds = zones.flatMap((zone) => zone.methods.map(wooFreeShippingThreshold)).filter((threshold): threshold is number => threshold !== null);
  return freeShippingFacts(thresholds);
}
