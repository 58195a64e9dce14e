/**
 * The job queue's vocabulary, shared by both storage backends (app/jobs/store.ts) and the
 * worker (app/jobs/queue.server.ts). A job belongs to one shop: retries, the circuit breaker,
 * throttle waits and the merchant's failure summary are all per shop.
 */
import type { Platform } from "../../adapters/types";
import type { Transaction } from "../db.server";

export interface ShopKey {
  platform: Platform;
  shopDomain: string;
}

export interface NewJob<P = unknown> extends ShopKey {
  kind: string;
  payload: P;
  /**
   * At most one job of this kind with this key waits to start (a second enqueue is dropped: the
   * waiting one covers it), and jobs with the same key never run at the same time.
   */
  dedupeKey?: string;
  /** Not before this time (default: now). */
  runAfter?: Date;
  /** Attempts before the job is dead (default: the kind's, else 5). */
  maxAttempts?: number;
}

/** A job a worker holds. `attempt` counts from 1 and excludes throttle waits. */
export interface ClaimedJob<P = unknown> extends ShopKey {
  id: string;
  kind: string;
  payload: P;
  attempt: number;
  maxAttempts: number;
}

/** A job that used up its attempts (or failed for good): what the merchant is shown. */
export interface DeadJob extends ShopKey {
  id: string;
  kind: string;
  attempts: number;
  lastError: string | null;
  failedAt: Date;
}

export interface JobHandlerContext {
  /** Aborted when the queue stops or the job's lease was lost: a handler should stop early. */
  signal: AbortSignal;
  /**
   * Applies the job's database effect and completes the job in ONE transaction, only while this
   * attempt still holds the job; the job's result is what `effect` returns (the handler's own
   * return value is then not kept). When the lease was lost meanwhile (this process froze past
   * it, another worker took the job over) nothing is applied and it throws LeaseLostError. Use
   * it for every write that must happen once per job: a renewing worker can still be paused (GC,
   * heap snapshot, a stopped VM) between its last renewal and its write.
   */
  commit<R>(effect: (tx: Transaction) => Promise<R>): Promise<R>;
  /**
   * Renews the lease now; throws LeaseLostError when another worker holds the job. Call it right
   * before a platform write that cannot be undone (e.g. one that notifies a customer).
   */
  confirmLease(): Promise<void>;
}

/** This attempt no longer holds its job: another worker took it over after the lease ran out. */
export class LeaseLostError extends Error {
  constructor(jobId: string) {
    super(`Job ${jobId}: the lease was lost to another worker; this attempt applies nothing.`);
    this.name = "LeaseLostError";
  }
}

/** Runs one attempt; what it returns (JSON-serialisable) is kept with the finished job. */
export type JobHandler<P = unknown> = (job: ClaimedJob<P>, context: JobHandlerContext) => Promise<unknown>;

export type JobStatus = "pending" | "running" | "done" | "dead";

/** A job as stored, for a feature's own view of its work (latest first). */
export interface JobRecord<P = unknown> extends ShopKey {
  id: string;
  kind: string;
  payload: P;
  status: JobStatus;
  attempts: number;
  lastError: string | null;
  result: unknown;
  runAfter: Date;
  createdAt: Date;
}

/**
 * "Not now, later": the platform asked us to wait (Shopify THROTTLED, HTTP 429 Retry-After).
 * The job is put back for `delayMs` without using up an attempt, and the shop's other jobs wait too.
 */
export class RetryLaterError extends Error {
  constructor(
    readonly delayMs: number,
    reason: string,
  ) {
    super(reason);
    this.name = "RetryLaterError";
  }
}

/** A failure another attempt cannot fix (bad data, gone for good): the job is dead at once. */
export class PermanentJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PermanentJobError";
  }
}

export function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 1000);
}
