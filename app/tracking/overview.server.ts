/**
 * The admin page's view of recent shipments: each one's link status, read live from the
 * platform and our record of fixes; and "fix all", which runs the same jobs as the webhooks.
 */
import type { PlatformAdapter, Shipment } from "../../adapters/types";
import prisma from "../db.server";
import type { JobRecord } from "../jobs/types";
import { enqueueTrackingJob, kickTrackingWorker, outcomeOf, recentTrackingChecks } from "./jobs.server";
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
  return shipmentRowsOf(shop, await adapter.listRecentShipments(RECENT_ORDERS));
}

/**
 * The rows of shipments already read (the tracking page shows the stored read), with the fixes
 * stored now and the carrier choices (read now unless the caller already has them).
 */
export async function shipmentRowsOf(shop: ShopRef, shipments: Shipment[], choicesRead?: CarrierChoices): Promise<ShipmentRow[]> {
  const [choices, fixes] = await Promise.all([
    choicesRead ?? loadCarrierChoices(shop),
    prisma.trackingFix.findMany({
      where: { ...shop, fulfillmentId: { in: shipments.map((s) => s.id) } },
      orderBy: { createdAt: "asc" },
      select: { fulfillmentId: true, url: true },
    }),
  ]);
  return shipmentRows(shipments, choices, new Map(fixes.map((f) => [f.fulfillmentId, f.url])));
}

export interface FixAllResult {
  queued: number;
  fixed: number;
  failed: number;
}

/** How long "fix all" waits for its jobs before answering; the rest finish in the background. */
const FIX_ALL_WAIT_MS = 20_000;

/** Queues every recent shipment that needs a fix and waits (bounded) for the worker to run them. */
export async function fixAllRecent(shop: ShopRef, adapter: PlatformAdapter): Promise<FixAllResult> {
  const rows = await loadShipmentRows(shop, adapter);
  const toFix = rows.filter((r) => r.status === "needs-fix");
  for (const row of toFix) await enqueueTrackingJob(prisma, { ...shop, fulfillmentId: row.id, source: "backfill" });
  kickTrackingWorker();
  const ids = new Set(toFix.map((row) => row.id));
  const deadline = Date.now() + FIX_ALL_WAIT_MS;
  for (;;) {
    // The latest check of each fulfillment (a throttled one waits as a new pending job).
    const latest = new Map<string, JobRecord>();
    for (const job of await recentTrackingChecks(shop, { limit: RECENT_ORDERS * 4 })) {
      const payload = job.payload as { fulfillmentId: string; source: string };
      if (payload.source === "backfill" && ids.has(payload.fulfillmentId) && !latest.has(payload.fulfillmentId)) latest.set(payload.fulfillmentId, job);
    }
    const jobs = [...latest.values()];
    const finished = jobs.filter((job) => job.status === "done" || job.status === "dead");
    if (finished.length === ids.size || Date.now() > deadline) {
      return { queued: ids.size, fixed: jobs.filter((job) => outcomeOf(job) === "fixed").length, failed: jobs.filter((job) => job.status === "dead").length };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
