/**
 * The Shop record: created on install, refreshed from the platform; on uninstall only the
 * access goes (a reinstall finds the settings again), shop/redact erases everything. Every other
 * table is scoped by shop and goes with it.
 */
import type { AdminGraphql } from "../adapters/shopify";
import { ShopifyAdapter } from "../adapters/shopify";
import type { Platform } from "../adapters/types";
import prisma from "./db.server";
import { jobQueue } from "./jobs/runtime.server";
import type { JobsDb } from "./jobs/store";
import { eraseTrackingData, type TrackingDb } from "./tracking/erase.server";
import { eraseAlertData, type AlertsDb } from "./alerts/erase.server";
import { eraseStoredReads } from "./platform-reads/stored-reads.server";

type Db = Pick<typeof prisma, "shop" | "session" | "complianceRequest" | "storefrontConfig" | "checklistScan" | "checklistAttestation" | "legalIdentity" | "legalText" | "platformRead"> & TrackingDb & JobsDb & AlertsDb;

export async function recordShopifyInstall(domain: string, grantedScopes: string, graphql: AdminGraphql) {
  const profile = await new ShopifyAdapter(graphql).getShopProfile();
  const facts = { name: profile.name, countryCode: profile.countryCode, grantedScopes };
  return prisma.shop.upsert({
    where: { platform_domain: { platform: "shopify", domain } },
    create: { platform: "shopify", domain, ...facts },
    update: { ...facts, installState: "installed", installedAt: new Date(), uninstalledAt: null },
  });
}

export function findShop(platform: Platform, domain: string) {
  return prisma.shop.findUnique({ where: { platform_domain: { platform, domain } } });
}

/** Checklist scans (reports, snapshots of the shop's pages) and the merchant's attestations. */
async function eraseChecklistData(db: Db, platform: Platform, domain: string) {
  await db.checklistScan.deleteMany({ where: { platform, shopDomain: domain } });
  await db.checklistAttestation.deleteMany({ where: { platform, shopDomain: domain } });
}

/** The company identity the merchant entered (names a director) and the legal texts drafted from it. */
async function eraseLegalData(db: Db, platform: Platform, domain: string) {
  await db.legalIdentity.deleteMany({ where: { platform, shopDomain: domain } });
  await db.legalText.deleteMany({ where: { platform, shopDomain: domain } });
}

/**
 * The shop left: forget every way of acting for it (sessions, sealed credentials, work queued on
 * its behalf) and mark it uninstalled. What the merchant set up stays, so a reinstall finds it:
 * Shopify sends shop/redact 48 hours after an uninstall (never after a reinstall), and that
 * erases the rest. Nothing here opens a sealed value: a key rotated out never blocks erasure.
 */
export async function forgetShopAccess(db: Db, platform: Platform, domain: string) {
  // Marked first: a late background write for the shop (whileInstalled, app/shop-installed.server.ts)
  // waits on this row until the uninstall commits, then sees it uninstalled, rather than slipping in after the erase below.
  await db.shop.updateMany({
    where: { platform, domain },
    data: { installState: "uninstalled", uninstalledAt: new Date(), credentials: null, grantedScopes: null },
  });
  if (platform === "shopify") await db.session.deleteMany({ where: { shop: domain } });
  await jobQueue.store.eraseShop({ platform, shopDomain: domain }, db); // queued work for a shop that left
  await eraseStoredReads(db, platform, domain); // a reinstall reads the platform afresh
  // The platform removed what we had published with the installation (Shopify: app-data metafields).
  await db.storefrontConfig.updateMany({ where: { shop: { platform, domain } }, data: { publishedVersion: null, publishedAt: null, publishError: null } });
}

/**
 * WooCommerce disconnect (no shop/redact follows on WooCommerce): forget the access and erase
 * what the merchant configured at once, keeping a tombstone and the history of tracking fixes.
 */
export async function eraseShopOnUninstall(db: Db, platform: Platform, domain: string) {
  await forgetShopAccess(db, platform, domain);
  await db.storefrontConfig.deleteMany({ where: { shop: { platform, domain } } });
  await eraseTrackingData(db, platform, domain, "settings");
  await eraseChecklistData(db, platform, domain);
  await eraseAlertData(db, platform, domain);
  await eraseLegalData(db, platform, domain);
  await db.shop.updateMany({ where: { platform, domain }, data: { jurisdictionOverride: null, locale: null } });
}

/** shop/redact: nothing about the shop remains but the audit line saying it was erased. */
export async function eraseShopCompletely(db: Db, platform: Platform, domain: string) {
  if (platform === "shopify") await db.session.deleteMany({ where: { shop: domain } });
  // Explicit rather than trusting ON DELETE CASCADE: SQLite only enforces it with foreign_keys on.
  await db.storefrontConfig.deleteMany({ where: { shop: { platform, domain } } });
  await eraseTrackingData(db, platform, domain, "everything");
  await jobQueue.store.eraseShop({ platform, shopDomain: domain }, db);
  await eraseChecklistData(db, platform, domain);
  await eraseAlertData(db, platform, domain);
  await eraseLegalData(db, platform, domain);
  await eraseStoredReads(db, platform, domain);
  await db.shop.deleteMany({ where: { platform, domain } });
}
