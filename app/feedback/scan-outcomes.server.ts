/**
 * How the shop's newest scans stand (running, done with which score, failed), so a page can tell
 * the merchant how the scan *they* started ended, whatever other scans (the daily refresh, a
 * shop/update webhook) start or finish meanwhile.
 */
import prisma from "../db.server";
import type { ScanOutcome } from "./useScanFinishedToast";

/** Enough to find a scan started from this page among the ones started since. */
const RECENT_SCANS = 10;

export async function recentScanOutcomes(shop: { platform: string; shopDomain: string }): Promise<ScanOutcome[]> {
  return prisma.checklistScan.findMany({
    where: { platform: shop.platform, shopDomain: shop.shopDomain },
    orderBy: { startedAt: "desc" },
    take: RECENT_SCANS,
    select: { id: true, status: true, score: true, grade: true },
  });
}
