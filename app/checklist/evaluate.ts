/**
 * The pure evaluator: snapshot (+ the merchant's attestations) → results + score. No IO.
 * Applicability: platform, then jurisdiction (app/jurisdiction.ts; FR rules also apply to
 * a foreign shop that ships to France with a French storefront, EU rules to one shipping
 * into the EU). A throwing evaluator becomes an "error" result, never a crash of the scan.
 */
import { jurisdictionForCountry, type Jurisdiction } from "../jurisdiction";
import { CHECKS } from "./registry";
import { summarize } from "./scoring";
import type { ShopSnapshot } from "../../adapters/checklist-snapshot";
import type { Attestation, CheckResult, CheckSpec, ChecklistReport, Outcome, Severity } from "./types";

export interface EvaluateOptions {
  attestations?: Attestation[];
  /** The merchant's jurisdiction choice (Settings); default: from the shop's country. */
  jurisdiction?: Jurisdiction;
  now?: Date;
  checks?: readonly CheckSpec[];
}

function applicableJurisdictions(snapshot: ShopSnapshot, jurisdiction: Jurisdiction): Set<string> {
  const applies = new Set(["ALL"]);
  const shipsInto = snapshot.facts.shipsToCountries.map((code) => jurisdictionForCountry(code));
  const frenchStorefront = snapshot.storefront?.pages.some((page) => page.markers.includes("lang:fr")) ?? false;
  if (jurisdiction !== "OTHER" || shipsInto.some((j) => j !== "OTHER")) applies.add("EU");
  if (jurisdiction === "FR" || (shipsInto.includes("FR") && frenchStorefront)) applies.add("FR");
  return applies;
}

const siteHealth = (status: CheckResult["status"], severity: Severity): CheckResult["siteHealthStatus"] => {
  if (status === "pass" || status === "manual_attested") return "good";
  if (status === "fail" && severity === "critical") return "critical";
  return "recommended";
};

function runEvaluator(check: CheckSpec, snapshot: ShopSnapshot, now: Date): Outcome {
  try {
    return check.evaluate({ snapshot, now });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: "error", confidence: "high", summary: { en: `This check could not run: ${message}`, fr: `Cette vérification n'a pas pu s'exécuter : ${message}` }, evidence: [] };
  }
}

function adminUrl(check: CheckSpec, snapshot: ShopSnapshot): string | null {
  const path = check.fix.adminPath[snapshot.platform];
  return path === undefined ? null : `${snapshot.facts.adminBaseUrl}${path}`;
}

export function evaluateCheck(check: CheckSpec, snapshot: ShopSnapshot, options: { attestations?: Attestation[]; now: Date }): CheckResult {
  const { now } = options;
  const outcome = runEvaluator(check, snapshot, now);
  const severity = check.severityOn?.[snapshot.platform] ?? check.severity;
  const attestation = options.attestations?.find((a) => a.checkId === check.id);
  const valid = attestation && Date.parse(attestation.expiresAt) > now.getTime() ? attestation : null;
  // An attestation stands in for what could not be verified (pending, or a low-confidence warning); it never overrides a verified failure.
  const attested = Boolean(check.attestation && valid && (outcome.status === "manual_pending" || outcome.status === "warning"));
  const evidence = [...outcome.evidence];
  if (attestation && !valid) evidence.push({ source: "attestation", value: `expired ${attestation.expiresAt}` });
  if (attested && valid) evidence.push({ source: "attestation", value: valid.evidence });
  const status = attested ? "manual_attested" : outcome.status;
  return {
    id: check.id,
    category: check.category,
    severity,
    status,
    confidence: outcome.confidence,
    siteHealthStatus: siteHealth(status, severity),
    informative: check.informativeOn?.includes(snapshot.platform) ?? false,
    // The fail wording only for a real failure: a warning or a pending item is shown against its goal, never as an accusation.
    title: status === "fail" ? check.failureTitle : check.title,
    summary: attested && valid ? { en: `Confirmed by you on ${valid.attestedAt.slice(0, 10)}.`, fr: `Confirmé par vous le ${valid.attestedAt.slice(0, 10)}.` } : outcome.summary,
    evidence,
    fix: { adminUrl: adminUrl(check, snapshot), docsUrl: check.fix.docsUrl },
    attestation: valid ? { evidence: valid.evidence, attestedAt: valid.attestedAt, expiresAt: valid.expiresAt } : null,
    checkedAt: now.toISOString(),
    expiresAt: attested && valid ? valid.expiresAt : check.id === "sec-tls-expiry" ? (snapshot.storefront?.tls?.validTo ?? null) : null,
  };
}

export function evaluateChecklist(snapshot: ShopSnapshot, options: EvaluateOptions = {}): ChecklistReport {
  const now = options.now ?? new Date();
  const jurisdiction = options.jurisdiction ?? jurisdictionForCountry(snapshot.facts.countryCode);
  const applies = applicableJurisdictions(snapshot, jurisdiction);
  const results = (options.checks ?? CHECKS)
    .filter((check) => check.platforms.includes(snapshot.platform) && check.jurisdictions.some((j) => applies.has(j)))
    .map((check) => evaluateCheck(check, snapshot, { attestations: options.attestations, now }));
  return { ...summarize(results), platform: snapshot.platform, jurisdiction, results, evaluatedAt: now.toISOString() };
}
