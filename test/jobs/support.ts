/**
 * The job queue on the backend this test run's database selects (BackgroundJob table on
 * SQLite, pg-boss on PostgreSQL), with timings short enough for tests.
 */
import { resolveDatabase } from "../../prisma/database";
import { JobQueue, type JobQueueOptions } from "../../app/jobs/queue.server";
import { createJobStore } from "../../app/jobs/runtime.server";
import type { JobStore } from "../../app/jobs/store";

export const onPostgres = resolveDatabase().provider === "postgresql";
/** pg-boss heartbeats are whole seconds, at least 10. */
export const LEASE_MS = onPostgres ? 10_000 : 1_000;
export const BACKOFF = { baseMs: 1_000, maxMs: 4_000 };

const opened: JobStore[] = [];

export function openStore(): JobStore {
  const store = createJobStore(process.env.DATABASE_URL, { leaseMs: LEASE_MS, backoff: BACKOFF, superviseIntervalSeconds: 1 });
  opened.push(store);
  return store;
}

export function openQueue(options: JobQueueOptions = {}, store = openStore()): JobQueue {
  return new JobQueue(store, { concurrency: 4, pollMs: 100, leaseMs: LEASE_MS, ...options });
}

export async function closeStores() {
  await Promise.all(opened.splice(0).map((store) => store.close()));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs due jobs again and again until `done()` holds (retries come due over time). */
export async function runUntil(queue: JobQueue, done: () => boolean | Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error("runUntil: timed out");
    await queue.runUntilIdle();
    await sleep(100);
  }
}
