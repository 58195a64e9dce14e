/**
 * Group commit: units of work submitted at about the same time share one database transaction,
 * so a burst of webhooks pays for one commit (one fsync on SQLite, one round of BEGIN/COMMIT on
 * PostgreSQL) instead of one each. Each submitter's promise settles only after the transaction
 * that holds its writes committed (or failed), so "resolved" still means "durably recorded".
 * Used for webhook deliveries (app/webhooks/ledger.server.ts) and for settling finished jobs
 * (app/jobs/settlements.server.ts).
 *
 * Flushing: the first unit schedules a flush for the end of the current event-loop turn (units
 * arriving in the same turn join it); units arriving while `parallel` batches are running queue
 * up and leave together as soon as one finishes. An idle system therefore adds no delay, and a
 * busy one makes larger batches.
 *
 * Batch step: with `beforeUnits`, each unit carries an input and the batch starts with ONE call
 * over all its inputs (e.g. one multi-row INSERT of the webhook ledger rows); each unit's work
 * then gets its own share of what that call returned. A group of N units pays a constant number
 * of round trips for the shared part instead of N.
 *
 * Gathered writes: a unit's work may leave rows to the batch (app/batched-writes.server.ts), which
 * writes them with one statement per kind after the last unit, still inside the transaction.
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

import { flushGatheredWrites, gatherWritesIn } from "./batched-writes.server";

export type Transact<Tx> = <R>(work: (tx: Tx) => Promise<R>) => Promise<R>;

export interface GroupCommitOptions<Tx = unknown, In = unknown> {
  /** Most units in one transaction (keeps a transaction, and the SQLite write lock, short). */
  maxBatch?: number;
  /** Transactions running at once: 1 on SQLite (one writer), a few on PostgreSQL. */
  parallel?: number;
  /**
   * How long a batch that is not full waits for more units before it starts (0: until the end of
   * the current event-loop turn). Fewer, larger transactions, each unit settled a little later:
   * PostgreSQL's commit_delay makes the same trade. Only for work no request's answer waits on.
   */
  lingerMs?: number;
  /** Units allowed to wait for a transaction; past it `submit` rejects with GroupCommitBusy. */
  maxWaiting?: number;
  /**
   * Runs once per batch, first in its transaction, over the units' inputs (in order); returns one
   * value per input, handed to that unit's work as its second argument.
   */
  beforeUnits?: (tx: Tx, inputs: In[]) => Promise<unknown[]>;
}

/** Too much is already waiting for the database: nothing was done, try again later. */
export class GroupCommitBusy extends Error {
  constructor() {
    super("Too many writes are waiting for the database; nothing was recorded, retry later.");
    this.name = "GroupCommitBusy";
  }
}

interface Unit<Tx, In = unknown> {
  input: In | undefined;
  work: (tx: Tx, prepared: unknown) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Marks which unit of a batch threw, so the others can be retried without it. */
class UnitFailed<Tx, In> extends Error {
  constructor(
    readonly unit: Unit<Tx, In>,
    readonly error: unknown,
  ) {
    super("A unit of the batch failed.");
  }
}

export class GroupCommit<Tx, In = unknown> {
  private readonly queue: Unit<Tx, In>[] = [];
  private readonly maxBatch: number;
  private readonly parallel: number;
  private readonly maxWaiting: number;
  private readonly beforeUnits: GroupCommitOptions<Tx, In>["beforeUnits"];
  private readonly lingerMs: number;
  private running = 0;
  private scheduled = false;
  /** The pending linger, cut short when a full batch is waiting. */
  private lingering: NodeJS.Timeout | null = null;

  constructor(
    private readonly transact: Transact<Tx>,
    options: GroupCommitOptions<Tx, In> = {},
  ) {
    this.maxBatch = Math.max(1, options.maxBatch ?? 100);
    this.parallel = Math.max(1, options.parallel ?? 1);
    this.maxWaiting = options.maxWaiting ?? Infinity;
    this.beforeUnits = options.beforeUnits;
    this.lingerMs = Math.max(0, options.lingerMs ?? 0);
  }

  /**
   * Runs `work` inside a shared transaction; resolves with its result once that transaction
   * committed. `input` goes to the batch step (`beforeUnits`), whose answer for it is `prepared`.
   */
  submit<R>(work: (tx: Tx, prepared: unknown) => Promise<R>, input?: In): Promise<R> {
    if (this.queue.length >= this.maxWaiting) return Promise.reject(new GroupCommitBusy());
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ input, work, resolve: resolve as (value: unknown) => void, reject });
      this.schedule(true);
    });
  }

  /** Units waiting for a transaction (not counting the ones in a running batch). */
  get waiting(): number {
    return this.queue.length;
  }

  /** `mayLinger`: a new unit may wait for company; units left over from a busy moment have waited already. */
  private schedule(mayLinger = false) {
    if (this.lingering && this.queue.length >= this.maxBatch) {
      clearTimeout(this.lingering);
      this.lingering = null;
      this.scheduled = false;
    }
    if (this.scheduled || this.running >= this.parallel || this.queue.length === 0) return;
    this.scheduled = true;
    const start = () => {
      this.lingering = null;
      this.scheduled = false;
      while (this.running < this.parallel && this.queue.length > 0) void this.flush(this.queue.splice(0, this.maxBatch));
    };
    if (mayLinger && this.lingerMs > 0 && this.queue.length < this.maxBatch) this.lingering = setTimeout(start, this.lingerMs);
    else setImmediate(start);
  }

  private async flush(batch: Unit<Tx, In>[]) {
    this.running++;
    try {
      await this.commit(batch);
    } finally {
      this.running--;
      this.schedule();
    }
  }

  /** The batch's units in one transaction: the batch step, then each unit's work. */
  private runBatch(batch: Unit<Tx, In>[]) {
    return this.transact(async (tx) => {
      const prepared = this.beforeUnits ? await this.beforeUnits(tx, batch.map((unit) => unit.input as In)) : [];
      const done: unknown[] = [];
      gatherWritesIn(tx as object);
      for (const [i, unit] of batch.entries()) {
        try {
          done.push(await unit.work(tx, prepared[i]));
        } catch (error) {
          throw new UnitFailed(unit, error);
        }
      }
      // The rows the units asked for (their jobs…), one statement per kind; a failure here is the
      // batch's, not one unit's: every unit rejects and the platform retries them.
      await flushGatheredWrites(tx as object, { close: true });
      return done;
    });
  }

  private async commit(batch: Unit<Tx, In>[]) {
    let results: unknown[];
    try {
      results = await this.runBatch(batch);
    } catch (error) {
      if (!(error instanceof UnitFailed)) {
        for (const unit of batch) unit.reject(error);
        return;
      }
      const failed = (error as UnitFailed<Tx, In>).unit;
      // The others did nothing wrong: first in line again, in their order.
      this.queue.unshift(...batch.filter((unit) => unit !== failed));
      if (batch.length === 1) failed.reject((error as UnitFailed<Tx, In>).error);
      else
        await this.runBatch([failed]).then(
          ([value]) => failed.resolve(value),
          (alone) => failed.reject(alone instanceof UnitFailed ? alone.error : alone),
        );
      return;
    }
    batch.forEach((unit, i) => unit.resolve(results[i]));
  }
}
