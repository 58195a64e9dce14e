/**
 * What the tracking feature holds for a shop, and how it goes: on uninstall the merchant's
 * settings are forgotten (the history of fixes stays for the 48 hours until shop/redact, should
 * they reinstall); shop/redact removes everything. Queued checks go with the shop's other jobs
 * (app/shops.server.ts).
 */
import type { Platform } from "../../adapters/types";
import type prisma from "../db.server";

export type TrackingDb = Pick<typeof prisma, "trackingSettings" | "carrierOverride" | "customCarrier" | "trackingFix">;

export async function eraseTrackingData(db: TrackingDb, platform: Platform, shopDomain: string, scope: "uninstall" | "redact") {
  const where = { platform, shopDomain };
  await db.trackingSettings.deleteMany({ where });
  await db.carrierOverride.deleteMany({ where });
  await db.customCarrier.deleteMany({ where });
  if (scope === "redact") await db.trackingFix.deleteMany({ where });
}
