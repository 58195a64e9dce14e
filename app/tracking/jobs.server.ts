/**
 * Background tracking work. A job is a database row ("check fulfillment X of shop Y"), written
 * in the same transaction as the webhook's ledger entry, so an answered webhook is never a
 * lost one. An in-process worker drains due jobs a few at a time: it reads the shipment fresh
 * from the platform, plans, writes the fix, and records it. Throttling and platform outages are
 * retried with backoff; anything else fails the job with its reason. The production-readiness
 * work can swap this loop for a database-backed queue (pg-boss) without touching the jobs.
 */
import type { Platform, PlatformAdapter } from "../../adapters/types";
import { ShopifyGraphqlError } from "../../adapters/shopify";
import { WooCommerceApiError } from "../../adapters/woocommerce";
import prisma from "../db.server";
import type { Transaction } from "../webhooks/ledger.server";
import { planShipment, type TrackingStatus } from "./plan";
import { offlineAdapterFor } from "./platform.server";
import { getTrackingSettings, loadCarrierChoices } from "./settings.server";

export type JobSource = "webhook" | "backfill";
export type JobOutcome = Exclude<TrackingStatus, "needs-fix"> | "fixed" | "needs-fix" | "gone" | "coalesced";

export interface JobRef {
  platform: Platform;
  shopDomain: string;
  fulfillmentId: string;
  source: JobSource;
}

export const MAX_ATTEMPTS = 5;
const CONCURRENCY = 4;
const STALE_RUNNING_MS = 5 * 60_000;

export async function enqueueTrackingJob(db: Pick<Transaction, "trackingJob">, job: JobRef) {
  return db.trackingJob.create({ data: job });
}

type AdapterFactory = (platform: Platform, shopDomain: string) => Promise<PlatformAdapter>;
let adapterFactory: AdapterFactory = offlineAdapterFor;

/** Tests and benches point the worker at an adapter of their choosing. */
export function setTrackingAdapterFactory(factory: AdapterFactory | null) {
  adapterFactory = factory ?? offlineAdapterFor;
}

function isTransient(error: unknown): boolean {
  if (error instanceof ShopifyGraphqlError) {
    return error.errors.some((e) => /^HTTP_5\d\d$/.test(String(e.extensions?.code ?? "")));
  }
  // WooCommerce: throttling (429), 5xx and network failures are marked retryable by the adapter.
  if (error instanceof WooCommerceApiError) return error.retryable;
  // Network failures (fetch TypeError, resets) are worth another try too.
  return error instanceof TypeError;
}

function message(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

type JobRow = Awaited<ReturnType<typeof prisma.trackingJob.findFirstOrThrow>>;

async function runJob(job: JobRow): Promise<JobOutcome> {
  const shop = { platform: job.platform as Platform, shopDomain: job.shopDomain };
  const adapter = await adapterFactory(shop.platform, shop.shopDomain);
  const shipment = await adapter.getShipment(job.fulfillmentId);
  if (!shipment) return "gone";
  const [choices, settings] = await Promise.all([loadCarrierChoices(shop), getTrackingSettings(shop)]);
  const plan = planShipment(shipment, choices);
  if (plan.action === "none") return plan.status;
  if (job.source === "webhook" && !settings.autoFix) return "needs-fix";
  const before = shipment.tracking[0];
  await adapter.updateShipmentTracking(shipment.id, { company: plan.company, number: plan.number, url: plan.url, notifyCustomer: settings.notifyCustomer });
  await prisma.trackingFix.create({
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
      source: job.source,
      notifiedCustomer: settings.notifyCustomer,
    },
  });
  return "fixed";
}

const running = new Set<string>(); // fulfillment ids being processed in this process
// Shops Shopify throttled, until when (kept in memory: each process learns from its own calls).
const pausedUntil = new Map<string, number>();
const shopKey = (job: { platform: string; shopDomain: string }) => `${job.platform}|${job.shopDomain}`;
const isPaused = (job: { platform: string; shopDomain: string }) => (pausedUntil.get(shopKey(job)) ?? 0) > Date.now();

/** Takes a due job; also retires the other jobs already queued for that fulfillment: the fresh read that follows covers them. */
async function claim(where: { shopDomain?: string }): Promise<JobRow | null> {
  // A throttled shop's backlog must not hold up the other shops: its jobs are left out while it waits.
  const paused = [...pausedUntil].filter(([, until]) => until > Date.now()).map(([key]) => key.split("|")[1]);
  const due = await prisma.trackingJob.findMany({
    where: { status: "pending", runAfter: { lte: new Date() }, ...(paused.length ? { shopDomain: { notIn: paused } } : {}), ...where },
    orderBy: { createdAt: "asc" },
    take: CONCURRENCY * 4,
  });
  for (const job of due) {
    if (running.has(job.fulfillmentId) || isPaused(job)) continue;
    const taken = await prisma.trackingJob.updateMany({ where: { id: job.id, status: "pending" }, data: { status: "running", attempts: { increment: 1 } } });
    if (taken.count !== 1) continue;
    running.add(job.fulfillmentId);
    await prisma.trackingJob.updateMany({
      where: { platform: job.platform, shopDomain: job.shopDomain, fulfillmentId: job.fulfillmentId, status: "pending", createdAt: { lte: new Date() }, id: { not: job.id } },
      data: { status: "done", outcome: "coalesced" },
    });
    return { ...job, status: "running", attempts: job.attempts + 1 };
  }
  return null;
}

/**
 * How long Shopify's leaky bucket needs to hold the next request: from the cost it reported
 * (points missing ÷ restore rate), else a second. Throttling is the platform saying "later", not
 * a failure: it does not use up the job's attempts.
 */
function throttleWaitMs(error: ShopifyGraphqlError): number {
  const cost = error.cost;
  if (!cost) return 1_000;
  const missing = cost.requestedQueryCost - cost.throttleStatus.currentlyAvailable;
  return Math.min(60_000, Math.max(250, (missing / Math.max(1, cost.throttleStatus.restoreRate)) * 1_000));
}

async function execute(job: JobRow) {
  try {
    const outcome = await runJob(job);
    await prisma.trackingJob.update({ where: { id: job.id }, data: { status: "done", outcome, lastError: null } });
  } catch (error) {
    const now = Date.now();
    if (error instanceof ShopifyGraphqlError && error.isThrottled) {
      // The whole shop waits, not just this job: its other jobs would only be throttled too.
      const until = Math.max(pausedUntil.get(shopKey(job)) ?? 0, now + throttleWaitMs(error));
      pausedUntil.set(shopKey(job), until);
      await prisma.trackingJob.update({ where: { id: job.id }, data: { status: "pending", attempts: { decrement: 1 }, runAfter: new Date(until), lastError: message(error) } });
      return;
    }
    const retry = isTransient(error) && job.attempts < MAX_ATTEMPTS;
    const backoffMs = Math.min(60_000, 500 * 2 ** job.attempts);
    await prisma.trackingJob.update({
      where: { id: job.id },
      data: retry ? { status: "pending", runAfter: new Date(now + backoffMs), lastError: message(error) } : { status: "failed", lastError: message(error) },
    });
  } finally {
    running.delete(job.fulfillmentId);
  }
}

/**
 * Processes due jobs (optionally one shop's) until none is left due; returns how many ran.
 * Jobs waiting for a retry later are left to a later drain.
 */
export async function drainTrackingJobs(where: { shopDomain?: string } = {}): Promise<number> {
  let processed = 0;
  const lane = async () => {
    for (let job = await claim(where); job; job = await claim(where)) {
      await execute(job);
      processed++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  return processed;
}

let draining: Promise<void> | null = null;
let again = false;
let retryTimer: ReturnType<typeof setTimeout> | null = null;

/** Puts jobs crashed mid-run back in the queue (a process that died while running them). */
export async function requeueStaleJobs() {
  await prisma.trackingJob.updateMany({ where: { status: "running", updatedAt: { lt: new Date(Date.now() - STALE_RUNNING_MS) } }, data: { status: "pending" } });
}

async function scheduleRetry() {
  const next = await prisma.trackingJob.findFirst({ where: { status: "pending" }, orderBy: { runAfter: "asc" }, select: { runAfter: true, platform: true, shopDomain: true } });
  if (!next || retryTimer) return;
  const due = Math.max(next.runAfter.getTime(), pausedUntil.get(shopKey(next)) ?? 0);
  retryTimer = setTimeout(() => {
    retryTimer = null;
    kickTrackingWorker();
  }, Math.max(50, due - Date.now()));
  retryTimer.unref?.();
}

let lastRecovery = 0;

/** Starts draining in the background (no-op if already draining; a kick during a drain runs another pass). */
export function kickTrackingWorker(): Promise<void> {
  if (draining) {
    again = true;
    return draining;
  }
  draining = (async () => {
    // Now and then (not on every webhook: it is a write) pick up work a crashed process left running.
    if (Date.now() - lastRecovery > 60_000) {
      lastRecovery = Date.now();
      await requeueStaleJobs();
    }
    do {
      again = false;
      await drainTrackingJobs();
    } while (again);
    await scheduleRetry();
  })()
    .catch((error) => console.error(`[tracking] worker: ${message(error)}`))
    .finally(() => {
      draining = null;
    });
  return draining;
}

/** Resolves when the background worker is idle (tests, benches, graceful shutdown). */
export async function trackingWorkerIdle() {
  while (draining) await draining;
}
