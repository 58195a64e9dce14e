/** Shared by the settlement tests of both job stores: claimed jobs, and effects counted by number. */
import { expect } from "vitest";
import prisma, { type Transaction } from "../../app/db.server";
import type { JobStore } from "../../app/jobs/store";
import type { ClaimedJob, ShopKey } from "../../app/jobs/types";

/** `count` new jobs of `kind`, claimed together by one worker. */
export async function claimedJobs(store: JobStore, shop: ShopKey, kind: string, count: number): Promise<ClaimedJob[]> {
  await store.prepare([kind]);
  for (let n = 0; n < count; n++) await store.enqueue({ ...shop, kind, payload: { n } });
  const jobs = await store.claim([kind], count, { workerId: "w", leaseMs: 30_000, skipShops: [] });
  expect(jobs).toHaveLength(count);
  return jobs;
}

/** A job's effect: one compliance row carrying its number, so "exactly once" can be counted. */
export const effectRow = (shop: ShopKey, topic: string, n: number) => async (tx: Transaction) =>
  void (await tx.complianceRequest.create({ data: { ...shop, topic, customerRef: String(n), summary: "settled" } }));

export const appliedEffects = async (topic: string) =>
  (await prisma.complianceRequest.findMany({ where: { topic }, select: { customerRef: true } })).map((row) => Number(row.customerRef)).sort((a, b) => a - b);
