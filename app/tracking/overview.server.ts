/**
 * The admin page's view of recent shipments: each one's link status, read live from the
 * platform and our record of fixes; and "fix all", which runs the same jobs as the webhooks.
 */
import type { PlatformAdapter, Shipment } from "../../adapters/types";
import prisma from "../db.server";
import { drainTrackingJobs, enqueueTrackingJob, kickTrackingWorker } from "./jobs.server";
import { planShipment, type CarrierChoices, type TrackingStatus } from "./plan";
import { loadCarrierChoices, type ShopRef } from "./settings.server";

export type LinkStatus = TrackingStatus | "fixed";

export interface ShipmentRow {
  id: string;
  name: string;
  orderName: string;
  createdAt: string;
  company: string | null;
  number: string | null;
  url: string | null;
  status: LinkStatus;
  /** The carrier we recognised (or the link we would write for "needs-fix"). */
  carrierName: string | null;
  proposedUrl: string | null;
}

export const RECENT_ORDERS = 25;

export function shipmentRows(shipments: Shipment[], choices: CarrierChoices, fixedUrls: ReadonlyMap<string, string>): ShipmentRow[] {
  return shipments.map((shipment) => {
    const tracking = shipment.tracking[0];
    const plan = planShipment(shipment, choices);
    const fixedByUs = tracking?.url && fixedUrls.get(shipment.id) === tracking.url;
    return {
      id: shipment.id,
      name: shipment.name,
      orderName: shipment.orderName,
      createdAt: shipment.createdAt,
      company: tracking?.company ?? null,
      number: tracking?.number ?? null,
      url: tracking?.url ?? null,
      status: plan.status === "ok" && fixedByUs ? "fixed" : plan.status,
      carrierName: plan.carrier?.name ?? null,
      proposedUrl: plan.action === "update" ? plan.url : null,
    };
  });
}

export async function loadShipmentRows(shop: ShopRef, adapter: PlatformAdapter): Promise<ShipmentRow[]> {
  const [shipments, choices] = await Promise.all([adapter.listRecentShipments(RECENT_ORDERS), loadCarrierChoices(shop)]);
  const fixes = await prisma.trackingFix.findMany({
    where: { ...shop, fulfillmentId: { in: shipments.map((s) => s.id) } },
    orderBy: { createdAt: "asc" },
    select: { fulfillmentId: true, url: true },
  });
  return shipmentRows(shipments, choices, new Map(fixes.map((f) => [f.fulfillmentId, f.url])));
}

export interface FixAllResult {
  queued: number;
  fixed: number;
  failed: number;
}

/** Queues every recent shipment that needs a fix and runs the queue now (bounded by RECENT_ORDERS). */
export async function fixAllRecent(shop: ShopRef, adapter: PlatformAdapter): Promise<FixAllResult> {
  const rows = await loadShipmentRows(shop, adapter);
  const toFix = rows.filter((r) => r.status === "needs-fix");
  const jobs = [];
  for (const row of toFix) jobs.push(await enqueueTrackingJob(prisma, { ...shop, fulfillmentId: row.id, source: "backfill" }));
  await drainTrackingJobs({ shopDomain: shop.shopDomain });
  void kickTrackingWorker(); // whatever Shopify throttled is retried in the background
  const done = await prisma.trackingJob.findMany({ where: { id: { in: jobs.map((j) => j.id) } }, select: { status: true, outcome: true } });
  return { queued: jobs.length, fixed: done.filter((j) => j.outcome === "fixed").length, failed: done.filter((j) => j.status === "failed").length };
}
