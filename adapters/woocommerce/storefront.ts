/**
 * The storefront side on WooCommerce is the companion plugin (wordpress/rassure-for-woocommerce):
 * the config is pushed to its `wc-rassure/v1/config` route, authenticated by the same
 * WooCommerce key (key auth covers `wc-` namespaces), and its presence is read from the
 * REST index's fields (adapters/woocommerce/rest-client.ts getRestIndex). The plugin also
 * holds the app link and revokes the keys the app no longer uses.
 */
import { withoutRassureBlocks } from "../rassure-markup";
import type { StorefrontPublication, ThemeEmbedStatus } from "../types";
import type { SiteIndex, SystemStatus } from "./resources";
import { COMPANION_NAMESPACE } from "./namespaces";
import { WooCommerceApiError, type WooRestClient } from "./rest-client";

export { COMPANION_NAMESPACE };

export async function publishWooStorefrontConfig(client: WooRestClient, index: SiteIndex, publication: StorefrontPublication): Promise<void> {
  if (!index.namespaces.includes(COMPANION_NAMESPACE)) {
    throw new WooCommerceApiError("The Rassure for WooCommerce plugin (version 1.1 or later) is not active on this store: install, update or activate it, then publish again.", 404, "rassure_plugin_missing", false);
  }
  await client.request("post", "config", { namespace: COMPANION_NAMESPACE, data: { config: publication.config, enabled: publication.enabled } });
}

/**
 * The plugin's state, and where its blocks were really seen: a product page fetched as a shopper
 * gets it (a theme that fires none of the hooks the plugin uses shows nothing, whatever the
 * settings say). `productPage` null = no product page could be fetched: nothing is claimed.
 */
export function wooEmbedStatus(index: SiteIndex, status: SystemStatus, productPage: { url: string; html: string } | null): ThemeEmbedStatus {
  const active = index.namespaces.includes(COMPANION_NAMESPACE);
  const seen = productPage ? withoutRassureBlocks(productPage.html).blocks.filter((handle) => handle !== "hint") : [];
  return {
    themeId: status.theme.name,
    themeName: status.theme.name,
    embedActive: active,
    blocksOnProductPage: active ? seen : [],
    productPageChecked: productPage?.url ?? null,
  };
}

export interface CompanionLink {
  /** Secret the plugin signs wp-admin entry tokens with. */
  adminSecret: string;
  /** The app page the plugin embeds in wp-admin. */
  appUrl: string;
  shop: string;
}

/** Hands the plugin its link to the app; false when the plugin is not active. */
export async function linkWooCompanion(client: WooRestClient, index: SiteIndex, link: CompanionLink): Promise<boolean> {
  if (!index.namespaces.includes(COMPANION_NAMESPACE)) return false;
  await client.request("post", "link", { namespace: COMPANION_NAMESPACE, data: { admin_secret: link.adminSecret, app_url: link.appUrl, shop: link.shop } });
  return true;
}

/** Tells the plugin the app is gone (its wp-admin page then offers to connect again); false when the plugin is not active. */
export async function unlinkWooCompanion(client: WooRestClient, index: SiteIndex): Promise<boolean> {
  if (!index.namespaces.includes(COMPANION_NAMESPACE)) return false;
  await client.request("delete", "link", { namespace: COMPANION_NAMESPACE });
  return true;
}

/**
 * Revokes one of Rassure's REST keys on the store through the plugin (WooCommerce has no REST
 * route for keys). False when the plugin is not active: the merchant must delete the key in
 * WooCommerce › Settings › Advanced › REST API. A key already gone counts as revoked.
 */
export async function revokeWooKey(client: WooRestClient, index: SiteIndex, keyId: number): Promise<boolean> {
  if (!index.namespaces.includes(COMPANION_NAMESPACE)) return false;
  try {
    await client.request("delete", `keys/${keyId}`, { namespace: COMPANION_NAMESPACE });
  } catch (error) {
    if (!(error instanceof WooCommerceApiError && error.status === 404 && error.code === "rassure_key_not_found")) throw error;
  }
  return true;
}
