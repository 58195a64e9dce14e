/**
 * The kinds of platform facts admin pages open from (app/platform-reads/stored-reads.server.ts):
 * one definition per kind, so two pages showing the same kind show the same read.
 */
import { UNREAD_SHIPPING_FACTS } from "../../adapters/shipping-promise-facts";
import type { PlatformAdapter } from "../../adapters/types";
import { TRUST_BAR_EMBED_HANDLE } from "../storefront/config";
import { RECENT_ORDERS } from "../tracking/overview.server";

type ReadingAdapter = Pick<PlatformAdapter, "getShopProfile" | "getThemeEmbedStatus"> & Partial<Pick<PlatformAdapter, "listRecentShipments" | "readShippingPromiseFacts">>;

export function platformReaders(adapter: ReadingAdapter) {
  return {
    /** Name, domain, storefront, country, currency, plan, time zone, legal policies. */
    "shop-profile": () => adapter.getShopProfile(),
    /** The published theme: the trust bar embed on or off, Rassure's blocks on the product page. */
    "theme-embed": () => adapter.getThemeEmbedStatus(TRUST_BAR_EMBED_HANDLE),
    /** The recent orders' fulfillments (carrier, number, link): the orders the tracking page lists and "Fix all" fixes. */
    "recent-shipments": async () => (adapter.listRecentShipments ? adapter.listRecentShipments(RECENT_ORDERS) : []),
    /** The shop's shipping settings that back a delivery promise (free-shipping threshold…). */
    "shipping-promise": () => adapter.readShippingPromiseFacts?.() ?? Promise.resolve(UNREAD_SHIPPING_FACTS),
  };
}

export type PlatformReadKind = keyof ReturnType<typeof platformReaders>;

/** Only the kinds a page shows (each key a kind above). */
export function readersFor<K extends PlatformReadKind>(adapter: ReadingAdapter, kinds: K[]): Pick<ReturnType<typeof platformReaders>, K> {
  const all = platformReaders(adapter);
  return Object.fromEntries(kinds.map((kind) => [kind, all[kind]])) as Pick<ReturnType<typeof platformReaders>, K>;
}
