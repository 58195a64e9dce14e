/**
 * What the blocks editor page needs and does, for both admins (Shopify's app.blocks and the
 * WooCommerce page in wp-admin): the stored configuration, the shop's time zone, currency and
 * policies for the preview, the storefront status, the extension's Liquid and CSS; then saving
 * (validate, store, publish through the platform's adapter) or publishing again.
 */
import { UNREAD_SHIPPING_FACTS } from "../../adapters/shipping-promise-facts";
import type { Platform, PlatformAdapter } from "../../adapters/types";
import { readersFor } from "../platform-reads/readers.server";
import { openStoredReads, readNow } from "../platform-reads/stored-reads.server";
import { type ConfigIssue } from "./config";
import { readBlockStylesheet, readExtensionSources } from "./extension-sources.server";
import { carriersOf, type PartnerFactsAdapter } from "./partner-facts.server";
import { previewShopFromProfile } from "./preview-shop";
import { backingAfterRead } from "./shipping-backing";
import { loadStorefrontConfig, refreshStalePublication, republishStorefrontConfig, saveAndPublishStorefrontConfig, type SaveResult } from "./storefront.server";

type EditorAdapter = Pick<PlatformAdapter, "getShopProfile" | "getThemeEmbedStatus" | "publishStorefrontConfig"> & Partial<Pick<PlatformAdapter, "platform" | "listRecentShipments" | "readShippingPromiseFacts">>;

const EDITOR_READS = ["shop-profile", "theme-embed", "recent-shipments", "shipping-promise"] as const;

/**
 * `shop`: the shop's row. `from`: "stored" opens from what was read last and refreshes it in the
 * background (the Shopify admin, which revalidates once the refresh is over); "platform" reads
 * now (wp-admin, which has no revalidation yet) and stores what it read.
 */
export async function loadBlocksEditor(shop: { id: string; platform: string; domain: string }, adapter: EditorAdapter, from: "stored" | "platform") {
  const ref = { platform: shop.platform as Platform, shopDomain: shop.domain };
  const readers = readersFor(adapter, [...EDITOR_READS]);
  const { reads, pending } = from === "stored" ? await openStoredReads(ref, readers) : { reads: await readNow(ref, readers), pending: null };
  const profile = reads["shop-profile"];
  const theme = reads["theme-embed"];
  const shipments = reads["recent-shipments"];
  const shipping = reads["shipping-promise"];
  if (profile.facts?.timezone) await refreshStalePublication(shop.id, adapter, profile.facts.timezone);
  const stored = await loadStorefrontConfig(shop.id);
  // What the settings say (as last read); when they could not be read, the backing publishing would keep.
  const shippingBacking = backingAfterRead(shipping.facts ?? UNREAD_SHIPPING_FACTS, stored.shippingBacking, new Date());
  return {
    stored: { ...stored, publishedAt: stored.publishedAt?.toISOString() ?? null },
    timeZone: profile.facts?.timezone ?? "Europe/Paris",
    currencyCode: profile.facts?.currencyCode ?? "EUR",
    previewShop: previewShopFromProfile(profile.facts),
    /** Carriers the partners block may name (the merchant can only hide them); publishing reads them again and fails loudly. */
    observedCarriers: carriersOf(shipments.facts ?? []),
    /** The shop's free-shipping threshold (the note under the shipping promise's amount, the preview). */
    shippingBacking,
    /** Null where the merchant names the host (WordPress). */
    platformHost: adapter.platform === "shopify" ? "Shopify" : null,
    /** The shop's facts shown are those of a failed read's last success (or none): the first failure. */
    apiError: profile.error ?? theme.error,
    theme: theme.facts,
    /** When the profile and theme shown were read and whether the last read failed; the reads still running in the background. */
    reads: { profile: { readAt: profile.readAt, error: profile.error }, theme: { readAt: theme.readAt, error: theme.error } },
    pending,
    sources: readExtensionSources(),
    css: readBlockStylesheet(),
  };
}

/** The editor's form is the whole configuration as JSON: far below this even with every text at its limit. */
export const BLOCKS_FORM_MAX_BYTES = 256 * 1024;

/**
 * The editor's form: `intent=republish`, or a save with the configuration as JSON and the
 * `version` it was edited from (a save without one cannot prove it is not stale, so it stores
 * nothing); `timeZone` for delivery dates.
 */
export async function blocksEditorAction(shopId: string, adapter: PartnerFactsAdapter, form: URLSearchParams): Promise<SaveResult> {
  const timeZone = String(form.get("timeZone") ?? "") || "Europe/Paris";
  if (form.get("intent") === "republish") return republishStorefrontConfig(shopId, adapter, timeZone);
  let input: unknown;
  try {
    input = JSON.parse(String(form.get("config") ?? ""));
  } catch {
    return { ok: false as const, issues: [{ path: "config", code: "required" }] satisfies ConfigIssue[] };
  }
  const version = String(form.get("version") ?? "");
  return saveAndPublishStorefrontConfig(shopId, input, /^\d{1,9}$/.test(version) ? Number(version) : -1, adapter, timeZone);
}
