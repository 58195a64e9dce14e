/**
 * Background tracking work on the app's durable job queue (app/jobs): a job is "check
 * fulfillment X of shop Y", recorded in the same transaction as the webhook's ledger entry, so
 * an answered webhook is never a lost one. The handler reads the shipment fresh from the
 * platform, plans, writes the fix and records it, and returns what it found (the job's result).
 * The queue retries platform outages with backoff, waits out throttling without using up
 * attempts, and keeps a job that gave up (dead) for the merchant to see; anything a retry cannot
 * change fails the job at once with its reason.
 */
import type { Platform, PlatformAdapter } from "../../adapters/types";
import { isTransientPlatformError, platformRetryDelayMs } from "../jobs/platform-limits";
import type { JobQueue } from "../jobs/queue.server";
import { jobQueue, kickJobWorker } from "../jobs/runtime.server";
import type { JobsDb } from "../jobs/store";
import { LeaseLostError, PermanentJobError, type ClaimedJob, type JobHandlerContext, type JobRecord } from "../jobs/types";
import { planShipment, type TrackingStatus } from "./plan";
import { TRACKING_JOB, trackingCheckKey, type JobSource } from "./check-identity";
import { getTrackingSettings, loadCarrierChoices, type ShopRef } from "./settings.server";

export { TRACKING_JOB, type JobSource };
export type JobOutcome = Exclude<TrackingStatus, "needs-fix"> | "fixed" | "needs-fix" | "gone";

export interface JobRef {
  platform: Platform;
  shopDomain: string;
  fulfillmentId: string;
  source: JobSource;
}

interface TrackingPayload {
  fulfillmentId: string;
  source: JobSource;
}

export const MAX_ATTEMPTS = 5;

/**
 * Records a check. While one for the same fulfillment (and source) waits to start, another
 * changes nothing: the one fresh read covers both. Returns the job id, or null when covered.
 */
export function enqueueTrackingJob(db: JobsDb | undefined, job: JobRef): Promise<string | null> {
  return jobQueue.enqueue<TrackingPayload>(
    { kind: TRACKING_JOB, platform: job.platform, shopDomain: job.shopDomain, payload: { fulfillmentId: job.fulfillmentId, source: job.source }, dedupeKey: trackingCheckKey(job.fulfillmentId, job.source) },
    db,
  );
}

/** A shop's platform adapter outside a merchant's request: the composition root provides it. */
export type AdapterFactory = (platform: Platform, shopDomain: string) => Promise<PlatformAdapter>;
let wiredFactory: AdapterFactory | null = null;
let substituteFactory: AdapterFactory | null = null;

/** Tests and benches point the worker at an adapter of their choosing; null goes back to the wired one. */
export function setTrackingAdapterFactory(factory: AdapterFactory | null) {
  substituteFactory = factory;
  if (factory) registerHandler(jobQueue);
}

function adapterFor(platform: Platform, shopDomain: string): Promise<PlatformAdapter> {
  const factory = substituteFactory ?? wiredFactory;
  if (!factory) throw new Error("Tracking jobs are not wired to the platforms: app/background-work.server.ts registers them.");
  return factory(platform, shopDomain);
}

async function checkFulfillment(job: ClaimedJob<TrackingPayload>, context: JobHandlerContext): Promise<JobOutcome> {
  const shop = { platform: job.platform, shopDomain: job.shopDomain };
  const adapter = await adapterFor(shop.platform, shop.shopDomain);
  const shipment = await adapter.getShipment(job.payload.fulfillmentId);
  if (!shipment) return "gone";
  const [choices, settings] = await Promise.all([loadCarrierChoices(shop), getTrackingSettings(shop)]);
  const plan = planShipment(shipment, choices);
  if (plan.action === "none") return plan.status;
  if (job.payload.source === "webhook" && !settings.autoFix) return "needs-fix";
  const before = shipment.tracking[0];
  // A worker paused past its lease (the job is another's now) must not write, nor notify the customer twice.
  await context.confirmLease();
  await adapter.updateShipmentTracking(shipment.id, { company: plan.company, number: plan.number, url: plan.url, notifyCustomer: settings.notifyCustomer });
  // The audit row commits with the job's completion, fenced to this attempt: one row per fix.
  await context.commit(async (tx) => {
    await tx.trackingFix.create({
      data: {
        ...shop,
        orderId: shipment.orderId,
        orderName: shipment.orderName,
        fulfillmentId: shipment.id,
        number: plan.number,
        previousCompany: before?.company ?? null,
        previousUrl: before?.url ?? null,
        company: plan.company,
        url: plan.url,
        reason: plan.reasons.join(","),
        source: job.payload.source,
        notifiedCustomer: settings.notifyCustomer,
      },
    });
    return { outcome: "fixed" };
  });
  return "fixed";
}

async function handleTrackingJob(job: ClaimedJob<TrackingPayload>, context: JobHandlerContext) {
  try {
    return { outcome: await checkFulfillment(job, context) };
  } catch (error) {
    // Throttling and outages are the queue's to wait out and retry; anything else will not change on a retry.
    if (error instanceof LeaseLostError || platformRetryDelayMs(error) !== null || isTransientPlatformError(error)) throw error;
    throw new PermanentJobError(error instanceof Error ? error.message : String(error), { cause: error });
  }
}

function registerHandler(queue: JobQueue) {
  queue.register<TrackingPayload>(TRACKING_JOB, handleTrackingJob, { maxAttempts: MAX_ATTEMPTS });
}

/** Registers the tracking check on `queue`, reading shipments through `factory` (the composition root calls this). */
export function registerTrackingJobs(queue: JobQueue, factory: AdapterFactory) {
  wiredFactory = factory;
  registerHandler(queue);
}

/** Makes sure the worker runs and looks for tracking work now. */
export function kickTrackingWorker() {
  kickJobWorker();
}

/** Resolves when the background worker is idle (tests, benches, graceful shutdown). */
export async function trackingWorkerIdle() {
  await jobQueue.whenIdle();
}

/** Runs the due jobs now, in this call (tests, the CLI); returns how many attempts ran. */
export function drainTrackingJobs(): Promise<number> {
  return jobQueue.runUntilIdle();
}

/** A shop's recent tracking checks, newest first, with what each found (`result.outcome`). */
export function recentTrackingChecks(shop: ShopRef, options: { fulfillmentId?: string; source?: JobSource; limit?: number } = {}): Promise<JobRecord[]> {
  const dedupeKey = options.fulfillmentId ? trackingCheckKey(options.fulfillmentId, options.source ?? "webhook") : undefined;
  return jobQueue.store.recentJobs(shop, TRACKING_JOB, { dedupeKey, limit: options.limit });
}

export function outcomeOf(job: JobRecord): JobOutcome | null {
  return ((job.result as { outcome?: JobOutcome } | null)?.outcome ?? null) as JobOutcome | null;
}
