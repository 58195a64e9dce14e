/**
 * Checklist scans for the app: run a scan and store it (history), read the latest report,
 * record attestations and re-evaluate, re-check one item. Rows are scoped by platform + shop
 * domain and erased with the shop (app/shops.server.ts).
 *
 * Background work: a scan started from the admin or a webhook runs in this process and its
 * row says "running" meanwhile (the page polls it). A row left "running" by a crashed process
 * reads as interrupted after SCAN_STALE_MS. Daily re-scans: see background.server.ts. Only the
 * latest completed scan keeps its snapshot (page texts, used to re-evaluate after an
 * attestation); the latest REPORTS_KEPT keep their full report; every row keeps its score
 * for the history trend.
 */
import type { PlatformAdapter } from "../../adapters/types";
import type { Platform } from "../../adapters/types";
import type { Jurisdiction } from "../jurisdiction";
import { collectSnapshot, type CollectOptions } from "./collect";
import { evaluateCheck, evaluateChecklist } from "./evaluate";
import { checkById } from "./registry";
import { summarize } from "./scoring";
import type { ShopSnapshot } from "../../adapters/checklist-snapshot";
import type { Attestation, ChecklistReport } from "./types";
import type { PrismaClient } from "../../prisma/generated/sqlite";

type Db = Pick<PrismaClient, "checklistScan" | "checklistAttestation">;

export const SCAN_STALE_MS = 10 * 60_000;
export const DAILY_MS = 24 * 3_600_000;
const MAX_EVIDENCE_CHARS = 2_000;
const REPORTS_KEPT = 30;

export interface ShopRef {
  platform: Platform;
  shopDomain: string;
}

export type ScanTrigger = "install" | "manual" | "webhook" | "daily" | "cli" | "recheck";

export interface ScanView {
  id: string;
  status: "running" | "done" | "failed" | "interrupted";
  trigger: string;
  score: number | null;
  grade: string | null;
  label: string | null;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

type ScanRow = Awaited<ReturnType<Db["checklistScan"]["findFirst"]>> & object;

function view(row: ScanRow, now = Date.now()): ScanView {
  const interrupted = row.status === "running" && now - row.startedAt.getTime() > SCAN_STALE_MS;
  return {
    id: row.id,
    status: interrupted ? "interrupted" : (row.status as ScanView["status"]),
    trigger: row.trigger,
    score: row.score,
    grade: row.grade,
    label: row.label,
    error: row.error,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export async function listAttestations(db: Db, shop: ShopRef): Promise<Attestation[]> {
  const rows = await db.checklistAttestation.findMany({ where: shop });
  return rows.map((row) => ({ checkId: row.checkId, evidence: row.evidence, attestedAt: row.attestedAt.toISOString(), expiresAt: row.expiresAt.toISOString() }));
}

function reportFields(report: ChecklistReport) {
  return { score: report.score, grade: report.grade, label: report.label, report: JSON.stringify(report) };
}

async function completeScan(db: Db, shop: ShopRef, scanId: string, report: ChecklistReport, snapshot: ShopSnapshot): Promise<ScanView> {
  const row = await db.checklistScan.update({ where: { id: scanId }, data: { ...reportFields(report), snapshot: JSON.stringify(snapshot), status: "done", finishedAt: new Date() } });
  await db.checklistScan.updateMany({ where: { ...shop, id: { not: scanId }, snapshot: { not: null } }, data: { snapshot: null } });
  // History needs only score and grade: full reports are kept for the latest scans, so a shop's rows stay small.
  const older = await db.checklistScan.findMany({ where: { ...shop, report: { not: null } }, orderBy: { startedAt: "desc" }, skip: REPORTS_KEPT, select: { id: true } });
  if (older.length) await db.checklistScan.updateMany({ where: { id: { in: older.map((o) => o.id) } }, data: { report: null } });
  return view(row);
}

/** The platform was down, throttled or refused: the scan is recorded as failed with the platform's own words. */
async function failScan(db: Db, scanId: string, error: unknown): Promise<ScanView> {
  const message = error instanceof Error ? error.message : String(error);
  const row = await db.checklistScan.update({ where: { id: scanId }, data: { status: "failed", error: message.slice(0, 1000), finishedAt: new Date() } });
  return view(row);
}

/** Starts a scan row now; `finish` does the IO and evaluation. Split so the admin can answer while the scan runs. */
export async function startScan(db: Db, shop: ShopRef, trigger: ScanTrigger): Promise<string> {
  const row = await db.checklistScan.create({ data: { ...shop, trigger } });
  return row.id;
}

export async function finishScan(
  db: Db,
  scanId: string,
  shop: ShopRef,
  adapter: Pick<PlatformAdapter, "platform" | "collectChecklistFacts">,
  options: CollectOptions & { jurisdiction?: Jurisdiction } = {},
): Promise<ScanView> {
  try {
    const snapshot = await collectSnapshot(adapter, options);
    const report = evaluateChecklist(snapshot, { attestations: await listAttestations(db, shop), jurisdiction: options.jurisdiction });
    return completeScan(db, shop, scanId, report, snapshot);
  } catch (error) {
    return failScan(db, scanId, error);
  }
}

export async function runScan(db: Db, shop: ShopRef, adapter: Pick<PlatformAdapter, "platform" | "collectChecklistFacts">, trigger: ScanTrigger, options: CollectOptions & { jurisdiction?: Jurisdiction } = {}) {
  return finishScan(db, await startScan(db, shop, trigger), shop, adapter, options);
}

export interface LatestChecklist {
  /** The most recent scan of any status (running/failed shown as such). */
  current: ScanView | null;
  /** The latest completed report. */
  report: ChecklistReport | null;
  reportScanId: string | null;
  history: Array<{ startedAt: string; score: number; grade: string | null }>;
}

export async function latestChecklist(db: Db, shop: ShopRef, historySize = 30): Promise<LatestChecklist> {
  const [current, done, history] = await Promise.all([
    db.checklistScan.findFirst({ where: shop, orderBy: { startedAt: "desc" } }),
    db.checklistScan.findFirst({ where: { ...shop, status: "done" }, orderBy: { startedAt: "desc" } }),
    db.checklistScan.findMany({ where: { ...shop, status: "done" }, orderBy: { startedAt: "desc" }, take: historySize, select: { startedAt: true, score: true, grade: true } }),
  ]);
  return {
    current: current ? view(current) : null,
    report: done?.report ? (JSON.parse(done.report) as ChecklistReport) : null,
    reportScanId: done?.id ?? null,
    history: history
      .filter((h) => h.score !== null)
      .reverse()
      .map((h) => ({ startedAt: h.startedAt.toISOString(), score: h.score as number, grade: h.grade })),
  };
}

/**
 * The shop's time zone as its latest report recorded it (scans read it from the platform, daily):
 * what pages dating things in the shop's zone use instead of asking the platform on every view.
 */
export async function recordedTimeZone(db: Db, shop: ShopRef): Promise<string | null> {
  const done = await db.checklistScan.findFirst({ where: { ...shop, status: "done" }, orderBy: { startedAt: "desc" }, select: { report: true } });
  return done?.report ? ((JSON.parse(done.report) as ChecklistReport).timeZone ?? null) : null;
}

export function isScanDue(latest: LatestChecklist, now = Date.now()): boolean {
  if (latest.current?.status === "running") return false;
  return !latest.current || now - Date.parse(latest.current.startedAt) > DAILY_MS;
}

/** Re-evaluates the stored snapshot of the latest report (after an attestation changed): no platform call. */
async function reevaluateLatest(db: Db, shop: ShopRef, jurisdiction?: Jurisdiction): Promise<ChecklistReport | null> {
  const done = await db.checklistScan.findFirst({ where: { ...shop, status: "done" }, orderBy: { startedAt: "desc" } });
  if (!done?.snapshot) return null;
  const snapshot = JSON.parse(done.snapshot) as ShopSnapshot;
  const previous = done.report ? (JSON.parse(done.report) as ChecklistReport) : null;
  const report = evaluateChecklist(snapshot, { attestations: await listAttestations(db, shop), jurisdiction: jurisdiction ?? previous?.jurisdiction });
  await db.checklistScan.update({ where: { id: done.id }, data: reportFields(report) });
  return report;
}

export class AttestationError extends Error {}

export async function attest(db: Db, shop: ShopRef, checkId: string, evidence: string, options: { now?: Date; jurisdiction?: Jurisdiction } = {}) {
  const check = checkById(checkId);
  if (!check?.attestation) throw new AttestationError(`"${checkId}" cannot be attested`);
  const trimmed = evidence.trim();
  if (!trimmed) throw new AttestationError("evidence is required");
  if (trimmed.length > MAX_EVIDENCE_CHARS) throw new AttestationError(`evidence is limited to ${MAX_EVIDENCE_CHARS} characters`);
  const now = options.now ?? new Date();
  const expiresAt = new Date(now.getTime() + check.attestation.expiresAfterDays * 86_400_000);
  await db.checklistAttestation.upsert({
    where: { platform_shopDomain_checkId: { ...shop, checkId } },
    create: { ...shop, checkId, evidence: trimmed, attestedAt: now, expiresAt },
    update: { evidence: trimmed, attestedAt: now, expiresAt },
  });
  return reevaluateLatest(db, shop, options.jurisdiction);
}

export async function withdrawAttestation(db: Db, shop: ShopRef, checkId: string, jurisdiction?: Jurisdiction) {
  await db.checklistAttestation.deleteMany({ where: { ...shop, checkId } });
  return reevaluateLatest(db, shop, jurisdiction);
}

/** Re-checks one item with fresh facts and stores the result as a new scan (history keeps every re-check). */
export async function recheckItem(
  db: Db,
  shop: ShopRef,
  adapter: Pick<PlatformAdapter, "platform" | "collectChecklistFacts">,
  checkId: string,
  options: CollectOptions & { jurisdiction?: Jurisdiction } = {},
): Promise<ScanView> {
  const check = checkById(checkId);
  if (!check) throw new AttestationError(`unknown check "${checkId}"`);
  if (!(await latestChecklist(db, shop, 1)).report) return runScan(db, shop, adapter, "recheck", options);
  const scanId = await startScan(db, shop, "recheck");
  try {
    const snapshot = await collectSnapshot(adapter, options);
    // The other items come from the latest report as it is now, not as it was before collecting
    // (seconds): an attestation or withdrawal recorded meanwhile re-evaluated it and must stay.
    const latest = await latestChecklist(db, shop, 1);
    if (!latest.report) throw new Error("The shop's latest report disappeared during the re-check.");
    const now = new Date();
    const fresh = evaluateCheck(check, snapshot, { attestations: await listAttestations(db, shop), now });
    const results = latest.report.results.map((result) => (result.id === checkId ? fresh : result));
    const report: ChecklistReport = { ...latest.report, ...summarize(results), results, evaluatedAt: now.toISOString() };
    return completeScan(db, shop, scanId, report, snapshot);
  } catch (error) {
    return failScan(db, scanId, error);
  }
}
