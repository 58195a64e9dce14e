/**
 * What the merchant should know about background work: jobs that gave up (dead) for their
 * shop, grouped by kind with the latest reason. Home shows it as a banner (FailuresBanner).
 */
import type { JobStore } from "./store";
import type { ShopKey } from "./types";

export interface JobFailureGroup {
  kind: string;
  count: number;
  lastError: string | null;
  lastFailedAt: string; // ISO, serialisable for the loader
}

export async function shopJobFailures(store: JobStore, shop: ShopKey, limit = 200): Promise<JobFailureGroup[]> {
  const groups = new Map<string, JobFailureGroup>();
  for (const job of await store.deadJobs(shop, limit)) {
    const group = groups.get(job.kind);
    if (group) {
      group.count++;
    } else {
      // deadJobs is newest first: the first of a kind carries its latest reason.
      groups.set(job.kind, { kind: job.kind, count: 1, lastError: job.lastError, lastFailedAt: job.failedAt.toISOString() });
    }
  }
  return [...groups.values()];
}
