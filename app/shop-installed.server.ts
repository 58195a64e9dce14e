/**
 * Writes made for a shop outside a request it sent (a background read answering late) happen only
 * while the shop is installed: one that answers after an uninstall must not put back what the
 * uninstall erased. The check is a write to the shop's row (only its updatedAt, which nothing reads:
 * a pending WooCommerce shop keeps the uninstalledAt of its last disconnect), so it waits for an
 * uninstall in progress, which marks that row first
 * (forgetShopAccess in app/shops.server.ts), and sees its outcome; a plain read would see the row as
 * it was before that uncommitted uninstall (PostgreSQL).
 */
import type { Platform } from "../adapters/types";
import prisma, { type Transaction } from "./db.server";

/** `write` in a transaction with the shop's row claimed; null (nothing written) when the shop is uninstalled or gone. */
export async function whileInstalled<T>(shop: { platform: Platform; shopDomain: string }, write: (tx: Transaction) => Promise<T>): Promise<T | null> {
  return prisma.$transaction(async (tx) => {
    const claimed = await tx.shop.updateMany({ where: { platform: shop.platform, domain: shop.shopDomain, installState: { not: "uninstalled" } }, data: { updatedAt: new Date() } });
    return claimed.count > 0 ? write(tx) : null;
  });
}
