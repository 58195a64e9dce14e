/**
 * Legal drafts: filled from the shop's facts in French and English, every merchant text
 * escaped, a missing fact marked and blocking, and — what the merchant relies on — a published
 * draft gives the checklist's lint every element it looks for.
 */
import { describe, expect, it } from "vitest";
import { lint, LEXICONS } from "../../app/checklist/policy-lint";
import { translator } from "../../app/i18n";
import { LEGAL_TEMPLATES, LEGAL_TEXT_KINDS, renderTemplate, sectionsFor, type DraftFacts, type DraftLocale } from "../../app/legal/drafts";
import { htmlToText } from "../../adapters/html-text";
import { IDENTITY_FIELDS, type IdentityField } from "../../app/legal/identity";
import { ATELIER_LUMIERE } from "./support/identity";

const FILLED = ATELIER_LUMIERE;

const FACTS: DraftFacts = {
  platform: "shopify",
  shopName: "Atelier Lumière",
  storefrontUrl: "https://www.atelier-lumiere.fr",
  identity: FILLED,
  paymentMethods: ["Visa", "Mastercard", "PayPal"],
  shipsTo: ["FR", "BE", "CH"],
  taxesIncluded: true,
  privacyUrl: "https://www.atelier-lumiere.fr/policies/privacy-policy",
  refundUrl: "https://www.atelier-lumiere.fr/policies/refund-policy",
};

const labels = (locale: DraftLocale) => Object.fromEntries(IDENTITY_FIELDS.map((f) => [f, translator(locale)(`legal.field.${f}`)])) as Record<IdentityField, string>;

describe("legal drafts", () => {
  for (const locale of ["fr", "en"] as const) {
    for (const kind of LEGAL_TEXT_KINDS) {
      it(`${kind} (${locale}) gives the checklist's lint everything it looks for`, () => {
        const template = LEGAL_TEMPLATES[kind];
        const draft = renderTemplate(template, FACTS, locale, labels(locale));
        expect(draft.missingFields).toEqual([]);
        const text = htmlToText(draft.html);
        for (const lexicon of template.lexicons) {
          expect(lint(text, LEXICONS[lexicon as keyof typeof LEXICONS]).missing, `${kind}/${locale}/${lexicon}`).toEqual([]);
        }
        // The EU's ODR platform closed in July 2025: a draft never sends shoppers there.
        expect(lint(text, LEXICONS.odr).found).toEqual([]);
        // Every section named as covering an element really does.
        for (const section of template.sections) {
          const sectionText = htmlToText(renderTemplate(template, FACTS, locale, labels(locale), [section.id]).html);
          for (const [lexicon, elements] of Object.entries(section.covers)) {
            const found = lint(sectionText, LEXICONS[lexicon as keyof typeof LEXICONS]).found;
            for (const element of elements ?? []) expect(found, `${kind}/${section.id}/${element}`).toContain(element);
          }
        }
      });
    }
  }

  it("marks each missing fact, in the draft's language, and lists it", () => {
    const facts = { ...FACTS, identity: { ...FILLED, siren: "", mediatorUrl: "" } };
    const fr = renderTemplate(LEGAL_TEMPLATES["terms-of-sale"], facts, "fr", labels("fr"));
    expect(fr.missingFields.sort()).toEqual(["mediatorUrl", "siren"]);
    expect(fr.html).toContain("<mark>[à compléter\u00a0: SIREN ou SIRET]</mark>");
    const en = renderTemplate(LEGAL_TEMPLATES["legal-notice"], facts, "en", labels("en"));
    expect(en.html).toContain("<mark>[to complete: SIREN or SIRET]</mark>");
  });

  it("escapes what the merchant typed", () => {
    const hostile = { ...FACTS, identity: { ...FILLED, legalName: `<img src=x onerror=alert(1)>"Evil"`, mediatorUrl: "https://x.fr/?a=<script>" }, paymentMethods: ["<b>PayPal</b>"] };
    for (const kind of LEGAL_TEXT_KINDS) {
      const { html } = renderTemplate(LEGAL_TEMPLATES[kind], hostile, "fr", labels("fr"));
      expect(html).not.toMatch(/<img|<script|<b>/);
    }
  });

  it("gives an incomplete page only the sections it lacks", () => {
    const privacy = LEGAL_TEMPLATES.privacy;
    expect(sectionsFor(privacy, { privacy: ["retention periods", "supervisory authority"] })).toEqual(["retention", "authority"]);
    expect(sectionsFor(LEGAL_TEMPLATES.refund, { withdrawal: ["model withdrawal form"] })).toEqual(["model-form"]);
    expect(sectionsFor(privacy, {})).toEqual([]);
  });
});
