/**
 * The storefront configuration's life: stored per shop (versioned), validated on save, then
 * published to the platform through the adapter. Saving never depends on the platform being
 * up: a failed publish is recorded and can be retried, the merchant's edits are kept.
 */
import type { PlatformAdapter } from "../../adapters/types";
import prisma from "../db.server";
import { companyBadgeChangedBy, latestCompanyBadge } from "../legal/company-badge.server";
import { latestTrustScan } from "../trust-page/trust-scan.server";
import { readPartnerFacts, readStoreLocation, type PartnerFactsAdapter } from "./partner-facts.server";
import { defaultStorefrontConfig, isStorefrontLive, toPublishedConfig, validateStorefrontConfig, type ConfigIssue, type StorefrontConfig } from "./config";
import { backingAfterRead, parseShippingBacking, type ShippingBacking } from "./shipping-backing";

export interface StoredStorefrontConfig {
  config: StorefrontConfig;
  version: number;
  publishedVersion: number | null;
  publishedAt: Date | null;
  publishError: string | null;
  /** The shop's free-shipping threshold as last read from its settings; null: never read. */
  shippingBacking: ShippingBacking | null;
}

export async function loadStorefrontConfig(shopId: string): Promise<StoredStorefrontConfig> {
  const row = await prisma.storefrontConfig.findUnique({ where: { shopId } });
  if (!row) return { config: defaultStorefrontConfig(), version: 0, publishedVersion: null, publishedAt: null, publishError: null, shippingBacking: null };
  // Re-validate what was stored: a config saved by an older version gets today's defaults/limits.
  let stored: unknown = null;
  try {
    stored = JSON.parse(row.config);
  } catch {
    stored = null;
  }
  const checked = validateStorefrontConfig(stored);
  return {
    config: checked.ok ? checked.config : defaultStorefrontConfig(),
    version: row.version,
    publishedVersion: row.publishedVersion,
    publishedAt: row.publishedAt,
    publishError: row.publishError,
    shippingBacking: parseShippingBacking(row.shippingFacts),
  };
}

/**
 * What the shop's shipping settings say now, stored as the backing of the shipping promise's
 * amount. When they cannot be read (platform down, read_shipping not approved yet) the last
 * backing read is kept: a promise is not dropped because the platform was down for a moment,
 * and one never backed stays without its amount. Read only while a shipping promise states one.
 */
export async function readShippingBacking(shopId: string, config: StorefrontConfig, adapter: PartnerFactsAdapter, now: Date): Promise<ShippingBacking | null> {
  const stored = (await prisma.storefrontConfig.findUnique({ where: { shopId }, select: { shippingFacts: true } }))?.shippingFacts ?? null;
  const last = parseShippingBacking(stored);
  const promisesAmount = config.promises.enabled && config.promises.items.some((item) => item.kind === "shipping" && item.freeFrom > 0);
  if (!promisesAmount || !adapter.readShippingPromiseFacts) return last;
  const backing = backingAfterRead(await adapter.readShippingPromiseFacts(), last, now);
  if (backing !== last) await prisma.storefrontConfig.updateMany({ where: { shopId }, data: { shippingFacts: JSON.stringify(backing) } });
  return backing;
}

/** The version stored now, handed back to a stale save so the editor can show it. */
export interface StoredVersion {
  version: number;
  config: StorefrontConfig;
}

export type SaveResult =
  | { ok: true; version: number; published: boolean; publishError: string | null }
  | { ok: false; issues: ConfigIssue[] }
  | { ok: false; conflict: StoredVersion };

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

/**
 * Stores `config` as the version after `baseVersion` (0: the first), only if the stored version
 * is still `baseVersion`: one conditional write, so of two saves from the same page one wins and
 * the other learns it is stale. Returns the new version, or null when stale.
 */
async function storeIfUnchanged(shopId: string, baseVersion: number, config: StorefrontConfig): Promise<number | null> {
  const json = JSON.stringify(config);
  if (baseVersion === 0) {
    try {
      return (await prisma.storefrontConfig.create({ data: { shopId, config: json } })).version;
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }
  const { count } = await prisma.storefrontConfig.updateMany({ where: { shopId, version: baseVersion }, data: { config: json, version: { increment: 1 } } });
  return count === 1 ? baseVersion + 1 : null;
}

/**
 * Validates and stores the merchant's configuration, then publishes it. `baseVersion` is the
 * version the merchant's edits started from: when another save came first, nothing is stored or
 * published and the answer carries the version that is stored now (optimistic concurrency).
 */
export async function saveAndPublishStorefrontConfig(
  shopId: string,
  input: unknown,
  baseVersion: number,
  adapter: PartnerFactsAdapter,
  timeZone: string,
  now = new Date(),
): Promise<SaveResult> {
  const checked = validateStorefrontConfig(input);
  if (!checked.ok) return checked;
  const version = Number.isInteger(baseVersion) && baseVersion >= 0 ? await storeIfUnchanged(shopId, baseVersion, checked.config) : null;
  if (version === null) {
    const current = await loadStorefrontConfig(shopId);
    return { ok: false, conflict: { version: current.version, config: current.config } };
  }
  return publishStoredVersion(shopId, checked.config, version, adapter, timeZone, now);
}

/** Publishes the stored configuration again (retry after a failure, or refresh holiday dates). */
export async function republishStorefrontConfig(shopId: string, adapter: PartnerFactsAdapter, timeZone: string, now = new Date()): Promise<SaveResult> {
  const stored = await loadStorefrontConfig(shopId);
  if (stored.version === 0) return saveAndPublishStorefrontConfig(shopId, stored.config, 0, adapter, timeZone, now);
  return publishStoredVersion(shopId, stored.config, stored.version, adapter, timeZone, now);
}

async function publishStoredVersion(
  shopId: string,
  config: StorefrontConfig,
  version: number,
  adapter: PartnerFactsAdapter,
  timeZone: string,
  now: Date,
): Promise<SaveResult> {
  try {
    const [company, partners, store, trustScan, shipping] = await Promise.all([
      latestCompanyBadge(prisma, shopId),
      readPartnerFacts(config, adapter),
      readStoreLocation(config, adapter),
      latestScanOf(shopId),
      readShippingBacking(shopId, config, adapter, now),
    ]);
    await adapter.publishStorefrontConfig({ config: toPublishedConfig(config, version, now, timeZone, { company, partners, store, trustScan, shipping }), enabled: isStorefrontLive(config) });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await prisma.storefrontConfig.update({ where: { shopId }, data: { publishError: message.slice(0, 500) } });
    return { ok: true, version, published: false, publishError: message };
  }
  await prisma.storefrontConfig.update({ where: { shopId }, data: { publishedVersion: version, publishedAt: now, publishError: null } });
  return { ok: true, version, published: true, publishError: null };
}

/** The last finished scan the trust page states (the WooCommerce plugin renders it from what is published). */
async function latestScanOf(shopId: string) {
  const shop = await prisma.shop.findUnique({ where: { id: shopId }, select: { platform: true, domain: true } });
  return shop ? latestTrustScan(prisma, shop.platform, shop.domain) : null;
}

/** Published holiday dates cover PUBLISHED_HOLIDAY_DAYS; refresh well before they run out. */
export const REPUBLISH_AFTER_DAYS = 180;

/**
 * Republishes an up-to-date configuration whose publication is old enough for its holiday list
 * to thin out. Called when the merchant opens the page; returns null when nothing was due.
 */
export async function refreshStalePublication(
  shopId: string,
  adapter: PartnerFactsAdapter,
  timeZone: string,
  now = new Date(),
): Promise<SaveResult | null> {
  const stored = await loadStorefrontConfig(shopId);
  const due = stored.publishedAt && stored.publishedVersion === stored.version && now.getTime() - stored.publishedAt.getTime() > REPUBLISH_AFTER_DAYS * 86_400_000;
  return due ? publishStoredVersion(shopId, stored.config, stored.version, adapter, timeZone, now) : null;
}

/**
 * After a finished scan: when it confirmed or withdrew the company's verification, or while the
 * trust page is on (it states the latest scan's date, grade and HTTPS, and the WooCommerce plugin
 * renders it from what was published), the published configuration is refreshed, so the
 * storefront never keeps a "verified" or a grade the latest scan no longer backs. Only for shops
 * that published blocks; a failed publish is recorded like any other.
 */
export async function republishAfterScan(
  shop: { platform: string; shopDomain: string },
  scanId: string,
  adapter: PartnerFactsAdapter & Pick<PlatformAdapter, "getShopProfile">,
): Promise<SaveResult | null> {
  const row = await prisma.storefrontConfig.findFirst({ where: { shop: { platform: shop.platform, domain: shop.shopDomain } }, select: { shopId: true } });
  if (!row) return null;
  const trustPageOn = (await loadStorefrontConfig(row.shopId)).config.trustPage.enabled;
  if (!trustPageOn && !(await companyBadgeChangedBy(prisma, scanId))) return null;
  const timeZone = (await adapter.getShopProfile().catch(() => null))?.timezone || "Europe/Paris";
  return republishStorefrontConfig(row.shopId, adapter, timeZone);
}
