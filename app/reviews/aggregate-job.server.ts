/**
 * The shop-wide review aggregate on Shopify, kept fresh in the background: a job per shop reads
 * every product's `reviews.rating` / `reviews.rating_count` metafields (through the shared
 * Shopify budget, like all background work) and publishes the aggregate where the reviews block
 * reads it (`app.metafields.rassure.shop_reviews`). It runs at install and then once a day: each
 * run first books the next one (so a run that fails for good does not end the schedule), and a
 * shop that is no longer installed ends it. WooCommerce needs no job: the plugin computes the
 * same aggregate inside WordPress (wordpress/…/class-rassure-shop-context.php).
 */
import type { ReviewsAggregate } from "../../adapters/reviews-aggregate";
import { ShopifyGraphqlError } from "../../adapters/shopify";
import type { JobQueue } from "../jobs/queue.server";
import { jobQueue, kickJobWorker } from "../jobs/runtime.server";
import type { JobsDb } from "../jobs/store";
import { PermanentJobError } from "../jobs/types";
import { findShop } from "../shops.server";

export const REVIEWS_AGGREGATE_JOB = "reviews.aggregate";
const DEDUPE_KEY = "reviews-aggregate";
export const REVIEWS_AGGREGATE_EVERY_MS = 86_400_000;

/** What the job needs of a Shopify shop (ShopifyAdapter has it). */
export interface ReviewsAggregateSource {
  readReviewsAggregate(now?: Date): Promise<ReviewsAggregate>;
  publishReviewsAggregate(aggregate: ReviewsAggregate): Promise<void>;
}
export type ReviewsAggregateSourceFactory = (shopDomain: string) => Promise<ReviewsAggregateSource>;

export type ReviewsAggregateOutcome = { status: "published"; aggregate: ReviewsAggregate } | { status: "skipped"; reason: "not installed" };

/**
 * Books a run (now, or at `runAfter`; within `tx` when given, so it commits with the caller's
 * write); one waits at most per shop, so repeated calls change nothing.
 */
export async function scheduleReviewsAggregate(shopDomain: string, options: { runAfter?: Date; queue?: JobQueue; tx?: JobsDb } = {}): Promise<void> {
  const { runAfter, queue = jobQueue, tx } = options;
  await queue.enqueue({ kind: REVIEWS_AGGREGATE_JOB, platform: "shopify", shopDomain, dedupeKey: DEDUPE_KEY, payload: {}, runAfter }, tx);
  if (!runAfter) setImmediate(kickJobWorker);
}

/** Products can be read with these scopes (write_products includes reading). */
export const grantsProductReads = (scopes: string[]) => scopes.includes("read_products") || scopes.includes("write_products");

/** Missing scope (read_products not yet approved after an update): another attempt cannot help before the merchant approves. */
function isAccessDenied(error: unknown): boolean {
  return error instanceof ShopifyGraphqlError && error.errors.some((e) => e.extensions?.code === "ACCESS_DENIED");
}

export async function runReviewsAggregate(shopDomain: string, source: ReviewsAggregateSourceFactory, queue: JobQueue, now = new Date()): Promise<ReviewsAggregateOutcome> {
  const shop = await findShop("shopify", shopDomain);
  if (shop?.installState !== "installed") return { status: "skipped", reason: "not installed" };
  await scheduleReviewsAggregate(shopDomain, { runAfter: new Date(now.getTime() + REVIEWS_AGGREGATE_EVERY_MS), queue });
  try {
    const shopify = await source(shopDomain);
    const aggregate = await shopify.readReviewsAggregate(now);
    await shopify.publishReviewsAggregate(aggregate);
    return { status: "published", aggregate };
  } catch (error) {
    if (isAccessDenied(error)) throw new PermanentJobError(`Products cannot be read yet (read_products not granted): ${(error as Error).message}`);
    throw error;
  }
}

/** The composition root (app/background-work.server.ts) registers the handler with the shop's budgeted Shopify client. */
export function registerReviewsAggregateJobs(queue: JobQueue, source: ReviewsAggregateSourceFactory) {
  queue.register(REVIEWS_AGGREGATE_JOB, (job) => runReviewsAggregate(job.shopDomain, source, queue), { maxAttempts: 3 });
}
