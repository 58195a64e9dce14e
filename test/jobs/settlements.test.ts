/**
 * Both job stores settle jobs that finish together with one fenced statement (the table store:
 * one UPDATE … RETURNING; pg-boss: one complete per kind), and a lost lease still applies nothing
 * for that job alone. The table store's SQL is portable, so it runs on both databases (it is
 * SQLite's job backend); pg-boss runs on PostgreSQL only.
 */
import { afterEach, describe, expect, it } from "vitest";
import prisma, { type Transaction } from "../../app/db.server";
import { PgBossJobStore } from "../../app/jobs/pg-boss-store.server";
import type { JobStore } from "../../app/jobs/store";
import { TableJobStore } from "../../app/jobs/table-store.server";
import { LeaseLostError, type ClaimedJob } from "../../app/jobs/types";
import { resolveDatabase } from "../../prisma/database";
import { statementCountingClient } from "../support/statement-counter";
import { onPostgres } from "./support";

const shop = { platform: "shopify" as const, shopDomain: "settle.myshopify.com" };
const topic = "t.settle";
const opened: JobStore[] = [];

interface Backend {
  name: string;
  runs: boolean;
  open(client: typeof prisma): JobStore;
  /** Another worker takes `job` over after its lease ran out: a new attempt holds it. */
  takeOver(job: ClaimedJob): Promise<unknown>;
}

const backends: Backend[] = [
  {
    name: "BackgroundJob table",
    runs: true,
    open: (client) => new TableJobStore(client, undefined, resolveDatabase().provider),
    takeOver: (job) => prisma.backgroundJob.update({ where: { id: job.id }, data: { lockedBy: "taker/token", attempts: { increment: 1 } } }),
  },
  {
    name: "pg-boss",
    runs: onPostgres,
    open: (client) => new PgBossJobStore(process.env.DATABASE_URL!, { heartbeatSeconds: 30 }, client),
    // pg-boss's supervisor gave the job to another worker after its heartbeat ran out.
    takeOver: (job) => prisma.$executeRawUnsafe(`UPDATE pgboss.job SET retry_count = retry_count + 1 WHERE id = $1::uuid`, job.id),
  },
];

/** `count` new jobs of `kind`, claimed together by one worker. */
async function claimedJobs(store: JobStore, kind: string, count: number): Promise<ClaimedJob[]> {
  await store.prepare([kind]);
  for (let n = 0; n < count; n++) await store.enqueue({ ...shop, kind, payload: { n } });
  const jobs = await store.claim([kind], count, { workerId: "w", leaseMs: 30_000, skipShops: [] });
  expect(jobs).toHaveLength(count);
  return jobs;
}

/** A job's effect: one compliance row carrying its number, so "exactly once" can be counted. */
const effect = (n: number) => async (tx: Transaction) => void (await tx.complianceRequest.create({ data: { ...shop, topic, customerRef: String(n), summary: "settled" } }));

const effectsOf = async () =>
  (await prisma.complianceRequest.findMany({ where: { topic }, select: { customerRef: true } })).map((row) => Number(row.customerRef)).sort((a, b) => a - b);

/** A kind of its own per test: pg-boss keeps a queue per kind. */
const newKind = (name: string) => `t.settle.${name}.${Date.now()}`;

afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
  await prisma.complianceRequest.deleteMany({ where: { topic } });
  await prisma.backgroundJob.deleteMany({ where: { kind: { startsWith: "t.settle" } } });
});

describe.each(backends.filter((backend) => backend.runs))("settling jobs that finish together ($name)", (backend) => {
  const openStore = (client: typeof prisma = prisma) => {
    const store = backend.open(client);
    opened.push(store);
    return store;
  };

  it("marks jobs finishing together done with one statement, each fenced to its own attempt", async () => {
    const { counter, client } = statementCountingClient();
    const store = openStore(client);
    const kind = newKind("batch");
    const jobs = await claimedJobs(store, kind, 20);
    counter.statements = 0;

    await Promise.all(jobs.map((job) => store.completeWithEffect(job, async () => undefined)));

    expect(counter.statements).toBe(1);
    expect(await store.counts([kind])).toEqual({ pending: 0, running: 0, done: 20, dead: 0 });
    // A result returned by the effect is kept with its job.
    const [withResult] = await claimedJobs(store, kind, 1);
    expect(await store.completeWithEffect(withResult, async () => ({ kept: true }))).toEqual({ kept: true });
    expect((await store.recentJobs(shop, kind, { limit: 1 }))[0].result).toEqual({ kept: true });
  });

  it("applies nothing for a job whose lease was lost, and still applies its neighbours' effects", async () => {
    const store = openStore();
    const kind = newKind("lost");
    const jobs = await claimedJobs(store, kind, 6);
    await backend.takeOver(jobs[2]);

    const outcomes = await Promise.allSettled(jobs.map((job, n) => store.completeWithEffect(job, effect(n))));

    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled", "fulfilled", "fulfilled"]);
    expect((outcomes[2] as PromiseRejectedResult).reason).toBeInstanceOf(LeaseLostError);
    expect(await effectsOf()).toEqual([0, 1, 3, 4, 5]);
    expect(await store.counts([kind])).toEqual({ pending: 0, running: 1, done: 5, dead: 0 });
    // The job's complete (no effect) from the lost attempt changes nothing either: its new holder settles it.
    await store.complete(jobs[2]);
    expect(await store.counts([kind])).toEqual({ pending: 0, running: 1, done: 5, dead: 0 });
    if (store instanceof TableJobStore) expect((await prisma.backgroundJob.findUniqueOrThrow({ where: { id: jobs[2].id } })).lockedBy).toBe("taker/token");
  });
});

describe("claiming jobs (BackgroundJob table)", () => {
  it("claims jobs with two statements, a look for candidates and one update that takes them and answers them", async () => {
    const { counter, client } = statementCountingClient();
    const store = new TableJobStore(client, undefined, resolveDatabase().provider);
    const kind = newKind("claim");
    for (let n = 0; n < 5; n++) await store.enqueue({ ...shop, kind, payload: { n }, maxAttempts: 3 });
    counter.statements = 0;

    const jobs = await store.claim([kind], 10, { workerId: "w", leaseMs: 30_000, skipShops: [] });

    expect(counter.statements).toBe(2);
    expect(jobs.map((job) => (job.payload as { n: number }).n).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(jobs.every((job) => job.attempt === 1 && job.maxAttempts === 3 && job.kind === kind && job.shopDomain === shop.shopDomain && job.platform === "shopify")).toBe(true);
    // Taken: a second claim finds nothing, and each job completes under its claim's token.
    expect(await store.claim([kind], 10, { workerId: "w2", leaseMs: 30_000, skipShops: [] })).toEqual([]);
    await Promise.all(jobs.map((job) => store.complete(job)));
    expect(await store.counts([kind])).toEqual({ pending: 0, running: 0, done: 5, dead: 0 });
  });
});
