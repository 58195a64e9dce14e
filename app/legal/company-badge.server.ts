/**
 * "Company verified" on the storefront: shown by the legal block only when the latest scan's
 * company-identity item passed, i.e. the French company register confirmed the shop's SIREN and
 * every other identifier agreed. The badge carries the register's own name for the company and
 * the date it answered, and links to the public directory so a shopper can look it up too.
 * Anything less (offline-valid only, register unreachable, a name mismatch) shows nothing.
 */
import type { ShopSnapshot } from "../../adapters/checklist-snapshot";
import type { ChecklistReport } from "../checklist/types";
import type { PrismaClient } from "../db.server";
import { parseJsonText } from "../json-text";
import { spelledDate } from "../storefront/spelled-date";

export const COMPANY_IDENTITY_CHECK = "leg-company-identity";

/** What the published storefront configuration carries (snake_case like the rest of it). */
export interface CompanyBadge {
  name: string;
  siren: string;
  /** "123 456 789", as people write it. */
  siren_display: string;
  /** The day the register answered, written out per storefront language. */
  checked_on: { en: string; fr: string };
  lookup_url: string;
}

const DIRECTORY_PAGE = "https://annuaire-entreprises.data.gouv.fr/entreprise/";


/** The badge a finished scan backs, or null. */
export function companyBadgeFromScan(report: Pick<ChecklistReport, "results"> | null, snapshot: Pick<ShopSnapshot, "companyIdentity"> | null): CompanyBadge | null {
  const item = report?.results.find((r) => r.id === COMPANY_IDENTITY_CHECK);
  if (item?.status !== "pass") return null;
  const confirmed = snapshot?.companyIdentity?.identifiers.find(
    (id) => id.register?.name === "company-directory" && id.register.status === "confirmed" && id.siren && id.register.registeredName && id.register.checkedAt,
  );
  if (!confirmed?.register || !confirmed.siren) return null;
  const { registeredName, checkedAt } = confirmed.register;
  if (!registeredName || !checkedAt || !/^\d{9}$/.test(confirmed.siren)) return null;
  return {
    name: registeredName,
    siren: confirmed.siren,
    siren_display: confirmed.siren.replace(/^(\d{3})(\d{3})(\d{3})$/, "$1 $2 $3"),
    checked_on: spelledDate(checkedAt),
    lookup_url: `${DIRECTORY_PAGE}${confirmed.siren}`,
  };
}


type ScanRow = { report: string | null; snapshot: string | null };

function badgeOfRow(row: ScanRow | null | undefined): CompanyBadge | null {
  return row ? companyBadgeFromScan(parseJsonText<ChecklistReport>(row.report), parseJsonText<ShopSnapshot>(row.snapshot)) : null;
}

type Db = Pick<PrismaClient, "checklistScan" | "shop">;

/** The badge of the shop's latest finished scan. */
export async function latestCompanyBadge(db: Db, shopId: string): Promise<CompanyBadge | null> {
  const shop = await db.shop.findUnique({ where: { id: shopId }, select: { platform: true, domain: true } });
  if (!shop) return null;
  const latest = await db.checklistScan.findFirst({
    where: { platform: shop.platform, shopDomain: shop.domain, status: "done" },
    orderBy: { startedAt: "desc" },
    select: { report: true, snapshot: true },
  });
  return badgeOfRow(latest);
}

/** Whether the scan `scanId` changed what the badge says compared with the finished scan before it. */
export async function companyBadgeChangedBy(db: Db, scanId: string): Promise<boolean> {
  const scan = await db.checklistScan.findUnique({ where: { id: scanId }, select: { platform: true, shopDomain: true, startedAt: true, status: true, report: true, snapshot: true } });
  if (scan?.status !== "done") return false;
  const previous = await db.checklistScan.findFirst({
    where: { platform: scan.platform, shopDomain: scan.shopDomain, status: "done", startedAt: { lt: scan.startedAt } },
    orderBy: { startedAt: "desc" },
    select: { report: true, snapshot: true },
  });
  return JSON.stringify(badgeOfRow(scan)) !== JSON.stringify(badgeOfRow(previous));
}
