/**
 * Exponential backoff with jitter, the same shape pg-boss uses for its retries
 * (`base × (2ⁿ/2 + 2ⁿ/2 × random)`, capped), so both backends space attempts alike. The jitter
 * spreads a burst of failures (a platform outage) so the retries do not return as one wave.
 */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, maxMs: 10 * 60_000 };

/** Delay before the next try after `failedAttempts` failures (≥ 1). */
export function backoffDelayMs(failedAttempts: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const half = 2 ** Math.min(16, Math.max(1, failedAttempts)) / 2;
  return Math.round(Math.min(policy.maxMs, policy.baseMs * (half + half * random())));
}
