/**
 * Jobs on PostgreSQL through pg-boss (its own `pgboss` schema, created and migrated by pg-boss
 * on start). One pg-boss queue per job kind; pg-boss does the claiming (SKIP LOCKED), retries
 * with exponential backoff and jitter (retryBackoff), heartbeats and the "failed" (dead) state.
 * What pg-boss has no word for is done in one transaction with its own API:
 * - enqueue inside the caller's Prisma transaction: pg-boss runs its INSERT through a `db`
 *   executor backed by that transaction, so the job commits with the webhook's ledger entry;
 * - defer without using an attempt (throttling): complete this attempt and send a copy that
 *   starts later with the attempts it had left;
 * - permanent failure: lower the job's retry limit to the attempts made, then fail it.
 */
import { createHash, randomUUID } from "node:crypto";
import pg from "pg";
// fromPrisma: a Prisma interactive transaction as pg-boss's executor, so its statements run in it.
import { fromPrisma, PgBoss, type JobInsert } from "pg-boss";
import { log } from "../logger.server";
import type { BackoffPolicy } from "./backoff";
import { DEFAULT_BACKOFF } from "./backoff";
import type { ClaimOptions, JobCounts, JobsDb, JobStore } from "./store";
import { DEFAULT_MAX_ATTEMPTS, FINISHED_KEPT_MS } from "./table-store.server";
import type { PrismaClient, Transaction } from "../db.server";
import { flushGatheredWrites, gatherWrite } from "../batched-writes.server";
import { Settlements } from "./settlements.server";
import type { ClaimedJob, DeadJob, JobRecord, JobStatus, NewJob, ShopKey } from "./types";

type Executor = { executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> };

/** What a pg-boss job's data holds: the shop, the payload, and attempts spent before a deferral. */
interface Envelope extends ShopKey {
  payload: unknown;
  attemptOffset: number;
  dedupeKey: string | null;
  deferredBecause?: string;
}

type SendOptions = { startAfter?: Date; retryLimit: number; db?: Executor };

const QUEUE_PREFIX = "rassure.";
const SCHEMA = "pgboss";
/** pg-boss names allow [\w.-/] only; a kind is made of those already. */
export const queueName = (kind: string) => `${QUEUE_PREFIX}${kind}`;
/** Dedupe keys may hold any text (gid://…): pg-boss singleton keys get a digest of it. */
const singletonKey = (dedupeKey: string | null | undefined) => (dedupeKey ? createHash("sha256").update(dedupeKey).digest("hex").slice(0, 40) : randomUUID());

export interface PgBossStoreOptions {
  backoff?: BackoffPolicy;
  /** Seconds without a lease renewal (pg-boss heartbeat) before a running job is given to another worker; ≥ 10. */
  heartbeatSeconds?: number;
  /** How often pg-boss's supervisor looks for lost heartbeats. */
  superviseIntervalSeconds?: number;
}

export class PgBossJobStore implements JobStore {
  readonly backend = "pg-boss" as const;
  private readonly boss: PgBoss;
  /** A few connections of our own for the multi-statement transactions described above. */
  private readonly pool: pg.Pool;
  private readonly queues = new Map<string, Promise<void>>();
  private started: Promise<unknown> | null = null;
  private readonly heartbeatSeconds: number;
  private effects: Settlements | null = null;

  constructor(
    connectionString: string,
    private readonly options: PgBossStoreOptions = {},
    /** The app's database client (same PostgreSQL), for effects committed with a job's completion. */
    private readonly app: Pick<PrismaClient, "$transaction"> | null = null,
  ) {
    this.heartbeatSeconds = Math.max(10, Math.round(options.heartbeatSeconds ?? 30));
    const supervise = options.superviseIntervalSeconds ?? 30;
    this.boss = new PgBoss({ connectionString, schema: SCHEMA, max: 6, superviseIntervalSeconds: supervise, monitorIntervalSeconds: supervise });
    // pg-boss reports background trouble (lost connection during a restart…) as events; without a
    // listener Node would treat them as uncaught. It reconnects by itself.
    this.boss.on("error", (error: unknown) => log("warn", "pg-boss reported a problem", { error: error instanceof Error ? error.message : JSON.stringify(error) }));
    this.pool = new pg.Pool({ connectionString, max: 3 });
    this.pool.on("error", () => undefined); // idle client lost (server restart): the pool replaces it
  }

  private start() {
    this.started ??= this.boss.start();
    return this.started;
  }

  private ensureQueue(kind: string): Promise<void> {
    let ready = this.queues.get(kind);
    if (!ready) {
      const backoff = this.options.backoff ?? DEFAULT_BACKOFF;
      ready = this.start()
        .then(() =>
          this.boss.createQueue(queueName(kind), {
            // "stately": per singleton key (our dedupe keys; other jobs get a unique one), at most one
            // job waits to start and one runs: a duplicate is dropped, a job never runs beside its twin.
            policy: "stately",
            retryLimit: DEFAULT_MAX_ATTEMPTS - 1,
            retryBackoff: true,
            retryDelay: Math.max(1, Math.round(backoff.baseMs / 1000)),
            retryDelayMax: Math.max(1, Math.round(backoff.maxMs / 1000)),
            heartbeatSeconds: this.heartbeatSeconds,
            expireInSeconds: 60 * 60,
            deleteAfterSeconds: FINISHED_KEPT_MS / 1000,
          }),
        )
        // Once per kind and process, before its first job is sent or fetched (no cost per run).
        .then(() => this.adoptTableJobs(kind));
      ready.catch(() => this.queues.delete(kind));
      this.queues.set(kind, ready);
    }
    return ready;
  }

  async prepare(kinds: string[]) {
    await Promise.all(kinds.map((kind) => this.ensureQueue(kind)));
  }

  /**
   * Jobs a migration left in the BackgroundJob table (tracking checks of the queue that came
   * before, see prisma/postgresql/migrations/20261123184509_*) are handed to pg-boss: each sent
   * with the attempts it has left and deleted in the same transaction, rows locked with SKIP
   * LOCKED, so processes starting together hand each over once.
   */
  private async adoptTableJobs(kind: string) {
    await this.inTransaction(async (db) => {
      const { rows } = await db.executeSql(
        `SELECT "id", "platform", "shopDomain", "payload", "dedupeKey", "attempts", "maxAttempts", "runAfter" FROM "BackgroundJob"
         WHERE "status" IN ('pending', 'running') AND "kind" = $1 FOR UPDATE SKIP LOCKED`,
        [kind],
      );
      for (const row of rows as Array<{ id: string; platform: ShopKey["platform"]; shopDomain: string; payload: string; dedupeKey: string | null; attempts: number; maxAttempts: number; runAfter: Date }>) {
        const envelope: Envelope = { platform: row.platform, shopDomain: row.shopDomain, payload: JSON.parse(row.payload) as unknown, attemptOffset: row.attempts, dedupeKey: row.dedupeKey };
        await this.sendToQueue(kind, envelope, { startAfter: row.runAfter, retryLimit: Math.max(0, row.maxAttempts - row.attempts - 1), db });
      }
      if (rows.length) {
        await db.executeSql(`DELETE FROM "BackgroundJob" WHERE "id" = ANY($1::text[])`, [rows.map((row) => row.id)]);
        log("info", "queued jobs moved from the BackgroundJob table to pg-boss", { kind, count: rows.length });
      }
    });
  }

  private async send(kind: string, envelope: Envelope, options: SendOptions) {
    await this.ensureQueue(kind);
    return this.sendToQueue(kind, envelope, options);
  }

  /** Sends to a queue known to exist. */
  private sendToQueue(kind: string, envelope: Envelope, options: SendOptions) {
    return this.boss.send(queueName(kind), envelope as unknown as object, {
      singletonKey: singletonKey(envelope.dedupeKey),
      startAfter: options.startAfter,
      retryLimit: options.retryLimit,
      db: options.db,
    });
  }

  async enqueue(job: NewJob, tx?: JobsDb): Promise<string | null> {
    const envelope: Envelope = { platform: job.platform, shopDomain: job.shopDomain, payload: job.payload ?? null, attemptOffset: 0, dedupeKey: job.dedupeKey ?? null };
    const retryLimit = (job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS) - 1;
    if (tx && !job.dedupeKey) {
      // In a group commit (a batch of webhook deliveries) the batch's jobs of a kind go in with
      // one pg-boss insert, before it commits. Without a dedupe key a job has a singleton key of
      // its own, so it cannot be dropped as a duplicate: its id is known before the insert.
      await this.ensureQueue(job.kind);
      const id = randomUUID();
      const row: JobInsert<Envelope> = { id, data: envelope, singletonKey: singletonKey(null), startAfter: job.runAfter, retryLimit };
      if (gatherWrite(tx, `pg-boss ${job.kind}`, row, (rows) => this.insertJobs(job.kind, rows, tx))) return id;
    }
    return this.send(job.kind, envelope, { startAfter: job.runAfter, retryLimit, db: tx ? fromPrisma(tx) : undefined });
  }

  /** Jobs of one kind in one statement (pg-boss's insert: the same INSERT as its send, over many rows). */
  private async insertJobs(kind: string, rows: JobInsert<Envelope>[], tx: JobsDb) {
    await this.boss.insert(queueName(kind), rows, { db: fromPrisma(tx) });
  }

  async claim(kinds: string[], limit: number, _options: ClaimOptions): Promise<ClaimedJob[]> {
    const claimed: ClaimedJob[] = [];
    for (const kind of kinds) {
      if (claimed.length >= limit) break;
      await this.ensureQueue(kind);
      const jobs = await this.boss.fetch<Envelope>(queueName(kind), { batchSize: limit - claimed.length, includeMetadata: true });
      for (const job of jobs) {
        const data = job.data;
        claimed.push({
          id: job.id,
          kind,
          platform: data.platform,
          shopDomain: data.shopDomain,
          payload: data.payload,
          attempt: data.attemptOffset + job.retryCount + 1,
          maxAttempts: data.attemptOffset + job.retryLimit + 1,
          // pg-boss settles by attempt ({id, retryCount}): a late answer from a lost attempt changes nothing.
          ...{ [ATTEMPT]: { retryCount: job.retryCount, retryLimit: job.retryLimit, data } },
        } as ClaimedJob);
      }
    }
    return claimed;
  }

  async renew(job: ClaimedJob): Promise<boolean> {
    const response = await this.boss.touch(queueName(job.kind), attemptOf(job));
    return affected(response) === 1;
  }

  async complete(job: ClaimedJob, result?: unknown) {
    await this.boss.complete(queueName(job.kind), attemptOf(job), result === undefined ? null : { result });
  }

  async completeWithEffect<R>(job: ClaimedJob, effect: (tx: Transaction) => Promise<R>): Promise<R> {
    const app = this.app;
    if (!app) throw new Error("This job store was opened without the app's database client: it cannot apply a job's effect.");
    await this.ensureQueue(job.kind);
    // Jobs finishing together share one transaction of the app's (one per job held a connection
    // of the app's pool each, and webhook deliveries waited for one); ONE pg-boss complete per
    // kind marks them done through it, each fenced to its own attempt's retry count.
    this.effects ??= new Settlements(
      (work) => app.$transaction(work),
      { markDone: (tx, jobs) => this.completeAttempts(tx, jobs), keepResult: (tx, job, result) => this.keepOutput(tx, job, result) },
      { maxBatch: 100, parallel: 2 },
    );
    return this.effects.completeWithEffect(job, effect);
  }

  /** Completes the jobs' attempts in `tx`, one statement per kind; answers the ids whose attempt still held them. */
  private async completeAttempts(tx: Transaction, jobs: ClaimedJob[]): Promise<Set<string>> {
    const completed = new Set<string>();
    for (const kind of new Set(jobs.map((job) => job.kind))) {
      const ofKind = jobs.filter((job) => job.kind === kind);
      const response = await this.boss.complete(queueName(kind), ofKind.map(attemptOf), null, { db: fromPrisma(tx) });
      for (const id of settledIds(response)) completed.add(id);
    }
    return completed;
  }

  /** A completed job's result, as pg-boss's complete would keep it (its batch complete takes one output for all). */
  private keepOutput(tx: Transaction, job: ClaimedJob, result: unknown) {
    return tx.$executeRawUnsafe(`UPDATE ${SCHEMA}.job SET output = $3::jsonb WHERE name = $1 AND id = $2::uuid`, queueName(job.kind), job.id, JSON.stringify({ result }));
  }

  async fail(job: ClaimedJob, error: string, permanent: boolean): Promise<"retry" | "dead"> {
    const attempt = attemptOf(job);
    const dead = permanent || job.attempt >= job.maxAttempts;
    await this.inTransaction(async (db) => {
      if (permanent) await db.executeSql(`UPDATE ${SCHEMA}.job SET retry_limit = retry_count WHERE name = $1 AND id = $2 AND state = 'active'`, [queueName(job.kind), job.id]);
      await this.boss.fail(queueName(job.kind), attempt, { message: error }, { db });
    });
    return dead ? "dead" : "retry";
  }

  async defer(job: ClaimedJob, until: Date, reason: string) {
    const { retryCount, retryLimit, data } = stateOf(job);
    await this.inTransaction(async (db) => {
      // "cancelled" marks the hand-over to the copy (not counted as done work); the reason travels with the copy.
      const settled = await this.boss.cancel(queueName(job.kind), attemptOf(job), { db });
      if (affected(settled) !== 1) return; // the attempt was lost meanwhile: its new holder decides
      // A copy that starts later with the attempts left; if a newer job with the same dedupe key waits already, it covers this one.
      await this.send(job.kind, { ...data, attemptOffset: data.attemptOffset + retryCount, deferredBecause: reason }, { startAfter: until, retryLimit: retryLimit - retryCount, db });
    });
  }

  private async inTransaction(work: (db: Executor) => Promise<void>) {
    const client = await this.pool.connect();
    // A server shutdown arrives as an error event on the checked-out client: the query in flight
    // rejects and is retried by the worker; without a listener Node would crash the process.
    const ignore = () => undefined;
    client.on("error", ignore);
    try {
      await client.query("BEGIN");
      await work({ executeSql: (text, values) => client.query(text, values as unknown[]) });
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.off("error", ignore);
      client.release();
    }
  }

  async deadJobs(shop: ShopKey, limit = 50): Promise<DeadJob[]> {
    await this.start();
    const { rows } = await this.pool.query<{ id: string; name: string; data: Envelope; retry_count: number; output: { message?: string } | null; completed_on: Date }>(
      `SELECT id, name, data, retry_count, output, completed_on FROM ${SCHEMA}.job
       WHERE name LIKE $1 AND state = 'failed' AND data->>'platform' = $2 AND data->>'shopDomain' = $3
       ORDER BY completed_on DESC LIMIT $4`,
      [`${QUEUE_PREFIX}%`, shop.platform, shop.shopDomain, limit],
    );
    return rows.map((row) => ({
      id: row.id,
      kind: row.name.slice(QUEUE_PREFIX.length),
      platform: shop.platform,
      shopDomain: shop.shopDomain,
      attempts: row.data.attemptOffset + row.retry_count + 1,
      lastError: row.output?.message ?? null,
      failedAt: row.completed_on,
    }));
  }

  async recentJobs(shop: ShopKey, kind: string, options: { dedupeKey?: string; limit?: number } = {}): Promise<JobRecord[]> {
    await this.start();
    // "cancelled" rows are attempts handed over to a deferred copy: the copy stands for the job.
    const { rows } = await this.pool.query<{ id: string; data: Envelope; state: string; retry_count: number; output: { result?: unknown; message?: string } | null; start_after: Date; created_on: Date }>(
      `SELECT id, data, state, retry_count, output, start_after, created_on FROM ${SCHEMA}.job
       WHERE name = $1 AND state <> 'cancelled' AND data->>'platform' = $2 AND data->>'shopDomain' = $3 AND ($4::text IS NULL OR data->>'dedupeKey' = $4)
       ORDER BY created_on DESC, id DESC LIMIT $5`,
      [queueName(kind), shop.platform, shop.shopDomain, options.dedupeKey ?? null, options.limit ?? 50],
    );
    const status: Record<string, JobStatus> = { created: "pending", retry: "pending", active: "running", completed: "done", failed: "dead" };
    return rows.map((row) => {
      // pg-boss counts retry_count up when it claims a job again: an attempt started is retry_count + 1, none while "created".
      const started = row.state === "created" ? 0 : row.retry_count + 1;
      return {
        id: row.id,
        kind,
        platform: shop.platform,
        shopDomain: shop.shopDomain,
        payload: row.data.payload,
        status: status[row.state] ?? "pending",
        attempts: row.data.attemptOffset + started,
        lastError: row.state === "completed" ? null : (row.output?.message ?? row.data.deferredBecause ?? null),
        result: row.state === "completed" ? (row.output?.result ?? null) : null,
        runAfter: row.start_after,
        createdAt: row.created_on,
      };
    });
  }

  async eraseShop(shop: ShopKey, tx?: JobsDb): Promise<number> {
    await this.start();
    if (tx) await flushGatheredWrites(tx); // jobs gathered earlier in this batch are erased too
    const sql = `WITH gone AS (DELETE FROM ${SCHEMA}.job WHERE name LIKE $1 AND data->>'platform' = $2 AND data->>'shopDomain' = $3 RETURNING 1) SELECT count(*)::int AS count FROM gone`;
    const values = [`${QUEUE_PREFIX}%`, shop.platform, shop.shopDomain];
    const { rows } = tx ? await fromPrisma(tx).executeSql(sql, values) : await this.pool.query(sql, values);
    return Number(rows[0]?.count ?? 0);
  }

  async eraseByDedupeKeys(shop: ShopKey, kind: string, dedupeKeys: string[], tx?: JobsDb): Promise<number> {
    await this.start();
    if (tx) await flushGatheredWrites(tx); // jobs gathered earlier in this batch are erased too
    const sql = `WITH gone AS (DELETE FROM ${SCHEMA}.job WHERE name = $1 AND data->>'platform' = $2 AND data->>'shopDomain' = $3 AND data->>'dedupeKey' = ANY($4::text[]) RETURNING 1) SELECT count(*)::int AS count FROM gone`;
    const values = [queueName(kind), shop.platform, shop.shopDomain, dedupeKeys];
    const { rows } = tx ? await fromPrisma(tx).executeSql(sql, values) : await this.pool.query(sql, values);
    return Number(rows[0]?.count ?? 0);
  }

  async counts(kinds: string[]): Promise<JobCounts> {
    await this.start();
    const { rows } = await this.pool.query<{ state: string; count: string }>(`SELECT state, count(*) AS count FROM ${SCHEMA}.job WHERE name = ANY($1) GROUP BY state`, [kinds.map(queueName)]);
    const counts: JobCounts = { pending: 0, running: 0, done: 0, dead: 0 };
    const bucket: Record<string, keyof JobCounts> = { created: "pending", retry: "pending", active: "running", completed: "done", failed: "dead" };
    for (const row of rows) if (bucket[row.state]) counts[bucket[row.state]] += Number(row.count);
    return counts;
  }

  /** pg-boss's own maintenance removes finished jobs after deleteAfterSeconds. */
  async prune(): Promise<number> {
    return 0;
  }

  async close() {
    if (this.started) await this.boss.stop({ graceful: false, close: true }).catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }
}

const ATTEMPT = Symbol("pg-boss attempt");
type AttemptState = { retryCount: number; retryLimit: number; data: Envelope };
const stateOf = (job: ClaimedJob) => (job as ClaimedJob & { [ATTEMPT]: AttemptState })[ATTEMPT];
const attemptOf = (job: ClaimedJob) => ({ id: job.id, retryCount: stateOf(job).retryCount });
const affected = (response: unknown) => (response as { affected?: number }).affected ?? 0;
/** The jobs a pg-boss settle changed. */
const settledIds = (response: unknown) => (response as { settled?: string[] }).settled ?? [];
