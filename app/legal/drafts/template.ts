/**
 * How a legal draft is written: a list of sections, each rendered in French or English from
 * the shop's facts. A fact the draft needs but nobody gave becomes a visible "to complete"
 * mark, and a draft with such marks cannot be published (it would say nothing true).
 * Each section names the checklist lint elements it provides, so an incomplete page can
 * receive only the sections it lacks.
 */
import { escapeHtml } from "../../storefront/html-escape";
import type { IdentityField, LegalIdentityFields } from "../identity";

export type DraftLocale = "en" | "fr";

/** The legal texts Rassure drafts, named as the checklist names legal pages. */
export type LegalTextKind = "legal-notice" | "terms-of-sale" | "refund" | "privacy" | "contact";

export const LEGAL_TEXT_KINDS: LegalTextKind[] = ["legal-notice", "terms-of-sale", "refund", "privacy", "contact"];

export interface DraftFacts {
  platform: "shopify" | "woocommerce";
  shopName: string;
  storefrontUrl: string;
  identity: LegalIdentityFields;
  /** Payment methods the shop really accepts, as shoppers know them ("Visa", "PayPal", "Virement bancaire"). */
  paymentMethods: string[];
  /** ISO country codes the shop ships to. */
  shipsTo: string[];
  /** Prices entered tax included (null: unknown, the draft states TTC as the law requires anyway). */
  taxesIncluded: boolean | null;
  /** Public URL of the shop's privacy policy and refund policy, when published. */
  privacyUrl: string | null;
  refundUrl: string | null;
}

/** What a section's text may ask for. `field` marks what was missing; `text` escapes merchant text. */
export interface Writer {
  locale: DraftLocale;
  facts: DraftFacts;
  /** The merchant's value, escaped; a visible mark (and a blocking gap) when empty. */
  field(name: IdentityField): string;
  /** The merchant's value, escaped, or "" when empty (optional mentions). */
  optional(name: IdentityField): string;
  escape(text: string): string;
  /** Countries by name in the draft's language. */
  countries(codes: string[]): string;
}

export interface Section {
  id: string;
  /** Lint elements (app/checklist/policy-lint.ts) this section provides, per lexicon. */
  covers: Partial<Record<string, string[]>>;
  render(write: Writer): string;
}

export interface LegalTemplate {
  kind: LegalTextKind;
  title: Record<DraftLocale, string>;
  /** The laws the text rests on, shown to the merchant beside the draft. */
  references: string[];
  /** Lexicons of the checklist this text answers, e.g. "legalNotice". */
  lexicons: string[];
  sections: Section[];
}

export interface Draft {
  kind: LegalTextKind;
  locale: DraftLocale;
  title: string;
  html: string;
  sectionIds: string[];
  /** Facts the draft needs and nobody gave: publishing waits until they are filled in. */
  missingFields: IdentityField[];
}

const MISSING_MARK: Record<DraftLocale, string> = { en: "to complete", fr: "à compléter" };

export function writer(facts: DraftFacts, locale: DraftLocale, missing: Set<IdentityField>, labels: Record<IdentityField, string>): Writer {
  const names = new Intl.DisplayNames([locale === "fr" ? "fr-FR" : "en-GB"], { type: "region" });
  return {
    locale,
    facts,
    escape: escapeHtml,
    field(name) {
      const value = facts.identity[name];
      if (value) return escapeHtml(value);
      missing.add(name);
      return `<mark>[${MISSING_MARK[locale]} : ${escapeHtml(labels[name])}]</mark>`.replace(" :", locale === "fr" ? "\u00a0:" : ":");
    },
    optional: (name) => escapeHtml(facts.identity[name]),
    countries: (codes) => codes.map((code) => names.of(code) ?? code).join(", "),
  };
}

/** Renders the chosen sections of a template; `only` limits it to sections that fill the given gaps. */
export function renderTemplate(template: LegalTemplate, facts: DraftFacts, locale: DraftLocale, labels: Record<IdentityField, string>, sectionIds?: string[]): Draft {
  const missing = new Set<IdentityField>();
  const write = writer(facts, locale, missing, labels);
  const sections = sectionIds ? template.sections.filter((s) => sectionIds.includes(s.id)) : template.sections;
  return {
    kind: template.kind,
    locale,
    title: template.title[locale],
    html: sections.map((section) => section.render(write)).join("\n"),
    sectionIds: sections.map((s) => s.id),
    missingFields: [...missing],
  };
}

/** The sections that provide at least one of the lint elements an existing page lacks. */
export function sectionsFor(template: LegalTemplate, missingElements: Record<string, string[]>): string[] {
  return template.sections
    .filter((section) => Object.entries(section.covers).some(([lexicon, elements]) => elements?.some((element) => missingElements[lexicon]?.includes(element))))
    .map((section) => section.id);
}
