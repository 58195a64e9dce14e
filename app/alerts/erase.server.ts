/**
 * What alerts hold for a shop goes with it, on uninstall already: the recipient override and
 * the sent alerts hold the merchant's e-mail address, and an uninstalled shop gets no alert.
 * Queued deliveries go with the shop's other jobs (app/shops.server.ts).
 */
import type { Platform } from "../../adapters/types";
import type prisma from "../db.server";

export type AlertsDb = Pick<typeof prisma, "alertSettings" | "alertObservation" | "alertCondition" | "alert">;

export async function eraseAlertData(db: AlertsDb, platform: Platform, shopDomain: string) {
  const where = { platform, shopDomain };
  await db.alertSettings.deleteMany({ where });
  await db.alertObservation.deleteMany({ where });
  await db.alertCondition.deleteMany({ where });
  await db.alert.deleteMany({ where });
}
