/**
 * The worker: one interface over either store. Handlers are registered per kind; `start()`
 * keeps up to `concurrency` jobs running, claiming more as slots free up and polling when idle
 * (`kick()` wakes it at once after an enqueue). Around each handler it renews the lease, and
 * afterwards settles the job: done; "later" without using an attempt when the platform throttled
 * (the shop's other jobs wait too); retry with backoff; dead after the last attempt. A per-shop
 * circuit breaker defers a failing shop's jobs so the others keep flowing. `stop()` stops
 * claiming and lets running jobs finish (drain), aborting them only past its timeout.
 */
import { randomUUID } from "node:crypto";
import { log } from "../logger.server";
import type { SharedLimitStore } from "../limits/shared-store.server";
import { DEFAULT_BREAKER, ShopCircuitBreaker, type BreakerPolicy } from "./circuit-breaker";
import { platformRetryDelayMs } from "./platform-limits";
import { shopKey, type JobsDb, type JobStore } from "./store";
import { errorText, LeaseLostError, PermanentJobError, RetryLaterError, type ClaimedJob, type JobHandler, type JobHandlerContext, type NewJob } from "./types";

export interface JobQueueOptions {
  workerId?: string;
  concurrency?: number;
  /** How often an idle worker looks for due jobs (retries, deferred jobs, other processes' enqueues). */
  pollMs?: number;
  /** A running job's lease; renewed every third of it while the handler runs. */
  leaseMs?: number;
  breaker?: BreakerPolicy;
  /** Where the breaker's state lives; the app's database by default (shared by every process). */
  limits?: SharedLimitStore;
  /**
   * Work that must go first (webhook deliveries waiting for their commit): while it says true the
   * worker holds back its next claim, for up to `yieldMs`, so a burst's answers are not queued
   * behind job claims and settlements for the same database and event loop. Jobs are durable:
   * they run a moment later, in larger batches.
   */
  yieldTo?: () => boolean;
  yieldMs?: number;
}

interface Registration {
  handler: JobHandler;
  maxAttempts?: number;
}

const PRUNE_EVERY_MS = 3_600_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Settling must survive a database blip (PostgreSQL restarting): a job left "running" would be re-run after its lease. */
async function persistently<T>(work: () => Promise<T>, tries = 40): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= tries) throw error;
      await sleep(Math.min(2_000, 50 * 2 ** attempt));
    }
  }
}

export class JobQueue {
  readonly workerId: string;
  readonly breaker: ShopCircuitBreaker;
  private readonly handlers = new Map<string, Registration>();
  private readonly concurrency: number;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly yieldTo: () => boolean;
  private readonly yieldMs: number;
  private readonly inFlight = new Map<string, { done: Promise<void>; abort: AbortController }>();
  private starting: Promise<void> | null = null;
  private loop: Promise<void> | null = null;
  private stopping = false;
  private wake: (() => void) | null = null;
  /** Work may be waiting: the next sweep must claim before the worker counts as idle. */
  private kicked = false;
  /** The last sweep found nothing due and nothing is running. */
  private quiet = false;

  constructor(
    readonly store: JobStore,
    options: JobQueueOptions = {},
  ) {
    this.workerId = options.workerId ?? `${process.pid}-${randomUUID().slice(0, 8)}`;
    this.concurrency = options.concurrency ?? 4;
    this.pollMs = options.pollMs ?? 1_000;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.yieldTo = options.yieldTo ?? (() => false);
    this.yieldMs = options.yieldMs ?? 250;
    this.breaker = new ShopCircuitBreaker(options.breaker ?? DEFAULT_BREAKER, options.limits);
  }

  register<P>(kind: string, handler: JobHandler<P>, options: { maxAttempts?: number } = {}) {
    if (!/^[a-z0-9][a-z0-9.-]*$/.test(kind)) throw new Error(`Job kind "${kind}": use lower-case letters, digits, dots and hyphens.`);
    this.handlers.set(kind, { handler: handler as JobHandler, maxAttempts: options.maxAttempts });
  }

  get kinds(): string[] {
    return [...this.handlers.keys()];
  }

  /** Records a job (in `tx` when given: it commits with the caller's writes). Null when deduplicated. */
  async enqueue<P>(job: NewJob<P>, tx?: JobsDb): Promise<string | null> {
    const registration = this.handlers.get(job.kind);
    if (!registration) throw new Error(`No handler is registered for job kind "${job.kind}".`);
    return this.store.enqueue({ ...job, maxAttempts: job.maxAttempts ?? registration.maxAttempts }, tx);
  }

  /** Starts working in the background (idempotent). */
  start(): Promise<void> {
    this.starting ??= (async () => {
      this.stopping = false;
      await this.store.prepare(this.kinds);
      this.loop = this.run().catch((error) => log("error", "job worker stopped", { workerId: this.workerId, error: errorText(error) }));
    })();
    this.starting.catch(() => (this.starting = null)); // a failed start (database down) may be tried again
    return this.starting;
  }

  /** Wakes an idle worker now (a job was just enqueued). */
  kick() {
    this.kicked = true;
    this.quiet = false;
    this.wake?.();
  }

  /**
   * Resolves once the running worker has nothing due and nothing running (tests, benches,
   * shutdown). It looks once more first: a job committed after its last look counts too.
   */
  async whenIdle() {
    await this.starting?.catch(() => undefined);
    if (!this.loop) return;
    this.kick();
    while (!this.stopping && !this.quiet) await sleep(10);
  }

  get running(): boolean {
    return this.starting !== null && !this.stopping;
  }

  /** Stops claiming and waits for running jobs; past `timeoutMs` they are aborted (their leases make them run again later). */
  async stop({ timeoutMs = 30_000 } = {}) {
    this.stopping = true;
    this.kick();
    const drained = Promise.all([this.loop, ...[...this.inFlight.values()].map((f) => f.done)]);
    const timer = setTimeout(() => this.inFlight.forEach((f) => f.abort.abort(new Error("The worker is stopping."))), timeoutMs);
    await drained;
    clearTimeout(timer);
    this.loop = null;
    this.starting = null;
  }

  /**
   * Runs due jobs in this call until none is due (tests, benches, the CLI); jobs waiting for a
   * later time are left. Returns how many attempts ran.
   */
  async runUntilIdle(): Promise<number> {
    await this.store.prepare(this.kinds);
    let ran = 0;
    for (;;) {
      const jobs = await this.claim(this.concurrency);
      if (jobs.length === 0) break;
      await Promise.all(jobs.map((job) => this.execute(job)));
      ran += jobs.length;
    }
    return ran;
  }

  /**
   * Shops whose breaker state matters to the jobs just claimed: blocked or failing when the
   * claim read every shop's state, or failed/paused here since. A job of any other shop runs
   * without reading its breaker first and records no success (there is no failure count to
   * reset): two queries less per job, which under a webhook burst competed with ingest for the
   * database. Another process opening a shop's breaker meanwhile is seen at the next claim.
   */
  private watchedShops = new Set<string>();
  private touchedShops = new Set<string>();

  private watch(shop: string) {
    this.watchedShops.add(shop);
    this.touchedShops.add(shop);
  }

  private async claim(limit: number) {
    this.touchedShops = new Set();
    const circuit = await this.breaker.snapshot();
    this.watchedShops = new Set([...circuit.blocked.keys(), ...circuit.failing, ...this.touchedShops]);
    return this.store.claim(this.kinds, limit, { workerId: this.workerId, leaseMs: this.leaseMs, skipShops: [...circuit.blocked.keys()] });
  }

  private lastPrune = 0;

  private async run() {
    while (!this.stopping) {
      if (Date.now() - this.lastPrune > PRUNE_EVERY_MS) {
        this.lastPrune = Date.now();
        await this.store.prune().catch((error) => log("warn", "removing old jobs failed", { error: errorText(error) }));
      }
      this.kicked = false;
      const free = this.concurrency - this.inFlight.size;
      let claimed: ClaimedJob[] = [];
      // Claim in batches: with jobs still running, wait until a quarter of the slots are free
      // (each claim is a few queries, and on SQLite every write waits for the one writer).
      if (free >= (this.inFlight.size > 0 ? Math.ceil(this.concurrency / 4) : 1)) {
        await this.giveWay();
        try {
          claimed = await this.claim(free);
        } catch (error) {
          log("warn", "claiming jobs failed, will retry", { workerId: this.workerId, error: errorText(error) });
          await sleep(this.pollMs);
        }
      }
      for (const job of claimed) {
        const abort = new AbortController();
        const done = this.execute(job, abort)
          // The database stayed out of reach longer than settling retries: the lease brings the job back.
          .catch((error) => log("error", "a job could not be settled", { kind: job.kind, jobId: job.id, error: errorText(error) }))
          .finally(() => {
          this.inFlight.delete(job.id);
          this.kick();
        });
        this.inFlight.set(job.id, { done, abort });
      }
      if (claimed.length === 0 || this.concurrency - this.inFlight.size < Math.ceil(this.concurrency / 4)) {
        if (claimed.length === 0 && this.inFlight.size === 0 && !this.kicked) this.quiet = true;
        await this.idle();
      }
    }
  }

  /** Waits while work that goes first is waiting, at most `yieldMs`. */
  private async giveWay() {
    const until = Date.now() + this.yieldMs;
    while (!this.stopping && this.yieldTo() && Date.now() < until) await sleep(5);
  }

  /** Sleeps until a kick, a finished job or the poll interval. */
  private idle() {
    if (this.kicked || this.stopping) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, this.pollMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }

  private async execute(job: ClaimedJob, abort = new AbortController()) {
    const shop = shopKey(job);
    const blockedUntil = this.watchedShops.has(shop) ? await this.breaker.blockedUntil(shop).catch(() => null) : null; // unknown: let the job try
    if (blockedUntil) {
      await persistently(() => this.store.defer(job, blockedUntil, "Waiting: this shop's recent jobs failed or were throttled."));
      return;
    }
    const registration = this.handlers.get(job.kind);
    let lost = false;
    const loseLease = () => {
      lost = true;
      abort.abort(new LeaseLostError(job.id));
      return new LeaseLostError(job.id);
    };
    const renewal = setInterval(() => {
      this.store.renew(job, this.leaseMs).then(
        (kept) => {
          if (!kept && !lost) loseLease();
        },
        () => undefined, // database unreachable for a moment: the next renewal tries again
      );
    }, Math.max(50, this.leaseMs / 3));
    let committed = false;
    const context: JobHandlerContext = {
      signal: abort.signal,
      commit: async (effect) => {
        if (lost) throw new LeaseLostError(job.id);
        try {
          const value = await this.store.completeWithEffect(job, effect);
          committed = true;
          return value;
        } catch (error) {
          throw error instanceof LeaseLostError ? loseLease() : error;
        }
      },
      confirmLease: async () => {
        if (lost || !(await this.store.renew(job, this.leaseMs))) throw loseLease();
      },
    };
    try {
      if (!registration) throw new PermanentJobError(`No handler is registered for job kind "${job.kind}".`);
      const result = await registration.handler(job, context);
      if (lost) return; // another worker holds the job now: its attempt counts
      if (!committed) await persistently(() => this.store.complete(job, result));
      if (this.watchedShops.has(shop)) await this.breaker.succeeded(shop).catch(() => undefined); // a missed reset only delays the shop by a cool-down
    } catch (error) {
      if (lost || committed) return; // committed: the job is done, whatever the handler did after
      const waitMs = error instanceof RetryLaterError ? error.delayMs : platformRetryDelayMs(error);
      if (waitMs !== null) {
        const until = new Date(Date.now() + waitMs);
        this.watch(shop);
        await persistently(() => this.breaker.pause(shop, until));
        await persistently(() => this.store.defer(job, until, errorText(error)));
        return;
      }
      const permanent = error instanceof PermanentJobError;
      if (!permanent) this.watch(shop);
      const outcome = await persistently(() => this.store.fail(job, errorText(error), permanent));
      if (outcome === "dead") log("error", "job gave up", { kind: job.kind, shop, jobId: job.id, attempts: job.attempt, error: errorText(error) });
      // A job-specific dead end says nothing about the shop's health; anything else counts against it.
      if (!permanent && (await persistently(() => this.breaker.failed(shop)))) log("warn", "circuit opened for shop", { shop, coolDownMs: this.breaker.policy.coolDownMs });
    } finally {
      clearInterval(renewal);
    }
  }
}
