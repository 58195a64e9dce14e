/**
 * The platform adapter for a shop outside a merchant's request (background jobs, the
 * storefront lookup): Shopify through the shop's offline token.
 */
import { ShopifyAdapter } from "../../adapters/shopify";
import type { Platform, PlatformAdapter } from "../../adapters/types";
import { unauthenticated } from "../shopify.server";

export async function offlineAdapterFor(platform: Platform, shopDomain: string): Promise<PlatformAdapter> {
  if (platform === "shopify") {
    const { admin } = await unauthenticated.admin(shopDomain);
    return new ShopifyAdapter(admin.graphql);
  }
  throw new Error(`Tracking jobs for ${platform} shops are not wired yet.`);
}
