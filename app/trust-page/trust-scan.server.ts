/** The shop's last finished scan as the trust page states it: date, grade, HTTPS as the platform reported it, the shop's time zone. */
import type { ShopSnapshot } from "../../adapters/checklist-snapshot";
import type { PrismaClient } from "../db.server";
import { parseJsonText } from "../json-text";
import type { TrustScan } from "./published";

export async function latestTrustScan(db: Pick<PrismaClient, "checklistScan">, platform: string, shopDomain: string): Promise<TrustScan | null> {
  const latest = await db.checklistScan.findFirst({
    where: { platform, shopDomain, status: "done" },
    orderBy: { startedAt: "desc" },
    select: { finishedAt: true, grade: true, snapshot: true },
  });
  if (!latest?.finishedAt) return null;
  // An unreadable snapshot backs nothing: no HTTPS claim, no time zone.
  const facts = parseJsonText<ShopSnapshot>(latest.snapshot)?.facts;
  return { finishedAt: latest.finishedAt, grade: latest.grade, https: facts?.storefrontHttps ?? null, timeZone: facts?.timeZone ?? null };
}
