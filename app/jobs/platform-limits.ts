/**
 * What the platforms' limits mean for a job: Shopify's THROTTLED (its leaky bucket is empty:
 * wait for the points the query needs at the restore rate it reported), HTTP 429 with
 * Retry-After from WooCommerce, and the failures worth another attempt (5xx, network).
 */
import { ShopifyGraphqlError } from "../../adapters/shopify";
import { WooCommerceApiError } from "../../adapters/woocommerce";
import { RetryLaterError } from "./types";

const MIN_WAIT_MS = 250;
const MAX_WAIT_MS = 60_000;

const clampWait = (ms: number) => Math.min(MAX_WAIT_MS, Math.max(MIN_WAIT_MS, Math.round(ms)));

/** How long Shopify's bucket needs before this query fits again: points missing ÷ restore rate. */
export function shopifyThrottleWaitMs(error: ShopifyGraphqlError): number {
  const cost = error.cost;
  if (!cost) return 1_000;
  const missing = cost.requestedQueryCost - cost.throttleStatus.currentlyAvailable;
  return clampWait((missing / Math.max(1, cost.throttleStatus.restoreRate)) * 1_000);
}

/** The wait the platform asked for (or the shared budget of its points did), or null when the error is not "slow down". */
export function platformRetryDelayMs(error: unknown): number | null {
  if (error instanceof RetryLaterError) return clampWait(error.delayMs);
  if (error instanceof ShopifyGraphqlError && error.isThrottled) return shopifyThrottleWaitMs(error);
  if (error instanceof WooCommerceApiError && error.status === 429) return clampWait(error.retryAfterMs ?? 1_000);
  return null;
}

/** A failure another attempt may fix: platform 5xx/408/425, network errors. */
export function isTransientPlatformError(error: unknown): boolean {
  if (error instanceof ShopifyGraphqlError) return error.errors.some((e) => /^HTTP_5\d\d$/.test(String(e.extensions?.code ?? "")));
  if (error instanceof WooCommerceApiError) return error.retryable;
  // fetch's network failures (reset, refused) surface as TypeError.
  return error instanceof TypeError;
}
