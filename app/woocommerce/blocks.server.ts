/**
 * The reassurance blocks of a WooCommerce shop: the same stored configuration as on Shopify
 * (app/storefront), published to the companion plugin through the WooCommerce adapter.
 */
import { loadStorefrontConfig, republishStorefrontConfig } from "../storefront/storefront.server";
import { adapterFromCredentials, openWooCredentials } from "./credentials.server";

interface WooShopRow {
  id: string;
  credentials: string | null;
}

export async function wooBlocksStatus(shop: WooShopRow) {
  const stored = await loadStorefrontConfig(shop.id);
  return { publishedAt: stored.publishedAt?.toISOString() ?? null, publishError: stored.publishError };
}

/** Publishes the stored configuration (the defaults until the merchant edits them) to the plugin. */
export async function publishWooBlocks(shop: WooShopRow, timeZone: string | null) {
  const adapter = adapterFromCredentials(openWooCredentials(shop.credentials), { maxRetries: 2 });
  return republishStorefrontConfig(shop.id, adapter, timeZone ?? "Europe/Paris");
}
