/**
 * Jobs in the app's own database (the BackgroundJob table), for the embedded SQLite default.
 * Claiming is portable, without SKIP LOCKED: read a few due candidates, then take them with one
 * conditional update (`where id in … and still claimable`) that stamps a token unique to this
 * claim; the rows carrying the token are this worker's, the others were taken first by another. A running job carries a lease: a worker that dies stops
 * renewing it, and once it runs out the job is claimable again.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { resolveDatabase } from "../../prisma/database";
import type { PrismaClient, Transaction } from "../db.server";
import { flushGatheredWrites, gatherWrite } from "../batched-writes.server";
import { parameters, valuesList, type Provider } from "../raw-sql.server";
import { backoffDelayMs, DEFAULT_BACKOFF, type BackoffPolicy } from "./backoff";
import { parseShopKey, type ClaimOptions, type JobCounts, type JobsDb, type JobStore } from "./store";
import { Settlements } from "./settlements.server";
import type { ClaimedJob, DeadJob, JobRecord, JobStatus, NewJob, ShopKey } from "./types";

export const DEFAULT_MAX_ATTEMPTS = 5;
/** A week: long enough for the merchant to see what failed, short enough for the table to stay small. */
export const FINISHED_KEPT_MS = 7 * 24 * 3_600_000;

type Db = Pick<PrismaClient, "backgroundJob">;
type Client = Pick<PrismaClient, "backgroundJob" | "$transaction" | "$queryRawUnsafe">;

let lastIdMs = 0;
let idSequence = 0;
/** Ids that sort by creation in this process, as Prisma's cuid() ones did (lists break ties on id). */
function newJobId(): string {
  const now = Date.now();
  idSequence = now === lastIdMs ? idSequence + 1 : 0;
  lastIdMs = now;
  return `j${now.toString(36).padStart(9, "0")}${idSequence.toString(36).padStart(4, "0")}${randomBytes(5).toString("hex")}`;
}

/** Pending and due, or running with a lease that ran out (SQL, its parameters added through `value`). */
const claimable = (value: (v: unknown) => string, now: Date) => `(("status" = 'pending' AND "runAfter" <= ${value(now)}) OR ("status" = 'running' AND "leaseUntil" < ${value(now)}))`;

/** The row is still this attempt: same claim token, same attempt number, still running. */
const held = (job: ClaimedJob, token: string) => ({ id: job.id, status: "running", lockedBy: token, attempts: job.attempt });

export class TableJobStore implements JobStore {
  readonly backend = "table" as const;
  /** The claim token of each job held here (settling checks it, so a lost lease changes nothing). */
  private readonly holders = new Map<string, string>();
  /**
   * Settling jobs that finish together share one commit: on SQLite each commit is a disk flush
   * under the one write lock, so one per finished job would cap the worker at the disk's flush rate.
   */
  private readonly settlements: Settlements;

  constructor(
    private readonly db: Client,
    private readonly backoff: BackoffPolicy = DEFAULT_BACKOFF,
    private readonly provider: Provider = resolveDatabase().provider,
  ) {
    this.settlements = new Settlements(
      (work) => db.$transaction((tx) => work(tx)),
      { markDone: (tx, jobs) => this.markDone(tx, jobs), keepResult: (tx, job, result) => this.keepResult(tx, job, result) },
      { maxBatch: 100 },
    );
  }

  async prepare() {}

  async enqueue(job: NewJob, tx?: JobsDb): Promise<string | null> {
    const db: JobsDb = tx ?? this.db;
    if (job.dedupeKey) {
      // Gathered rows need not be written first: only jobs without a dedupe key are gathered.
      const waiting = await db.backgroundJob.findFirst({ where: { kind: job.kind, dedupeKey: job.dedupeKey, status: "pending" }, select: { id: true } });
      if (waiting) return null;
    }
    const id = newJobId();
    const now = new Date();
    const row = [id, job.kind, job.platform, job.shopDomain, JSON.stringify(job.payload ?? null), job.dedupeKey ?? null, job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS, job.runAfter ?? now, now, now];
    // In a group commit (a batch of webhook deliveries) the jobs of the batch go in together, with
    // one INSERT, before it commits. Not a job with a dedupe key: its twin's check must see it.
    if (tx && !job.dedupeKey && gatherWrite(tx, "BackgroundJob", row, (rows) => this.insertRows(tx, rows))) return id;
    await this.insertRows(db, [row]);
    return id;
  }

  /**
   * Raw SQL: inside a webhook's group commit this runs for every delivery, and Prisma's JS engine
   * compiling a model create each time cost more than the INSERT itself.
   */
  private async insertRows(db: Pick<JobsDb, "$queryRawUnsafe">, rows: unknown[][]) {
    const { sql, values } = valuesList(this.provider, rows);
    await db.$queryRawUnsafe(`INSERT INTO "BackgroundJob" ("id", "kind", "platform", "shopDomain", "payload", "dedupeKey", "maxAttempts", "runAfter", "createdAt", "updatedAt") VALUES ${sql}`, ...values);
  }

  async claim(kinds: string[], limit: number, options: ClaimOptions): Promise<ClaimedJob[]> {
    if (kinds.length === 0) return [];
    const now = new Date();
    // Raw SQL, as enqueue and markDone: the worker claims many times a second under a burst, and
    // Prisma's JS engine compiling these queries each time cost more than running them.
    const look = parameters(this.provider);
    const ofKinds = `"kind" IN (${kinds.map(look.value).join(", ")})`;
    const due = claimable(look.value, now);
    const skip = options.skipShops.map(parseShopKey).map((shop) => `("platform" = ${look.value(shop.platform)} AND "shopDomain" = ${look.value(shop.shopDomain)})`);
    const candidates = await this.db.$queryRawUnsafe<Array<{ id: string; kind: string; dedupeKey: string | null }>>(
      `SELECT "id", "kind", "dedupeKey" FROM "BackgroundJob" WHERE ${ofKinds} AND ${due} ${skip.length ? `AND NOT (${skip.join(" OR ")})` : ""}
       ORDER BY "runAfter" ASC LIMIT ${look.value(limit * 2)}`,
      ...look.values,
    );
    const chosen = await this.oneRunPerKey(candidates, limit, now);
    if (chosen.length === 0) return [];
    // One conditional update takes whichever candidates are still claimable and answers the rows
    // it took, stamped with a token unique to this claim (another worker may have taken some).
    const token = `${options.workerId}/${randomUUID()}`;
    const take = parameters(this.provider);
    const set = `"lockedBy" = ${take.value(token)}, "leaseUntil" = ${take.value(new Date(Date.now() + options.leaseMs))}, "updatedAt" = ${take.value(now)}`;
    const ids = chosen.map(take.value).join(", ");
    const stillDue = claimable(take.value, now);
    const won = await this.db.$queryRawUnsafe<Array<{ id: string; kind: string; platform: string; shopDomain: string; payload: string; attempts: number | bigint; maxAttempts: number | bigint }>>(
      `UPDATE "BackgroundJob" SET "status" = 'running', "attempts" = "attempts" + 1, ${set}
       WHERE "id" IN (${ids}) AND ${stillDue}
       RETURNING "id", "kind", "platform", "shopDomain", "payload", "attempts", "maxAttempts"`,
      ...take.values,
    );
    return won.map((row) => {
      this.holders.set(row.id, token);
      return {
        id: row.id,
        kind: row.kind,
        platform: row.platform as ShopKey["platform"],
        shopDomain: row.shopDomain,
        payload: JSON.parse(row.payload) as unknown,
        attempt: Number(row.attempts),
        maxAttempts: Number(row.maxAttempts),
      };
    });
  }

  /**
   * Jobs sharing a dedupe key (one fulfillment…) run one at a time: a candidate waits while
   * another job with its key runs under a live lease, and a claim takes one per key.
   */
  private async oneRunPerKey(candidates: Array<{ id: string; kind: string; dedupeKey: string | null }>, limit: number, now: Date): Promise<string[]> {
    const keys = [...new Set(candidates.flatMap((c) => (c.dedupeKey ? [c.dedupeKey] : [])))];
    const running = keys.length
      ? await this.db.backgroundJob.findMany({ where: { status: "running", leaseUntil: { gte: now }, dedupeKey: { in: keys } }, select: { kind: true, dedupeKey: true } })
      : [];
    const busy = new Set(running.map((r) => `${r.kind}|${r.dedupeKey}`));
    const chosen: string[] = [];
    for (const candidate of candidates) {
      if (chosen.length >= limit) break;
      if (candidate.dedupeKey) {
        const key = `${candidate.kind}|${candidate.dedupeKey}`;
        if (busy.has(key)) continue;
        busy.add(key);
      }
      chosen.push(candidate.id);
    }
    return chosen;
  }

  private holder(job: ClaimedJob) {
    return this.holders.get(job.id) ?? "";
  }

  private async settle(job: ClaimedJob, data: Parameters<Db["backgroundJob"]["updateMany"]>[0]["data"]) {
    const where = held(job, this.holder(job));
    await this.settlements.write((tx) => tx.backgroundJob.updateMany({ where, data: { ...data, lockedBy: null, leaseUntil: null } }));
    this.holders.delete(job.id);
  }

  async completeWithEffect<R>(job: ClaimedJob, effect: (tx: Transaction) => Promise<R>): Promise<R> {
    const result = await this.settlements.completeWithEffect(job, effect);
    this.holders.delete(job.id);
    return result;
  }

  async renew(job: ClaimedJob, leaseMs: number): Promise<boolean> {
    const renewed = await this.db.backgroundJob.updateMany({ where: held(job, this.holder(job)), data: { leaseUntil: new Date(Date.now() + leaseMs) } });
    return renewed.count === 1;
  }

  async complete(job: ClaimedJob, result?: unknown) {
    await this.settlements.complete(job, result);
    this.holders.delete(job.id);
  }

  /**
   * The settlements' batch step: marks the given jobs done, each only while its own attempt still
   * holds it (same id, claim token and attempt number, still running), in ONE statement; answers
   * the ids it marked (a job left out lost its lease, its row is untouched). Raw SQL: every
   * finished job passes here, and Prisma's JS engine compiling a query per job cost more than the UPDATE.
   */
  private async markDone(tx: Pick<Transaction, "$queryRawUnsafe">, jobs: ClaimedJob[]): Promise<Set<string>> {
    const now = new Date();
    const { values, value } = parameters(this.provider);
    const set = `"finishedAt" = ${value(now)}, "updatedAt" = ${value(now)}`;
    const attempts = jobs.map((job) => `("id" = ${value(job.id)} AND "lockedBy" = ${value(this.holder(job))} AND "attempts" = ${value(job.attempt)})`);
    const changed = await tx.$queryRawUnsafe<Array<{ id: string }>>(
      `UPDATE "BackgroundJob" SET "status" = 'done', "lastError" = NULL, "lockedBy" = NULL, "leaseUntil" = NULL, ${set}, "result" = NULL
       WHERE "status" = 'running' AND (${attempts.join(" OR ")}) RETURNING "id"`,
      ...values,
    );
    return new Set(changed.map((row) => row.id));
  }

  /** A finished job's result, on its row this transaction just marked done (so still locked by it). */
  private keepResult(tx: Pick<Transaction, "$executeRawUnsafe">, job: ClaimedJob, result: unknown) {
    const { values, value } = parameters(this.provider);
    return tx.$executeRawUnsafe(`UPDATE "BackgroundJob" SET "result" = ${value(JSON.stringify(result))} WHERE "id" = ${value(job.id)} AND "status" = 'done'`, ...values);
  }

  async fail(job: ClaimedJob, error: string, permanent: boolean): Promise<"retry" | "dead"> {
    if (permanent || job.attempt >= job.maxAttempts) {
      await this.settle(job, { status: "dead", lastError: error, finishedAt: new Date() });
      return "dead";
    }
    await this.settle(job, { status: "pending", lastError: error, runAfter: new Date(Date.now() + backoffDelayMs(job.attempt, this.backoff)) });
    return "retry";
  }

  async defer(job: ClaimedJob, until: Date, reason: string) {
    await this.settle(job, { status: "pending", attempts: { decrement: 1 }, runAfter: until, lastError: reason });
  }

  async deadJobs(shop: ShopKey, limit = 50): Promise<DeadJob[]> {
    const rows = await this.db.backgroundJob.findMany({
      where: { platform: shop.platform, shopDomain: shop.shopDomain, status: "dead" },
      orderBy: { finishedAt: "desc" },
      take: limit,
    });
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      platform: row.platform as ShopKey["platform"],
      shopDomain: row.shopDomain,
      attempts: row.attempts,
      lastError: row.lastError,
      failedAt: row.finishedAt ?? row.updatedAt,
    }));
  }

  async recentJobs(shop: ShopKey, kind: string, options: { dedupeKey?: string; limit?: number } = {}): Promise<JobRecord[]> {
    const rows = await this.db.backgroundJob.findMany({
      where: { platform: shop.platform, shopDomain: shop.shopDomain, kind, ...(options.dedupeKey ? { dedupeKey: options.dedupeKey } : {}) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: options.limit ?? 50,
    });
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      platform: row.platform as ShopKey["platform"],
      shopDomain: row.shopDomain,
      payload: JSON.parse(row.payload) as unknown,
      status: row.status as JobStatus,
      attempts: row.attempts,
      lastError: row.lastError,
      result: row.result === null ? null : (JSON.parse(row.result) as unknown),
      runAfter: row.runAfter,
      createdAt: row.createdAt,
    }));
  }

  async eraseShop(shop: ShopKey, tx?: JobsDb): Promise<number> {
    const db: Db = tx ?? this.db;
    if (tx) await flushGatheredWrites(tx); // jobs gathered earlier in this batch are erased too
    return (await db.backgroundJob.deleteMany({ where: { platform: shop.platform, shopDomain: shop.shopDomain } })).count;
  }

  async eraseByDedupeKeys(shop: ShopKey, kind: string, dedupeKeys: string[], tx?: JobsDb): Promise<number> {
    const db: Db = tx ?? this.db;
    if (tx) await flushGatheredWrites(tx); // jobs gathered earlier in this batch are erased too
    return (await db.backgroundJob.deleteMany({ where: { platform: shop.platform, shopDomain: shop.shopDomain, kind, dedupeKey: { in: dedupeKeys } } })).count;
  }

  async counts(kinds: string[]): Promise<JobCounts> {
    const groups = await this.db.backgroundJob.groupBy({ by: ["status"], where: { kind: { in: kinds } }, _count: { _all: true } });
    const counts: JobCounts = { pending: 0, running: 0, done: 0, dead: 0 };
    for (const group of groups) if (group.status in counts) counts[group.status as keyof JobCounts] = group._count._all;
    return counts;
  }

  /** Finished jobs (done or dead) are kept for FINISHED_KEPT_MS, as pg-boss keeps its own, then removed. */
  async prune(now = Date.now()): Promise<number> {
    return (await this.db.backgroundJob.deleteMany({ where: { status: { in: ["done", "dead"] }, finishedAt: { lt: new Date(now - FINISHED_KEPT_MS) } } })).count;
  }

  async close() {}
}
