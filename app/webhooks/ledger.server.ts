/**
 * Exactly-once webhook effects. The delivery id is written in the same transaction as the
 * handler's database effects: a replay hits the unique key and changes nothing, and a
 * handler that fails rolls the ledger row back so the platform's retry runs it again.
 */
import type { Platform } from "../../adapters/types";
import prisma from "../db.server";

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

export async function processDeliveryOnce(delivery: Delivery, effect: (tx: Transaction) => Promise<void>): Promise<DeliveryOutcome> {
  try {
    await prisma.$transaction(async (tx) => {
      await tx.webhookDelivery.create({ data: { ...delivery, processedAt: new Date() } });
      await effect(tx);
    });
    return "processed";
  } catch (error) {
    if (isUniqueViolation(error)) return "duplicate";
    throw error;
  }
}
