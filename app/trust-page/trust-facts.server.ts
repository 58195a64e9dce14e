/**
 * The trust page's source for Shopify's app proxy, read at request time: built by the same
 * toPublishedConfig the WooCommerce plugin receives its copy from when the merchant publishes.
 */
import prisma from "../db.server";
import { latestCompanyBadge } from "../legal/company-badge.server";
import { toPublishedConfig } from "../storefront/config";
import { loadStorefrontConfig } from "../storefront/storefront.server";
import { latestTrustScan } from "./trust-scan.server";
import type { TrustPageSource } from "./trust-page.server";

/** The page as of now for a shop Rassure knows; null for an unknown shop. */
export async function loadTrustPageSource(platform: string, shopDomain: string, now = new Date()): Promise<TrustPageSource | null> {
  const shop = await prisma.shop.findUnique({ where: { platform_domain: { platform, domain: shopDomain } } });
  if (!shop) return null;
  const [stored, company, scan] = await Promise.all([loadStorefrontConfig(shop.id), latestCompanyBadge(prisma, shop.id), latestTrustScan(prisma, platform, shopDomain)]);
  // The time zone places holiday dates, which the page does not show, and the day the shipping settings were read.
  return toPublishedConfig(stored.config, stored.version, now, "UTC", { company, trustScan: scan, shipping: stored.shippingBacking });
}
