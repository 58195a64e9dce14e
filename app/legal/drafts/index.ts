/** Every legal text Rassure drafts, by kind. */
import { contactTemplate } from "./contact";
import { legalNoticeTemplate } from "./legal-notice";
import { privacyTemplate } from "./privacy";
import { refundTemplate } from "./refund";
import type { LegalTemplate, LegalTextKind } from "./template";
import { termsOfSaleTemplate } from "./terms-of-sale";

export const LEGAL_TEMPLATES: Record<LegalTextKind, LegalTemplate> = {
  "legal-notice": legalNoticeTemplate,
  "terms-of-sale": termsOfSaleTemplate,
  refund: refundTemplate,
  privacy: privacyTemplate,
  contact: contactTemplate,
};

export { renderTemplate, sectionsFor, LEGAL_TEXT_KINDS, type Draft, type DraftFacts, type DraftLocale, type LegalTemplate, type LegalTextKind } from "./template";
