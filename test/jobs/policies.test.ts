/** The queue's pure policies: backoff with jitter, the per-shop circuit breaker, platform waits. */
import { describe, expect, it } from "vitest";
import { ShopifyGraphqlError } from "../../adapters/shopify";
import { WooCommerceApiError } from "../../adapters/woocommerce";
import { backoffDelayMs } from "../../app/jobs/backoff";
import { ShopCircuitBreaker } from "../../app/jobs/circuit-breaker";
import { isTransientPlatformError, platformRetryDelayMs } from "../../app/jobs/platform-limits";

describe("backoff", () => {
  const policy = { baseMs: 1_000, maxMs: 60_000 };
  it("doubles per failure, with jitter within [base·2ⁿ⁻¹, base·2ⁿ], and caps", () => {
    expect(backoffDelayMs(1, policy, () => 0)).toBe(1_000);
    expect(backoffDelayMs(1, policy, () => 1)).toBe(2_000);
    expect(backoffDelayMs(3, policy, () => 0)).toBe(4_000);
    expect(backoffDelayMs(3, policy, () => 1)).toBe(8_000);
    expect(backoffDelayMs(30, policy, () => 0.5)).toBe(60_000);
  });
  it("spreads a burst of retries apart", () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelayMs(4, policy)));
    expect(delays.size).toBeGreaterThan(40);
  });
});

describe("per-shop circuit breaker", () => {
  it("opens after the threshold, for the cool-down only, per shop; a success closes it", () => {
    let now = 0;
    const breaker = new ShopCircuitBreaker({ threshold: 3, coolDownMs: 1_000 }, () => now);
    expect(breaker.failed("a")).toBe(false);
    expect(breaker.failed("a")).toBe(false);
    expect(breaker.failed("a")).toBe(true);
    expect(breaker.blockedUntil("a")?.getTime()).toBe(1_000);
    expect(breaker.blockedUntil("b")).toBeNull();
    expect(breaker.blockedShops()).toEqual(["a"]);
    now = 1_001;
    expect(breaker.blockedUntil("a")).toBeNull(); // half-open: one may try
    expect(breaker.failed("a")).toBe(true); // and a failure re-opens at once
    breaker.succeeded("a");
    expect(breaker.blockedUntil("a")).toBeNull();
    breaker.pause("b", new Date(5_000));
    expect(breaker.blockedShops()).toEqual(["b"]);
  });
});

describe("platform limits", () => {
  it("waits for Shopify's bucket from the reported cost, and honours WooCommerce Retry-After", () => {
    const throttled = new ShopifyGraphqlError("Throttled", [{ message: "Throttled", extensions: { code: "THROTTLED" } }], {
      requestedQueryCost: 202,
      actualQueryCost: null,
      throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 2, restoreRate: 100 },
    } as never);
    expect(platformRetryDelayMs(throttled)).toBe(2_000);
    expect(platformRetryDelayMs(new WooCommerceApiError("slow", 429, null, true, 3_000))).toBe(3_000);
    expect(platformRetryDelayMs(new WooCommerceApiError("down", 503, null, true))).toBeNull();
    expect(platformRetryDelayMs(new Error("x"))).toBeNull();
  });
  it("treats 5xx and network errors as transient, a 404 as not", () => {
    expect(isTransientPlatformError(new ShopifyGraphqlError("x", [{ message: "HTTP 502", extensions: { code: "HTTP_502" } }]))).toBe(true);
    expect(isTransientPlatformError(new WooCommerceApiError("down", 503, null, true))).toBe(true);
    expect(isTransientPlatformError(new WooCommerceApiError("gone", 404, null, false))).toBe(false);
    expect(isTransientPlatformError(new TypeError("fetch failed"))).toBe(true);
  });
});
