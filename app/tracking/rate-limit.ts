/**
 * The "track my order" lookup's limits, kept in the database every app process shares
 * (app/limits/shared-store.server.ts), so they hold across processes and restarts.
 *
 * Limits follow the client, never the order: a stranger's failed guesses can slow the
 * stranger down, never the customer. The per-order count only notices an order under attack
 * (several failed lookups from anyone); from then on, each failed guess on that order costs its
 * client the rest of the window, while the right e-mail still passes for any client that is not
 * itself limited. "No such order" and "wrong e-mail" are the same miss, counted the same way.
 */
import type { RateRule, SharedLimitStore } from "../limits/shared-store.server";

const MINUTE = 60_000;

export const LOOKUP_RULES = {
  /** One client: its signed client id, else its address. */
  client: { limit: 10, windowMs: 10 * MINUTE },
  /** Everything from one address, whatever client ids it shows (an office, a mobile carrier's shared address). */
  address: { limit: 30, windowMs: 10 * MINUTE },
  /** Failed lookups of one order number, from anyone: past this the order is "under attack". */
  orderMisses: { limit: 5, windowMs: 10 * MINUTE },
  /** All lookups of one shop: keeps the storefront to a share of the shop's Admin API budget. */
  shop: { limit: 60, windowMs: MINUTE },
} satisfies Record<string, RateRule>;

/** What a client that guessed wrong on an order under attack waits. */
export const MISS_PENALTY_MS = 10 * MINUTE;

/** A client as the limits see it (app/tracking/lookup-client.server.ts builds it). */
export interface LimitedClient {
  address: string;
  /** The signed client id when the client showed a valid one, else its address. */
  key: string;
}

export function normaliseOrderNumber(order: string): string {
  return order.trim().replace(/^#/, "").toUpperCase();
}

export class LookupLimits {
  constructor(
    private readonly store: SharedLimitStore,
    readonly rules = LOOKUP_RULES,
  ) {}

  private keys(shop: string, client: LimitedClient) {
    return { client: `lookup:client:${shop}:${client.key}`, address: `lookup:address:${shop}:${client.address}`, shop: `lookup:shop:${shop}` };
  }

  /** Counts the attempt; null when it may go on, else how long the client must wait. */
  async admit(shop: string, client: LimitedClient): Promise<{ retryAfterMs: number } | null> {
    const keys = this.keys(shop, client);
    // The client's own limits first: a limited client never spends the shop's.
    for (const [key, rule] of [
      [keys.client, this.rules.client],
      [keys.address, this.rules.address],
      [keys.shop, this.rules.shop],
    ] as const) {
      const decision = await this.store.hit(key, rule);
      if (!decision.allowed) return { retryAfterMs: decision.retryAfterMs };
    }
    return null;
  }

  /** A lookup found nothing (no such order, or not with that e-mail). */
  async recordMiss(shop: string, order: string, client: LimitedClient): Promise<void> {
    const underAttack = !(await this.store.hit(`lookup:order:${shop}:${normaliseOrderNumber(order)}`, this.rules.orderMisses)).allowed;
    if (underAttack) await this.store.block(this.keys(shop, client).client, this.rules.client, MISS_PENALTY_MS);
  }
}
