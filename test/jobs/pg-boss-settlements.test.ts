/**
 * PostgreSQL's job store (pg-boss) completes jobs that finish together with one fenced statement,
 * and a lost lease still applies nothing for that job alone. Runs on PostgreSQL only (on SQLite
 * the table store does the same: table-store-settlements.test.ts).
 */
import { afterEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { PgBossJobStore } from "../../app/jobs/pg-boss-store.server";
import type { JobStore } from "../../app/jobs/store";
import { LeaseLostError } from "../../app/jobs/types";
import { statementCountingClient } from "../support/statement-counter";
import { appliedEffects, claimedJobs, effectRow } from "./settlement-support";
import { onPostgres } from "./support";

const shop = { platform: "shopify" as const, shopDomain: "settle-pg.myshopify.com" };
const topic = "t.settle-pg";
const opened: PgBossJobStore[] = [];

function openStore(app: typeof prisma = prisma) {
  const store = new PgBossJobStore(process.env.DATABASE_URL!, { heartbeatSeconds: 30 }, app);
  opened.push(store);
  return store;
}

const claimed = (store: JobStore, kind: string, count: number) => claimedJobs(store, shop, kind, count);
const effect = (n: number) => effectRow(shop, topic, n);
const effectsOf = () => appliedEffects(topic);

afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
  await prisma.complianceRequest.deleteMany({ where: { topic } });
});

describe.skipIf(!onPostgres)("completing jobs that finish together (pg-boss)", () => {
  it("completes jobs finishing together with one statement, each fenced to its own attempt", async () => {
    const { counter, client } = statementCountingClient();
    const store = openStore(client);
    const kind = `t.settle-pg.batch.${Date.now()}`;
    const jobs = await claimed(store, kind, 20);

    await Promise.all(jobs.map((job) => store.completeWithEffect(job, async () => undefined)));

    expect(counter.statements).toBe(1);
    expect(await store.counts([kind])).toEqual({ pending: 0, running: 0, done: 20, dead: 0 });
    // A result returned by the effect is kept with its job.
    const [withResult] = await claimed(store, kind, 1);
    expect(await store.completeWithEffect(withResult, async () => ({ kept: true }))).toEqual({ kept: true });
    expect((await store.recentJobs(shop, kind, { limit: 1 }))[0].result).toEqual({ kept: true });
  });

  it("applies nothing for a job whose lease was lost, and still applies its neighbours' effects", async () => {
    const store = openStore();
    const kind = `t.settle-pg.lost.${Date.now()}`;
    const jobs = await claimed(store, kind, 6);
    // pg-boss's supervisor gave job 2 to another worker after its heartbeat ran out: a new attempt.
    await prisma.$executeRawUnsafe(`UPDATE pgboss.job SET retry_count = retry_count + 1 WHERE id = $1::uuid`, jobs[2].id);

    const outcomes = await Promise.allSettled(jobs.map((job, n) => store.completeWithEffect(job, effect(n))));

    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled", "fulfilled", "fulfilled"]);
    expect((outcomes[2] as PromiseRejectedResult).reason).toBeInstanceOf(LeaseLostError);
    expect(await effectsOf()).toEqual([0, 1, 3, 4, 5]);
    expect(await store.counts([kind])).toEqual({ pending: 0, running: 1, done: 5, dead: 0 });
  });
});
