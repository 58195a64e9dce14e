/**
 * fulfillments/create|update → background job → fulfillmentTrackingInfoUpdate, end to end
 * against the local dev store: real signed webhooks to the real routes, the real offline
 * token, the real Admin API mutation (schema-validated by the store), the real database.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { jobQueue } from "../../app/jobs/runtime.server";
import { drainTrackingJobs, enqueueTrackingJob, outcomeOf, recentTrackingChecks, trackingWorkerIdle } from "../../app/tracking/jobs.server";
import { addCustomCarrier, saveTrackingSettings, setCarrierOverride } from "../../app/tracking/settings.server";
import type { ShopifyDevStore } from "../../dev/shopify-dev-store";
import { findSeededFulfillment, fulfillmentPayload, startTrackingHarness, type TrackingHarness } from "./support";
import { sharedLimits } from "../../app/limits/shared-store.server";

let harness: TrackingHarness;
let store: ShopifyDevStore;
let shop: { platform: "shopify"; shopDomain: string };

beforeAll(async () => {
  harness = await startTrackingHarness();
  store = harness.store;
  shop = { platform: "shopify", shopDomain: store.shopDomain };
});

afterAll(async () => harness?.close());

beforeEach(async () => {
  await trackingWorkerIdle();
  await store.flushWebhooks();
  await trackingWorkerIdle();
  await jobQueue.store.eraseShop(shop);
  await sharedLimits.clear(); // a test that saw outages or throttling must not hold up the next
  await prisma.trackingFix.deleteMany();
  await prisma.trackingSettings.deleteMany();
  await prisma.carrierOverride.deleteMany();
  await prisma.customCarrier.deleteMany();
  store.simulate.reset();
});

/** Waits until the webhook's background work and the echo webhook Shopify sends after our fix are done. */
async function settle() {
  for (let i = 0; i < 3; i++) {
    await trackingWorkerIdle();
    await store.flushWebhooks();
  }
  await trackingWorkerIdle();
}

async function sendFulfillmentWebhook(orderName: string, topic = "fulfillments/update", webhookId = randomUUID()) {
  const { order, fulfillment } = findSeededFulfillment(store, orderName);
  return store.sendWebhook(topic, fulfillmentPayload(order, fulfillment), { webhookId });
}

describe("fulfillment webhooks fix tracking links in the background", () => {
  it("adds the missing link and Shopify's exact company spelling, and records the change", async () => {
    const { fulfillment } = findSeededFulfillment(store, "#1003"); // "colissimo", no URL
    const started = Date.now();
    const response = await sendFulfillmentWebhook("#1003");
    expect(response.status).toBe(200);
    expect(response.headers.get("x-rassure-delivery")).toBe("processed");
    expect(Date.now() - started).toBeLessThan(5_000); // answered without waiting for Shopify calls
    await settle();

    expect(fulfillment.trackingInfo).toEqual([{ company: "Colissimo", number: "6C20192837465", url: "https://www.laposte.fr/outils/suivre-vos-envois?code=6C20192837465" }]);
    const fix = await prisma.trackingFix.findFirstOrThrow({ where: { fulfillmentId: fulfillment.id } });
    expect(fix).toMatchObject({ previousCompany: "colissimo", previousUrl: null, company: "Colissimo", source: "webhook", orderName: "#1003", notifiedCustomer: false });
    expect(fix.reason.split(",").sort()).toEqual(["company-spelling", "missing-url"]);
    // Shopify's own fulfillments/update after our fix arrived and changed nothing.
    const echoes = store.state.webhookDeliveries.filter((d) => d.automatic && d.topic === "fulfillments/update");
    expect(echoes.at(-1)?.status).toBe(200);
    expect(await prisma.trackingFix.count()).toBe(1);
  });

  it("recognises the carrier from the number when the company is empty (fulfillments/create)", async () => {
    const { fulfillment } = findSeededFulfillment(store, "#1008"); // company null, UPS 1Z number
    expect((await sendFulfillmentWebhook("#1008", "fulfillments/create")).status).toBe(200);
    await settle();
    expect(fulfillment.trackingInfo[0]).toEqual({ company: "UPS", number: "1Z999AA10123456784", url: "https://www.ups.com/track?tracknum=1Z999AA10123456784" });
    expect((await prisma.trackingFix.findFirstOrThrow()).reason).toBe("missing-url,unknown-company");
  });

  it("never touches a valid link the merchant set, and queues nothing for it", async () => {
    const { fulfillment } = findSeededFulfillment(store, "#1004"); // Chronopost with its link
    const before = structuredClone(fulfillment.trackingInfo);
    expect((await sendFulfillmentWebhook("#1004")).status).toBe(200);
    await settle();
    expect(fulfillment.trackingInfo).toEqual(before);
    expect(await recentTrackingChecks(shop)).toHaveLength(0);
    expect(await prisma.trackingFix.count()).toBe(0);
  });

  it("replaces a broken link (not a URL for this number) but keeps the merchant's company", async () => {
    const { fulfillment } = findSeededFulfillment(store, "#1002");
    fulfillment.trackingInfo = [{ company: "Colissimo", number: "6A19283746510", url: "https://www.laposte.fr/" }];
    await sendFulfillmentWebhook("#1002");
    await settle();
    expect(fulfillment.trackingInfo[0].url).toBe("https://www.laposte.fr/outils/suivre-vos-envois?code=6A19283746510");
    expect((await prisma.trackingFix.findFirstOrThrow()).reason).toBe("wrong-url");
  });

  it("processes a webhook id once, and a burst for one fulfillment writes once", async () => {
    const { fulfillment } = findSeededFulfillment(store, "#1002"); // Colissimo, no URL
    fulfillment.trackingInfo = [{ company: "Colissimo", number: "6A19283746510", url: null }];
    const deliveriesBefore = store.state.webhookDeliveries.length;
    const webhookId = randomUUID();
    const first = await sendFulfillmentWebhook("#1002", "fulfillments/update", webhookId);
    const replay = await sendFulfillmentWebhook("#1002", "fulfillments/update", webhookId);
    expect(replay.headers.get("x-rassure-delivery")).toBe("duplicate");
    expect(first.headers.get("x-rassure-delivery")).toBe("processed");
    await Promise.all(Array.from({ length: 20 }, () => sendFulfillmentWebhook("#1002")));
    await settle();
    expect(await prisma.trackingFix.count({ where: { fulfillmentId: fulfillment.id } })).toBe(1);
    const mutations = store.state.webhookDeliveries.slice(deliveriesBefore).filter((d) => d.automatic && (d.payload as { admin_graphql_api_id?: string }).admin_graphql_api_id === fulfillment.id);
    expect(mutations).toHaveLength(1); // the store sends one fulfillments/update per mutation
    expect((await recentTrackingChecks(shop)).filter((job) => job.status !== "done")).toEqual([]);
  });

  it("leaves an unknown carrier alone until the merchant names it, then uses their custom carrier", async () => {
    const { fulfillment } = findSeededFulfillment(store, "#1005"); // "Transports Martin", TM-2024-088172
    await sendFulfillmentWebhook("#1005");
    await settle();
    expect(fulfillment.trackingInfo[0].url).toBeNull();
    expect(outcomeOf((await recentTrackingChecks(shop))[0])).toBe("unknown-carrier");

    expect(await addCustomCarrier(shop, "Transports Martin", "https://suivi.transports-martin.fr/colis/{number}")).toEqual({ ok: true });
    await sendFulfillmentWebhook("#1005");
    await settle();
    expect(fulfillment.trackingInfo[0]).toEqual({ company: "Transports Martin", number: "TM-2024-088172", url: "https://suivi.transports-martin.fr/colis/TM2024088172" });
  });

  it("follows a carrier override (the merchant says this company is GLS)", async () => {
    const { fulfillment } = findSeededFulfillment(store, "#1005");
    fulfillment.trackingInfo = [{ company: "Transports Martin", number: "12345678901", url: null }];
    expect(await setCarrierOverride(shop, "transports martin", "registry:gls")).toEqual({ ok: true });
    await sendFulfillmentWebhook("#1005");
    await settle();
    expect(fulfillment.trackingInfo[0]).toEqual({ company: "GLS", number: "12345678901", url: "https://gls-group.com/track/12345678901" });
  });

  it("notifies the customer only when the merchant asks for it", async () => {
    await saveTrackingSettings(shop, { autoFix: true, notifyCustomer: true });
    const { fulfillment } = findSeededFulfillment(store, "#1002");
    fulfillment.trackingInfo = [{ company: "Colissimo", number: "6A19283746510", url: null }];
    const notifications = store.state.customerNotifications.length;
    await sendFulfillmentWebhook("#1002");
    await settle();
    expect(store.state.customerNotifications.length).toBe(notifications + 1);
    expect((await prisma.trackingFix.findFirstOrThrow()).notifiedCustomer).toBe(true);
  });

  it("with automatic fixing off, records what it would do and writes nothing", async () => {
    await saveTrackingSettings(shop, { autoFix: false, notifyCustomer: false });
    const { fulfillment } = findSeededFulfillment(store, "#1002");
    fulfillment.trackingInfo = [{ company: "Colissimo", number: "6A19283746510", url: null }];
    await sendFulfillmentWebhook("#1002");
    await settle();
    expect(fulfillment.trackingInfo[0].url).toBeNull();
    expect(outcomeOf((await recentTrackingChecks(shop))[0])).toBe("needs-fix");
  });

  it("retries when Shopify throttles, and loses nothing", async () => {
    const { fulfillment } = findSeededFulfillment(store, "#1002");
    fulfillment.trackingInfo = [{ company: "Colissimo", number: "6A19283746510", url: null }];
    store.simulate.throttleNext(1);
    await sendFulfillmentWebhook("#1002");
    await settle();
    const [job] = await recentTrackingChecks(shop);
    expect(job).toMatchObject({ status: "pending", attempts: 0 }); // throttling does not use up attempts
    expect(job.runAfter.getTime()).toBeGreaterThan(Date.now()); // waits for the bucket to refill
    expect(job.lastError).toContain("Throttled");
    await new Promise((resolve) => setTimeout(resolve, job.runAfter.getTime() - Date.now() + 20)); // the shop's pause
    await trackingWorkerIdle();
    expect(await drainTrackingJobs()).toBeLessThanOrEqual(1); // the worker's own retry timer may have run it already
    expect(fulfillment.trackingInfo[0].url).toContain("6A19283746510");
    const [done] = await recentTrackingChecks(shop);
    expect(done).toMatchObject({ id: job.id, status: "done", attempts: 1 });
    expect(outcomeOf(done)).toBe("fixed");
  });

  it("gives up with the reason after repeated platform outages, without losing the job", async () => {
    const { fulfillment } = findSeededFulfillment(store, "#1002");
    fulfillment.trackingInfo = [{ company: "Colissimo", number: "6A19283746510", url: null }];
    store.simulate.serverErrorNext(100, 503);
    await sendFulfillmentWebhook("#1002");
    await settle();
    for (let attempt = 0; attempt < 10; attempt++) {
      await prisma.backgroundJob.updateMany({ where: { status: "pending" }, data: { runAfter: new Date() } }); // skip the backoff waits
      await drainTrackingJobs();
    }
    store.simulate.reset();
    const [job] = await recentTrackingChecks(shop);
    expect(job).toMatchObject({ status: "dead", attempts: 5 });
    expect(job.lastError).toContain("503");
    expect(fulfillment.trackingInfo[0].url).toBeNull();
  });

  it("answers 401 to a forged webhook and queues nothing", async () => {
    const { order, fulfillment } = findSeededFulfillment(store, "#1002");
    const response = await store.sendWebhook("fulfillments/update", fulfillmentPayload(order, fulfillment), { secret: "forged" });
    expect(response.status).toBe(401);
    expect(await recentTrackingChecks(shop)).toHaveLength(0);
  });

  it("ignores a payload without a usable fulfillment id instead of failing", async () => {
    const response = await store.sendWebhook("fulfillments/update", { id: "'; DROP TABLE x; --", tracking_number: "6A19283746510" });
    expect(response.status).toBe(200);
    expect(await recentTrackingChecks(shop)).toHaveLength(0);
  });

  it("forgets queued work on uninstall, keeps the settings until shop/redact, which erases everything", async () => {
    await saveTrackingSettings(shop, { autoFix: true, notifyCustomer: true });
    expect(await addCustomCarrier(shop, "Martin", "https://suivi.martin.example/{number}")).toEqual({ ok: true });
    await prisma.trackingFix.create({ data: { ...shop, orderId: "o", fulfillmentId: "f", number: "n", company: "UPS", url: "https://www.ups.com/track?tracknum=n", reason: "missing-url", source: "webhook" } });
    await enqueueTrackingJob(prisma, { ...shop, fulfillmentId: "f", source: "webhook" });
    expect((await store.sendWebhook("app/uninstalled")).status).toBe(200);
    expect(await recentTrackingChecks(shop)).toHaveLength(0);
    // Kept until shop/redact (48 hours later), in case they come back.
    expect(await prisma.trackingSettings.count()).toBe(1);
    expect(await prisma.customCarrier.count()).toBe(1);
    expect(await prisma.trackingFix.count()).toBe(1);
    expect((await store.sendWebhook("shop/redact")).status).toBe(200);
    expect(await prisma.trackingSettings.count()).toBe(0);
    expect(await prisma.customCarrier.count()).toBe(0);
    expect(await prisma.trackingFix.count()).toBe(0);
  });
});
