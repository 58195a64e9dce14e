/**
 * The checklist vocabulary (checklist-spec.md §1.2): a check definition is static data, a
 * check result is what one scan produced for it. Pure types, usable from the admin, the CLI
 * and the tests.
 */
import type { ShopSnapshot, SnapshotPlatform } from "../../adapters/checklist-snapshot";

export type Severity = "critical" | "recommended" | "nice-to-have";
export type Category = "payment" | "site-security" | "legal" | "delivery-returns" | "contact-support" | "social-proof" | "operations";
export const CATEGORIES: readonly Category[] = ["payment", "site-security", "legal", "delivery-returns", "contact-support", "social-proof", "operations"];

/** ALL: everywhere; EU: merchant in, or selling to, the EU/EEA; FR: French law applies (established in or targeting France). */
export type CheckJurisdiction = "ALL" | "EU" | "FR";

export type Status = "pass" | "warning" | "fail" | "manual_pending" | "manual_attested" | "not_applicable" | "error";
export type Confidence = "high" | "medium" | "low";

export interface Localized {
  en: string;
  fr: string;
}

export interface CheckDefinition {
  /** kebab-case, stable: stored in scans and attestations. */
  id: string;
  category: Category;
  severity: Severity;
  /** Platform-specific severity where the spec differs (e.g. backups are critical on WooCommerce). */
  severityOn?: Partial<Record<SnapshotPlatform, Severity>>;
  /** Shown but not scored on these platforms (the merchant cannot change it there). */
  informativeOn?: SnapshotPlatform[];
  jurisdictions: CheckJurisdiction[];
  platforms: SnapshotPlatform[];
  /** Pass wording. */
  title: Localized;
  /** Fail wording. */
  failureTitle: Localized;
  /** Why it matters, in the merchant's words. */
  why: Localized;
  legalBasis?: string[];
  fix: {
    /** Admin paths relative to PlatformChecklistFacts.adminBaseUrl. */
    adminPath: Partial<Record<SnapshotPlatform, string>>;
    docsUrl: string;
  };
  /** For what no API or page can show: the merchant confirms, with evidence, until it expires. */
  attestation?: { prompt: Localized; evidence: Array<"url" | "date" | "text">; expiresAfterDays: number };
}

export interface Evidence {
  /** Where the value came from: an API field, a URL, a header name. */
  source: string;
  value: unknown;
}

/** What an evaluator decides; the engine adds the rest of the CheckResult. */
export interface Outcome {
  status: Exclude<Status, "manual_attested" | "not_applicable"> | "not_applicable";
  confidence: Confidence;
  /** One line for the list, in both languages. */
  summary: Localized;
  evidence: Evidence[];
}

export interface Attestation {
  checkId: string;
  /** The merchant's answer: what they confirm, with a URL or text as evidence. */
  evidence: string;
  attestedAt: string;
  expiresAt: string;
}

export interface CheckResult {
  id: string;
  category: Category;
  severity: Severity;
  status: Status;
  confidence: Confidence;
  /** Site Health mapping: good / recommended / critical. */
  siteHealthStatus: "good" | "recommended" | "critical";
  /** Shown, not scored. */
  informative: boolean;
  title: Localized;
  summary: Localized;
  evidence: Evidence[];
  fix: { adminUrl: string | null; docsUrl: string };
  attestation: { evidence: string; attestedAt: string; expiresAt: string } | null;
  checkedAt: string;
  expiresAt: string | null;
}

export type Grade = "A" | "B" | "C" | "D" | "F";

export interface ScoreSummary {
  /** 0–100, null when nothing could be scored. */
  score: number | null;
  grade: Grade | null;
  /** "good" only when score ≥ 80 and no critical item fails or waits for attestation. */
  label: "good" | "needs-attention";
  byCategory: Array<{ category: Category; score: number | null; done: number; total: number }>;
  verifiedAutomatically: number;
  confirmedByYou: number;
}

export interface ChecklistReport extends ScoreSummary {
  platform: SnapshotPlatform;
  jurisdiction: "FR" | "EU" | "OTHER";
  results: CheckResult[];
  evaluatedAt: string;
}

export interface EvaluationContext {
  snapshot: ShopSnapshot;
  now: Date;
}

export type Evaluator = (context: EvaluationContext) => Outcome;

export type CheckSpec = CheckDefinition & { evaluate: Evaluator };
