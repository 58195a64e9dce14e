/**
 * What the tracking feature holds, and how it goes. Per shop: the merchant's settings (erased on
 * a WooCommerce disconnect; on a Shopify uninstall they wait for shop/redact, should the merchant
 * reinstall) and the history of fixes (shop/redact). Per order, for GDPR requests: each fix names
 * the order (id, name), the fulfillment, the tracking number and the links before and after —
 * data about a customer's parcel, reported on request and erased on redaction with the queued
 * checks of those fulfillments. Queued checks of a shop go with its other jobs (app/shops.server.ts).
 */
import type { Platform } from "../../adapters/types";
import type prisma from "../db.server";
import { jobQueue } from "../jobs/runtime.server";
import type { JobsDb } from "../jobs/store";
import { JOB_SOURCES, TRACKING_JOB, trackingCheckKey } from "./check-identity";
import type { ShopRef } from "./settings.server";

export type TrackingDb = Pick<typeof prisma, "trackingSettings" | "carrierOverride" | "customCarrier" | "trackingFix">;

export async function eraseTrackingData(db: TrackingDb, platform: Platform, shopDomain: string, scope: "settings" | "everything") {
  const where = { platform, shopDomain };
  await db.trackingSettings.deleteMany({ where });
  await db.carrierOverride.deleteMany({ where });
  await db.customCarrier.deleteMany({ where });
  if (scope === "everything") await db.trackingFix.deleteMany({ where });
}

/** At most this many fixes are reported for one request (an order has a handful). */
const MAX_REPORTED_FIXES = 500;
/** Orders per query: a long list (years of orders) stays within every database's parameter limit. */
const ORDERS_PER_QUERY = 500;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += ORDERS_PER_QUERY) out.push(items.slice(i, i + ORDERS_PER_QUERY));
  return out;
}

const fixSummary = { orderId: true, orderName: true, fulfillmentId: true, number: true, previousCompany: true, previousUrl: true, company: true, url: true, createdAt: true } as const;

/** The fixes recorded for these orders (ids as stored: Shopify Admin API gids), oldest first. */
export async function trackingDataForOrders(db: TrackingDb, shop: ShopRef, orderIds: string[]) {
  const found = [];
  for (const ids of chunks(orderIds)) {
    found.push(...(await db.trackingFix.findMany({ where: { ...shop, orderId: { in: ids } }, orderBy: { createdAt: "asc" }, take: MAX_REPORTED_FIXES, select: fixSummary })));
  }
  return found.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).slice(0, MAX_REPORTED_FIXES);
}

export type OrderTrackingRecord = Awaited<ReturnType<typeof trackingDataForOrders>>[number];

/** Erases what is held for these orders: their fixes and the queued or finished checks of their fulfillments. */
export async function eraseTrackingDataForOrders(db: TrackingDb & JobsDb, shop: ShopRef, orderIds: string[]) {
  let fixes = 0;
  let checks = 0;
  for (const ids of chunks(orderIds)) {
    const rows = await db.trackingFix.findMany({ where: { ...shop, orderId: { in: ids } }, select: { fulfillmentId: true } });
    const keys = [...new Set(rows.map((row) => row.fulfillmentId))].flatMap((id) => JOB_SOURCES.map((source) => trackingCheckKey(id, source)));
    if (keys.length) checks += await jobQueue.store.eraseByDedupeKeys(shop, TRACKING_JOB, keys, db);
    fixes += (await db.trackingFix.deleteMany({ where: { ...shop, orderId: { in: ids } } })).count;
  }
  return { fixes, checks };
}
