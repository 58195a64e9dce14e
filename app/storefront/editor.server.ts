/**
 * What the blocks editor page needs and does, for both admins (Shopify's app.blocks and the
 * WooCommerce page in wp-admin): the stored configuration, the shop's time zone, currency and
 * policies for the preview, the storefront status, the extension's Liquid and CSS; then saving
 * (validate, store, publish through the platform's adapter) or publishing again.
 */
import { UNREAD_SHIPPING_FACTS } from "../../adapters/shipping-promise-facts";
import type { PlatformAdapter, ShopProfile, ThemeEmbedStatus } from "../../adapters/types";
import { TRUST_BAR_EMBED_HANDLE, type ConfigIssue } from "./config";
import { readBlockStylesheet, readExtensionSources } from "./extension-sources.server";
import { observedCarriers, type PartnerFactsAdapter } from "./partner-facts.server";
import { previewShopFromProfile } from "./preview-shop";
import { backingAfterRead } from "./shipping-backing";
import { loadStorefrontConfig, refreshStalePublication, republishStorefrontConfig, saveAndPublishStorefrontConfig, type SaveResult } from "./storefront.server";

type EditorAdapter = Pick<PlatformAdapter, "getShopProfile" | "getThemeEmbedStatus" | "publishStorefrontConfig"> & Partial<Pick<PlatformAdapter, "platform" | "listRecentShipments" | "readShippingPromiseFacts">>;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function loadBlocksEditor(shopId: string, adapter: EditorAdapter) {
  const [profile, theme, carriers, shipping] = await Promise.all([
    adapter.getShopProfile().then((p): ShopProfile | string => p, messageOf),
    adapter.getThemeEmbedStatus(TRUST_BAR_EMBED_HANDLE).then((s): ThemeEmbedStatus | null | string => s, messageOf),
    // The editor lists what it could read; publishing reads again and fails loudly.
    observedCarriers(adapter).catch((): string[] => []),
    adapter.readShippingPromiseFacts?.() ?? Promise.resolve(UNREAD_SHIPPING_FACTS),
  ]);
  const profileOk = typeof profile === "string" ? null : profile;
  if (profileOk?.timezone) await refreshStalePublication(shopId, adapter, profileOk.timezone);
  const stored = await loadStorefrontConfig(shopId);
  // What the settings say now; when they cannot be read, the backing publishing would keep.
  const shippingBacking = backingAfterRead(shipping, stored.shippingBacking, new Date());
  return {
    stored: { ...stored, publishedAt: stored.publishedAt?.toISOString() ?? null },
    timeZone: profileOk?.timezone ?? "Europe/Paris",
    currencyCode: profileOk?.currencyCode ?? "EUR",
    previewShop: previewShopFromProfile(profileOk),
    /** Carriers the partners block may name (the merchant can only hide them). */
    observedCarriers: carriers,
    /** The shop's free-shipping threshold (the note under the shipping promise's amount, the preview). */
    shippingBacking,
    /** Null where the merchant names the host (WordPress). */
    platformHost: adapter.platform === "shopify" ? "Shopify" : null,
    apiError: typeof profile === "string" ? profile : typeof theme === "string" ? theme : null,
    theme: typeof theme === "string" ? null : theme,
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
