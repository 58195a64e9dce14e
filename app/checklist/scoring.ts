/**
 * Scoring (checklist-spec.md §1.3): weights critical 3 / recommended 2 / nice-to-have 1;
 * credit pass/attested 1, warning 0.5, fail/pending 0; not-applicable, error and
 * informative results are left out (Lighthouse weight 0). Grade A–F, capped at C and
 * labelled "needs attention" while any critical item fails or waits for attestation
 * (Site Health gate).
 */
import { CATEGORIES, type CheckResult, type Grade, type ScoreSummary, type Severity, type Status } from "./types";

const WEIGHT: Record<Severity, number> = { critical: 3, recommended: 2, "nice-to-have": 1 };
const CREDIT: Partial<Record<Status, number>> = { pass: 1, manual_attested: 1, warning: 0.5, fail: 0, manual_pending: 0 };

export const isScored = (result: CheckResult) => !result.informative && CREDIT[result.status] !== undefined;
export const isDone = (result: Pick<CheckResult, "status">) => result.status === "pass" || result.status === "manual_attested";
export const isBlockingCritical = (result: Pick<CheckResult, "severity" | "informative" | "status">) =>
  result.severity === "critical" && !result.informative && (result.status === "fail" || result.status === "manual_pending");

/**
 * "N of M done" for a list of items, counted from the same statuses as their badges: done = items
 * whose badge says Done or Confirmed by you; M = every listed item that applies (not-applicable
 * items are listed but do not count). The admin and the CLI use this one function.
 */
export function categoryProgress(results: Pick<CheckResult, "status">[]): { done: number; total: number } {
  const applicable = results.filter((r) => r.status !== "not_applicable");
  return { done: applicable.filter(isDone).length, total: applicable.length };
}

export function scoreOf(results: CheckResult[]): number | null {
  const scored = results.filter(isScored);
  const total = scored.reduce((sum, r) => sum + WEIGHT[r.severity], 0);
  if (total === 0) return null;
  const earned = scored.reduce((sum, r) => sum + WEIGHT[r.severity] * (CREDIT[r.status] ?? 0), 0);
  return Math.round((100 * earned) / total);
}

export function gradeOf(score: number): Grade {
  if (score >= 90) return "A";
  if (score >= 75) return "B";
  if (score >= 60) return "C";
  if (score >= 40) return "D";
  return "F";
}

const GATE_CAP: Grade = "C";

export function summarize(results: CheckResult[]): ScoreSummary {
  const score = scoreOf(results);
  const gated = results.some(isBlockingCritical);
  let grade = score === null ? null : gradeOf(score);
  if (grade && gated && (grade === "A" || grade === "B")) grade = GATE_CAP;
  return {
    score,
    grade,
    label: score !== null && score >= 80 && !gated ? "good" : "needs-attention",
    byCategory: CATEGORIES.map((category) => {
      const inCategory = results.filter((r) => r.category === category);
      return { category, score: scoreOf(inCategory), ...categoryProgress(inCategory) };
    }),
    verifiedAutomatically: results.filter((r) => r.confidence === "high" && (r.status === "pass" || r.status === "warning" || r.status === "fail")).length,
    confirmedByYou: results.filter((r) => r.status === "manual_attested").length,
  };
}
