/** The queue's policies: backoff with jitter, the per-shop circuit breaker (in the shared database store), platform waits. */
import { afterAll, describe, expect, it } from "vitest";
import { ShopifyGraphqlError } from "../../adapters/shopify";
import { WooCommerceApiError } from "../../adapters/woocommerce";
import { backoffDelayMs } from "../../app/jobs/backoff";
import prisma from "../../app/db.server";
import { ShopCircuitBreaker } from "../../app/jobs/circuit-breaker";
import { DatabaseLimitStore } from "../../app/limits/shared-store.server";
import { isTransientPlatformError, platformRetryDelayMs } from "../../app/jobs/platform-limits";
import { closeSecondProcesses, secondProcessClient } from "../support/second-process";

afterAll(closeSecondProcesses);

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
  it("opens after the threshold, for the cool-down only, per shop; a success closes it; another process sees it", async () => {
    let now = 2_000_000_000_000;
    const limits = new DatabaseLimitStore(prisma, () => now);
    await limits.clear();
    const breaker = new ShopCircuitBreaker({ threshold: 3, coolDownMs: 1_000 }, limits);
    expect(await breaker.failed("a")).toBe(false);
    expect(await breaker.failed("a")).toBe(false);
    expect(await breaker.failed("a")).toBe(true);
    expect((await breaker.blockedUntil("a"))?.getTime()).toBe(now + 1_000);
    expect(await breaker.blockedUntil("b")).toBeNull();
    expect(await breaker.blockedShops()).toEqual(["a"]);
    const elsewhere = new ShopCircuitBreaker({ threshold: 3, coolDownMs: 1_000 }, new DatabaseLimitStore(await secondProcessClient(), () => now));
    expect(await elsewhere.blockedShops()).toEqual(["a"]);
    now += 1_001;
    expect(await breaker.blockedUntil("a")).toBeNull(); // half-open: one may try
    expect(await elsewhere.failed("a")).toBe(true); // and a failure, in any process, re-opens at once
    expect(await breaker.blockedUntil("a")).not.toBeNull();
    await breaker.succeeded("a");
    now += 1_001;
    expect(await breaker.blockedUntil("a")).toBeNull();
    expect(await breaker.failed("a")).toBe(false); // closed: counting starts again
    await elsewhere.pause("b", new Date(now + 5_000));
    expect(await breaker.blockedShops()).toEqual(["b"]);
    await limits.clear();
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
