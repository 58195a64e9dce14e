/**
 * Limits every app process must share, behind one interface: rate-limit cells (the storefront
 * lookup's per-client, per-order and per-shop limits, and each shop's Shopify API points) and
 * per-shop circuit state (the job queue's breaker and throttle pauses). With N processes on one
 * database each sees what the others spent, and a restart forgets nothing.
 *
 * The implementation is the app's own database through Prisma (SQLite by default, PostgreSQL
 * for several processes). Every decision is ONE atomic statement — an upsert whose RETURNING
 * tells the caller whether its own hit was granted — so two processes never both take the last
 * unit and no lock is held across a round trip. The SQL is the subset SQLite and PostgreSQL
 * share (INSERT … ON CONFLICT DO UPDATE … RETURNING, CASE, quoted identifiers); times are epoch
 * milliseconds as BIGINT. Another backend (Redis) would implement the same interface; see
 * bench/scale-out.ts for what PostgreSQL sustains.
 *
 * A cell is a GCRA (generic cell rate algorithm): a rule "limit per window" lets `limit` units
 * through at once, then one per window/limit; the cell keeps one number, `tat`, the time at
 * which it is empty again. A token bucket (Shopify's cost bucket) is the same cell with
 * `limit` = the bucket's size and window = the time it takes to refill completely.
 */
import { randomUUID } from "node:crypto";
import prisma, { type PrismaClient } from "../db.server";

export interface RateRule {
  limit: number;
  windowMs: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Milliseconds until the same hit would be allowed (0 when allowed). */
  retryAfterMs: number;
}

export interface CircuitPolicy {
  threshold: number;
  coolDownMs: number;
}

/** Shops whose jobs must wait now (until, epoch ms), and shops with failures on record. */
export interface CircuitSnapshot {
  blocked: Map<string, number>;
  failing: Set<string>;
}

export interface SharedLimitStore {
  /** Counts `cost` units when they fit; a refused hit counts nothing (no lock-out spiral). */
  hit(key: string, rule: RateRule, cost?: number): Promise<RateDecision>;
  /** Whether one unit would fit now, counting nothing. */
  peek(key: string, rule: RateRule): Promise<RateDecision>;
  /** Refuses the key's hits for `forMs` (a penalty), whatever it had left. */
  block(key: string, rule: RateRule, forMs: number): Promise<void>;
  /**
   * Gives `refund` units back, and makes sure the cell never holds more than `atMostAvailable`
   * units (what the platform itself reported), whichever is lower.
   */
  credit(key: string, rule: RateRule, refund: number, atMostAvailable?: number): Promise<void>;

  circuitSnapshot(): Promise<CircuitSnapshot>;
  /** When the shop's jobs may run again (epoch ms), or null when they may run now. */
  circuitBlockedUntil(shopKey: string): Promise<number | null>;
  /** Counts a failure; `opened` when it opened (or re-opened) the shop's circuit. */
  recordFailure(shopKey: string, policy: CircuitPolicy): Promise<{ opened: boolean; blockedUntil: number }>;
  recordSuccess(shopKey: string): Promise<void>;
  /** The shop's jobs wait until `until` (epoch ms), unless they already wait longer. */
  pause(shopKey: string, until: number): Promise<void>;

  /** Removes cells and circuit rows that no longer hold anything. */
  prune(): Promise<void>;
  /** Tests: forget everything. */
  clear(): Promise<void>;
}

type Db = Pick<PrismaClient, "$queryRaw" | "$executeRaw">;

const big = (ms: number) => BigInt(Math.round(ms));

/** A rule's emission interval (ms per unit, fractional for fast buckets) and its burst tolerance. */
function cellOf(rule: RateRule) {
  const interval = rule.windowMs / rule.limit;
  return { interval, burst: rule.windowMs };
}

const PRUNE_EVERY_MS = 60_000;
const IDLE_CIRCUIT_KEPT_MS = 3_600_000;

export class DatabaseLimitStore implements SharedLimitStore {
  private lastPrune = 0;

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  async hit(key: string, rule: RateRule, cost = 1): Promise<RateDecision> {
    const { interval, burst } = cellOf(rule);
    const now = this.now();
    const inc = interval * Math.min(Math.max(cost, 0), rule.limit);
    // The hit fits when max(tat, now) + inc <= now + burst; since inc <= burst that is tat <= now + burst - inc.
    const latest = big(now + burst - inc);
    const grant = randomUUID();
    const rows = await this.db.$queryRaw<Array<{ tat: unknown; lastGrant: string }>>`
      INSERT INTO "RateLimitCell" ("key", "tat", "lastGrant") VALUES (${key}, ${big(now + inc)}, ${grant})
      ON CONFLICT ("key") DO UPDATE SET
        "tat" = CASE WHEN "RateLimitCell"."tat" <= ${latest}
          THEN (CASE WHEN "RateLimitCell"."tat" > ${big(now)} THEN "RateLimitCell"."tat" ELSE ${big(now)} END) + ${big(inc)}
          ELSE "RateLimitCell"."tat" END,
        "lastGrant" = CASE WHEN "RateLimitCell"."tat" <= ${latest} THEN ${grant} ELSE "RateLimitCell"."lastGrant" END
      RETURNING "tat", "lastGrant"`;
    this.pruneNowAndThen(now);
    if (rows[0].lastGrant === grant) return { allowed: true, retryAfterMs: 0 };
    return { allowed: false, retryAfterMs: Math.max(1, Math.ceil(Number(rows[0].tat) + inc - burst - now)) };
  }

  async peek(key: string, rule: RateRule): Promise<RateDecision> {
    const { interval, burst } = cellOf(rule);
    const now = this.now();
    const rows = await this.db.$queryRaw<Array<{ tat: unknown }>>`SELECT "tat" FROM "RateLimitCell" WHERE "key" = ${key}`;
    const wait = Math.ceil((rows[0] ? Number(rows[0].tat) : now) + interval - burst - now);
    return wait <= 0 ? { allowed: true, retryAfterMs: 0 } : { allowed: false, retryAfterMs: wait };
  }

  async block(key: string, rule: RateRule, forMs: number): Promise<void> {
    const { interval, burst } = cellOf(rule);
    // One unit fits again once now >= tat - burst + interval, i.e. after forMs.
    const tat = big(this.now() + forMs + burst - interval);
    await this.db.$executeRaw`
      INSERT INTO "RateLimitCell" ("key", "tat", "lastGrant") VALUES (${key}, ${tat}, '')
      ON CONFLICT ("key") DO UPDATE SET "tat" = CASE WHEN "RateLimitCell"."tat" > ${tat} THEN "RateLimitCell"."tat" ELSE ${tat} END`;
  }

  async credit(key: string, rule: RateRule, refund: number, atMostAvailable?: number): Promise<void> {
    const { interval, burst } = cellOf(rule);
    const now = this.now();
    // "At most A units available" is "tat at least now + burst - A × interval".
    const floor = big(atMostAvailable === undefined ? now : Math.max(now, now + burst - Math.max(0, atMostAvailable) * interval));
    const back = big(Math.max(0, refund) * interval);
    await this.db.$executeRaw`
      UPDATE "RateLimitCell" SET "tat" = CASE WHEN "tat" - ${back} > ${floor} THEN "tat" - ${back} ELSE ${floor} END
      WHERE "key" = ${key}`;
  }

  async circuitSnapshot(): Promise<CircuitSnapshot> {
    const now = this.now();
    const rows = await this.db.$queryRaw<Array<{ shopKey: string; failures: unknown; blockedUntil: unknown }>>`
      SELECT "shopKey", "failures", "blockedUntil" FROM "ShopCircuit" WHERE "blockedUntil" > ${big(now)} OR "failures" > 0`;
    return {
      blocked: new Map(rows.filter((r) => Number(r.blockedUntil) > now).map((r) => [r.shopKey, Number(r.blockedUntil)])),
      failing: new Set(rows.filter((r) => Number(r.failures) > 0).map((r) => r.shopKey)),
    };
  }

  async circuitBlockedUntil(shopKey: string): Promise<number | null> {
    const now = this.now();
    const rows = await this.db.$queryRaw<Array<{ blockedUntil: unknown }>>`
      SELECT "blockedUntil" FROM "ShopCircuit" WHERE "shopKey" = ${shopKey} AND "blockedUntil" > ${big(now)}`;
    return rows[0] ? Number(rows[0].blockedUntil) : null;
  }

  async recordFailure(shopKey: string, policy: CircuitPolicy): Promise<{ opened: boolean; blockedUntil: number }> {
    const until = big(this.now() + policy.coolDownMs);
    const rows = await this.db.$queryRaw<Array<{ failures: unknown; blockedUntil: unknown }>>`
      INSERT INTO "ShopCircuit" ("shopKey", "failures", "blockedUntil") VALUES (${shopKey}, 1, ${policy.threshold <= 1 ? until : big(0)})
      ON CONFLICT ("shopKey") DO UPDATE SET
        "failures" = "ShopCircuit"."failures" + 1,
        "blockedUntil" = CASE WHEN "ShopCircuit"."failures" + 1 >= ${policy.threshold} AND "ShopCircuit"."blockedUntil" < ${until}
          THEN ${until} ELSE "ShopCircuit"."blockedUntil" END
      RETURNING "failures", "blockedUntil"`;
    return { opened: Number(rows[0].failures) >= policy.threshold, blockedUntil: Number(rows[0].blockedUntil) };
  }

  async recordSuccess(shopKey: string): Promise<void> {
    await this.db.$executeRaw`UPDATE "ShopCircuit" SET "failures" = 0 WHERE "shopKey" = ${shopKey} AND "failures" > 0`;
  }

  async pause(shopKey: string, until: number): Promise<void> {
    const at = big(until);
    await this.db.$executeRaw`
      INSERT INTO "ShopCircuit" ("shopKey", "failures", "blockedUntil") VALUES (${shopKey}, 0, ${at})
      ON CONFLICT ("shopKey") DO UPDATE SET
        "blockedUntil" = CASE WHEN "ShopCircuit"."blockedUntil" < ${at} THEN ${at} ELSE "ShopCircuit"."blockedUntil" END`;
  }

  async prune(): Promise<void> {
    const now = this.now();
    await this.db.$executeRaw`DELETE FROM "RateLimitCell" WHERE "tat" < ${big(now)}`;
    await this.db.$executeRaw`DELETE FROM "ShopCircuit" WHERE "failures" = 0 AND "blockedUntil" < ${big(now - IDLE_CIRCUIT_KEPT_MS)}`;
  }

  async clear(): Promise<void> {
    await this.db.$executeRaw`DELETE FROM "RateLimitCell"`;
    await this.db.$executeRaw`DELETE FROM "ShopCircuit"`;
  }

  /** Spent cells go about once a minute per process, off the caller's path. */
  private pruneNowAndThen(now: number) {
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    this.prune().catch(() => undefined); // the next minute tries again
  }
}

/** The process's store, on the app's database. */
export const sharedLimits: SharedLimitStore = new DatabaseLimitStore(prisma);
