/**
 * When to alert, from the facts of the latest checklist scans (pure: no clock, no IO).
 *
 * Three conditions keep a shop trustworthy over time:
 * - certificate-expiry: the storefront's TLS certificate expires within 14 days (or has expired);
 * - storefront-down: the storefront was unreachable on two probes in a row (one may be a blip);
 * - grade-drop: the checklist grade fell below the previous scan's.
 *
 * A condition alerts once, stays open while it holds and clears when a probe shows it no longer
 * does; only then can it alert again. What was not observed (storefront not probed, no TLS
 * handshake, no grade) changes nothing: it neither raises nor clears a condition.
 */
import { ALERT_KINDS, type AlertFacts, type AlertKind, type Grade } from "./kinds";

export const CERTIFICATE_WARNING_DAYS = 14;
export const UNREACHABLE_PROBES_IN_A_ROW = 2;
const DAY_MS = 86_400_000;

/** What one completed scan saw, by fact field (never by evidence wording). */
export interface Observation {
  observedAt: string;
  /** null: this scan did not probe the storefront. */
  storefront: {
    status: "ok" | "unreachable" | "locked" | "refused";
    origin: string;
    error: string | null;
    /** The certificate's expiry; null when no TLS handshake was made (http, unreachable before TLS). */
    tlsValidTo: string | null;
  } | null;
  grade: Grade | null;
  score: number | null;
  /** checkId → status of this scan's results. */
  statuses: Record<string, string>;
}

/** The lowest grade already alerted and the grade before the drop (grade-drop only). */
export interface GradeDropDetail {
  fromGrade: Grade;
  lowestGrade: Grade;
}

export interface OpenCondition {
  kind: AlertKind;
  openedAt: string;
  detail: GradeDropDetail | Record<string, never>;
}

export interface Decision {
  /** Alerts to raise now. */
  raise: AlertFacts[];
  /** Conditions to store as open (new ones, or an open one whose detail changed). */
  open: OpenCondition[];
  /** Open conditions that no longer hold. */
  clear: AlertKind[];
}

const GRADE_ORDER: Record<Grade, number> = { A: 4, B: 3, C: 2, D: 1, F: 0 };
const worse = (a: Grade, b: Grade) => GRADE_ORDER[a] < GRADE_ORDER[b];

/** How good a status is, for "which items got worse"; statuses that are not scored have none. */
const STATUS_RANK: Record<string, number> = { pass: 2, manual_attested: 2, warning: 1, fail: 0, manual_pending: 0 };

/** Items whose status got worse between two scans, worst first, then in checklist order. */
export function regressedItems(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.entries(after)
    .filter(([id, status]) => STATUS_RANK[status] !== undefined && STATUS_RANK[before[id]] !== undefined && STATUS_RANK[status] < STATUS_RANK[before[id]])
    .sort(([, a], [, b]) => STATUS_RANK[a] - STATUS_RANK[b])
    .map(([id]) => id);
}

type Verdict = { holds: true; facts: AlertFacts; detail?: GradeDropDetail } | { holds: false } | { unknown: true };
const UNKNOWN: Verdict = { unknown: true };

function certificateVerdict(latestProbe: Observation | undefined, now: Date): Verdict {
  const storefront = latestProbe?.storefront;
  if (!storefront?.tlsValidTo) return UNKNOWN;
  const validTo = new Date(storefront.tlsValidTo);
  if (validTo.getTime() - now.getTime() > CERTIFICATE_WARNING_DAYS * DAY_MS) return { holds: false };
  const daysLeft = Math.floor((validTo.getTime() - now.getTime()) / DAY_MS);
  return { holds: true, facts: { kind: "certificate-expiry", origin: storefront.origin, validTo: validTo.toISOString(), daysLeft } };
}

function reachabilityVerdict(probes: Observation[]): Verdict {
  const latest = probes.at(-1)?.storefront;
  if (!latest) return UNKNOWN;
  if (latest.status === "ok" || latest.status === "locked") return { holds: false };
  if (latest.status !== "unreachable") return UNKNOWN; // refused: our own guard, says nothing about the shop
  let streak = 0;
  while (streak < probes.length && probes[probes.length - 1 - streak].storefront?.status === "unreachable") streak++;
  if (streak < UNREACHABLE_PROBES_IN_A_ROW) return UNKNOWN; // one failed probe: wait for the next before saying anything
  const first = probes[probes.length - streak];
  return { holds: true, facts: { kind: "storefront-down", origin: latest.origin, error: latest.error, since: first.observedAt, probes: streak } };
}

function gradeVerdict(graded: Observation[], open: OpenCondition | undefined): Verdict {
  const latest = graded.at(-1);
  const previous = graded.at(-2);
  if (!latest?.grade || !previous?.grade) return UNKNOWN;
  const detail = open?.detail as GradeDropDetail | undefined;
  if (detail?.fromGrade) {
    if (!worse(latest.grade, detail.fromGrade)) return { holds: false }; // back to where it was
    if (!worse(latest.grade, detail.lowestGrade)) return UNKNOWN; // still down, not lower than already said
    // Lower than what the merchant was told: news.
  } else if (!worse(latest.grade, previous.grade)) {
    return UNKNOWN;
  }
  // The e-mail tells this step (previous scan → this one); the condition remembers where the fall began.
  return {
    holds: true,
    detail: { fromGrade: detail?.fromGrade ?? previous.grade, lowestGrade: latest.grade },
    facts: {
      kind: "grade-drop",
      fromGrade: previous.grade,
      toGrade: latest.grade,
      fromScore: previous.score,
      toScore: latest.score,
      regressedItems: regressedItems(previous.statuses, latest.statuses),
    },
  };
}

/**
 * `history`: the shop's recent observations, oldest first, the scan that just finished last.
 * `open`: the conditions that alerted and have not cleared.
 */
export function evaluateConditions(history: Observation[], open: OpenCondition[], now: Date): Decision {
  const probes = history.filter((o) => o.storefront !== null);
  const graded = history.filter((o) => o.grade !== null);
  const openByKind = new Map(open.map((c) => [c.kind, c]));
  const verdicts: Record<AlertKind, Verdict> = {
    "certificate-expiry": certificateVerdict(probes.at(-1), now),
    "storefront-down": reachabilityVerdict(probes),
    "grade-drop": gradeVerdict(graded, openByKind.get("grade-drop")),
  };
  const decision: Decision = { raise: [], open: [], clear: [] };
  for (const kind of ALERT_KINDS) {
    const verdict = verdicts[kind];
    const current = openByKind.get(kind);
    if ("unknown" in verdict) continue;
    if (!verdict.holds) {
      if (current) decision.clear.push(kind);
      continue;
    }
    // Open already: no second alert for the same condition (grade-drop says it again only when lower).
    if (current && kind !== "grade-drop") continue;
    decision.raise.push(verdict.facts);
    decision.open.push({ kind, openedAt: current?.openedAt ?? now.toISOString(), detail: verdict.detail ?? {} });
  }
  return decision;
}
