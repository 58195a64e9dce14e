/**
 * Each shop's Shopify Admin API points, shared by every app process. Shopify gives a shop's app
 * one leaky bucket (calculated query cost: `maximumAvailable` points, refilled at `restoreRate`
 * per second); N processes that each believed they had the whole bucket would spend it N times
 * over and be throttled. So every call first reserves its expected cost in one shared cell
 * (app/limits/shared-store.server.ts), and settles afterwards with what Shopify reported: the
 * unused part of the reservation goes back, and the cell never shows more points than Shopify
 * said were left. A call that would have to wait longer than `maxWaitMs` is not made: it throws
 * RetryLaterError, which the job queue turns into a pause of the whole shop (in every process).
 */
import type { AdminGraphql, GraphqlCost } from "../../adapters/shopify/admin-graphql";
import { RetryLaterError } from "../jobs/types";
import { sharedLimits, type RateRule, type SharedLimitStore } from "./shared-store.server";

/**
 * Until Shopify has told us this shop's bucket: the standard plan's (2,000 points, 100/s), the
 * smallest Shopify gives today. A larger plan's bucket is learned from the first answer.
 */
const UNKNOWN_BUCKET = { maximumAvailable: 2_000, restoreRate: 100 };
/**
 * What a query Shopify has not priced for us yet is assumed to cost: Shopify's maximum for one
 * query. Its first call waits for a full bucket, but cannot overdraw it; later calls reserve the
 * most Shopify ever asked for it (its cost varies with variables such as `first`).
 */
const UNKNOWN_QUERY_COST = 1_000;

/** This process's memory of what Shopify reported (a hint only; the counting is in the shared cell). */
const bucketOf = new Map<string, { maximumAvailable: number; restoreRate: number }>();
const costOf = new Map<string, number>();

export function shopifyPointsKey(shopDomain: string): string {
  return `shopify-points:${shopDomain}`;
}

/**
 * The shared cell holds 95% of the bucket: Shopify and every process count time on their own
 * clocks and Shopify refills continuously, so a cell drawn to the very last point can be a few
 * points ahead of Shopify's (a bench with 4 processes saw one THROTTLED answer in ~130 calls).
 */
const SAFETY_SHARE = 0.95;

export function shopifyPointsRule(shopDomain: string): RateRule {
  const bucket = bucketOf.get(shopDomain) ?? UNKNOWN_BUCKET;
  const limit = Math.floor(bucket.maximumAvailable * SAFETY_SHARE);
  return { limit, windowMs: (limit / Math.max(1, bucket.restoreRate)) * 1_000 };
}

function costIn(value: unknown): GraphqlCost | undefined {
  const cost = (value as { extensions?: { cost?: GraphqlCost } } | null)?.extensions?.cost;
  return cost && typeof cost.requestedQueryCost === "number" && cost.throttleStatus ? cost : undefined;
}

export interface BudgetOptions {
  store?: SharedLimitStore;
  /** Longer waits are not slept through: RetryLaterError (the job queue defers the shop). */
  maxWaitMs?: number;
  /** How waits are spent (tests run them on a virtual clock shared with the store). */
  sleep?: (ms: number) => Promise<void>;
  /**
   * A merchant waiting for a page: try again in short steps until `maxWaitMs` has passed, instead
   * of refusing as soon as the refill alone would take longer. Points reserved by calls in flight
   * come back as soon as they settle (a first call of a query reserves up to 1,000 points for a
   * round trip), long before the refill would return them.
   */
  interactive?: boolean;
}

/** How the embedded admin's pages use the budget: a merchant waits a little rather than get an error page. */
export const ADMIN_PAGE_BUDGET: BudgetOptions = { interactive: true, maxWaitMs: 10_000 };
const INTERACTIVE_STEP_MS = 100;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function budgetedAdminGraphql(shopDomain: string, graphql: AdminGraphql, options: BudgetOptions = {}): AdminGraphql {
  const store = options.store ?? sharedLimits;
  const maxWaitMs = options.maxWaitMs ?? 5_000;
  const sleep = options.sleep ?? pause;
  const key = shopifyPointsKey(shopDomain);

  /** Reserves what the query is expected to cost (learned meanwhile, perhaps) and returns it. */
  async function reserve(query: string): Promise<number> {
    let waited = 0;
    for (;;) {
      const rule = shopifyPointsRule(shopDomain);
      const points = Math.min(costOf.get(query) ?? UNKNOWN_QUERY_COST, rule.limit);
      const decision = await store.hit(key, rule, points);
      if (decision.allowed) return points;
      const tooLong = options.interactive ? waited >= maxWaitMs : decision.retryAfterMs > maxWaitMs;
      if (tooLong) {
        throw new RetryLaterError(decision.retryAfterMs, `Waiting for ${shopDomain}'s Shopify API points (shared by every app process).`);
      }
      const step = options.interactive ? Math.min(decision.retryAfterMs, INTERACTIVE_STEP_MS, maxWaitMs - waited) : decision.retryAfterMs;
      await sleep(step);
      waited += step;
    }
  }

  async function settle(query: string, reserved: number, cost: GraphqlCost | undefined) {
    if (!cost) return store.credit(key, shopifyPointsRule(shopDomain), reserved); // nothing reached Shopify's bucket that we know of
    bucketOf.set(shopDomain, { maximumAvailable: cost.throttleStatus.maximumAvailable, restoreRate: cost.throttleStatus.restoreRate });
    costOf.set(query, Math.max(costOf.get(query) ?? 0, cost.requestedQueryCost));
    // A throttled call is not charged (actual null); otherwise Shopify keeps the actual cost.
    const spent = cost.actualQueryCost ?? 0;
    await store.credit(key, shopifyPointsRule(shopDomain), Math.max(0, reserved - spent), cost.throttleStatus.currentlyAvailable);
  }

  return async (query, variables) => {
    const reserved = await reserve(query);
    let response: Response;
    try {
      response = await graphql(query, variables);
    } catch (thrown) {
      // shopify-api throws on GraphQL errors (THROTTLED among them) with the body attached.
      await settle(query, reserved, costIn((thrown as { body?: unknown } | null)?.body)).catch(() => undefined);
      throw thrown;
    }
    const body: unknown = await response.clone().json().catch(() => null);
    await settle(query, reserved, costIn(body)).catch(() => undefined); // settling is bookkeeping: never fail the call for it
    return response;
  };
}

/** Tests: forget what Shopify reported. */
export function forgetShopifyBuckets(): void {
  bucketOf.clear();
  costOf.clear();
}

/** What `authenticate.admin` resolves with, as far as the budget needs it. */
interface AdminContext {
  session: { shop: string };
  admin: { graphql: unknown };
}

/**
 * Shopify's `authenticate.admin` whose `admin.graphql` draws on the shop's shared budget, like the
 * background jobs': a merchant's page and the jobs of every process spend one bucket. Wrapped once
 * at the composition root (app/shopify.server.ts), so no route can forget it.
 */
export function budgetedAuthenticateAdmin<Args extends unknown[], Context extends AdminContext>(
  authenticateAdmin: (...args: Args) => Promise<Context>,
  options: BudgetOptions = ADMIN_PAGE_BUDGET,
): (...args: Args) => Promise<Context> {
  return async (...args) => {
    const context = await authenticateAdmin(...args);
    const graphql = budgetedAdminGraphql(context.session.shop, context.admin.graphql as AdminGraphql, options);
    return { ...context, admin: { ...context.admin, graphql: graphql as Context["admin"]["graphql"] } };
  };
}
