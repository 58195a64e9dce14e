/**
 * WordPress has no "policy" objects: legal information lives in ordinary pages. A page is
 * recognised by the WooCommerce setting that points to it (terms page id) or, failing that,
 * by its slug/title in French or English.
 */
import { htmlToText, decodeEntities } from "../html-text";
import type { LegalPageFact, LegalPageKind } from "../checklist-snapshot";
import type { WpPageSummary } from "./resources";

const KEYWORDS: Array<[LegalPageKind, RegExp]> = [
  ["legal-notice", /mentions[- ]?l[eé]gales|legal[- ]?notice|imprint|impressum/],
  ["terms-of-sale", /\bcgv\b|conditions[- ]g[eé]n[eé]rales|terms|conditions[- ]de[- ]vente/],
  ["privacy", /confidentialit[eé]|privacy|donn[eé]es[- ]personnelles/],
  ["refund", /rembours|retour|refund|return/],
  ["shipping", /livraison|shipping|delivery|exp[eé]dition/],
  ["contact", /^contact|nous[- ]contacter|contact[- ]us/],
];

function kindOf(page: WpPageSummary): LegalPageKind | null {
  const haystack = `${page.slug} ${decodeEntities(page.title.rendered)}`.toLowerCase();
  return KEYWORDS.find(([, pattern]) => pattern.test(haystack))?.[0] ?? null;
}

export function legalPagesFrom(pages: WpPageSummary[], termsPageId: number | null): LegalPageFact[] {
  return pages.flatMap((page) => {
    const kind = page.id === termsPageId ? "terms-of-sale" : kindOf(page);
    if (!kind) return [];
    return [{ kind, source: `page:${page.id}:${page.slug}`, title: decodeEntities(page.title.rendered), url: page.link || null, text: htmlToText(page.content.rendered), updatedAt: page.modified || null }];
  });
}
