/**
 * The limits every app process shares (app/limits/shared-store.server.ts), on this run's
 * database (SQLite, or PostgreSQL with RASSURE_TEST_DATABASE=postgresql): the GCRA cells, their
 * atomicity under concurrent callers on separate connections (as separate processes would be),
 * penalties and credits, the per-shop circuit, and that a fresh client (a restarted process)
 * finds every counter where the last one left it.
 */
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { DatabaseLimitStore } from "../../app/limits/shared-store.server";
import { closeSecondProcesses, secondProcessClient as otherProcessClient } from "../support/second-process";

let now = 1_000_000_000_000;
const clock = () => now;
const store = new DatabaseLimitStore(prisma, clock);
const rule = { limit: 5, windowMs: 10_000 };

afterAll(closeSecondProcesses);

beforeEach(async () => {
  now += 3_600_000;
  await store.clear();
});

describe("rate-limit cells", () => {
  it("lets `limit` hits through at once, then one per window/limit, and says when", async () => {
    for (let i = 0; i < 5; i++) expect(await store.hit("k", rule)).toEqual({ allowed: true, retryAfterMs: 0 });
    expect(await store.hit("k", rule)).toEqual({ allowed: false, retryAfterMs: 2_000 });
    now += 1_999;
    expect((await store.hit("k", rule)).allowed).toBe(false); // refused hits are not counted…
    now += 1;
    expect((await store.hit("k", rule)).allowed).toBe(true); // …so the wait is exactly one interval
    expect((await store.hit("k", rule)).allowed).toBe(false);
    expect((await store.hit("other", rule)).allowed).toBe(true); // keys are independent
    now += 10_000;
    for (let i = 0; i < 5; i++) expect((await store.hit("k", rule)).allowed).toBe(true);
  });

  it("weighs a hit by its cost, and peeks without counting", async () => {
    expect((await store.hit("k", rule, 4)).allowed).toBe(true);
    expect(await store.peek("k", rule)).toEqual({ allowed: true, retryAfterMs: 0 });
    expect(await store.peek("k", rule)).toEqual({ allowed: true, retryAfterMs: 0 });
    expect((await store.hit("k", rule, 2)).allowed).toBe(false);
    expect((await store.hit("k", rule, 1)).allowed).toBe(true);
    expect(await store.peek("k", rule)).toEqual({ allowed: false, retryAfterMs: 2_000 });
  });

  it("blocks a key for the time given, whatever it had left", async () => {
    await store.block("k", rule, 60_000);
    expect(await store.hit("k", rule)).toEqual({ allowed: false, retryAfterMs: 60_000 });
    now += 60_000;
    expect((await store.hit("k", rule)).allowed).toBe(true);
  });

  it("gives units back, but never more than the platform reported", async () => {
    expect((await store.hit("bucket", rule, 5)).allowed).toBe(true);
    await store.credit("bucket", rule, 3);
    expect((await store.hit("bucket", rule, 3)).allowed).toBe(true);
    expect((await store.hit("bucket", rule, 1)).allowed).toBe(false);
    now += 10_000; // full again in our model…
    await store.credit("bucket", rule, 0, 1); // …but the platform says 1 unit is left
    expect((await store.hit("bucket", rule, 2)).allowed).toBe(false);
    expect((await store.hit("bucket", rule, 1)).allowed).toBe(true);
  });

  it("grants exactly `limit` hits to concurrent callers on separate connections", async () => {
    const second = new DatabaseLimitStore(await otherProcessClient(), clock);
    const third = new DatabaseLimitStore(await otherProcessClient(), clock);
    const stores = [store, second, third];
    const decisions = await Promise.all(Array.from({ length: 30 }, (_, i) => stores[i % 3].hit("race", { limit: 7, windowMs: 60_000 })));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(7);
  });

  it("keeps its counters for a restarted process", async () => {
    for (let i = 0; i < 5; i++) await store.hit("persist", rule);
    const restarted = new DatabaseLimitStore(await otherProcessClient(), clock);
    expect((await restarted.hit("persist", rule)).allowed).toBe(false);
  });

  it("prunes cells that hold nothing any more", async () => {
    await store.hit("old", rule);
    now += 20_000;
    await store.hit("fresh", rule);
    await store.prune();
    const keys = await prisma.rateLimitCell.findMany({ select: { key: true } });
    expect(keys.map((k) => k.key)).toEqual(["fresh"]);
  });
});

describe("per-shop circuit", () => {
  const policy = { threshold: 3, coolDownMs: 1_000 };

  it("opens after the threshold for the cool-down, re-opens on a failure after it, closes on success", async () => {
    expect((await store.recordFailure("shopify:a", policy)).opened).toBe(false);
    expect((await store.recordFailure("shopify:a", policy)).opened).toBe(false);
    expect(await store.recordFailure("shopify:a", policy)).toEqual({ opened: true, blockedUntil: now + 1_000 });
    let snapshot = await store.circuitSnapshot();
    expect([...snapshot.blocked]).toEqual([["shopify:a", now + 1_000]]);
    expect([...snapshot.failing]).toEqual(["shopify:a"]);
    now += 1_001;
    expect((await store.circuitSnapshot()).blocked.size).toBe(0); // half-open: one job may try
    expect((await store.recordFailure("shopify:a", policy)).opened).toBe(true);
    await store.recordSuccess("shopify:a");
    snapshot = await store.circuitSnapshot();
    expect(snapshot.failing.size).toBe(0);
  });

  it("pauses a shop until the latest time asked, across processes", async () => {
    await store.pause("shopify:b", now + 5_000);
    const other = new DatabaseLimitStore(await otherProcessClient(), clock);
    await other.pause("shopify:b", now + 2_000);
    expect((await other.circuitSnapshot()).blocked.get("shopify:b")).toBe(now + 5_000);
    expect((await store.circuitSnapshot()).failing.size).toBe(0);
  });
});
