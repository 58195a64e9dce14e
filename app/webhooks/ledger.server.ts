/**
 * Exactly-once webhook effects. The delivery id is written in the same transaction as the
 * handler's database effects: a replay finds the row (or hits the unique key) and changes
 * nothing, and a handler that fails rolls the ledger row back so the platform's retry runs it
 * again. Concurrent deliveries share one transaction (group commit): the answer waits for the
 * commit that holds the delivery, never longer.
 */
import type { Platform } from "../../adapters/types";
import { resolveDatabase } from "../../prisma/database";
import prisma from "../db.server";
import { GroupCommit, GroupCommitBusy } from "../group-commit.server";

export type Transaction = Parameters<Parameters<typeof prisma.$transaction>[0]>[0];

export interface Delivery {
  platform: Platform;
  deliveryId: string;
  topic: string;
  shopDomain: string;
}

export type DeliveryOutcome = "processed" | "duplicate";

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

// A batch of 100 deliveries commits in well under Prisma's default 5 s on a busy machine; the
// longer limits only keep a slow moment (a PostgreSQL failover, a loaded host) from failing it.
const TRANSACTION_LIMITS = { maxWait: 10_000, timeout: 30_000 };

/**
 * Deliveries waiting for a commit before new ones are answered 503 (the platform retries them
 * later): about ten batches, a few seconds of work even on a busy machine, well inside Shopify's
 * 5-second answer limit, and a bounded amount of memory.
 */
export const MAX_WAITING_DELIVERIES = 1_000;

/** SQLite has one writer: one batch at a time. PostgreSQL commits a few batches side by side. */
export function ledgerGroupCommit(client: typeof prisma = prisma, provider = resolveDatabase().provider) {
  return new GroupCommit<Transaction>((work) => client.$transaction(work, TRANSACTION_LIMITS), {
    maxBatch: 100,
    parallel: provider === "sqlite" ? 1 : 3,
    maxWaiting: MAX_WAITING_DELIVERIES,
  });
}

let shared: GroupCommit<Transaction> | null = null;

/** Deliveries of this process waiting for their commit: the job worker lets them go first (app/jobs/runtime.server.ts). */
export const deliveriesWaiting = () => (shared?.waiting ?? 0) > 0;

export async function processDeliveryOnce(delivery: Delivery, effect: (tx: Transaction) => Promise<void>): Promise<DeliveryOutcome> {
  shared ??= ledgerGroupCommit();
  try {
    return await shared.submit(async (tx): Promise<DeliveryOutcome> => {
      // Looked up first: in a shared transaction a unique-key error would undo the neighbours' work too.
      const seen = await tx.webhookDelivery.findUnique({ where: { platform_deliveryId: { platform: delivery.platform, deliveryId: delivery.deliveryId } }, select: { id: true } });
      if (seen) return "duplicate";
      await tx.webhookDelivery.create({ data: { ...delivery, processedAt: new Date() } });
      await effect(tx);
      return "processed";
    });
  } catch (error) {
    // Another process recorded the same delivery between the look-up and the insert.
    if (isUniqueViolation(error)) return "duplicate";
    throw error;
  }
}

/** A delivery refused because too many wait for a commit: 503 with Retry-After, so the platform sends it again later. */
export function busyAnswer(error: unknown): Response | null {
  if (!(error instanceof GroupCommitBusy)) return null;
  return new Response(error.message, { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "5" } });
}
