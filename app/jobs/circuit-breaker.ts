/**
 * Per-shop circuit breaker: after `threshold` consecutive failures, a shop's jobs wait a
 * cool-down while every other shop's keep flowing, so one broken shop (revoked token, store
 * down) cannot fill the workers with doomed attempts. After the cool-down one job goes through
 * (half-open): a success closes the breaker, a failure opens it again.
 *
 * Also holds throttle pauses: when a platform says "wait", the whole shop waits, not only the
 * job that was told. The state lives in the shared limit store (the app's database), so every
 * worker process sees what the others learned, and a restart forgets nothing.
 */
import { sharedLimits, type CircuitSnapshot, type SharedLimitStore } from "../limits/shared-store.server";

export interface BreakerPolicy {
  threshold: number;
  coolDownMs: number;
}

export const DEFAULT_BREAKER: BreakerPolicy = { threshold: 5, coolDownMs: 60_000 };

export class ShopCircuitBreaker {
  constructor(
    readonly policy: BreakerPolicy = DEFAULT_BREAKER,
    private readonly store: SharedLimitStore = sharedLimits,
  ) {}

  /** When the shop may run again, or null when it may run now. */
  async blockedUntil(shop: string): Promise<Date | null> {
    const until = await this.store.circuitBlockedUntil(shop);
    return until === null ? null : new Date(until);
  }

  /** Shops that may not run now (used to skip their jobs when claiming). */
  async blockedShops(): Promise<string[]> {
    return [...(await this.snapshot()).blocked.keys()];
  }

  /** Shops that may not run now, and shops with failures counted (one read of every shop's state). */
  snapshot(): Promise<CircuitSnapshot> {
    return this.store.circuitSnapshot();
  }

  succeeded(shop: string): Promise<void> {
    return this.store.recordSuccess(shop);
  }

  /** Resolves true when this failure opened (or re-opened) the breaker. */
  async failed(shop: string): Promise<boolean> {
    return (await this.store.recordFailure(shop, this.policy)).opened;
  }

  /** The platform asked the shop's requests to wait (throttling): not a failure. */
  pause(shop: string, until: Date): Promise<void> {
    return this.store.pause(shop, until.getTime());
  }
}
