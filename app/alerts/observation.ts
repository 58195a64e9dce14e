/**
 * Reads what alerts need from a completed checklist scan as stored (the snapshot and report
 * JSON of its row): probe status, certificate expiry, grade and item statuses, plus where the
 * shop's admin is. It reads fact *fields* by name and never evidence wording, and it declares
 * the few fields it reads instead of importing the snapshot types, so those can move without
 * touching alerts. Pure.
 */
import type { Observation } from "./conditions";
import type { Grade } from "./kinds";
import { parseJsonText } from "../json-text";

export interface StoredScan {
  snapshot: string | null;
  report: string | null;
  grade: string | null;
  score: number | null;
  finishedAt: Date | null;
  startedAt: Date;
}

/** The fields of ShopSnapshot this module reads. */
interface SnapshotFields {
  facts?: { name?: unknown; adminBaseUrl?: unknown };
  storefront?: { status?: unknown; origin?: unknown; error?: unknown; tls?: { validTo?: unknown } | null } | null;
}

interface ReportFields {
  results?: Array<{ id?: unknown; status?: unknown }>;
}

const STOREFRONT_STATUSES = new Set(["ok", "unreachable", "locked", "refused"]);
const GRADES = new Set(["A", "B", "C", "D", "F"]);


const text = (value: unknown): string | null => (typeof value === "string" && value ? value : null);

function validDate(value: unknown): string | null {
  const raw = text(value);
  return raw && !Number.isNaN(Date.parse(raw)) ? new Date(raw).toISOString() : null;
}

export interface ScanReading {
  observation: Observation;
  shopName: string | null;
  /** "https://admin.shopify.com/store/<handle>/" or "https://example.com/wp-admin/". */
  adminBaseUrl: string | null;
}

export function readScan(scan: StoredScan): ScanReading {
  const snapshot = parseJsonText<SnapshotFields>(scan.snapshot);
  const report = parseJsonText<ReportFields>(scan.report);
  const probe = snapshot?.storefront;
  const status = text(probe?.status);
  const statuses: Record<string, string> = {};
  for (const result of report?.results ?? []) {
    const id = text(result?.id);
    const value = text(result?.status);
    if (id && value) statuses[id] = value;
  }
  return {
    observation: {
      observedAt: (scan.finishedAt ?? scan.startedAt).toISOString(),
      storefront:
        probe && status && STOREFRONT_STATUSES.has(status)
          ? {
              status: status as NonNullable<Observation["storefront"]>["status"],
              origin: text(probe.origin) ?? "",
              error: text(probe.error),
              tlsValidTo: validDate(probe.tls?.validTo),
            }
          : null,
      grade: scan.grade && GRADES.has(scan.grade) ? (scan.grade as Grade) : null,
      score: scan.score,
      statuses,
    },
    shopName: text(snapshot?.facts?.name),
    adminBaseUrl: text(snapshot?.facts?.adminBaseUrl),
  };
}
