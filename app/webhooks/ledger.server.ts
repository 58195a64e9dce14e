/**
 * Exactly-once webhook effects. The delivery id is written in the same transaction as the
 * handler's database effects: a replay's INSERT conflicts on the unique key and it changes
 * nothing, and a handler that fails rolls the ledger row back so the platform's retry runs it
 * again. Concurrent deliveries share one transaction (group commit): the answer waits for the
 * commit that holds the delivery, never longer. The batch's ledger rows go in with ONE multi-row
 * INSERT … ON CONFLICT DO NOTHING RETURNING (raw SQL: no per-row query compilation in Prisma's
 * JS engine), which also says which deliveries are new; only those run their effects.
 */
import { randomUUID } from "node:crypto";
import type { Platform } from "../../adapters/types";
import { resolveDatabase } from "../../prisma/database";
import prisma, { type Transaction } from "../db.server";
import { GroupCommit, GroupCommitBusy } from "../group-commit.server";
import { valuesList, type Provider } from "../raw-sql.server";

export type { Transaction };

export interface Delivery {
  platform: Platform;
  deliveryId: string;
  topic: string;
  shopDomain: string;
}

export type DeliveryOutcome = "processed" | "duplicate";

/** Whether each delivery is new (first of its key in the batch, and not recorded before). */
type Fresh = boolean;

/**
 * Records the batch's deliveries in one statement; answers, per delivery, whether it is new. A
 * key already in the table (a replay, or another process's delivery that committed first — on
 * PostgreSQL the INSERT waits for that commit) comes back as not new, as does a second delivery
 * with the same key in the same batch.
 */
async function recordDeliveries(tx: Pick<Transaction, "$queryRawUnsafe">, deliveries: Delivery[], provider: Provider): Promise<Fresh[]> {
  const now = new Date();
  const { sql, values } = valuesList(
    provider,
    deliveries.map((delivery) => [randomUUID(), delivery.platform, delivery.deliveryId, delivery.topic, delivery.shopDomain, now, now]),
  );
  const inserted = await tx.$queryRawUnsafe<Array<{ platform: string; deliveryId: string }>>(
    `INSERT INTO "WebhookDelivery" ("id", "platform", "deliveryId", "topic", "shopDomain", "receivedAt", "processedAt") VALUES ${sql}
     ON CONFLICT ("platform", "deliveryId") DO NOTHING RETURNING "platform", "deliveryId"`,
    ...values,
  );
  const unclaimed = new Set(inserted.map((row) => `${row.platform}\n${row.deliveryId}`));
  // The first delivery of a key takes the inserted row; a twin later in the batch is a duplicate.
  return deliveries.map((delivery) => unclaimed.delete(`${delivery.platform}\n${delivery.deliveryId}`));
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
  return new GroupCommit<Transaction, Delivery>((work) => client.$transaction(work, TRANSACTION_LIMITS), {
    maxBatch: 100,
    parallel: provider === "sqlite" ? 1 : 3,
    maxWaiting: MAX_WAITING_DELIVERIES,
    beforeUnits: (tx, deliveries) => recordDeliveries(tx, deliveries, provider),
  });
}

let shared: GroupCommit<Transaction, Delivery> | null = null;

/** Deliveries of this process waiting for their commit: the job worker lets them go first (app/jobs/runtime.server.ts). */
export const deliveriesWaiting = () => (shared?.waiting ?? 0) > 0;

export function processDeliveryOnce(delivery: Delivery, effect: (tx: Transaction) => Promise<void>): Promise<DeliveryOutcome> {
  shared ??= ledgerGroupCommit();
  return processDeliveryWith(shared, delivery, effect);
}

/** As processDeliveryOnce, through the given commits (tests count their statements). */
export function processDeliveryWith(commits: GroupCommit<Transaction, Delivery>, delivery: Delivery, effect: (tx: Transaction) => Promise<void>): Promise<DeliveryOutcome> {
  return commits.submit(async (tx, fresh): Promise<DeliveryOutcome> => {
    if (!fresh) return "duplicate";
    await effect(tx);
    return "processed";
  }, delivery);
}

/** A delivery refused because too many wait for a commit: 503 with Retry-After, so the platform sends it again later. */
export function busyRefusal(error: unknown): { status: 503; message: string; headers: { "Retry-After": string } } | null {
  if (!(error instanceof GroupCommitBusy)) return null;
  return { status: 503, message: error.message, headers: { "Retry-After": "5" } };
}

/** busyRefusal as a web Response. */
export function busyAnswer(error: unknown): Response | null {
  const busy = busyRefusal(error);
  return busy && new Response(busy.message, { status: busy.status, headers: { "Content-Type": "text/plain; charset=utf-8", ...busy.headers } });
}
