/**
 * The app process's one job queue, on the backend DATABASE_URL selects: the BackgroundJob
 * table on SQLite (the embedded default), pg-boss on PostgreSQL. The composition root
 * registers every feature's handlers (app/background-work.server.ts); the worker starts with the first kick (an
 * enqueue, the admin opening) and then keeps polling for retries and deferred jobs.
 */
import { resolveDatabase } from "../../prisma/database";
import prisma from "../db.server";
import { log } from "../logger.server";
import { deliveriesWaiting } from "../webhooks/ledger.server";
import type { BackoffPolicy } from "./backoff";
import { PgBossJobStore } from "./pg-boss-store.server";
import { JobQueue } from "./queue.server";
import type { JobStore } from "./store";
import { TableJobStore } from "./table-store.server";
import { errorText } from "./types";

/**
 * Jobs run at once per process unless RASSURE_JOB_CONCURRENCY says otherwise. A job mostly waits
 * on a platform (a Shopify or WooCommerce call takes 100–500 ms; a throttled shop's jobs are put
 * back, not waited on), so a process runs many at little CPU or memory. With 4, a sale day's
 * fulfillments from a few shops queued every other shop's checks behind them; and each job's
 * settlement holds its slot until committed, so too few slots also left the database's group
 * commits with small batches (the webhook bench: 16 slots settle ~650 jobs/s on PostgreSQL, 32 ~1,000).
 */
export const DEFAULT_JOB_CONCURRENCY = 32;

/** Lease of a running job: a worker that crashed holds its jobs this long at most. */
const LEASE_MS = 60_000;

export interface JobStoreOptions {
  leaseMs?: number;
  backoff?: BackoffPolicy;
  /** pg-boss: how often lost heartbeats are looked for (seconds). */
  superviseIntervalSeconds?: number;
}

export function createJobStore(databaseUrl?: string, options: JobStoreOptions = {}): JobStore {
  const target = resolveDatabase(databaseUrl);
  if (target.provider === "postgresql") {
    return new PgBossJobStore(target.url, { heartbeatSeconds: (options.leaseMs ?? LEASE_MS) / 1000, superviseIntervalSeconds: options.superviseIntervalSeconds, backoff: options.backoff }, prisma);
  }
  return new TableJobStore(prisma, options.backoff);
}

declare global {
  var rassureJobQueue: JobQueue | undefined;
  var rassureJobQueueStarted: boolean | undefined;
}

// One per process, kept across Vite dev-server reloads like the Prisma client.
export const jobQueue: JobQueue = (globalThis.rassureJobQueue ??= new JobQueue(createJobStore(), {
  concurrency: Number(process.env.RASSURE_JOB_CONCURRENCY) || DEFAULT_JOB_CONCURRENCY,
  leaseMs: LEASE_MS,
  yieldTo: deliveriesWaiting,
}));

/** Makes sure the worker runs and looks for work now. */
export function kickJobWorker() {
  if (!jobQueue.running) {
    jobQueue.start().catch((error) => log("error", "the job worker could not start", { error: errorText(error) }));
  }
  jobQueue.kick();
}

// A production server works from the start (jobs a previous process left, retries that came
// due), and on SIGTERM/SIGINT lets running jobs finish before it exits; jobs it could not
// finish in time run again elsewhere once their lease runs out.
if (process.env.NODE_ENV === "production" && !globalThis.rassureJobQueueStarted) {
  globalThis.rassureJobQueueStarted = true;
  kickJobWorker();
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      log("info", "stopping: letting running jobs finish", { signal });
      jobQueue.stop({ timeoutMs: 20_000 }).finally(() => process.exit(0));
    });
  }
}
