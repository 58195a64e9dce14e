/**
 * Settling jobs that finish together, for both job stores: they share one transaction of the
 * app's database (group commit), whose batch step marks every finishing job done with ONE fenced
 * statement of the store's (the table store's UPDATE, pg-boss's complete), each only while its
 * own attempt still holds it, before any effect runs. A job whose attempt was lost is left
 * untouched and its unit throws LeaseLostError, so the batch rolls back and its other units
 * commit without it (GroupCommit runs a failed unit alone). Once a row is marked, its row lock
 * (the write lock on SQLite) keeps any takeover out until the commit.
 *
 * A settlement lingers (SETTLE_LINGER_MS) for the jobs finishing just after it: no request waits
 * on it, and under a webhook burst its transactions (BEGIN, the mark, COMMIT: three round trips
 * each) were most of the app's statements, competing with the deliveries' answers. Lingering
 * settled ~3 jobs per transaction → ~10 on PostgreSQL, and cut the CPU per webhook by a quarter
 * (README, Performance).
 */
import type { Transaction } from "../db.server";
import { GroupCommit, type Transact } from "../group-commit.server";
import { LeaseLostError, type ClaimedJob } from "./types";

export interface FencedStatements {
  /** Marks these jobs done, each only while its attempt holds it, in one statement (per kind); answers the ids it marked. */
  markDone(tx: Transaction, jobs: ClaimedJob[]): Promise<Set<string>>;
  /** Keeps a finished job's result on the row `markDone` just marked. */
  keepResult(tx: Transaction, job: ClaimedJob, result: unknown): Promise<unknown>;
}

/** How long a settlement waits for more finishing jobs: a few platform calls' worth, nothing next to a real one. */
export const SETTLE_LINGER_MS = 10;

export class Settlements {
  /** Units without a job (a retry, a deferral) share the commits and have their own statements. */
  private readonly commits: GroupCommit<Transaction, ClaimedJob | undefined>;

  constructor(
    transact: Transact<Transaction>,
    private readonly store: FencedStatements,
    options: { maxBatch?: number; parallel?: number; lingerMs?: number } = {},
  ) {
    this.commits = new GroupCommit<Transaction, ClaimedJob | undefined>(transact, {
      lingerMs: SETTLE_LINGER_MS,
      ...options,
      beforeUnits: async (tx, jobs) => {
        const finishing = jobs.filter((job): job is ClaimedJob => job !== undefined);
        const marked = finishing.length ? await store.markDone(tx, finishing) : new Set<string>();
        return jobs.map((job) => job !== undefined && marked.has(job.id));
      },
    });
  }

  /** Applies `effect` and completes `job` in one transaction; LeaseLostError, and nothing applied, when its attempt lost the job. */
  completeWithEffect<R>(job: ClaimedJob, effect: (tx: Transaction) => Promise<R>): Promise<R> {
    return this.commits.submit(async (tx, held) => {
      if (!held) throw new LeaseLostError(job.id);
      const value = await effect(tx);
      if (value !== undefined) await this.store.keepResult(tx, job, value);
      return value;
    }, job);
  }

  /** Completes `job` with `result`; a lost lease changes nothing (the job's new holder settles it). */
  complete(job: ClaimedJob, result?: unknown): Promise<void> {
    return this.commits.submit(async (tx, held) => {
      if (held && result !== undefined) await this.store.keepResult(tx, job, result);
    }, job);
  }

  /** Other settling writes (a retry, a deferral), sharing the commits. */
  write(work: (tx: Transaction) => Promise<unknown>): Promise<unknown> {
    return this.commits.submit(work);
  }
}
