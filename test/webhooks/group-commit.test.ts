/**
 * Webhook deliveries share commits (app/group-commit.server.ts, app/webhooks/ledger.server.ts), on
 * the database of this run: concurrent deliveries are each recorded exactly once, a waiter is
 * answered only with its transaction's outcome, and one bad delivery never fails its neighbours.
 */
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { GroupCommit, GroupCommitBusy, type Transact } from "../../app/group-commit.server";
import { busyAnswer, ledgerGroupCommit, processDeliveryOnce, processDeliveryWith, type Delivery, type Transaction } from "../../app/webhooks/ledger.server";
import { JobQueue } from "../../app/jobs/queue.server";
import { createJobStore } from "../../app/jobs/runtime.server";
import { statementCountingClient } from "../support/statement-counter";

const shopDomain = "group-commit.myshopify.com";
const topic = "CUSTOMERS_REDACT";

/** The delivery's effect: one compliance row carrying its number, so "exactly once" can be counted. */
const recordEffect = (n: number) => async (tx: Transaction) => {
  await tx.complianceRequest.create({ data: { platform: "shopify", topic, shopDomain, customerRef: String(n), summary: "group commit test" } });
};

const deliver = (n: number, deliveryId: string) => processDeliveryOnce({ platform: "shopify", deliveryId, topic, shopDomain }, recordEffect(n));

/** Counts transactions opened, over the real Prisma client. */
function countingTransact() {
  const counter = { transactions: 0 };
  const transact: Transact<Transaction> = (work) => {
    counter.transactions++;
    return prisma.$transaction(work);
  };
  return { counter, transact };
}

const effectsOf = async () => {
  const rows = await prisma.complianceRequest.findMany({ where: { shopDomain }, select: { customerRef: true } });
  return rows.map((row) => Number(row.customerRef)).sort((a, b) => a - b);
};

/** A fresh delivery through `commits` whose effect is `effect`. */
const deliverWith = (commits: GroupCommit<Transaction, Delivery>, effect: (tx: Transaction) => Promise<unknown>) =>
  processDeliveryWith(commits, { platform: "shopify", deliveryId: randomUUID(), topic, shopDomain }, async (tx) => void (await effect(tx)));

/** A job queue on this run's database (pg-boss on PostgreSQL) with `kind` registered and ready. */
async function queueFor<P>(kind: string, handler: (payload: P) => void = () => undefined) {
  const queue = new JobQueue(createJobStore(process.env.DATABASE_URL), { concurrency: 8, pollMs: 100 });
  queue.register<P>(kind, async (job) => void handler(job.payload));
  await queue.store.prepare(queue.kinds);
  return queue;
}

const shop = { platform: "shopify" as const, shopDomain };

beforeEach(async () => {
  await prisma.complianceRequest.deleteMany({ where: { shopDomain } });
  await prisma.webhookDelivery.deleteMany({ where: { shopDomain } });
});

describe("webhook deliveries sharing commits", () => {
  it("records 120 concurrent deliveries, each sent twice, exactly once each", async () => {
    const ids = Array.from({ length: 120 }, () => randomUUID());
    // Every delivery twice at once (Shopify retrying while the first is in flight), interleaved.
    const outcomes = await Promise.all([...ids.map((id, n) => deliver(n, id)), ...ids.map((id, n) => deliver(n, id))]);

    expect(outcomes.filter((o) => o === "processed")).toHaveLength(120);
    expect(outcomes.filter((o) => o === "duplicate")).toHaveLength(120);
    expect(await effectsOf()).toEqual(ids.map((_id, n) => n));
    expect(await prisma.webhookDelivery.count({ where: { shopDomain } })).toBe(120);

    // A later replay still changes nothing.
    expect(await deliver(0, ids[0])).toBe("duplicate");
    expect(await effectsOf()).toHaveLength(120);
  });

  it("records a batch's ledger rows with one statement, whatever its size, and runs only the new deliveries' effects", async () => {
    const replayed = randomUUID();
    expect(await deliver(100, replayed)).toBe("processed");
    const { counter, client } = statementCountingClient();
    const commits = ledgerGroupCommit(client);
    const ids = Array.from({ length: 40 }, () => randomUUID());
    const noEffect = async () => undefined;
    const outcomes = await Promise.all([
      ...ids.map((id) => processDeliveryWith(commits, { platform: "shopify", deliveryId: id, topic, shopDomain }, noEffect)),
      // The same key twice in the batch, and a key recorded before: duplicates, no effect.
      processDeliveryWith(commits, { platform: "shopify", deliveryId: ids[3], topic, shopDomain }, async () => {
        throw new Error("a twin must not run its effect");
      }),
      processDeliveryWith(commits, { platform: "shopify", deliveryId: replayed, topic, shopDomain }, async () => {
        throw new Error("a replay must not run its effect");
      }),
    ]);

    expect(outcomes).toEqual([...Array(40).fill("processed"), "duplicate", "duplicate"]);
    expect(counter.statements).toBe(1);
    // The rows read back through Prisma as any other: times included.
    const rows = await prisma.webhookDelivery.findMany({ where: { deliveryId: { in: ids } } });
    expect(rows).toHaveLength(40);
    for (const row of rows) {
      expect(row.processedAt).toBeInstanceOf(Date);
      expect(Math.abs(row.receivedAt.getTime() - Date.now())).toBeLessThan(60_000);
    }
    expect(await prisma.webhookDelivery.count({ where: { shopDomain, receivedAt: { gte: new Date(Date.now() - 60_000) } } })).toBe(41);
  });

  it("records the jobs a batch of deliveries enqueues with one statement, which commit with the batch", async () => {
    const ran: number[] = [];
    const queue = await queueFor<{ n: number }>("t.batch-jobs", (payload) => ran.push(payload.n));
    try {
      const { counter, client } = statementCountingClient();
      const commits = ledgerGroupCommit(client);
      const outcomes = await Promise.all(
        Array.from({ length: 30 }, (_, n) =>
          deliverWith(commits, async (tx) => {
            expect(await queue.enqueue({ kind: "t.batch-jobs", ...shop, payload: { n } }, tx)).toEqual(expect.any(String));
          }),
        ),
      );

      expect(outcomes).toEqual(Array(30).fill("processed"));
      expect(counter.statements).toBe(2); // the ledger rows, the jobs
      await queue.runUntilIdle();
      expect(ran.sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, n) => n));
    } finally {
      await queue.store.close();
    }
  });

  it("a job with a dedupe key goes in at once (a twin in the same batch is dropped) and leaves the batch's other jobs to its one INSERT", async () => {
    const queue = await queueFor("t.batch-dedupe");
    const store = queue.store;
    try {
      const { counter, client } = statementCountingClient();
      const commits = ledgerGroupCommit(client);
      const ids: Array<string | null> = [];
      const enqueued = (job: { n: number; dedupeKey?: string }) =>
        deliverWith(commits, async (tx) => ids.push(await queue.enqueue({ kind: "t.batch-dedupe", ...shop, payload: { n: job.n }, dedupeKey: job.dedupeKey }, tx)));
      // Same batch, in this order: plain jobs around two with the same dedupe key.
      await Promise.all([enqueued({ n: 1 }), enqueued({ n: 2, dedupeKey: "order-7" }), enqueued({ n: 3, dedupeKey: "order-7" }), enqueued({ n: 4 })]);

      expect(ids.map((id) => id !== null)).toEqual([true, true, false, true]);
      // The ledger rows; the keyed job's own statements and its twin's (the table store looks for a waiting
      // twin, then inserts; pg-boss's insert drops a twin itself); then ONE INSERT for the plain jobs.
      const [keyed, twin] = store.backend === "table" ? [2, 1] : [1, 1];
      expect(counter.statements).toBe(1 + keyed + twin + 1);
      expect((await store.recentJobs(shop, "t.batch-dedupe")).map((job) => job.payload).sort((a, b) => (a as { n: number }).n - (b as { n: number }).n)).toEqual([{ n: 1 }, { n: 2 }, { n: 4 }]);
    } finally {
      await store.eraseShop(shop);
      await store.close();
    }
  });

  it("erases a shop's jobs enqueued earlier in the same batch (an uninstall right after a delivery for the shop)", async () => {
    const queue = await queueFor("t.batch-erase");
    const store = queue.store;
    try {
      const commits = ledgerGroupCommit();
      const deliver = (effect: (tx: Transaction) => Promise<unknown>) => deliverWith(commits, effect);
      // Same batch, in this order: a job for the shop, then the shop's uninstall erasing its jobs, then another job.
      await Promise.all([
        deliver((tx) => queue.enqueue({ kind: "t.batch-erase", ...shop, payload: { n: 1 } }, tx)),
        deliver((tx) => store.eraseShop(shop, tx)),
        deliver((tx) => queue.enqueue({ kind: "t.batch-erase", ...shop, payload: { n: 2 } }, tx)),
      ]);

      expect((await store.recentJobs(shop, "t.batch-erase")).map((job) => job.payload)).toEqual([{ n: 2 }]);
    } finally {
      await store.eraseShop(shop);
      await store.close();
    }
  });

  it("puts deliveries that arrive together into one transaction", async () => {
    const { counter, transact } = countingTransact();
    const commits = new GroupCommit(transact, { maxBatch: 100 });
    const results = await Promise.all(Array.from({ length: 50 }, (_, n) => commits.submit(async (tx) => (await recordEffect(n)(tx), n))));

    expect(results).toEqual(Array.from({ length: 50 }, (_, n) => n));
    expect(counter.transactions).toBe(1);
    expect(await effectsOf()).toHaveLength(50);
  });

  it("with a linger, units submitted a few milliseconds apart share one transaction; without, they do not", async () => {
    const submitApart = async (commits: GroupCommit<Transaction>) => {
      const done: Array<Promise<unknown>> = [];
      for (let n = 0; n < 5; n++) {
        done.push(commits.submit(recordEffect(n)));
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      await Promise.all(done);
    };
    const lingering = countingTransact();
    await submitApart(new GroupCommit(lingering.transact, { lingerMs: 200 }));
    expect(lingering.counter.transactions).toBe(1);
    expect(await effectsOf()).toEqual([0, 1, 2, 3, 4]);

    await prisma.complianceRequest.deleteMany({ where: { shopDomain } });
    const eager = countingTransact();
    await submitApart(new GroupCommit(eager.transact));
    expect(eager.counter.transactions).toBeGreaterThan(1);
    expect(await effectsOf()).toEqual([0, 1, 2, 3, 4]);
  });

  it("a full batch does not wait for the linger", async () => {
    const { counter, transact } = countingTransact();
    // A linger longer than the test's own time limit: only a batch that starts once full can pass.
    const commits = new GroupCommit(transact, { maxBatch: 3, lingerMs: 10 * 60_000 });
    await Promise.all([0, 1, 2].map((n) => commits.submit(recordEffect(n))));
    expect(counter.transactions).toBe(1);
    expect(await effectsOf()).toEqual([0, 1, 2]);
  });

  it("fails every waiter of a transaction that does not commit, and records none of them", async () => {
    // The transaction runs every unit, then fails as a lost connection or a failed COMMIT would.
    const transact: Transact<Transaction> = (work) =>
      prisma.$transaction(async (tx) => {
        await work(tx);
        throw new Error("connection lost before COMMIT");
      });
    const commits = new GroupCommit(transact);
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, (_, n) => commits.submit(recordEffect(n))));

    expect(outcomes.map((o) => o.status)).toEqual(Array(10).fill("rejected"));
    expect(outcomes.map((o) => (o as PromiseRejectedResult).reason.message)).toEqual(Array(10).fill("connection lost before COMMIT"));
    expect(await effectsOf()).toEqual([]);
    expect(commits.waiting).toBe(0);
  });

  it("fails only the delivery whose own work fails; its neighbours are recorded once", async () => {
    const { counter, transact } = countingTransact();
    const commits = new GroupCommit(transact);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, n) =>
        commits.submit(async (tx) => {
          await recordEffect(n)(tx);
          if (n === 4) throw new Error("handler bug for delivery 4");
        }),
      ),
    );

    expect(outcomes.map((o) => o.status)).toEqual(Array.from({ length: 10 }, (_, n) => (n === 4 ? "rejected" : "fulfilled")));
    expect((outcomes[4] as PromiseRejectedResult).reason.message).toBe("handler bug for delivery 4");
    expect(await effectsOf()).toEqual([0, 1, 2, 3, 5, 6, 7, 8, 9]);
    // The failed batch, delivery 4 alone, then the nine others together.
    expect(counter.transactions).toBe(3);
  });

  it("answers a delivery failed by its handler with the error, so the platform retries it, and records it on the retry", async () => {
    const id = randomUUID();
    let broken = true;
    const flaky = async (tx: Transaction) => {
      if (broken) throw new Error("database busy");
      await recordEffect(7)(tx);
    };
    const neighbour = deliver(8, randomUUID());
    await expect(processDeliveryOnce({ platform: "shopify", deliveryId: id, topic, shopDomain }, flaky)).rejects.toThrow("database busy");
    expect(await neighbour).toBe("processed");
    expect(await prisma.webhookDelivery.count({ where: { deliveryId: id } })).toBe(0);

    broken = false;
    expect(await processDeliveryOnce({ platform: "shopify", deliveryId: id, topic, shopDomain }, flaky)).toBe("processed");
    expect(await effectsOf()).toEqual([7, 8]);
  });

  it("refuses new work at once past its waiting limit, records none of it, and answers it 503 with Retry-After", async () => {
    const commits = new GroupCommit(countingTransact().transact, { maxWaiting: 5 });
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, (_, n) => commits.submit(recordEffect(n))));

    expect(outcomes.map((o) => o.status)).toEqual([...Array(5).fill("fulfilled"), ...Array(3).fill("rejected")]);
    const refusal = (outcomes[7] as PromiseRejectedResult).reason;
    expect(refusal).toBeInstanceOf(GroupCommitBusy);
    expect(await effectsOf()).toEqual([0, 1, 2, 3, 4]);
    const answer = busyAnswer(refusal);
    expect(answer?.status).toBe(503);
    expect(answer?.headers.get("retry-after")).toBe("5");
    expect(busyAnswer(new Error("other"))).toBeNull();
  });
});
