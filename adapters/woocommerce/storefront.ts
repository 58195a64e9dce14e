/**
 * The storefront side on WooCommerce is the companion plugin (wordpress/rassure-for-woocommerce):
 * the config is pushed to its `wc-rassure/v1/config` route, authenticated by the same
 * WooCommerce key (key auth covers `wc-` namespaces), and its presence is read from the
 * REST index.
 */
import type { StorefrontPublication, ThemeEmbedStatus } from "../types";
import type { SiteIndex, SystemStatus } from "./resources";
import { WooCommerceApiError, type WooRestClient } from "./rest-client";

export const COMPANION_NAMESPACE = "wc-rassure/v1";

export async function publishWooStorefrontConfig(client: WooRestClient, index: SiteIndex, publication: StorefrontPublication): Promise<void> {
  if (!index.namespaces.includes(COMPANION_NAMESPACE)) {
    throw new WooCommerceApiError("The Rassure for WooCommerce plugin is not active on this store: install and activate it, then publish again.", 404, "rassure_plugin_missing", false);
  }
  await client.request("post", "config", { namespace: COMPANION_NAMESPACE, data: { config: publication.config, enabled: publication.enabled } });
}

export function wooEmbedStatus(index: SiteIndex, status: SystemStatus, embedHandle: string): ThemeEmbedStatus {
  const active = index.namespaces.includes(COMPANION_NAMESPACE);
  return {
    themeId: status.theme.name,
    themeName: status.theme.name,
    embedActive: active,
    // The plugin renders every enabled block at WooCommerce's hooks; there is nothing to place by hand.
    blocksOnProductPage: active ? [embedHandle] : [],
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
