/**
 * Where jobs live. Two implementations behind one interface: a Prisma table with leases
 * (table-store.server.ts, the embedded SQLite default) and pg-boss (pg-boss-store.server.ts,
 * PostgreSQL). The worker (queue.server.ts) is the same for both: it claims, runs the kind's
 * handler, renews the lease meanwhile, and settles the job through the store.
 */
import type { Transaction } from "../db.server";
import type { ClaimedJob, DeadJob, JobRecord, NewJob, ShopKey } from "./types";

/** What a store needs of a Prisma transaction (or client) to write in it. */
export type JobsDb = Pick<Transaction, "backgroundJob" | "$queryRawUnsafe">;

export interface ClaimOptions {
  workerId: string;
  leaseMs: number;
  /** "platform:shopDomain" keys whose jobs should be left alone (circuit breaker, throttle pause). */
  skipShops: string[];
}

export interface JobCounts {
  pending: number;
  running: number;
  done: number;
  dead: number;
}

export interface JobStore {
  readonly backend: "table" | "pg-boss";
  /** Makes the store ready for these kinds (pg-boss: one queue per kind). */
  prepare(kinds: string[]): Promise<void>;
  /**
   * Records a job; inside `tx` when given, so it commits or rolls back with the caller's other
   * writes (a webhook's ledger entry). Returns null when a pending job with the same dedupe key exists.
   */
  enqueue(job: NewJob, tx?: JobsDb): Promise<string | null>;
  claim(kinds: string[], limit: number, options: ClaimOptions): Promise<ClaimedJob[]>;
  /** Extends the lease of a running job; false when the lease was lost (another worker has it). */
  renew(job: ClaimedJob, leaseMs: number): Promise<boolean>;
  complete(job: ClaimedJob, result?: unknown): Promise<void>;
  /**
   * Runs `effect` in a transaction of the app's database that also completes the job, fenced to
   * this attempt (its claim token / pg-boss retry count): LeaseLostError, and nothing applied,
   * when the attempt no longer holds the job. The job's result is what `effect` returns.
   */
  completeWithEffect<R>(job: ClaimedJob, effect: (tx: Transaction) => Promise<R>): Promise<R>;
  /** A failed attempt: retried later with backoff, or dead when out of attempts (or `permanent`). */
  fail(job: ClaimedJob, error: string, permanent: boolean): Promise<"retry" | "dead">;
  /** Puts the job back until `until` without using up the attempt (throttling, open breaker). */
  defer(job: ClaimedJob, until: Date, reason: string): Promise<void>;
  deadJobs(shop: ShopKey, limit?: number): Promise<DeadJob[]>;
  /** A shop's jobs of one kind, newest first (optionally only one dedupe key's). */
  recentJobs(shop: ShopKey, kind: string, options?: { dedupeKey?: string; limit?: number }): Promise<JobRecord[]>;
  /** Erases a shop's jobs (uninstall, shop/redact), inside the caller's transaction when given. */
  eraseShop(shop: ShopKey, tx?: JobsDb): Promise<number>;
  /** Erases a shop's jobs of one kind with these dedupe keys, whatever their state (GDPR redaction). */
  eraseByDedupeKeys(shop: ShopKey, kind: string, dedupeKeys: string[], tx?: JobsDb): Promise<number>;
  counts(kinds: string[]): Promise<JobCounts>;
  /** Removes finished jobs past their keeping time; returns how many (pg-boss does this on its own). */
  prune(now?: number): Promise<number>;
  close(): Promise<void>;
}

export const shopKey = (shop: ShopKey) => `${shop.platform}:${shop.shopDomain}`;

export function parseShopKey(key: string): ShopKey {
  const at = key.indexOf(":");
  return { platform: key.slice(0, at) as ShopKey["platform"], shopDomain: key.slice(at + 1) };
}
