/**
 * A shop's Shopify API points shared by several app processes (app/limits/shopify-budget.server.ts):
 * two processes, each with its own database connection, fire bursts at one shop whose bucket is
 * the dev store's own leaky bucket (dev/shopify-dev-store/cost.ts), answered after a network-like
 * delay so calls overlap. With the shared budget Shopify never has to throttle; without it, it does.
 * Waits run on a virtual clock that the bucket and the budget's store both read, so a bucket as
 * slow as Shopify's standard plan (100 points/s) takes no real time.
 */
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { AdminGraphql } from "../../adapters/shopify/admin-graphql";
import prisma from "../../app/db.server";
import { RetryLaterError } from "../../app/jobs/types";
import { DatabaseLimitStore, sharedLimits } from "../../app/limits/shared-store.server";
import { budgetedAdminGraphql, budgetedAuthenticateAdmin, forgetShopifyBuckets, shopifyPointsKey, shopifyPointsRule } from "../../app/limits/shopify-budget.server";
import { authenticate } from "../../app/shopify.server";
import { LeakyBucket } from "../../dev/shopify-dev-store/cost";
import { startInstalledDevStore } from "../support/installed-dev-store";
import { closeSecondProcesses, secondProcessClient } from "../support/second-process";

const SHOP = "budget-test.myshopify.com";
let now = 0;
const clock = () => now;
/** Sleepers overlap, as in real time: the clock only moves to the latest wake-up. */
const sleep = async (ms: number) => {
  const wake = now + ms;
  await new Promise((resolve) => setImmediate(resolve));
  now = Math.max(now, wake);
};
const QUERY_COST = 200;

/** Shopify's side of one shop: charges each query's requested cost up front, THROTTLED when the bucket lacks it. */
function shopifyShop(bucket: LeakyBucket, answerMs = 40) {
  const seen = { ok: 0, throttled: 0 };
  const graphql: AdminGraphql = async () => {
    const granted = bucket.tryTake(QUERY_COST);
    const cost = { requestedQueryCost: QUERY_COST, actualQueryCost: granted ? QUERY_COST : null, throttleStatus: bucket.status() };
    await new Promise((resolve) => setTimeout(resolve, answerMs));
    if (!granted) {
      seen.throttled++;
      return Response.json({ errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }], extensions: { cost } });
    }
    seen.ok++;
    return Response.json({ data: { shop: { id: "gid://shopify/Shop/1" } }, extensions: { cost } });
  };
  return { graphql, seen };
}

const burst = (graphql: AdminGraphql, calls: number) => Promise.all(Array.from({ length: calls }, () => graphql("{ shop { id } }")));

beforeEach(async () => {
  now = Date.now();
  forgetShopifyBuckets();
  await sharedLimits.clear();
});
afterAll(closeSecondProcesses);

describe("shared Shopify API budget", () => {
  it("keeps two processes' bursts within one shop's bucket: Shopify never throttles", async () => {
    // Real time here: a virtual clock that jumps while a database round trip is in flight makes the cell
    // decide at a stale instant, a drift real time does not have. A Plus-sized refill (1,000 points/s)
    // keeps the run short: 6,000 points through a 2,000-point bucket take about 4 s.
    const budgeted = shopifyShop(new LeakyBucket(2_000, 1_000));
    const first = budgetedAdminGraphql(SHOP, budgeted.graphql, { store: new DatabaseLimitStore(prisma), maxWaitMs: 60_000 });
    const second = budgetedAdminGraphql(SHOP, budgeted.graphql, { store: new DatabaseLimitStore(await secondProcessClient()), maxWaitMs: 60_000 });
    await Promise.all([burst(first, 15), burst(second, 15)]);
    expect(budgeted.seen).toEqual({ ok: 30, throttled: 0 });
    // The same bursts without the budget: most are refused (the test can fail).
    const bare = shopifyShop(new LeakyBucket(2_000, 1_000));
    await Promise.all([burst(bare.graphql, 15), burst(bare.graphql, 15)]);
    expect(bare.seen.throttled).toBeGreaterThan(10);
  }, 60_000);

  it("refuses to wait longer than allowed: RetryLaterError with the wait, and Shopify is not called", async () => {
    const shop = shopifyShop(new LeakyBucket(2_000, 100, clock));
    const store = new DatabaseLimitStore(prisma, clock);
    await budgetedAdminGraphql(SHOP, shop.graphql, { store, sleep })("{ shop { id } }"); // Shopify tells the bucket and the price
    await store.block(shopifyPointsKey(SHOP), shopifyPointsRule(SHOP), 5_000); // other processes spent the rest
    const impatient = budgetedAdminGraphql(SHOP, shop.graphql, { store, maxWaitMs: 1_000, sleep });
    const refused = await impatient("{ shop { id } }").catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RetryLaterError);
    expect((refused as RetryLaterError).delayMs).toBeGreaterThan(1_000);
    expect(shop.seen).toEqual({ ok: 1, throttled: 0 });
  });

  it("keeps two processes' admin pages and jobs, all at once, within one shop's bucket", async () => {
    const shop = shopifyShop(new LeakyBucket(2_000, 1_000));
    // What Shopify's authenticate.admin resolves with, as far as the budget is concerned.
    const authenticateAdmin = async () => ({ session: { shop: SHOP }, admin: { graphql: shop.graphql } });
    const stores = [new DatabaseLimitStore(prisma), new DatabaseLimitStore(await secondProcessClient())];
    const pages = stores.map((store) => budgetedAuthenticateAdmin(authenticateAdmin, { store, maxWaitMs: 60_000 }));
    const jobs = stores.map((store) => budgetedAdminGraphql(SHOP, shop.graphql, { store, maxWaitMs: 60_000 }));
    await Promise.all([...pages.map(async (page) => burst((await page()).admin.graphql, 7)), ...jobs.map((job) => burst(job, 7))]);
    expect(shop.seen).toEqual({ ok: 28, throttled: 0 });
  }, 60_000);

  it("lets an admin page wait for points held by calls in flight, where a job is refused at once", async () => {
    // A shop on a 1,000-point bucket refilled at 50/s: the first call of a query reserves the whole cell.
    const twoFirstCalls = async (graphql: AdminGraphql) => {
      await graphql("{ shop { id } }"); // Shopify tells the bucket
      return Promise.allSettled([graphql("{ shop { name } }"), graphql("{ shop { email } }")]);
    };
    // Answers slow enough that the first call is still in flight when the second asks, whatever the database's speed.
    const shop = shopifyShop(new LeakyBucket(1_000, 50), 2_000);
    const job = await twoFirstCalls(budgetedAdminGraphql(SHOP, shop.graphql));
    expect(job.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected"]);
    expect((job[1] as PromiseRejectedResult).reason).toBeInstanceOf(RetryLaterError);

    forgetShopifyBuckets();
    await sharedLimits.clear();
    const pageShop = shopifyShop(new LeakyBucket(1_000, 50), 2_000);
    const page = budgetedAuthenticateAdmin(async () => ({ session: { shop: SHOP }, admin: { graphql: pageShop.graphql } }));
    const pageOutcomes = await twoFirstCalls((await page()).admin.graphql);
    expect(pageOutcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "fulfilled"]);
    expect(pageShop.seen).toEqual({ ok: 3, throttled: 0 });
  }, 30_000);

  it("makes the app's authenticate.admin spend the shop's shared budget: an admin page waits for what jobs took", async () => {
    const { store } = await startInstalledDevStore();
    try {
      const { admin, session } = await authenticate.admin(new Request(store.embeddedAppUrl("/app")));
      await expect(admin.graphql("{ shop { id } }")).resolves.toBeInstanceOf(Response);
      // Every process's jobs have spent the shop's points for the next minute.
      await sharedLimits.block(shopifyPointsKey(session.shop), shopifyPointsRule(session.shop), 60_000);
      const refused = await admin.graphql("{ shop { id } }").catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(RetryLaterError);
    } finally {
      await store.close();
    }
  }, 30_000);
});
