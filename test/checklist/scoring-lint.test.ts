/** Scoring exactly as the spec (§1.3), attestation expiry, and the FR/EN policy lint. */
import { describe, expect, it } from "vitest";
import { evaluateCheck } from "../../app/checklist/evaluate";
import { foldText, lint, LEXICONS, PREMIUM_PHONE, FR_PHONE } from "../../app/checklist/policy-lint";
import { checkById } from "../../app/checklist/registry";
import { gradeOf, scoreOf, summarize } from "../../app/checklist/scoring";
import type { CheckResult, Severity, Status } from "../../app/checklist/types";
import type { PlatformChecklistFacts } from "../../adapters/checklist-snapshot";
import { snapshotOf } from "./support/snapshots";

function result(severity: Severity, status: Status, extra: Partial<CheckResult> = {}): CheckResult {
  return {
    id: `${severity}-${status}-${Math.random()}`, category: "legal", severity, status, confidence: "high", siteHealthStatus: "good", informative: false,
    title: { en: "t", fr: "t" }, summary: { en: "s", fr: "s" }, evidence: [], fix: { adminUrl: null, docsUrl: "https://x" }, attestation: null, checkedAt: "", expiresAt: null, ...extra,
  };
}

describe("scoring", () => {
  it("weights critical 3, recommended 2, nice-to-have 1 and credits warning half", () => {
    // (3·1 + 2·0.5 + 1·0) / 6 = 4/6
    expect(scoreOf([result("critical", "pass"), result("recommended", "warning"), result("nice-to-have", "fail")])).toBe(67);
  });

  it("leaves not-applicable, error and informative results out", () => {
    expect(scoreOf([result("critical", "pass"), result("critical", "error"), result("critical", "not_applicable"), result("critical", "fail", { informative: true })])).toBe(100);
    expect(scoreOf([result("critical", "error")])).toBeNull();
  });

  it("counts an attested item as done and a pending one as not", () => {
    expect(scoreOf([result("recommended", "manual_attested"), result("recommended", "manual_pending")])).toBe(50);
  });

  it.each([[95, "A"], [90, "A"], [89, "B"], [75, "B"], [74, "C"], [60, "C"], [59, "D"], [40, "D"], [39, "F"]])("score %i is grade %s", (score, grade) => {
    expect(gradeOf(score)).toBe(grade);
  });

  it("caps the grade at C and never says Good while a critical item fails or is pending", () => {
    const many = Array.from({ length: 30 }, () => result("critical", "pass"));
    expect(summarize(many)).toMatchObject({ score: 100, grade: "A", label: "good" });
    expect(summarize([...many, result("critical", "fail")])).toMatchObject({ grade: "C", label: "needs-attention" });
    expect(summarize([...many, result("critical", "manual_pending")])).toMatchObject({ grade: "C", label: "needs-attention" });
    expect(summarize([...many, result("critical", "warning")])).toMatchObject({ grade: "A", label: "good" });
    expect(summarize([...many, result("recommended", "fail")]).label).toBe("good");
  });

  it("reports progress per category and the two counters", () => {
    const summary = summarize([result("critical", "pass"), result("critical", "manual_attested", { confidence: "high" }), result("critical", "fail")]);
    expect(summary.byCategory.find((c) => c.category === "legal")).toMatchObject({ done: 2, total: 3 });
    expect(summary.confirmedByYou).toBe(1);
    expect(summary.verifiedAutomatically).toBe(2);
  });
});

describe("attestations", () => {
  const facts = { platform: "shopify", activePlugins: null, adminBaseUrl: "https://admin.shopify.com/store/x/", software: { platformManaged: true } } as unknown as PlatformChecklistFacts;
  const check = checkById("sec-admin-2fa")!;
  const now = new Date("2026-11-23T00:00:00Z");

  it("turns a pending item into confirmed until it expires, then back to pending", () => {
    const attestation = { checkId: check.id, evidence: "2-step enforced", attestedAt: "2026-01-01T00:00:00Z", expiresAt: "2027-01-01T00:00:00Z" };
    expect(evaluateCheck(check, snapshotOf(facts, null), { attestations: [attestation], now }).status).toBe("manual_attested");
    const later = new Date("2027-01-02T00:00:00Z");
    const expired = evaluateCheck(check, snapshotOf(facts, null), { attestations: [attestation], now: later });
    expect(expired.status).toBe("manual_pending");
    expect(expired.evidence).toContainEqual({ source: "attestation", value: "expired 2027-01-01T00:00:00Z" });
  });

  it("never overrides a verified failure", () => {
    const tos = checkById("leg-terms-of-sale")!;
    const noTerms = { ...facts, legalPages: [] } as PlatformChecklistFacts;
    const attestation = { checkId: tos.id, evidence: "we have terms", attestedAt: "2026-01-01T00:00:00Z", expiresAt: "2027-01-01T00:00:00Z" };
    expect(evaluateCheck(tos, snapshotOf(noTerms, null), { attestations: [attestation], now }).status).toBe("fail");
  });

  it("backups expire after 90 days, the others after a year", () => {
    expect(checkById("ops-backups-dr")?.attestation?.expiresAfterDays).toBe(90);
    expect(checkById("sec-admin-2fa")?.attestation?.expiresAfterDays).toBe(365);
  });

  it("a check that throws becomes an Unavailable result, not a crash", () => {
    const broken = { ...check, evaluate: () => { throw new Error("boom"); } };
    const r = evaluateCheck(broken, snapshotOf(facts, null), { now });
    expect(r.status).toBe("error");
    expect(r.summary.en).toContain("boom");
  });
});

describe("policy lint (FR + EN, accents folded)", () => {
  it("finds the withdrawal elements in French with or without accents", () => {
    const text = "Vous disposez d'un délai de quatorze jours pour exercer votre droit de RÉTRACTATION, au moyen du formulaire type de rétractation ci-dessous.";
    expect(lint(text, LEXICONS.withdrawal)).toEqual({ found: ["withdrawal right", "14-day period", "model withdrawal form"], missing: [] });
    expect(lint(foldText(text), LEXICONS.withdrawal).missing).toEqual([]);
  });

  it("finds them in English", () => {
    expect(lint("You may withdraw within 14 days using the model withdrawal form.", LEXICONS.withdrawal).missing).toEqual([]);
  });

  it("reports what is missing", () => {
    expect(lint("Les retours sont acceptés pendant 30 jours.", LEXICONS.withdrawal).missing).toEqual(["withdrawal right", "14-day period", "model withdrawal form"]);
  });

  it("recognises a complete legal notice", () => {
    const notice = "Atelier Lumière SAS au capital de 5 000 €, RCS Lyon 912 345 678, SIRET 912 345 678 00012, TVA intracommunautaire FR12 912345678. Siège : 12 rue des Capucins, 69001 Lyon. Directrice de la publication : Camille Durand. Hébergeur : Shopify Inc.";
    expect(lint(notice, LEXICONS.legalNotice).missing).toEqual([]);
  });

  it("spots the stale ODR link and the mediator", () => {
    expect(lint("Plateforme RLL : https://ec.europa.eu/consumers/odr", LEXICONS.odr).found).toHaveLength(1);
    expect(lint("Médiateur de la consommation : CM2C, https://www.cm2c.net", LEXICONS.mediator).found).toEqual(["mediator"]);
  });

  it("reads French phone numbers and flags premium ones", () => {
    expect(FR_PHONE.exec("Tél. : 04 78 00 00 00")?.[0]).toBe("04 78 00 00 00");
    expect(FR_PHONE.test("+33 4 78 00 00 00")).toBe(true);
    expect(PREMIUM_PHONE.test("08 92 00 00 00")).toBe(true);
    expect(PREMIUM_PHONE.test("04 78 00 00 00")).toBe(false);
  });
});
