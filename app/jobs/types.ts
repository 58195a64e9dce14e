/**
 * The job queue's vocabulary, shared by both storage backends (app/jobs/store.ts) and the
 * worker (app/jobs/queue.server.ts). A job belongs to one shop: retries, the circuit breaker,
 * throttle waits and the merchant's failure summary are all per shop.
 */
import type { Platform } from "../../adapters/types";

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
