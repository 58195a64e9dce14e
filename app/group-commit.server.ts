/**
 * Group commit: units of work submitted at about the same time share one database transaction,
 * so a burst of webhooks pays for one commit (one fsync on SQLite, one round of BEGIN/COMMIT on
 * PostgreSQL) instead of one each. Each submitter's promise settles only after the transaction
 * that holds its writes committed (or failed), so "resolved" still means "durably recorded".
 * Used for webhook deliveries (app/webhooks/ledger.server.ts) and for settling finished jobs on
 * SQLite (app/jobs/table-store.server.ts).
 *
 * Flushing: the first unit schedules a flush for the end of the current event-loop turn (units
 * arriving in the same turn join it); units arriving while `parallel` batches are running queue
 * up and leave together as soon as one finishes. An idle system therefore adds no delay, and a
 * busy one makes larger batches.
 *
 * Failures: when a unit's own work throws, the batch rolls back; that unit then runs alone (its
 * error, if it fails again, is its own) and the others are queued again, so one bad delivery
 * never fails its neighbours. When the transaction itself fails (BEGIN, COMMIT, the connection),
 * every unit of the batch rejects: nothing of it was recorded, the platform retries them.
 *
 * Overload: past `maxWaiting` queued units a new one is refused at once (GroupCommitBusy), so a
 * rate above what the database sustains turns into quick "retry later" answers instead of an
 * ever-growing backlog of waiting requests (memory, and answers past the platform's timeout).
 */

export type Transact<Tx> = <R>(work: (tx: Tx) => Promise<R>) => Promise<R>;

export interface GroupCommitOptions {
  /** Most units in one transaction (keeps a transaction, and the SQLite write lock, short). */
  maxBatch?: number;
  /** Transactions running at once: 1 on SQLite (one writer), a few on PostgreSQL. */
  parallel?: number;
  /** Units allowed to wait for a transaction; past it `submit` rejects with GroupCommitBusy. */
  maxWaiting?: number;
}

/** Too much is already waiting for the database: nothing was done, try again later. */
export class GroupCommitBusy extends Error {
  constructor() {
    super("Too many writes are waiting for the database; nothing was recorded, retry later.");
    this.name = "GroupCommitBusy";
  }
}

interface Unit<Tx> {
  work: (tx: Tx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Marks which unit of a batch threw, so the others can be retried without it. */
class UnitFailed<Tx> extends Error {
  constructor(
    readonly unit: Unit<Tx>,
    readonly error: unknown,
  ) {
    super("A unit of the batch failed.");
  }
}

export class GroupCommit<Tx> {
  private readonly queue: Unit<Tx>[] = [];
  private readonly maxBatch: number;
  private readonly parallel: number;
  private readonly maxWaiting: number;
  private running = 0;
  private scheduled = false;

  constructor(
    private readonly transact: Transact<Tx>,
    options: GroupCommitOptions = {},
  ) {
    this.maxBatch = Math.max(1, options.maxBatch ?? 100);
    this.parallel = Math.max(1, options.parallel ?? 1);
    this.maxWaiting = options.maxWaiting ?? Infinity;
  }

  /** Runs `work` inside a shared transaction; resolves with its result once that transaction committed. */
  submit<R>(work: (tx: Tx) => Promise<R>): Promise<R> {
    if (this.queue.length >= this.maxWaiting) return Promise.reject(new GroupCommitBusy());
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  /** Units waiting for a transaction (not counting the ones in a running batch). */
  get waiting(): number {
    return this.queue.length;
  }

  private schedule() {
    if (this.scheduled || this.running >= this.parallel || this.queue.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      while (this.running < this.parallel && this.queue.length > 0) void this.flush(this.queue.splice(0, this.maxBatch));
    });
  }

  private async flush(batch: Unit<Tx>[]) {
    this.running++;
    try {
      await this.commit(batch);
    } finally {
      this.running--;
      this.schedule();
    }
  }

  private async commit(batch: Unit<Tx>[]) {
    let results: unknown[];
    try {
      results = await this.transact(async (tx) => {
        const done: unknown[] = [];
        for (const unit of batch) {
          try {
            done.push(await unit.work(tx));
          } catch (error) {
            throw new UnitFailed(unit, error);
          }
        }
        return done;
      });
    } catch (error) {
      if (!(error instanceof UnitFailed)) {
        for (const unit of batch) unit.reject(error);
        return;
      }
      const failed = (error as UnitFailed<Tx>).unit;
      // The others did nothing wrong: first in line again, in their order.
      this.queue.unshift(...batch.filter((unit) => unit !== failed));
      if (batch.length === 1) failed.reject((error as UnitFailed<Tx>).error);
      else await this.transact(failed.work).then(failed.resolve, failed.reject);
      return;
    }
    batch.forEach((unit, i) => unit.resolve(results[i]));
  }
}
