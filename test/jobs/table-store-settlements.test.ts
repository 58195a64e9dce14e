/**
 * The BackgroundJob table store settles jobs that finish together with one fenced statement,
 * and a lost lease still applies nothing for that job alone. The table store is SQLite's job
 * backend; its SQL is portable, so this runs on PostgreSQL's BackgroundJob table too.
 */
import { afterEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { TableJobStore } from "../../app/jobs/table-store.server";
import type { JobStore } from "../../app/jobs/store";
import { LeaseLostError } from "../../app/jobs/types";
import { resolveDatabase } from "../../prisma/database";
import { statementCountingClient } from "../support/statement-counter";
import { appliedEffects, claimedJobs, effectRow } from "./settlement-support";

const shop = { platform: "shopify" as const, shopDomain: "settle.myshopify.com" };
const topic = "t.settle";

const claimed = (store: JobStore, kind: string, count: number) => claimedJobs(store, shop, kind, count);
const effect = (n: number) => effectRow(shop, topic, n);
const effectsOf = () => appliedEffects(topic);

afterEach(async () => {
  await prisma.complianceRequest.deleteMany({ where: { topic } });
  await prisma.backgroundJob.deleteMany({ where: { kind: { startsWith: "t.settle" } } });
});

describe("settling jobs that finish together (BackgroundJob table)", () => {
  it("marks jobs finishing together done with one statement, each fenced to its own attempt", async () => {
    const { counter, client } = statementCountingClient();
    const store = new TableJobStore(client, undefined, resolveDatabase().provider);
    const jobs = await claimed(store, "t.settle.batch", 20);

    await Promise.all(jobs.map((job) => store.completeWithEffect(job, async () => undefined)));

    expect(counter.statements).toBe(1);
    expect(await store.counts(["t.settle.batch"])).toEqual({ pending: 0, running: 0, done: 20, dead: 0 });
    // A result returned by the effect is kept with its job.
    const [withResult] = await claimed(store, "t.settle.batch", 1);
    expect(await store.completeWithEffect(withResult, async () => ({ kept: true }))).toEqual({ kept: true });
    expect((await store.recentJobs(shop, "t.settle.batch", { limit: 1 }))[0].result).toEqual({ kept: true });
  });

  it("claims jobs with two statements, a look for candidates and one update that takes them and answers them", async () => {
    const counter = { statements: 0 };
    const counted = <T extends object>(target: T): T =>
      new Proxy(target, { get: (object, name) => { const value: unknown = Reflect.get(object, name); return typeof value === "function" ? (...args: unknown[]) => (counter.statements++, (value as (...a: unknown[]) => unknown).apply(object, args)) : value; } });
    const client = { backgroundJob: counted(prisma.backgroundJob), $queryRawUnsafe: (sql: string, ...values: unknown[]) => (counter.statements++, prisma.$queryRawUnsafe(sql, ...values)), $transaction: prisma.$transaction.bind(prisma) };
    const store = new TableJobStore(client as unknown as typeof prisma, undefined, resolveDatabase().provider);
    for (let n = 0; n < 5; n++) await store.enqueue({ ...shop, kind: "t.settle.claim", payload: { n }, maxAttempts: 3 });
    counter.statements = 0;

    const jobs = await store.claim(["t.settle.claim"], 10, { workerId: "w", leaseMs: 30_000, skipShops: [] });

    expect(counter.statements).toBe(2);
    expect(jobs.map((job) => (job.payload as { n: number }).n).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(jobs.every((job) => job.attempt === 1 && job.maxAttempts === 3 && job.kind === "t.settle.claim" && job.shopDomain === shop.shopDomain && job.platform === "shopify")).toBe(true);
    // Taken: a second claim finds nothing, and each job completes under its claim's token.
    expect(await store.claim(["t.settle.claim"], 10, { workerId: "w2", leaseMs: 30_000, skipShops: [] })).toEqual([]);
    await Promise.all(jobs.map((job) => store.complete(job)));
    expect(await store.counts(["t.settle.claim"])).toEqual({ pending: 0, running: 0, done: 5, dead: 0 });
  });

  it("applies nothing for a job whose lease was lost, and still applies its neighbours' effects", async () => {
    const store = new TableJobStore(prisma, undefined, resolveDatabase().provider);
    const jobs = await claimed(store, "t.settle.lost", 6);
    // Another worker took job 2 over after its lease ran out.
    await prisma.backgroundJob.update({ where: { id: jobs[2].id }, data: { lockedBy: "taker/token", attempts: { increment: 1 } } });

    const outcomes = await Promise.allSettled(jobs.map((job, n) => store.completeWithEffect(job, effect(n))));

    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled", "fulfilled", "fulfilled"]);
    expect((outcomes[2] as PromiseRejectedResult).reason).toBeInstanceOf(LeaseLostError);
    expect(await effectsOf()).toEqual([0, 1, 3, 4, 5]);
    expect(await store.counts(["t.settle.lost"])).toEqual({ pending: 0, running: 1, done: 5, dead: 0 });
    // The job's complete (no effect) from the lost attempt changes nothing either.
    await store.complete(jobs[2]);
    expect((await prisma.backgroundJob.findUniqueOrThrow({ where: { id: jobs[2].id } })).lockedBy).toBe("taker/token");
  });
});
