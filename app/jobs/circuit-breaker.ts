/**
 * Per-shop circuit breaker: after `threshold` consecutive failures, a shop's jobs wait a
 * cool-down while every other shop's keep flowing, so one broken shop (revoked token, store
 * down) cannot fill the workers with doomed attempts. After the cool-down one job goes through
 * (half-open): a success closes the breaker, a failure opens it again.
 *
 * Also holds throttle pauses: when a platform says "wait", the whole shop waits, not only the
 * job that was told. State lives in this process's memory: each worker process learns on its own.
 */
export interface BreakerPolicy {
  threshold: number;
  coolDownMs: number;
}

export const DEFAULT_BREAKER: BreakerPolicy = { threshold: 5, coolDownMs: 60_000 };

interface ShopState {
  consecutiveFailures: number;
  closedAfter: number; // epoch ms; 0 = closed
}

export class ShopCircuitBreaker {
  private readonly shops = new Map<string, ShopState>();

  constructor(
    readonly policy: BreakerPolicy = DEFAULT_BREAKER,
    private readonly now: () => number = Date.now,
  ) {}

  /** When the shop may run again, or null when it may run now. */
  blockedUntil(shop: string): Date | null {
    const state = this.shops.get(shop);
    return state && state.closedAfter > this.now() ? new Date(state.closedAfter) : null;
  }

  /** Shops that may not run now (used to skip their jobs when claiming). */
  blockedShops(): string[] {
    const now = this.now();
    return [...this.shops].filter(([, state]) => state.closedAfter > now).map(([shop]) => shop);
  }

  succeeded(shop: string) {
    this.shops.delete(shop);
  }

  /** Returns true when this failure opened (or re-opened) the breaker. */
  failed(shop: string): boolean {
    const state = this.shops.get(shop) ?? { consecutiveFailures: 0, closedAfter: 0 };
    state.consecutiveFailures++;
    const opens = state.consecutiveFailures >= this.policy.threshold;
    if (opens) state.closedAfter = this.now() + this.policy.coolDownMs;
    this.shops.set(shop, state);
    return opens;
  }

  /** The platform asked the shop's requests to wait (throttling): not a failure. */
  pause(shop: string, until: Date) {
    const state = this.shops.get(shop) ?? { consecutiveFailures: 0, closedAfter: 0 };
    state.closedAfter = Math.max(state.closedAfter, until.getTime());
    this.shops.set(shop, state);
  }

  reset() {
    this.shops.clear();
  }
}
