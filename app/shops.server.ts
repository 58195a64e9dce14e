/**
 * The Shop record: created on install, refreshed from the platform, and erased on
 * uninstall and shop/redact. Every other table is scoped by shop and goes with it.
 */
import type { AdminGraphql } from "../adapters/shopify";
import { ShopifyAdapter } from "../adapters/shopify";
import type { Platform } from "../adapters/types";
import prisma from "./db.server";
import { jobQueue } from "./jobs/runtime.server";
import type { JobsDb } from "./jobs/store";
import { eraseTrackingData, type TrackingDb } from "./tracking/erase.server";
import { eraseAlertData, type AlertsDb } from "./alerts/erase.server";

type Db = Pick<typeof prisma, "shop" | "session" | "complianceRequest" | "storefrontConfig" | "checklistScan" | "checklistAttestation"> & TrackingDb & JobsDb & AlertsDb;

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
async function eraseChecklistData(db: Db, platform: Platform, shopDomain: string) {
  await db.checklistScan.deleteMany({ where: { platform, shopDomain } });
  await db.checklistAttestation.deleteMany({ where: { platform, shopDomain } });
}

/**
 * Uninstall: the access token is revoked by the platform, so forget every credential and
 * everything the shop configured; keep only a tombstone saying when it left (shop/redact,
 * 48 hours later on Shopify, removes that too).
 */
export async function eraseShopOnUninstall(db: Db, platform: Platform, domain: string) {
  if (platform === "shopify") await db.session.deleteMany({ where: { shop: domain } });
  await db.storefrontConfig.deleteMany({ where: { shop: { platform, domain } } });
  await eraseTrackingData(db, platform, domain, "uninstall");
  await jobQueue.store.eraseShop({ platform, shopDomain: domain }, db); // queued work for a shop that left
  await eraseChecklistData(db, platform, domain);
  await eraseAlertData(db, platform, domain);
  await db.shop.updateMany({
    where: { platform, domain },
    data: {
      installState: "uninstalled",
      uninstalledAt: new Date(),
      credentials: null,
      grantedScopes: null,
      jurisdictionOverride: null,
      locale: null,
    },
  });
}

/** shop/redact: nothing about the shop remains but the audit line saying it was erased. */
export async function eraseShopCompletely(db: Db, platform: Platform, domain: string) {
  if (platform === "shopify") await db.session.deleteMany({ where: { shop: domain } });
  // Explicit rather than trusting ON DELETE CASCADE: SQLite only enforces it with foreign_keys on.
  await db.storefrontConfig.deleteMany({ where: { shop: { platform, domain } } });
  await eraseTrackingData(db, platform, domain, "redact");
  await jobQueue.store.eraseShop({ platform, shopDomain: domain }, db);
  await eraseChecklistData(db, platform, domain);
  await eraseAlertData(db, platform, domain);
  await db.shop.deleteMany({ where: { platform, domain } });
}
