/**
 * Home shows the merchant the background work that gave up for their shop (and only theirs):
 * the real Home loader, authenticated through the local dev store, over the app's job queue.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobQueue } from "../../app/jobs/runtime.server";
import { PermanentJobError } from "../../app/jobs/types";
import { loader as homeLoader } from "../../app/routes/app._index";
import type { ShopifyDevStore } from "../../dev/shopify-dev-store";
import { startTrackingHarness, type TrackingHarness } from "../tracking/support";

// The app's routes over HTTP, the dev store, Rassure installed through token exchange.
let harness: TrackingHarness;
let store: ShopifyDevStore;

beforeAll(async () => {
  harness = await startTrackingHarness();
  store = harness.store;
}, 30_000);

afterAll(async () => {
  await jobQueue.whenIdle();
  await harness?.close();
});

const home = () => homeLoader({ request: new Request(store.embeddedAppUrl("/app")), params: {}, context: {} });

describe("Home: background work that gave up", () => {
  it("says nothing while all is well, then lists the shop's dead jobs by kind with the reason", async () => {
    expect((await home()).jobFailures).toEqual([]);

    jobQueue.register("test.home-failure", async () => {
      throw new PermanentJobError("Shopify refused the update: fulfillment is locked.");
    });
    await jobQueue.enqueue({ kind: "test.home-failure", platform: "shopify", shopDomain: store.shopDomain, payload: {} });
    await jobQueue.enqueue({ kind: "test.home-failure", platform: "shopify", shopDomain: "someone-else.myshopify.com", payload: {} });
    await jobQueue.runUntilIdle();
    await jobQueue.whenIdle(); // the app's worker (started by the install scan) may have taken a job

    const { jobFailures } = await home();
    expect(jobFailures).toEqual([
      { kind: "test.home-failure", count: 1, lastError: "Shopify refused the update: fulfillment is locked.", lastFailedAt: expect.any(String) },
    ]);
  });
});
