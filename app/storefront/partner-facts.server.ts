/**
 * What the partners block may name, read from the platform when the configuration is
 * published: the carriers on the shop's recent shipments (never a carrier the merchant types)
 * and the host. When the shipments cannot be read the publication fails and is retried (like
 * any failed publish) rather than silently dropping carriers the shop does use.
 */
import type { PlatformAdapter, Shipment } from "../../adapters/types";
import { chooseStoreLocation, LIMITS, type PartnerFacts, type StorefrontConfig } from "./config";

/** How many recently shipped orders are looked at (the tracking page reads as many). */
export const PARTNER_SHIPMENT_ORDERS = 25;

export type PartnerFactsAdapter = Pick<PlatformAdapter, "publishStorefrontConfig"> & Partial<Pick<PlatformAdapter, "platform" | "listRecentShipments" | "listStoreLocations" | "readShippingPromiseFacts">>;

/** Distinct carrier names of shipments that went out (a cancelled fulfillment proves nothing). */
export function carriersOf(shipments: Shipment[]): string[] {
  const names = new Map<string, string>();
  for (const shipment of shipments) {
    if (/cancel/i.test(shipment.status)) continue;
    for (const tracking of shipment.tracking) {
      const name = (tracking.company ?? "").replace(/\s+/g, " ").trim();
      if (name !== "" && name.length <= LIMITS.carrierName && !names.has(name.toLowerCase())) names.set(name.toLowerCase(), name);
    }
  }
  return [...names.values()];
}

/** The carriers of the recent shipments (rejects when the platform cannot be read). */
export async function observedCarriers(adapter: Partial<Pick<PlatformAdapter, "listRecentShipments">>): Promise<string[]> {
  return adapter.listRecentShipments ? carriersOf(await adapter.listRecentShipments(PARTNER_SHIPMENT_ORDERS)) : [];
}

/** A Shopify storefront is served by Shopify; a WordPress host is only what the merchant names. */
export function partnerHost(platform: string | undefined, config: StorefrontConfig): string {
  return platform === "shopify" ? "Shopify" : config.partners.host;
}

export async function readPartnerFacts(config: StorefrontConfig, adapter: PartnerFactsAdapter): Promise<PartnerFacts> {
  const host = partnerHost(adapter.platform, config);
  return { carriers: config.partners.enabled ? await observedCarriers(adapter) : [], host };
}

/** The location the store block shows, read only while the merchant says there is a store. */
export async function readStoreLocation(config: StorefrontConfig, adapter: PartnerFactsAdapter) {
  if (!config.store.enabled || !config.store.hasStore || !adapter.listStoreLocations) return null;
  return chooseStoreLocation(await adapter.listStoreLocations(), config.store.location);
}
