/**
 * Sliding-window rate limiting for the public "track my order" lookup, in process memory:
 * enough for one app process (the storefront form is the only caller); a multi-process
 * deployment moves the counters to the database or Redis behind the same interface.
 */
export interface RateDecision {
  allowed: boolean;
  /** Seconds until the oldest hit in the window expires (0 when allowed). */
  retryAfter: number;
}

export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 50_000,
  ) {}

  /** Records a hit for `key` when allowed; a refused attempt is not counted (no lock-out spiral). */
  hit(key: string): RateDecision {
    const now = this.now();
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return { allowed: false, retryAfter: Math.max(1, Math.ceil((recent[0] + this.windowMs - now) / 1000)) };
    }
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > this.maxKeys) this.prune(now);
    return { allowed: true, retryAfter: 0 };
  }

  private prune(now: number) {
    for (const [key, times] of this.hits) {
      if (times.every((t) => now - t >= this.windowMs)) this.hits.delete(key);
    }
    // Still too many live keys (a flood of distinct addresses): forget the oldest ones.
    for (const key of this.hits.keys()) {
      if (this.hits.size <= this.maxKeys) break;
      this.hits.delete(key);
    }
  }

  reset() {
    this.hits.clear();
  }
}
