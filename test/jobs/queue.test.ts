/**
 * The durable job queue, on the database of this run (SQLite: the BackgroundJob table;
 * PostgreSQL: pg-boss). Every test uses its own job kinds, so tests never see each other's jobs.
 */
import { afterEach, describe, expect, it } from "vitest";
import { ShopifyGraphqlError } from "../../adapters/shopify";
import { WooCommerceApiError } from "../../adapters/woocommerce";
import { shopJobFailures } from "../../app/jobs/failures.server";
import { PermanentJobError, RetryLaterError, type ClaimedJob } from "../../app/jobs/types";
import prisma from "../../app/db.server";
import { DatabaseLimitStore, sharedLimits } from "../../app/limits/shared-store.server";
import { closeSecondProcesses, secondProcessClient } from "../support/second-process";
import type { Transaction } from "../../app/webhooks/ledger.server";
import { closeStores, LEASE_MS, onPostgres, openQueue, openStore, runUntil, sleep } from "./support";

const shopA = { platform: "shopify" as const, shopDomain: "a.myshopify.com" };
const shopB = { platform: "shopify" as const, shopDomain: "b.myshopify.com" };

type Payload = { n: number };

/** Counts runs per payload number, for "exactly once" checks. */
function recorder() {
  const runs = new Map<number, number>();
  return {
    runs,
    record: (job: ClaimedJob<Payload>) => runs.set(job.payload.n, (runs.get(job.payload.n) ?? 0) + 1),
  };
}

afterEach(async () => {
  await closeStores();
  await closeSecondProcesses();
  await sharedLimits.clear(); // breakers and pauses live in the database now
});

describe(`job queue on ${onPostgres ? "PostgreSQL (pg-boss)" : "SQLite (table with leases)"}`, () => {
  it("enqueues, claims, runs and completes jobs with their payload and shop", async () => {
    const queue = openQueue();
    const seen: Array<{ n: number; shop: string; attempt: number }> = [];
    queue.register<Payload>("t.basic", async (job) => {
      seen.push({ n: job.payload.n, shop: job.shopDomain, attempt: job.attempt });
    });
    for (const n of [1, 2, 3]) expect(await queue.enqueue({ ...shopA, kind: "t.basic", payload: { n } })).toEqual(expect.any(String));

    expect(await queue.runUntilIdle()).toBe(3);
    expect(seen.sort((x, y) => x.n - y.n)).toEqual([1, 2, 3].map((n) => ({ n, shop: shopA.shopDomain, attempt: 1 })));
    expect(await queue.store.counts(["t.basic"])).toEqual({ pending: 0, running: 0, done: 3, dead: 0 });
    expect(await queue.runUntilIdle()).toBe(0);
  });

  it("keeps what a handler returned, and lists a shop's jobs of a kind newest first", async () => {
    const queue = openQueue();
    queue.register<Payload>("t.result", async (job) => {
      if (job.payload.n === 3) throw new PermanentJobError("no such fulfillment");
      return { outcome: job.payload.n === 1 ? "fixed" : "ok", n: job.payload.n };
    });
    for (const n of [1, 2, 3]) {
      await queue.enqueue({ ...shopA, kind: "t.result", payload: { n }, dedupeKey: `f-${n}` });
      await sleep(5); // distinct creation times
    }
    await queue.enqueue({ ...shopB, kind: "t.result", payload: { n: 9 } });
    await queue.runUntilIdle();

    const jobs = await queue.store.recentJobs(shopA, "t.result");
    expect(jobs.map((job) => [job.payload, job.status, job.attempts, job.result, job.lastError])).toEqual([
      [{ n: 3 }, "dead", 1, null, "no such fulfillment"],
      [{ n: 2 }, "done", 1, { outcome: "ok", n: 2 }, null],
      [{ n: 1 }, "done", 1, { outcome: "fixed", n: 1 }, null],
    ]);
    expect((await queue.store.recentJobs(shopA, "t.result", { dedupeKey: "f-2" })).map((job) => job.payload)).toEqual([{ n: 2 }]);
  });

  it("removes finished jobs after a week (pg-boss: its own deleteAfterSeconds), keeps the others", async () => {
    const queue = openQueue();
    queue.register("t.prune", async () => {});
    await queue.enqueue({ ...shopA, kind: "t.prune", payload: {} });
    await queue.runUntilIdle();
    await queue.enqueue({ ...shopA, kind: "t.prune", payload: {} });
    const eightDaysLater = Date.now() + 8 * 24 * 3_600_000;
    if (onPostgres) {
      expect(await queue.store.prune(eightDaysLater)).toBe(0);
      return;
    }
    expect(await queue.store.prune(Date.now())).toBe(0);
    expect(await queue.store.prune(eightDaysLater)).toBeGreaterThanOrEqual(1);
    expect((await queue.store.recentJobs(shopA, "t.prune")).map((job) => job.status)).toEqual(["pending"]);
  });

  it("refuses a kind nobody handles, and names the kind", async () => {
    const queue = openQueue();
    await expect(queue.enqueue({ ...shopA, kind: "t.nobody", payload: {} })).rejects.toThrow(/t\.nobody/);
  });

  it("commits a job with the caller's transaction and drops it when the transaction rolls back", async () => {
    const queue = openQueue();
    const { runs, record } = recorder();
    queue.register<Payload>("t.tx", async (job) => void record(job));

    await expect(
      prisma.$transaction(async (tx) => {
        await queue.enqueue({ ...shopA, kind: "t.tx", payload: { n: 1 } }, tx);
        throw new Error("the webhook's other writes failed");
      }),
    ).rejects.toThrow(/other writes/);
    await prisma.$transaction(async (tx) => {
      await queue.enqueue({ ...shopA, kind: "t.tx", payload: { n: 2 } }, tx);
    });

    await queue.runUntilIdle();
    expect([...runs]).toEqual([[2, 1]]);
  });

  it("erases a shop's jobs inside the caller's transaction (uninstall), and only that shop's", async () => {
    const queue = openQueue();
    // Shops of their own: erasing takes every job of the shop, whatever its kind.
    const leaving = { platform: "shopify" as const, shopDomain: "leaving.myshopify.com" };
    const staying = { platform: "shopify" as const, shopDomain: "staying.myshopify.com" };
    queue.register("t.erase", async () => {});
    await queue.enqueue({ ...leaving, kind: "t.erase", payload: {} });
    await queue.enqueue({ ...staying, kind: "t.erase", payload: {} });
    await queue.store.prepare(["t.erase"]);

    await expect(
      prisma.$transaction(async (tx) => {
        expect(await queue.store.eraseShop(leaving, tx)).toBe(1);
        throw new Error("uninstall failed later");
      }),
    ).rejects.toThrow(/uninstall failed/);
    expect(await queue.store.recentJobs(leaving, "t.erase")).toHaveLength(1);
    await prisma.$transaction(async (tx) => void (await queue.store.eraseShop(leaving, tx)));
    expect(await queue.store.recentJobs(leaving, "t.erase")).toHaveLength(0);
    expect(await queue.store.recentJobs(staying, "t.erase")).toHaveLength(1);
  });

  it("keeps one waiting job per dedupe key, and takes a new one once that job has started", async () => {
    const queue = openQueue({ concurrency: 1 });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { runs, record } = recorder();
    queue.register<Payload>("t.dedupe", async (job) => {
      record(job);
      if (job.payload.n === 1) await gate;
    });
    const key = "gid://shopify/Fulfillment/42";
    expect(await queue.enqueue({ ...shopA, kind: "t.dedupe", payload: { n: 1 }, dedupeKey: key })).not.toBeNull();
    expect(await queue.enqueue({ ...shopA, kind: "t.dedupe", payload: { n: 99 }, dedupeKey: key })).toBeNull();

    const running = queue.runUntilIdle();
    await sleep(300);
    // The first is running now: a later event must get its own run (the running one may have read stale data).
    expect(await queue.enqueue({ ...shopA, kind: "t.dedupe", payload: { n: 2 }, dedupeKey: key })).not.toBeNull();
    release();
    await running;
    await queue.runUntilIdle();
    expect(Object.fromEntries(runs)).toEqual({ 1: 1, 2: 1 });
  });

  it("never runs two jobs with the same dedupe key at the same time", async () => {
    const queue = openQueue({ concurrency: 4 });
    let running = 0;
    let overlap = false;
    const { runs, record } = recorder();
    queue.register<Payload>("t.serial", async (job) => {
      running++;
      overlap ||= running > 1;
      record(job);
      await sleep(150);
      running--;
    });
    const key = "gid://shopify/Fulfillment/77";
    await queue.enqueue({ ...shopA, kind: "t.serial", payload: { n: 1 }, dedupeKey: key });
    const first = queue.runUntilIdle();
    await sleep(50); // n=1 runs now
    await queue.enqueue({ ...shopA, kind: "t.serial", payload: { n: 2 }, dedupeKey: key });
    await first;
    await runUntil(queue, () => runs.size === 2, 10_000);
    expect(overlap).toBe(false);
  });

  it("retries a failing job later with exponential backoff, then completes it", async () => {
    const queue = openQueue();
    const attempts: Array<{ attempt: number; at: number }> = [];
    let completed = false;
    queue.register("t.retry", async (job) => {
      attempts.push({ attempt: job.attempt, at: Date.now() });
      if (job.attempt < 3) throw new Error(`platform hiccup ${job.attempt}`);
      completed = true;
    });
    await queue.enqueue({ ...shopA, kind: "t.retry", payload: {} });

    await queue.runUntilIdle();
    expect(attempts.map((a) => a.attempt)).toEqual([1]);
    // Not due again at once: the retry waits its backoff.
    expect(await queue.runUntilIdle()).toBe(0);

    await runUntil(queue, () => completed);
    expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
    const firstWait = attempts[1].at - attempts[0].at;
    const secondWait = attempts[2].at - attempts[1].at;
    // base 1 s: first wait 1–2 s, second 2–4 s (jitter), each at least the base times 2^(n-1).
    expect(firstWait).toBeGreaterThanOrEqual(900);
    expect(secondWait).toBeGreaterThanOrEqual(1_900);
    expect(await queue.store.counts(["t.retry"])).toMatchObject({ done: 1, dead: 0 });
  });

  it("moves a job to the dead state after its last attempt, and summarises it for the merchant", async () => {
    const queue = openQueue();
    let tries = 0;
    queue.register(
      "t.dead",
      async () => {
        tries++;
        throw new Error("Shopify answered 500 again");
      },
      { maxAttempts: 2 },
    );
    queue.register("t.permanent", async () => {
      throw new PermanentJobError("This fulfillment has no tracking number to fix.");
    });
    await queue.enqueue({ ...shopA, kind: "t.dead", payload: {} });
    await queue.enqueue({ ...shopA, kind: "t.permanent", payload: {} });
    await queue.enqueue({ ...shopB, kind: "t.permanent", payload: {} });

    await runUntil(queue, async () => (await queue.store.counts(["t.dead"])).dead === 1);
    expect(tries).toBe(2);
    expect(await queue.store.counts(["t.permanent"])).toMatchObject({ dead: 2, pending: 0 });

    const ours = (job: { kind: string }) => job.kind === "t.dead" || job.kind === "t.permanent"; // other tests' jobs share the shop
    const dead = (await queue.store.deadJobs(shopA)).filter(ours);
    expect(dead.map((job) => [job.kind, job.attempts, job.lastError]).sort()).toEqual([
      ["t.dead", 2, "Shopify answered 500 again"],
      ["t.permanent", 1, "This fulfillment has no tracking number to fix."],
    ]);
    const summary = (await shopJobFailures(queue.store, shopA)).filter(ours);
    expect(summary.map((group) => [group.kind, group.count]).sort()).toEqual([
      ["t.dead", 1],
      ["t.permanent", 1],
    ]);
    // Another shop's failures are its own.
    expect((await shopJobFailures(queue.store, shopB)).filter(ours)).toEqual([expect.objectContaining({ kind: "t.permanent", count: 1 })]);
  });

  it(
    "gives a crashed worker's job to another worker once its lease runs out",
    async () => {
      const crashed = openQueue({ workerId: "crashed" });
      crashed.register("t.lease", async () => {});
      await crashed.enqueue({ ...shopA, kind: "t.lease", payload: {} });
      await crashed.store.prepare(["t.lease"]);
      // The worker claims the job and dies: no completion, no renewal.
      const [held] = await crashed.store.claim(["t.lease"], 1, { workerId: "crashed", leaseMs: LEASE_MS, skipShops: [] });
      expect(held.attempt).toBe(1);

      const survivor = openQueue({ workerId: "survivor" });
      const attempts: number[] = [];
      survivor.register("t.lease", async (job) => void attempts.push(job.attempt));
      expect(await survivor.runUntilIdle()).toBe(0); // still leased

      await runUntil(survivor, () => attempts.length > 0, LEASE_MS + 15_000);
      expect(attempts).toEqual([2]);
      // The crashed worker's late answer changes nothing.
      await crashed.store.complete(held);
      expect(await survivor.store.counts(["t.lease"])).toMatchObject({ done: 1, running: 0, pending: 0 });
    },
    LEASE_MS + 30_000,
  );

  it(
    "applies a job's effect exactly once when its worker pauses past the lease and another worker takes the job over",
    async () => {
      const topic = `t.fence.${Date.now()}`;
      // The job's effect: a row in the app's database, written in the job's completing transaction.
      const effect = (by: string) => (tx: Transaction) => tx.complianceRequest.create({ data: { platform: "shopify", topic, shopDomain: shopA.shopDomain, summary: by } });
      // A frozen process (GC pause, heap snapshot, stopped VM): its lease renewals never reach the database.
      const frozenStore = openStore();
      frozenStore.renew = async () => true;
      const frozen = openQueue({ workerId: "frozen" }, frozenStore);
      let thaw!: () => void;
      const thawed = new Promise<void>((resolve) => (thaw = resolve));
      let froze!: () => void;
      const frozenNow = new Promise<void>((resolve) => (froze = resolve));
      frozen.register("t.fence", async (_job, { commit }) => {
        froze();
        await thawed;
        await commit(effect("frozen"));
      });
      const taker = openQueue({ workerId: "taker" });
      taker.register("t.fence", async (_job, { commit }) => commit(effect("taker")));
      await frozen.enqueue({ ...shopA, kind: "t.fence", payload: {} });

      const frozenRun = frozen.runUntilIdle();
      await frozenNow;
      await runUntil(taker, async () => (await taker.store.counts(["t.fence"])).done === 1, LEASE_MS + 20_000);
      thaw(); // the frozen worker resumes and tries to apply its effect
      await frozenRun;

      const applied = await prisma.complianceRequest.findMany({ where: { topic }, select: { summary: true } });
      expect(applied.map((row) => row.summary)).toEqual(["taker"]);
      expect(await taker.store.counts(["t.fence"])).toMatchObject({ done: 1, running: 0, pending: 0, dead: 0 });
      // The job's result is what the committed effect returned (the created row), kept with the job.
      expect((await taker.store.recentJobs(shopA, "t.fence")).map((job) => job.result)).toEqual([expect.objectContaining({ topic, summary: "taker" })]);
    },
    LEASE_MS + 40_000,
  );

  it("keeps a job's lease while its handler runs longer than the lease", async () => {
    const queue = openQueue({ workerId: "slow" });
    const other = openQueue({ workerId: "other" });
    const runsBy: string[] = [];
    queue.register("t.renew", async () => {
      runsBy.push("slow");
      await sleep(LEASE_MS * 2);
    });
    other.register("t.renew", async () => void runsBy.push("other"));
    await queue.enqueue({ ...shopA, kind: "t.renew", payload: {} });

    const slow = queue.runUntilIdle();
    const deadline = Date.now() + LEASE_MS * 2;
    while (Date.now() < deadline) {
      await other.runUntilIdle();
      await sleep(200);
    }
    await slow;
    expect(runsBy).toEqual(["slow"]);
  }, 60_000);

  it("survives a restart: a new queue over a new connection finds the jobs the old one left", async () => {
    const before = openQueue();
    before.register("t.restart", async () => {});
    for (const n of [1, 2]) await before.enqueue({ ...shopA, kind: "t.restart", payload: { n } });
    await before.store.close();

    const after = openQueue();
    const { runs, record } = recorder();
    after.register<Payload>("t.restart", async (job) => void record(job));
    await after.runUntilIdle();
    expect(Object.fromEntries(runs)).toEqual({ 1: 1, 2: 1 });
  });

  it("never runs a job twice with several workers claiming at once", async () => {
    const { runs, record } = recorder();
    const workers = [1, 2, 3].map((i) => openQueue({ workerId: `w${i}`, concurrency: 4 }));
    for (const worker of workers) {
      worker.register<Payload>("t.race", async (job) => {
        record(job);
        await sleep(5);
      });
    }
    const total = 60;
    for (let n = 0; n < total; n++) await workers[n % 3].enqueue({ ...(n % 2 ? shopA : shopB), kind: "t.race", payload: { n } });

    await Promise.all(workers.map((worker) => worker.start()));
    const deadline = Date.now() + 20_000;
    while ((await workers[0].store.counts(["t.race"])).done < total && Date.now() < deadline) await sleep(100);
    await Promise.all(workers.map((worker) => worker.stop()));

    expect(runs.size).toBe(total);
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
  });

  it("opens one shop's circuit after repeated failures while other shops keep running", async () => {
    const queue = openQueue({ concurrency: 1, breaker: { threshold: 2, coolDownMs: 60_000 } });
    const ran = { [shopA.shopDomain]: 0, [shopB.shopDomain]: 0 };
    queue.register(
      "t.breaker",
      async (job) => {
        ran[job.shopDomain]++;
        if (job.shopDomain === shopA.shopDomain) throw new Error("store unreachable");
      },
      { maxAttempts: 10 },
    );
    for (let n = 0; n < 5; n++) {
      await queue.enqueue({ ...shopA, kind: "t.breaker", payload: { n } });
      await queue.enqueue({ ...shopB, kind: "t.breaker", payload: { n } });
    }

    await queue.runUntilIdle();
    expect(ran[shopB.shopDomain]).toBe(5);
    // Two failures opened the breaker: shop A's other jobs wait without being tried.
    expect(ran[shopA.shopDomain]).toBe(2);
    expect(await queue.breaker.blockedUntil(`shopify:${shopA.shopDomain}`)).not.toBeNull();
    const counts = await queue.store.counts(["t.breaker"]);
    expect(counts).toMatchObject({ done: 5, dead: 0, running: 0, pending: 5 });
    expect((await queue.store.deadJobs(shopA)).filter((job) => job.kind === "t.breaker")).toEqual([]);

    // Another worker process on the same database (or this one restarted) sees the open circuit.
    const other = openQueue({ concurrency: 1, breaker: { threshold: 2, coolDownMs: 60_000 }, limits: new DatabaseLimitStore(await secondProcessClient()) });
    other.register("t.breaker", async (job) => void ran[job.shopDomain]++, { maxAttempts: 10 });
    await other.runUntilIdle();
    expect(ran[shopA.shopDomain]).toBe(2);
    expect(await other.breaker.blockedUntil(`shopify:${shopA.shopDomain}`)).not.toBeNull();
  });

  it("reads a healthy shop's breaker once per claim, not once per job (the database stays free for webhooks)", async () => {
    const reads = { perShop: 0, snapshots: 0, successes: 0 };
    const counting = new DatabaseLimitStore(prisma);
    const limits = Object.assign(Object.create(counting) as DatabaseLimitStore, {
      circuitBlockedUntil: (shop: string) => (reads.perShop++, counting.circuitBlockedUntil(shop)),
      circuitSnapshot: () => (reads.snapshots++, counting.circuitSnapshot()),
      recordSuccess: (shop: string) => (reads.successes++, counting.recordSuccess(shop)),
    });
    const queue = openQueue({ concurrency: 8, limits, breaker: { threshold: 2, coolDownMs: 60_000 } });
    const ran: string[] = [];
    queue.register("t.healthy", async (job) => {
      ran.push(job.shopDomain);
      if (job.shopDomain === shopB.shopDomain && ran.filter((s) => s === shopB.shopDomain).length === 1) throw new Error("one blip");
    });
    for (let n = 0; n < 6; n++) await queue.enqueue({ ...shopA, kind: "t.healthy", payload: { n } });
    await queue.enqueue({ ...shopB, kind: "t.healthy", payload: { n: 0 } });
    await runUntil(queue, async () => (await queue.store.counts(["t.healthy"])).done === 7);
    expect(reads.snapshots).toBeGreaterThan(0);
    // Shop A never failed: none of its six jobs read or reset its breaker on its own.
    // Shop B failed once: its retry read its breaker and its success reset the count.
    expect(reads.perShop).toBe(1);
    expect(reads.successes).toBe(1);
    expect(await queue.breaker.snapshot()).toMatchObject({ failing: new Set() });
  });

  it("waits out Shopify throttling and WooCommerce 429 without using up attempts, pausing only that shop", async () => {
    const queue = openQueue({ concurrency: 1 });
    const log: string[] = [];
    const throttledOnce = new Set<string>();
    queue.register<{ name: string }>(
      "t.throttle",
      async (job) => {
        const name = job.payload.name;
        if (!throttledOnce.has(name) && name !== "b") {
          throttledOnce.add(name);
          log.push(`${name}:throttled`);
          if (name === "shopify") {
            throw new ShopifyGraphqlError("Throttled", [{ message: "Throttled", extensions: { code: "THROTTLED" } }], {
              requestedQueryCost: 100,
              actualQueryCost: null,
              throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 50, restoreRate: 100 },
            } as never);
          }
          if (name === "woo") throw new WooCommerceApiError("Too many requests", 429, "rest_too_many", true, 400);
          throw new RetryLaterError(300, "slow down");
        }
        log.push(`${name}:${job.attempt}`);
      },
      { maxAttempts: 1 }, // a single attempt: a throttle that used one would leave the job dead
    );
    await queue.enqueue({ ...shopA, kind: "t.throttle", payload: { name: "shopify" } });
    const started = Date.now();
    await queue.runUntilIdle();
    expect(log).toEqual(["shopify:throttled"]);
    const [waiting] = await queue.store.recentJobs(shopA, "t.throttle");
    expect(waiting).toMatchObject({ status: "pending", attempts: 0, lastError: "Throttled" });
    expect(waiting.runAfter.getTime()).toBeGreaterThan(Date.now());

    // Shop A waits (its bucket is empty); shop B is not throttled and runs now.
    await queue.enqueue({ ...shopA, kind: "t.throttle", payload: { name: "woo" } });
    await queue.enqueue({ ...shopB, kind: "t.throttle", payload: { name: "b" } });
    await queue.runUntilIdle();
    expect(log).toEqual(["shopify:throttled", "b:1"]);

    await runUntil(queue, async () => (await queue.store.counts(["t.throttle"])).done === 3);
    // (100 − 50) points at 100/s: half a second before shop A's next call.
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    expect(log).toEqual(expect.arrayContaining(["shopify:1", "woo:throttled", "woo:1"]));
    expect(await queue.store.counts(["t.throttle"])).toMatchObject({ dead: 0 });
  });

  it("lets waiting webhook deliveries go first: holds back its claims while they wait, never longer than its limit", async () => {
    let deliveriesWaiting = true;
    const patient = openQueue({ yieldTo: () => deliveriesWaiting, yieldMs: 60_000 });
    const ranAt: number[] = [];
    patient.register("t.yield", async () => void ranAt.push(Date.now()));
    await patient.enqueue({ ...shopA, kind: "t.yield", payload: {} });
    await patient.start();
    patient.kick();
    await sleep(600);
    expect(ranAt).toEqual([]); // deliveries still waiting: no claim yet
    const freed = Date.now();
    deliveriesWaiting = false;
    while (ranAt.length === 0 && Date.now() - freed < 5_000) await sleep(20);
    expect(ranAt[0] - freed).toBeLessThan(1_000);
    await patient.stop();

    // Deliveries waiting without end (a rate above capacity) hold jobs back by the limit only.
    const bounded = openQueue({ yieldTo: () => true, yieldMs: 200 });
    let ran = 0;
    bounded.register("t.yield-bounded", async () => void ran++);
    await bounded.enqueue({ ...shopA, kind: "t.yield-bounded", payload: {} });
    await bounded.start();
    bounded.kick();
    const deadline = Date.now() + 5_000;
    while (ran === 0 && Date.now() < deadline) await sleep(50);
    expect(ran).toBe(1);
    await bounded.stop();
  });

  it("tells when the running worker has nothing left to do now", async () => {
    const queue = openQueue();
    const { runs, record } = recorder();
    queue.register<Payload>("t.idle", async (job) => {
      record(job);
      await sleep(50);
      // Work that follows from work (a webhook Shopify sends after our fix) is waited for too.
      if (job.payload.n < 3) await queue.enqueue({ ...shopA, kind: "t.idle", payload: { n: job.payload.n + 1 } });
    });
    await queue.start();
    await queue.enqueue({ ...shopA, kind: "t.idle", payload: { n: 1 } });
    await queue.enqueue({ ...shopA, kind: "t.idle", payload: { n: 10 }, runAfter: new Date(Date.now() + 60_000) });
    queue.kick();
    await queue.whenIdle();
    expect(Object.fromEntries(runs)).toEqual({ 1: 1, 2: 1, 3: 1 }); // the job due in a minute does not hold it up
    await queue.stop();
  });

  it("stops gracefully: no new claims, the running job finishes and is recorded", async () => {
    const queue = openQueue();
    let started = false;
    let finished = false;
    queue.register("t.stop", async () => {
      started = true;
      await sleep(500);
      finished = true;
    });
    await queue.start();
    await queue.enqueue({ ...shopA, kind: "t.stop", payload: {} });
    queue.kick();
    const deadline = Date.now() + 10_000;
    while (!started && Date.now() < deadline) await sleep(20);
    await queue.stop();
    expect(finished).toBe(true);
    expect(await queue.store.counts(["t.stop"])).toMatchObject({ done: 1, running: 0 });

    await queue.enqueue({ ...shopA, kind: "t.stop", payload: {} });
    await sleep(300);
    expect(await queue.store.counts(["t.stop"])).toMatchObject({ done: 1, pending: 1 });
  });
});
