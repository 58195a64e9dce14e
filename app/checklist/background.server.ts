/**
 * Scans run in the background of this process for the admin (Scan now, re-check, the daily
 * refresh when the admin is opened), for the shop/update webhook, and for the daily sweep
 * (in production, every hour this process re-scans installed Shopify and WooCommerce shops whose
 * latest scan is more than a day old, one shop at a time; RASSURE_DAILY_SCANS=off disables it). The scan row is
 * written first, so the page shows "running". Scans and re-checks asked for by the merchant, the
 * install and the webhook run as jobs on the durable queue (app/jobs): the job is recorded with
 * the scan row (in the webhook's transaction for shop/update), so a restart or a crash does not
 * lose it, and a throttled re-check waits for Shopify instead of failing.
 * `waitForBackgroundScans` exists for tests and graceful shutdown.
 */
import type { PlatformAdapter } from "../../adapters/types";
import prisma from "../db.server";
import type { JobQueue } from "../jobs/queue.server";
import { jobQueue, kickJobWorker } from "../jobs/runtime.server";
import { effectiveJurisdiction } from "../jurisdiction";
import { companyIdentityCollector } from "../legal/identity-facts.server";
import { log } from "../logger.server";
import { findShop } from "../shops.server";
import { devStorefrontScanOptions } from "./dev-storefront.server";
import type { Transaction } from "../webhooks/ledger.server";
import { wooScanContext } from "../woocommerce/checklist.server";
import { afterScan } from "./after-scan.server";
import { finishScan, isScanDue, latestChecklist, recheckItem, startScan, type ScanTrigger, type ShopRef } from "./scan.server";

const pending = new Set<Promise<unknown>>();
/** A shop/update burst (several settings saved in a row) triggers one scan, not one per webhook. */
const WEBHOOK_DEBOUNCE_MS = 60_000;

function track(task: Promise<unknown>) {
  const settled = task.catch((error: unknown) => log("error", "background scan failed", { error })).finally(() => pending.delete(settled));
  pending.add(settled);
}

export async function waitForBackgroundScans(): Promise<void> {
  do {
    await Promise.all([...pending]);
    await jobQueue.whenIdle();
  } while (pending.size);
}

/** A Shopify shop's adapter outside a merchant's request: the composition root provides it. */
export type ShopifyAdapterFactory = (shopDomain: string) => Promise<PlatformAdapter>;
let shopifyAdapterFor: ShopifyAdapterFactory | null = null;

async function shopifyContext(shopDomain: string) {
  if (!shopifyAdapterFor) throw new Error("Checklist jobs are not wired to Shopify: app/background-work.server.ts registers them.");
  const [adapter, shop] = await Promise.all([shopifyAdapterFor(shopDomain), findShop("shopify", shopDomain)]);
  return {
    adapter,
    jurisdiction: shop ? effectiveJurisdiction(shop) : undefined,
    companyIdentity: companyIdentityCollector(prisma, { platform: "shopify", shopDomain }),
    ...devStorefrontScanOptions(),
  };
}

function scanContext(shop: ShopRef) {
  return shop.platform === "woocommerce" ? wooScanContext(shop.shopDomain) : shopifyContext(shop.shopDomain);
}

/** Runs the scan of a row written beforehand ("running"); a failure closes the row with the reason. */
async function runScanRow(shop: ShopRef, scanId: string) {
  try {
    const { adapter, ...options } = await scanContext(shop);
    await afterScan(shop, await finishScan(prisma, scanId, shop, adapter, options), adapter);
  } catch (error) {
    // No offline session (uninstalled meanwhile) or similar: close the row with the reason.
    await prisma.checklistScan.updateMany({ where: { id: scanId, status: "running" }, data: { status: "failed", error: error instanceof Error ? error.message : String(error), finishedAt: new Date() } });
  }
}

const SCAN_JOB = "checklist.scan";
const RECHECK_JOB = "checklist.recheck";

/** Registers scans and re-checks on `queue`, reading Shopify shops through `shopifyAdapter` (the composition root calls this). */
export function registerChecklistJobs(queue: JobQueue, shopifyAdapter: ShopifyAdapterFactory) {
  shopifyAdapterFor = shopifyAdapter;
  queue.register<{ scanId: string }>(SCAN_JOB, (job) => runScanRow({ platform: job.platform, shopDomain: job.shopDomain }, job.payload.scanId), { maxAttempts: 3 });
  queue.register<{ checkId: string }>(
    RECHECK_JOB,
    async (job) => {
      const shop: ShopRef = { platform: job.platform, shopDomain: job.shopDomain };
      const { adapter, ...options } = await scanContext(shop);
      await afterScan(shop, await recheckItem(prisma, shop, adapter, job.payload.checkId, options), adapter);
    },
    { maxAttempts: 3 },
  );
}

export async function scanShopifyShopInBackground(shopDomain: string, trigger: ScanTrigger): Promise<string> {
  return scanShopInBackground({ platform: "shopify", shopDomain }, trigger);
}

/** Starts a scan of either platform's shop on the job queue (the row says "running" at once). */
export async function scanShopInBackground(shop: ShopRef, trigger: ScanTrigger): Promise<string> {
  // A second click (or tab) while a scan runs follows that scan instead of starting another.
  const current = (await latestChecklist(prisma, shop, 1)).current;
  if (current?.status === "running") return current.id;
  const scanId = await startScan(prisma, shop, trigger);
  await jobQueue.enqueue({ kind: SCAN_JOB, ...shop, payload: { scanId } });
  kickJobWorker();
  return scanId;
}

/** Re-checks one item of either platform's shop on the job queue (a new scan row holds the result). */
export function recheckInBackground(shop: ShopRef, checkId: string): void {
  track(jobQueue.enqueue({ kind: RECHECK_JOB, ...shop, payload: { checkId } }).then(kickJobWorker));
}

/** shop/update: the shop's settings changed (address, email, policies…): re-scan, debounced. */
export async function onShopUpdate(tx: Transaction, webhook: { shop: string }): Promise<void> {
  const shop: ShopRef = { platform: "shopify", shopDomain: webhook.shop };
  const recent = await tx.checklistScan.findFirst({ where: { ...shop, startedAt: { gt: new Date(Date.now() - WEBHOOK_DEBOUNCE_MS) } } });
  if (recent) return;
  const row = await tx.checklistScan.create({ data: { ...shop, trigger: "webhook" } });
  // The job commits with the row and the ledger entry; the worker picks it up once committed.
  await jobQueue.enqueue({ kind: SCAN_JOB, ...shop, payload: { scanId: row.id } }, tx);
  setImmediate(kickJobWorker);
}

let sweeping = false;

/** The daily sweep: scans, one after the other, the installed shops (Shopify and WooCommerce) whose latest scan is over a day old. */
export async function scanDueShops(now = new Date()): Promise<number> {
  if (sweeping) return 0;
  sweeping = true;
  try {
    const shops = await prisma.shop.findMany({ where: { platform: { in: ["shopify", "woocommerce"] }, installState: "installed" }, select: { platform: true, domain: true } });
    let scanned = 0;
    for (const { platform, domain } of shops) {
      const shop: ShopRef = { platform: platform as ShopRef["platform"], shopDomain: domain };
      if (!isScanDue(await latestChecklist(prisma, shop, 1), now.getTime())) continue;
      await runScanRow(shop, await startScan(prisma, shop, "daily"));
      scanned += 1;
    }
    return scanned;
  } finally {
    sweeping = false;
  }
}

const SWEEP_EVERY_MS = 3_600_000;
if (process.env.NODE_ENV === "production" && process.env.RASSURE_DAILY_SCANS !== "off") {
  setInterval(() => track(scanDueShops()), SWEEP_EVERY_MS).unref();
}
