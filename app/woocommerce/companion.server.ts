/**
 * The companion plugin link: after connecting, the app gives the plugin the secret it signs
 * wp-admin entry tokens with and the app URL to embed, through the plugin's own
 * `wc-rassure/v1/link` route (authenticated by the same WooCommerce key). Absent plugin →
 * false: the merchant is told to install it, nothing fails.
 */
import type { WooCommerceAdapter } from "../../adapters/woocommerce";
import { WooCommerceApiError } from "../../adapters/woocommerce";
import { appEnvironment } from "../env.server";
import type { WooShopCredentials } from "./credentials.server";

export async function linkCompanionPlugin(adapter: WooCommerceAdapter, credentials: WooShopCredentials, domain: string): Promise<boolean> {
  try {
    return await adapter.linkCompanion({ adminSecret: credentials.adminLinkSecret, appUrl: new URL("/woocommerce/admin", appEnvironment().appUrl).href, shop: domain });
  } catch (error) {
    if (error instanceof WooCommerceApiError && error.status !== null && error.status < 500) return false;
    throw error;
  }
}
