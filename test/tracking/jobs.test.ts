/**
 * Tracking checks on the job queue, with a platform double per shop: a shop Shopify throttles
 * waits (without using up attempts) and does not hold up other shops; duplicates for one
 * fulfillment collapse into one platform write. (Leases, crash recovery and retries are the
 * queue's own: test/jobs/queue.test.ts.)
 */
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { ShopifyGraphqlError } from "../../adapters/shopify";
import type { PlatformAdapter, Shipment, TrackingUpdate } from "../../adapters/types";
import prisma from "../../app/db.server";
import { jobQueue } from "../../app/jobs/runtime.server";
import { drainTrackingJobs, enqueueTrackingJob, outcomeOf, recentTrackingChecks, setTrackingAdapterFactory } from "../../app/tracking/jobs.server";
import { sharedLimits } from "../../app/limits/shared-store.server";

const writes: Array<{ shop: string; id: string; update: TrackingUpdate }> = [];
const links = new Map<string, string>(); // what the platform holds after a write
const throttledShops = new Set<string>();
const busy = { platform: "shopify" as const, shopDomain: "busy.myshopify.com" };
const calm = { platform: "shopify" as const, shopDomain: "calm.myshopify.com" };

function shipment(id: string): Shipment {
  return { id, name: "#1-F1", orderId: "gid://shopify/Order/1", orderName: "#1", status: "SUCCESS", createdAt: "2026-11-01T00:00:00Z", destinationCountry: "FR", tracking: [{ company: "Colissimo", number: "6A18734592013", url: links.get(id) ?? null }] };
}

function platformDouble(shop: string): PlatformAdapter {
  const throttle = () => {
    if (throttledShops.has(shop)) {
      throw new ShopifyGraphqlError("Throttled", [{ message: "Throttled", extensions: { code: "THROTTLED" } }], {
        requestedQueryCost: 20,
        actualQueryCost: null,
        throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 0, restoreRate: 100 },
      });
    }
  };
  return {
    platform: "shopify",
    getShipment: async (id: string) => (throttle(), shipment(id)),
    updateShipmentTracking: async (id: string, update: TrackingUpdate) => {
      throttle();
      writes.push({ shop, id, update });
      links.set(id, update.url);
    },
  } as unknown as PlatformAdapter;
}

beforeEach(async () => {
  setTrackingAdapterFactory(async (_platform, shop) => platformDouble(shop));
  writes.length = 0;
  links.clear();
  throttledShops.clear();
  for (const shopDomain of [busy.shopDomain, calm.shopDomain]) await jobQueue.store.eraseShop({ platform: "shopify", shopDomain });
  await sharedLimits.clear();
  await prisma.trackingFix.deleteMany();
});

afterAll(() => setTrackingAdapterFactory(null));

describe("tracking worker", () => {
  it("lets other shops through while a throttled shop waits, and the throttled one resumes later", async () => {
    throttledShops.add("busy.myshopify.com");
    for (let i = 0; i < 6; i++) await enqueueTrackingJob(prisma, { platform: "shopify", shopDomain: "busy.myshopify.com", fulfillmentId: `gid://shopify/Fulfillment/${i}`, source: "webhook" });
    await enqueueTrackingJob(prisma, { platform: "shopify", shopDomain: "calm.myshopify.com", fulfillmentId: "gid://shopify/Fulfillment/100", source: "webhook" });

    await drainTrackingJobs();
    expect(writes.map((w) => w.shop)).toEqual(["calm.myshopify.com"]);
    const waiting = await recentTrackingChecks(busy);
    expect(waiting).toHaveLength(6);
    expect(waiting.every((j) => j.status === "pending" && j.attempts === 0)).toBe(true); // throttling is not a failed attempt

    throttledShops.clear();
    await new Promise((resolve) => setTimeout(resolve, 300)); // the bucket refills (20 points at 100/s, at least 250 ms)
    await drainTrackingJobs();
    expect(writes.filter((w) => w.shop === "busy.myshopify.com")).toHaveLength(6);
    const checks = [...(await recentTrackingChecks(busy)), ...(await recentTrackingChecks(calm))];
    expect(checks.filter((j) => j.status === "done" && outcomeOf(j) === "fixed")).toHaveLength(7);
  });

  it("collapses queued duplicates for one fulfillment into one write", async () => {
    for (let i = 0; i < 5; i++) await enqueueTrackingJob(prisma, { platform: "shopify", shopDomain: "calm.myshopify.com", fulfillmentId: "gid://shopify/Fulfillment/7", source: "webhook" });
    await drainTrackingJobs();
    expect(writes).toHaveLength(1);
    expect(await recentTrackingChecks(calm)).toHaveLength(1); // the four others were covered by the waiting one
  });

  it("neither writes to the platform nor records a fix when its lease was lost before the write", async () => {
    // This worker froze past its lease and another took the job over: the lease can no longer be renewed.
    const renew = jobQueue.store.renew;
    jobQueue.store.renew = async () => false;
    try {
      await enqueueTrackingJob(prisma, { ...calm, fulfillmentId: "gid://shopify/Fulfillment/8", source: "webhook" });
      await drainTrackingJobs();
    } finally {
      jobQueue.store.renew = renew;
    }
    expect(writes).toEqual([]); // the customer is not notified by an attempt that no longer holds the job
    expect(await prisma.trackingFix.count()).toBe(0);
    // Not settled by this attempt: the job's holder decides.
    expect((await recentTrackingChecks(calm)).map((job) => job.status)).toEqual(["running"]);
  });
});
