/**
 * The platform adapter for a shop outside a merchant's request (background jobs, the
 * storefront lookup): Shopify through the shop's offline token, WooCommerce through its REST keys.
 */
import { ShopifyAdapter } from "../../adapters/shopify";
import type { Platform, PlatformAdapter } from "../../adapters/types";
import { unauthenticated } from "../shopify.server";

export async function offlineAdapterFor(platform: Platform, shopDomain: string): Promise<PlatformAdapter> {
  if (platform === "shopify") {
    const { admin } = await unauthenticated.admin(shopDomain);
    return new ShopifyAdapter(admin.graphql);
  }
  // WooCommerce: the shop's sealed REST keys from the /wc-auth connection.
  const { wooAdapterForShop } = await import("../woocommerce/credentials.server");
  return wooAdapterForShop(shopDomain);
}
