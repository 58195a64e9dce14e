/**
 * Small building blocks the evaluators share: outcome constructors and read helpers over
 * the snapshot (legal pages, probed pages, storefront markers).
 */
import { lint, type Lexicon, type LintResult } from "../policy-lint";
import type { LegalPageFact, LegalPageKind, ProbedPage, ProbedPageKind, ShopSnapshot, StorefrontFacts } from "../../../adapters/checklist-snapshot";
import type { Confidence, EvaluationContext, Evidence, Localized, Outcome } from "../types";

export const text = (en: string, fr: string): Localized => ({ en, fr });

function outcome(status: Outcome["status"], confidence: Confidence, summary: Localized, evidence: Evidence[]): Outcome {
  return { status, confidence, summary, evidence };
}

export const pass = (confidence: Confidence, summary: Localized, evidence: Evidence[] = []) => outcome("pass", confidence, summary, evidence);
export const warning = (confidence: Confidence, summary: Localized, evidence: Evidence[] = []) => outcome("warning", confidence, summary, evidence);
export const fail = (confidence: Confidence, summary: Localized, evidence: Evidence[] = []) => outcome("fail", confidence, summary, evidence);
export const manualPending = (summary: Localized, evidence: Evidence[] = []) => outcome("manual_pending", "high", summary, evidence);
export const notApplicable = (summary: Localized, evidence: Evidence[] = []) => outcome("not_applicable", "high", summary, evidence);
/** The check could not run: listed as "Unavailable", never counted as a pass (nor a fail). */
export const unavailable = (summary: Localized, evidence: Evidence[] = []) => outcome("error", "high", summary, evidence);

/** Non-empty legal pages of the given kinds, in the order given. */
export function legalPages(snapshot: ShopSnapshot, ...kinds: LegalPageKind[]): LegalPageFact[] {
  return kinds.flatMap((kind) => snapshot.facts.legalPages.filter((page) => page.kind === kind && page.text.trim() !== ""));
}

export function lintPages(pages: LegalPageFact[], lexicon: Lexicon): LintResult {
  return lint(pages.map((page) => page.text).join("\n"), lexicon);
}

export function pageEvidence(pages: LegalPageFact[]): Evidence[] {
  return pages.map((page) => ({ source: `${page.source} (${page.title})`, value: page.url ?? `${page.text.length} characters` }));
}

/** The storefront facts when the probe ran and reached the shop; null otherwise. */
export function reachedStorefront(snapshot: ShopSnapshot): StorefrontFacts | null {
  return snapshot.storefront?.status === "ok" ? snapshot.storefront : null;
}

/** Why storefront-only evidence is missing, for an honest "Unavailable" or "not applicable". */
export function storefrontGap(context: EvaluationContext): Outcome {
  const { snapshot } = context;
  if (snapshot.facts.storefrontLocked || snapshot.storefront?.status === "locked") {
    return notApplicable(text("The storefront is password-protected: storefront checks resume when it opens.", "La boutique est protégée par mot de passe : les vérifications de la vitrine reprendront à son ouverture."));
  }
  const probe = snapshot.storefront;
  if (!probe) return unavailable(text("The storefront was not scanned this time.", "La vitrine n'a pas été analysée cette fois-ci."));
  return unavailable(
    text(`The storefront could not be reached (${probe.error ?? probe.status}).`, `La vitrine n'a pas pu être jointe (${probe.error ?? probe.status}).`),
    [{ source: probe.origin, value: probe.error ?? probe.status }],
  );
}

export function probedPages(storefront: StorefrontFacts, ...kinds: ProbedPageKind[]): ProbedPage[] {
  return kinds.length ? storefront.pages.filter((page) => kinds.includes(page.kind)) : storefront.pages;
}

/** Markers (computed by the probe) that start with `prefix`, with the page they were seen on. */
export function markers(storefront: StorefrontFacts, prefix: string, ...kinds: ProbedPageKind[]): Array<{ marker: string; page: ProbedPage }> {
  return probedPages(storefront, ...kinds).flatMap((page) => page.markers.filter((m) => m.startsWith(prefix)).map((marker) => ({ marker, page })));
}

export function storefrontText(storefront: StorefrontFacts, ...kinds: ProbedPageKind[]): string {
  return probedPages(storefront, ...kinds).map((page) => page.text).join("\n");
}

export const list = (items: string[]) => items.join(", ");
