/**
 * The shop-wide review aggregate on Shopify: computed from the products' standard `reviews.*`
 * metafields read page by page from the dev store (real client, real contract), weighted by
 * each product's review count, published as the app-data metafield the reviews block reads,
 * and kept fresh by a daily job on the durable queue.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aggregateRatings, formatRating, parseReviewsAggregate } from "../../adapters/reviews-aggregate";
import { ShopifyAdapter } from "../../adapters/shopify";
import { readShopifyReviewsAggregate } from "../../adapters/shopify/product-ratings";
import prisma from "../../app/db.server";
import { jobQueue } from "../../app/jobs/runtime.server";
import { PermanentJobError } from "../../app/jobs/types";
import { registerReviewsAggregateJobs, REVIEWS_AGGREGATE_EVERY_MS, REVIEWS_AGGREGATE_JOB, runReviewsAggregate, scheduleReviewsAggregate } from "../../app/reviews/aggregate-job.server";
import type { ShopifyDevStore } from "../../dev/shopify-dev-store";
import { closeStores, openQueue } from "../jobs/support";
import { startInstalledDevStore } from "../support/installed-dev-store";

const NOW = new Date("2026-12-04T06:00:00Z");

describe("aggregateRatings", () => {
  it("weights each product's rating by its number of reviews", () => {
    const aggregate = aggregateRatings(
      [
        { rating: 5, scaleMax: 5, count: 1 },
        { rating: 4, scaleMax: 5, count: 9 },
      ],
      3,
      NOW,
    );
    // Unweighted it would be 4.5; nine reviews at 4 and one at 5 make 4.1.
    expect(aggregate).toMatchObject({ ratingTenths: 41, scaleMax: 5, reviews: 10, products: 2, productsRead: 3 });
    expect(formatRating(aggregate)).toBe("4.1/5");
    expect(formatRating(aggregate, ",")).toBe("4,1/5");
  });

  it("gives no rating at all without reviews, and ignores products with none or with unusable figures", () => {
    const aggregate = aggregateRatings(
      [
        { rating: 4, scaleMax: 5, count: 0 },
        { rating: Number.NaN, scaleMax: 5, count: 3 },
        { rating: 7, scaleMax: 5, count: 2 },
      ],
      3,
      NOW,
    );
    expect(aggregate).toMatchObject({ ratingTenths: null, scaleMax: null, reviews: 0, products: 0, productsRead: 3 });
    expect(formatRating(aggregate)).toBeNull();
  });

  it("keeps to the scale most reviews use instead of mixing /5 and /10", () => {
    const aggregate = aggregateRatings(
      [
        { rating: 4.5, scaleMax: 5, count: 20 },
        { rating: 9, scaleMax: 10, count: 3 },
      ],
      2,
      NOW,
    );
    expect(aggregate).toMatchObject({ ratingTenths: 45, scaleMax: 5, reviews: 20, products: 1 });
  });

  it("reads back only an aggregate of the published shape", () => {
    const aggregate = aggregateRatings([{ rating: 4.35, scaleMax: 5, count: 23 }], 1, NOW);
    expect(parseReviewsAggregate(JSON.stringify(aggregate))).toEqual(aggregate);
    expect(parseReviewsAggregate(JSON.stringify({ ...aggregate, reviews: -1 }))).toBeNull();
    expect(parseReviewsAggregate(JSON.stringify({ ...aggregate, ratingTenths: null }))).toBeNull();
    expect(parseReviewsAggregate("{not json")).toBeNull();
    expect(parseReviewsAggregate(null)).toBeNull();
  });
});

describe("on the Shopify dev store", () => {
  let store: ShopifyDevStore;
  let adapter: ShopifyAdapter;
  let shopDomain: string;

  beforeAll(async () => {
    ({ store, adapter } = await startInstalledDevStore("/app"));
    shopDomain = store.shopDomain;
  });

  afterAll(async () => {
    await closeStores();
    await store?.close();
  });

  const published = () => store.state.metafields.find((m) => m.ownerId === store.state.appInstallation.id && m.namespace === "rassure" && m.key === "shop_reviews");

  it("is computed and published at install (the first run), with tomorrow's run booked", async () => {
    await jobQueue.whenIdle();
    const jobs = await jobQueue.store.recentJobs({ platform: "shopify", shopDomain }, REVIEWS_AGGREGATE_JOB);
    expect(jobs.map((job) => job.status).sort()).toEqual(["done", "pending"]);
    expect(parseReviewsAggregate(published()?.value)).toMatchObject({ ratingTenths: 46, reviews: 73, products: 4 });
  });

  it("reads every product's reviews metafields page by page (the seed: 4 of 6 products reviewed, 73 reviews)", async () => {
    const aggregate = await adapter.readReviewsAggregate(NOW);
    // (4.8×37 + 4.6×12 + 5.0×1 + 4.35×23) / 73 = 4.628…
    expect(aggregate).toEqual({ ratingTenths: 46, scaleMax: 5, reviews: 73, products: 4, productsRead: 6, computedAt: NOW.toISOString() });
  });

  it("gives the same figures with pages of two products (pagination follows endCursor)", async () => {
    const calls: string[] = [];
    const counting = (query: string, options?: { variables?: Record<string, unknown> }) => {
      calls.push(String(options?.variables?.after ?? "first page"));
      return (adapter as unknown as { graphql: (q: string, o?: unknown) => Promise<Response> }).graphql(query, options);
    };
    const aggregate = await readShopifyReviewsAggregate(counting, NOW, 2);
    expect(calls).toHaveLength(3);
    expect(aggregate).toMatchObject({ ratingTenths: 46, reviews: 73, products: 4, productsRead: 6 });
  });

  it("publishes the aggregate as the app-data metafield rassure.shop_reviews (JSON)", async () => {
    const aggregate = await adapter.readReviewsAggregate(NOW);
    await adapter.publishReviewsAggregate(aggregate);
    expect(published()?.type).toBe("json");
    expect(parseReviewsAggregate(published()?.value)).toEqual(aggregate);
  });

  it("runs as a job that publishes, books tomorrow's run, and follows the products' new figures", async () => {
    const queue = openQueue();
    registerReviewsAggregateJobs(queue, async () => adapter);
    const review = store.state.metafields.find((m) => m.namespace === "reviews" && m.key === "rating_count" && m.value === "1");
    review!.value = "3"; // two more 5-star reviews on the mug
    // The install booked and ran the first run already (see above): start from an empty schedule.
    await queue.store.eraseByDedupeKeys({ platform: "shopify", shopDomain }, REVIEWS_AGGREGATE_JOB, ["reviews-aggregate"]);
    try {
      await scheduleReviewsAggregate(shopDomain, { queue });
      await queue.runUntilIdle();
      expect(parseReviewsAggregate(published()?.value)).toMatchObject({ reviews: 75, products: 4, ratingTenths: 46 });
      const jobs = await queue.store.recentJobs({ platform: "shopify", shopDomain }, REVIEWS_AGGREGATE_JOB);
      expect(jobs.find((job) => job.status === "done")?.result).toMatchObject({ status: "published", aggregate: { reviews: 75 } });
      const next = jobs.filter((job) => job.status === "pending");
      expect(next).toHaveLength(1);
      expect(next[0].runAfter.getTime() - Date.now()).toBeGreaterThan(REVIEWS_AGGREGATE_EVERY_MS - 60_000);
      // Booking again (a reinstall, a scopes update) while tomorrow's run waits changes nothing.
      await scheduleReviewsAggregate(shopDomain, { queue });
      expect((await queue.store.recentJobs({ platform: "shopify", shopDomain }, REVIEWS_AGGREGATE_JOB)).filter((job) => job.status === "pending")).toHaveLength(1);
    } finally {
      review!.value = "1";
    }
  });

  it("fails for good, keeping the published figures and the schedule, when products cannot be read (read_products not granted)", async () => {
    const denied = async () =>
      new Response(JSON.stringify({ errors: [{ message: "Access denied for products field. Required access: `read_products` access scope.", extensions: { code: "ACCESS_DENIED" } }] }), {
        headers: { "content-type": "application/json" },
      });
    const before = published()?.value;
    const queue = openQueue();
    registerReviewsAggregateJobs(queue, async () => new ShopifyAdapter(denied));
    // From an empty schedule: the failing run itself must book the next one.
    await queue.store.eraseByDedupeKeys({ platform: "shopify", shopDomain }, REVIEWS_AGGREGATE_JOB, ["reviews-aggregate"]);
    await expect(runReviewsAggregate(shopDomain, async () => new ShopifyAdapter(denied), queue, NOW)).rejects.toBeInstanceOf(PermanentJobError);
    expect(published()?.value).toBe(before);
    const pending = (await queue.store.recentJobs({ platform: "shopify", shopDomain }, REVIEWS_AGGREGATE_JOB)).filter((job) => job.status === "pending");
    expect(pending.map((job) => job.runAfter.getTime())).toEqual([NOW.getTime() + REVIEWS_AGGREGATE_EVERY_MS]);
  });

  it("stops the schedule once the shop is uninstalled", async () => {
    const queue = openQueue();
    await prisma.shop.update({ where: { platform_domain: { platform: "shopify", domain: shopDomain } }, data: { installState: "uninstalled" } });
    try {
      registerReviewsAggregateJobs(queue, async () => adapter);
      await queue.store.eraseByDedupeKeys({ platform: "shopify", shopDomain }, REVIEWS_AGGREGATE_JOB, ["reviews-aggregate"]);
      expect(await runReviewsAggregate(shopDomain, async () => adapter, queue, new Date(NOW.getTime() + 2 * REVIEWS_AGGREGATE_EVERY_MS))).toEqual({ status: "skipped", reason: "not installed" });
      // No next run booked: the schedule ends with the install.
      expect((await queue.store.recentJobs({ platform: "shopify", shopDomain }, REVIEWS_AGGREGATE_JOB)).filter((job) => job.status === "pending")).toEqual([]);
    } finally {
      await prisma.shop.update({ where: { platform_domain: { platform: "shopify", domain: shopDomain } }, data: { installState: "installed" } });
    }
  });
});
