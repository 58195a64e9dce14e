/** Legal & compliance (checklist-spec.md §3.3). */
import { foldText, frenchNames, LEXICONS, type Lexicon } from "../policy-lint";
import type { LegalPageFact, LegalPageKind } from "../../../adapters/checklist-snapshot";
import type { CheckDefinition, CheckSpec, EvaluationContext, Evidence, Localized, Outcome } from "../types";
import { fail, guarantee, legalPages, lintPages, list, manualPending, markers, pageEvidence, pass, probedPages, reachedStorefront, storefrontGap, storefrontText, text, unavailable, warning } from "./outcome";

const POLICIES = { shopify: "settings/legal", woocommerce: "edit.php?post_type=page" };
const FOOTER_TEMPLATES = ["home", "product", "cart"] as const;

function pathOf(url: string): string | null {
  try {
    return new URL(url).pathname.replace(/\/+$/, "").toLowerCase();
  } catch {
    return null;
  }
}

/**
 * "Linked from every page", approximated as the spec says: the link is in the site-wide
 * footer of every template the probe fetched (home, product, cart). null = cannot tell.
 */
export function footerLinkStatus(context: EvaluationContext, pages: LegalPageFact[]): { linked: boolean | null; seenOn: number; templates: number; byTheme?: boolean } {
  if (context.snapshot.facts.theme?.footerShowsPolicies) return { linked: true, seenOn: FOOTER_TEMPLATES.length, templates: FOOTER_TEMPLATES.length, byTheme: true };
  const storefront = reachedStorefront(context.snapshot);
  const paths = pages.map((page) => (page.url ? pathOf(page.url) : null)).filter((p): p is string => Boolean(p));
  if (!storefront || !paths.length) return { linked: null, seenOn: 0, templates: 0 };
  const templates = probedPages(storefront, ...FOOTER_TEMPLATES);
  const seenOn = templates.filter((page) => page.footerLinks.some((link) => paths.includes(pathOf(link) ?? ""))).length;
  return { linked: templates.length > 0 && seenOn === templates.length, seenOn, templates: templates.length };
}

interface PublishedPageCheck {
  kinds: LegalPageKind[];
  lexicon: Lexicon;
  missingPage: Localized;
  /** Lint misses to tolerate (e.g. company-only items for a sole trader). */
  minFound?: number;
}

/** A legal page that must exist (API fact → fail), say the right things (lint → warning) and be in the footer. */
function publishedPage(check: PublishedPageCheck) {
  return (context: EvaluationContext): Outcome => {
    const pages = legalPages(context.snapshot, ...check.kinds);
    if (!pages.length) return fail("high", check.missingPage);
    const evidence = pageEvidence(pages);
    const { found, missing } = lintPages(pages, check.lexicon);
    evidence.push({ source: "lint: found", value: list(found) || "-" });
    const footer = footerLinkStatus(context, pages);
    if (footer.byTheme) evidence.push({ source: "theme footer setting", value: "show_policy: true" });
    else if (footer.linked !== null) evidence.push({ source: "footer links", value: `${footer.seenOn}/${footer.templates} templates` });
    if (missing.length > Object.keys(check.lexicon).length - (check.minFound ?? Object.keys(check.lexicon).length)) {
      return warning("low", text(`Published, but we could not find: ${list(missing)}. Confirm or complete it.`, `Publiée, mais nous n'avons pas trouvé : ${list(frenchNames(missing))}. Confirmez ou complétez.`), evidence);
    }
    if (footer.linked === false) {
      return warning("medium", text(`Not linked in the footer of every page (${footer.seenOn}/${footer.templates} templates).`, `Pas de lien dans le pied de page de chaque page (${footer.seenOn}/${footer.templates} modèles).`), evidence);
    }
    if (footer.linked === null) {
      // The page is there, but "linked from every page" was not seen: not a pass.
      const gap = storefrontGap(context);
      return warning(
        "low",
        text(`Published with the expected content; whether every page links to it was not checked (${gap.summary.en.replace(/^Not checked: /, "").replace(/\.$/, "")}).`, `Publiée avec le contenu attendu ; le lien depuis chaque page n'a pas été vérifié (${gap.summary.fr.replace(/^Non vérifié : /, "").replace(/\.$/, "")}).`),
        [...evidence, ...gap.evidence],
      );
    }
    return pass("medium", text("Published with the expected content and linked from every page.", "Publiée avec le contenu attendu et liée depuis chaque page."), evidence);
  };
}

/** A content requirement read from policy text only: low confidence, so a miss is a warning. */
function lintedRequirement(kinds: LegalPageKind[], lexicon: Lexicon, found: Localized, missingWhat: (missing: string[]) => Localized) {
  return (context: EvaluationContext): Outcome => {
    const pages = legalPages(context.snapshot, ...kinds);
    if (!pages.length) return fail("high", text("None of the pages that should state it is published.", "Aucune des pages qui doivent le mentionner n'est publiée."));
    const result = lintPages(pages, lexicon);
    const evidence = [...pageEvidence(pages), { source: "lint: found", value: list(result.found) || "-" }];
    if (result.missing.length) return warning("low", missingWhat(result.missing), evidence);
    return pass("low", found, evidence);
  };
}

/** Words that bind the buyer to pay (L221-14): "commande avec obligation de paiement", "Pay now"… */
const BINDING_ORDER_WORDS = /obligation de paiement|payer|paiement|pay now|buy now|pay\b/i;

function judgeOrderButton(label: string, evidence: Evidence[], confidence: "high" | "medium"): Outcome {
  if (BINDING_ORDER_WORDS.test(foldText(label))) return pass(confidence, text(`Button says "${label}".`, `Le bouton indique « ${label} ».`), evidence);
  return warning(confidence, text(`Button says "${label}": use "Commande avec obligation de paiement".`, `Le bouton indique « ${label} » : utilisez « Commande avec obligation de paiement ».`), evidence);
}

/**
 * The final order button: Shopify's hosted checkout (a platform guarantee), the label the shop's
 * settings give, or the checkout page as served. A block checkout draws its button in the browser
 * and an empty cart redirects away from the checkout: both are said, never taken for "missing".
 */
function orderButtonWording(context: EvaluationContext): Outcome {
  const { facts } = context.snapshot;
  if (facts.payments.hostedCheckout) {
    return pass("high", text("Shopify's checkout ends with its own \"Pay now\" button.", "Le paiement Shopify se termine par son propre bouton « Payer maintenant »."), [
      guarantee("Checkout hosted by Shopify: its final button reads \"Pay now\" (\"Payer maintenant\" in French), which states the obligation to pay.", "Paiement hébergé par Shopify : son bouton final indique « Payer maintenant » (« Pay now » en anglais), qui exprime l'obligation de payer."),
    ]);
  }
  if (facts.orderButton) return judgeOrderButton(facts.orderButton.label, [{ source: facts.orderButton.source, value: facts.orderButton.label }], "high");
  const storefront = reachedStorefront(context.snapshot);
  if (!storefront) return storefrontGap(context);
  const button = markers(storefront, "order-button:", "checkout")[0];
  if (button) return judgeOrderButton(button.marker.slice("order-button:".length), [{ source: button.page.url, value: button.marker.slice("order-button:".length) }], "medium");
  const checkout = probedPages(storefront, "checkout")[0];
  // An empty cart sends the checkout back to the cart: what was fetched is then the cart, not the checkout.
  const redirected = checkout && checkout.finalUrl !== checkout.url ? { source: checkout.url, value: `redirected to ${checkout.finalUrl} (empty cart)` } : null;
  const blockSeen = checkout && !redirected && checkout.markers.includes("checkout:blocks") ? { source: checkout.url, value: "WooCommerce Checkout block" } : null;
  const blockNamed = facts.storefrontPages?.blockCheckout ? { source: "checkout page (shop settings)", value: "WooCommerce Checkout block" } : null;
  if (blockSeen || blockNamed) {
    return unavailable(text("Not visible without JavaScript: the block checkout draws its order button in the browser. Check its label in the Checkout block's settings.", "Invisible sans JavaScript : le paiement en blocs affiche son bouton dans le navigateur. Vérifiez son libellé dans les réglages du bloc Paiement."), [
      ...[blockNamed, blockSeen, redirected].filter((e) => e !== null),
    ]);
  }
  if (redirected) {
    return unavailable(text("Not checked: the checkout shows its order button only with an item in the cart (an empty cart is redirected).", "Non vérifié : le paiement n'affiche son bouton qu'avec un article dans le panier (un panier vide est redirigé)."), [redirected]);
  }
  return unavailable(text("The checkout page or its order button could not be read.", "La page de paiement ou son bouton n'a pas pu être lu."), checkout ? [{ source: checkout.url, value: `HTTP ${checkout.status}, no order button` }] : [{ source: "checkout page", value: "not found" }]);
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const attest = (en: string, fr: string, expiresAfterDays = 365): CheckDefinition["attestation"] => ({ prompt: text(en, fr), evidence: ["url", "text"], expiresAfterDays });

const CMP = ["cmp:"];
const TRACKERS = "tracker:";

export const legalChecks: CheckSpec[] = [
  {
    id: "leg-legal-notice",
    category: "legal",
    severity: "critical",
    jurisdictions: ["FR", "EU"],
    platforms: ["shopify", "woocommerce"],
    title: text("Legal notice is complete and linked from every page", "Les mentions légales sont complètes et accessibles depuis chaque page"),
    failureTitle: text("Legal notice is missing", "Les mentions légales sont absentes"),
    why: text(
      "French law requires every seller's site to name its publisher: legal name and form, address, registration (RCS/SIREN), share capital, VAT number, publication director, host, phone and email. Missing it risks up to €375,000 for a company.",
      "La loi impose d'identifier l'éditeur du site : dénomination et forme, adresse, immatriculation (RCS/SIREN), capital, n° de TVA, directeur de la publication, hébergeur, téléphone et e-mail. L'absence expose jusqu'à 375 000 € pour une société.",
    ),
    legalBasis: ["LCEN art. 6 III (art. 1-1 since SREN) and art. 19", "Dir. 2000/31/EC art. 5"],
    fix: { adminPath: POLICIES, docsUrl: "https://entreprendre.service-public.fr/vosdroits/F31228" },
    attestation: attest("Link to your complete legal notice.", "Lien vers vos mentions légales complètes."),
    evaluate: (context) => {
      const { contact } = context.snapshot.facts;
      // The notice must name the same company and email the shop declares (legal form words aside).
      const company = contact.address?.company?.replace(/\b(SAS|SASU|SARL|EURL|SA|SNC|EI)\b/gi, "").trim();
      const extra: Lexicon = {
        ...(company ? { [`legal name "${company}"`]: [new RegExp(escapeRegExp(foldText(company)))] } : {}),
        ...(contact.email ? { [`email ${contact.email}`]: [new RegExp(escapeRegExp(foldText(contact.email)))] } : {}),
      };
      return publishedPage({
        kinds: ["legal-notice"],
        lexicon: { ...LEXICONS.legalNotice, ...extra },
        missingPage: text("No legal notice is published.", "Aucune page de mentions légales n'est publiée."),
      })(context);
    },
  },
  {
    id: "leg-terms-of-sale",
    category: "legal",
    severity: "critical",
    jurisdictions: ["FR", "EU"],
    platforms: ["shopify", "woocommerce"],
    title: text("Terms of sale are published and linked from every page", "Les CGV sont publiées et accessibles depuis chaque page"),
    failureTitle: text("Terms of sale are missing", "Les conditions générales de vente sont absentes"),
    why: text(
      "Before ordering, consumers must get price, delivery delays, your identity, guarantees, withdrawal conditions and mediation: the terms of sale carry that information.",
      "Avant la commande, le consommateur doit connaître prix, délais de livraison, votre identité, les garanties, la rétractation et la médiation : les CGV portent ces informations.",
    ),
    legalBasis: ["Code de la consommation L111-1, L221-5, L211-2", "Dir. 2011/83/EU art. 6"],
    fix: { adminPath: { ...POLICIES, woocommerce: "admin.php?page=wc-settings&tab=advanced" }, docsUrl: "https://www.economie.gouv.fr/dgccrf/Publications/Vie-pratique/Fiches-pratiques/Conditions-generales-de-vente" },
    attestation: attest("Link to your terms of sale and confirm they are accepted at checkout.", "Lien vers vos CGV ; confirmez leur acceptation au paiement."),
    evaluate: publishedPage({
      kinds: ["terms-of-sale"],
      lexicon: LEXICONS.termsOfSale,
      missingPage: text("No terms of sale are published.", "Aucune condition générale de vente n'est publiée."),
    }),
  },
  {
    id: "leg-privacy-policy",
    category: "legal",
    severity: "critical",
    jurisdictions: ["EU"],
    platforms: ["shopify", "woocommerce"],
    title: text("Privacy policy gives the GDPR information", "La politique de confidentialité donne les informations RGPD"),
    failureTitle: text("Privacy policy is missing", "La politique de confidentialité est absente"),
    why: text(
      "When you collect personal data you must say who you are, why and on what legal basis you process it, who receives it, how long you keep it, and which rights people have, including complaining to the CNIL.",
      "Quand vous collectez des données, vous devez indiquer qui vous êtes, pourquoi et sur quelle base vous les traitez, qui les reçoit, combien de temps vous les gardez, et les droits des personnes, dont la réclamation à la CNIL.",
    ),
    legalBasis: ["GDPR art. 12–13", "Loi Informatique et Libertés"],
    fix: { adminPath: { shopify: "settings/legal", woocommerce: "options-privacy.php" }, docsUrl: "https://www.cnil.fr/fr/rgpd-exemples-de-mentions-dinformation" },
    attestation: attest("Link to your reviewed privacy policy.", "Lien vers votre politique de confidentialité relue."),
    evaluate: publishedPage({
      kinds: ["privacy"],
      lexicon: LEXICONS.privacy,
      missingPage: text("No privacy policy is published.", "Aucune politique de confidentialité n'est publiée."),
    }),
  },
  {
    id: "leg-cookie-consent",
    category: "legal",
    severity: "critical",
    jurisdictions: ["EU"],
    platforms: ["shopify", "woocommerce"],
    title: text("Cookie consent is asked before any tracker", "Le consentement aux cookies est demandé avant tout traceur"),
    failureTitle: text("Trackers load without cookie consent", "Des traceurs se chargent sans consentement"),
    why: text(
      "Advertising and analytics trackers need consent first; refusing must be as easy as accepting, and silence means no.",
      "Les traceurs publicitaires et de mesure exigent un consentement préalable ; refuser doit être aussi simple qu'accepter, et le silence vaut refus.",
    ),
    legalBasis: ["Loi Informatique et Libertés art. 82", "ePrivacy Dir. art. 5(3)", "CNIL recommendation 17 Sept 2020"],
    fix: { adminPath: { shopify: "settings/customer_privacy", woocommerce: "plugins.php" }, docsUrl: "https://www.cnil.fr/fr/cookies-et-autres-traceurs/regles/cookies" },
    attestation: attest("Your consent banner offers Refuse next to Accept and blocks trackers until consent.", "Votre bandeau propose Refuser à côté d'Accepter et bloque les traceurs jusqu'au consentement."),
    evaluate: (context) => {
      const storefront = reachedStorefront(context.snapshot);
      const banner = context.snapshot.facts.cookieBannerEnabled;
      const plugins = context.snapshot.facts.activePlugins ?? [];
      const cmpPlugin = plugins.find((p) => /complianz|cookie-law-info|cookiebot|axeptio|cookie-notice|tarteaucitron|didomi/.test(p));
      if (!storefront) {
        if (banner || cmpPlugin) return pass("high", text("A consent banner is enabled.", "Un bandeau de consentement est activé."), [{ source: banner ? "privacySettings.banner" : "active plugin", value: cmpPlugin ?? true }]);
        const gap = storefrontGap(context);
        return gap.status === "not_applicable" ? gap : manualPending(text("The storefront could not be checked: confirm your consent banner.", "La vitrine n'a pas pu être vérifiée : confirmez votre bandeau de consentement."), gap.evidence);
      }
      const cmp = CMP.flatMap((prefix) => markers(storefront, prefix));
      const trackers = [...new Set(markers(storefront, TRACKERS).map((m) => m.marker.slice(TRACKERS.length)))];
      const evidence = [...cmp.map((c) => ({ source: c.page.url, value: c.marker })), ...trackers.map((t) => ({ source: "tracker script on first visit", value: t }))];
      if (cmp.length || banner || cmpPlugin) {
        const setting = banner ? [{ source: "privacySettings.banner", value: true }] : cmpPlugin ? [{ source: "active plugin", value: cmpPlugin }] : [];
        return pass("medium", text("A consent manager is present on the storefront.", "Un gestionnaire de consentement est présent sur la vitrine."), [...evidence, ...setting]);
      }
      if (trackers.length) {
        // Script-host detection is an HTML heuristic: a warning to confirm, never a fail on a critical item.
        return warning("medium", text(`Trackers load on the first visit with no consent banner seen: ${list(trackers)}.`, `Des traceurs se chargent dès la première visite sans bandeau visible : ${list(trackers)}.`), evidence);
      }
      return pass("medium", text(`No tracker loads before consent on the ${storefront.pages.length} page(s) visited.`, `Aucun traceur ne se charge avant consentement sur les ${storefront.pages.length} page(s) visitée(s).`), [
        ...evidence,
        ...storefront.pages.map((p) => ({ source: p.url, value: "no tracker script" })),
      ]);
    },
  },
  {
    id: "leg-withdrawal-right",
    category: "legal",
    severity: "critical",
    jurisdictions: ["EU"],
    platforms: ["shopify", "woocommerce"],
    title: text("The 14-day withdrawal right and model form are given", "Le droit de rétractation de 14 jours et le formulaire type sont indiqués"),
    failureTitle: text("The 14-day withdrawal right is not explained", "Le droit de rétractation de 14 jours n'est pas expliqué"),
    why: text(
      "Online buyers may withdraw within 14 days without giving a reason. If you do not tell them, with the model form, the period is extended by 12 months.",
      "Le client en ligne peut se rétracter sous 14 jours sans motif. Sans cette information et le formulaire type, le délai est prolongé de 12 mois.",
    ),
    legalBasis: ["Code de la consommation L221-18, L221-5, L221-20", "Dir. 2011/83/EU art. 9–11"],
    fix: { adminPath: POLICIES, docsUrl: "https://www.economie.gouv.fr/dgccrf/Publications/Vie-pratique/Fiches-pratiques/Vente-en-ligne-droit-de-retractation" },
    attestation: attest("Link to where the 14-day withdrawal right and the model form are given.", "Lien vers l'endroit où figurent le droit de rétractation de 14 jours et le formulaire type."),
    evaluate: lintedRequirement(
      ["refund", "terms-of-sale"],
      LEXICONS.withdrawal,
      text("Withdrawal right, 14-day period and model form found.", "Droit de rétractation, délai de 14 jours et formulaire type trouvés."),
      (missing) => text(`We could not find: ${list(missing)}. Confirm or fix.`, `Nous n'avons pas trouvé : ${list(frenchNames(missing))}. Confirmez ou corrigez.`),
    ),
  },
  {
    id: "leg-refund-14-days",
    category: "legal",
    severity: "critical",
    jurisdictions: ["EU"],
    platforms: ["shopify", "woocommerce"],
    title: text("Refunds within 14 days, initial delivery costs included", "Remboursement sous 14 jours, frais de livraison initiaux inclus"),
    failureTitle: text("Refund terms do not match the 14-day rule", "Les conditions de remboursement ne respectent pas la règle des 14 jours"),
    why: text(
      "After a withdrawal you must refund everything paid, including standard delivery, within 14 days.",
      "Après une rétractation, vous devez rembourser toutes les sommes versées, livraison standard comprise, sous 14 jours.",
    ),
    legalBasis: ["Code de la consommation L221-24", "Dir. 2011/83/EU art. 13"],
    fix: { adminPath: POLICIES, docsUrl: "https://www.economie.gouv.fr/dgccrf/Publications/Vie-pratique/Fiches-pratiques/Vente-en-ligne-droit-de-retractation" },
    attestation: attest("Link to your refund policy stating the 14-day refund including initial delivery costs.", "Lien vers votre politique de remboursement indiquant le remboursement sous 14 jours, livraison initiale comprise."),
    evaluate: lintedRequirement(
      ["refund"],
      LEXICONS.refund14,
      text("Refund within 14 days including delivery costs is stated.", "Le remboursement sous 14 jours, livraison comprise, est indiqué."),
      (missing) => text(`Refund policy: we could not find ${list(missing)}.`, `Politique de remboursement : nous n'avons pas trouvé ${list(frenchNames(missing))}.`),
    ),
  },
  {
    id: "leg-legal-guarantees",
    category: "legal",
    severity: "critical",
    jurisdictions: ["FR"],
    platforms: ["shopify", "woocommerce"],
    title: text("Legal guarantees of conformity and against hidden defects are stated", "Les garanties légales de conformité et des vices cachés sont mentionnées"),
    failureTitle: text("Legal guarantees are not stated", "Les garanties légales ne sont pas mentionnées"),
    why: text(
      "Your terms must describe the 2-year legal guarantee of conformity and the hidden-defects guarantee, in the regulatory wording.",
      "Vos CGV doivent décrire la garantie légale de conformité de 2 ans et la garantie des vices cachés, selon la rédaction réglementaire.",
    ),
    legalBasis: ["Code de la consommation L211-2, L217-3 ff.", "Code civil 1641 ff.", "Décret 2022-946"],
    fix: { adminPath: POLICIES, docsUrl: "https://www.economie.gouv.fr/dgccrf/Publications/Vie-pratique/Fiches-pratiques/Garanties-des-biens-de-consommation" },
    attestation: attest("Link to the page stating both legal guarantees.", "Lien vers la page mentionnant les deux garanties légales."),
    evaluate: lintedRequirement(
      ["terms-of-sale", "refund"],
      LEXICONS.guarantees,
      text("Both legal guarantees are mentioned.", "Les deux garanties légales sont mentionnées."),
      (missing) => text(`We could not find: ${list(missing)}.`, `Nous n'avons pas trouvé : ${list(frenchNames(missing))}.`),
    ),
  },
  {
    id: "leg-mediator",
    category: "legal",
    severity: "critical",
    jurisdictions: ["FR"],
    platforms: ["shopify", "woocommerce"],
    title: text("Your consumer mediator is named with its website", "Votre médiateur de la consommation est nommé avec son site"),
    failureTitle: text("No consumer mediator named", "Aucun médiateur de la consommation indiqué"),
    why: text(
      "Consumers have a right to free mediation: the mediator's name and website must appear on your site and in your terms. Fines reach €15,000 for a company.",
      "Le consommateur a droit à une médiation gratuite : le nom et le site du médiateur doivent figurer sur votre site et dans vos CGV. L'amende atteint 15 000 € pour une société.",
    ),
    legalBasis: ["Code de la consommation L612-1, L616-1, R616-1, L211-3"],
    fix: { adminPath: POLICIES, docsUrl: "https://www.economie.gouv.fr/mediation-conso" },
    attestation: attest("Name and website of your consumer mediator.", "Nom et site de votre médiateur de la consommation."),
    evaluate: (context) => {
      const pages = legalPages(context.snapshot, "terms-of-sale", "legal-notice", "refund");
      const sources = pages.map((p) => p.text);
      const storefront = reachedStorefront(context.snapshot);
      if (storefront) sources.push(storefrontText(storefront));
      const folded = foldText(sources.join("\n"));
      const named = LEXICONS.mediator.mediator.some((pattern) => pattern.test(folded));
      const evidence = pageEvidence(pages);
      if (named && /https?:\/\/|www\./.test(folded)) return pass("low", text("A consumer mediator and a website are mentioned.", "Un médiateur de la consommation et un site sont mentionnés."), evidence);
      return warning("low", text("We found no consumer mediator with its website: confirm or add it.", "Nous n'avons trouvé aucun médiateur avec son site : confirmez ou ajoutez-le."), evidence);
    },
  },
  {
    id: "leg-no-preticked-paid-options",
    category: "legal",
    severity: "critical",
    jurisdictions: ["EU"],
    platforms: ["shopify", "woocommerce"],
    title: text("No paid option is pre-selected", "Aucune option payante n'est pré-cochée"),
    failureTitle: text("A paid option is pre-selected", "Une option payante est pré-cochée"),
    why: text(
      "Any extra payment (insurance, gift wrap, donation) needs the buyer's express consent; a pre-ticked box does not count and the buyer can claim it back.",
      "Tout paiement supplémentaire (assurance, emballage, don) exige le consentement exprès de l'acheteur ; une case pré-cochée ne vaut pas accord et il peut en demander le remboursement.",
    ),
    legalBasis: ["Code de la consommation L121-17", "Dir. 2011/83/EU art. 22"],
    fix: { adminPath: { shopify: "settings/checkout", woocommerce: "plugins.php" }, docsUrl: "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000032226842" },
    attestation: attest("No paid option is pre-selected in cart or checkout (including apps and checkout extensions).", "Aucune option payante n'est pré-sélectionnée au panier ni au paiement (applications et extensions comprises)."),
    evaluate: (context) => {
      const storefront = reachedStorefront(context.snapshot);
      const preticked = storefront ? markers(storefront, "preticked-paid-option") : [];
      if (preticked.length) {
        return warning("medium", text("A pre-ticked paid option appears in the cart.", "Une option payante pré-cochée apparaît au panier."), preticked.map((p) => ({ source: p.page.url, value: p.marker })));
      }
      // Checkout extensions and apps cannot be inspected: the merchant confirms.
      return manualPending(text("Nothing pre-ticked in the cart page we saw; confirm for the checkout too.", "Rien de pré-coché sur la page panier analysée ; confirmez aussi pour le paiement."));
    },
  },
  {
    id: "leg-order-button-wording",
    category: "legal",
    severity: "critical",
    jurisdictions: ["EU"],
    platforms: ["shopify", "woocommerce"],
    informativeOn: ["shopify"],
    title: text("The order button states the obligation to pay", "Le bouton de commande indique l'obligation de paiement"),
    failureTitle: text("The order button wording is ambiguous", "Le libellé du bouton de commande est ambigu"),
    why: text(
      "The final button must say \"commande avec obligation de paiement\" or an unambiguous equivalent, otherwise the order is not binding.",
      "Le bouton final doit indiquer « commande avec obligation de paiement » ou une formule non ambiguë, faute de quoi la commande n'engage pas le client.",
    ),
    legalBasis: ["Code de la consommation L221-14", "Dir. 2011/83/EU art. 8(2)"],
    fix: { adminPath: { woocommerce: "admin.php?page=wc-settings&tab=advanced" }, docsUrl: "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000032226856" },
    evaluate: orderButtonWording,
  },
  {
    id: "leg-odr-link-removed",
    category: "legal",
    severity: "recommended",
    jurisdictions: ["EU"],
    platforms: ["shopify", "woocommerce"],
    title: text("No link to the closed EU ODR platform", "Aucun lien vers la plateforme européenne RLL fermée"),
    failureTitle: text("A link to the closed EU ODR platform remains", "Un lien vers la plateforme européenne RLL fermée subsiste"),
    why: text(
      "The EU online dispute resolution platform closed on 20 July 2025; a link to it now points to a dead service. Your mediator duty remains.",
      "La plateforme européenne de règlement en ligne des litiges a fermé le 20 juillet 2025 ; un lien vers elle pointe vers un service disparu. L'obligation de médiation demeure.",
    ),
    legalBasis: ["Reg. (EU) 2024/3228"],
    fix: { adminPath: POLICIES, docsUrl: "https://eur-lex.europa.eu/eli/reg/2024/3228/oj" },
    evaluate: (context) => {
      const pages = legalPages(context.snapshot, "terms-of-sale", "legal-notice", "refund", "privacy", "shipping", "contact");
      const storefront = reachedStorefront(context.snapshot);
      const stale = pages.filter((page) => lintPages([page], LEXICONS.odr).found.length > 0);
      const footerHits = storefront ? probedPages(storefront).filter((p) => p.footerLinks.some((link) => /ec\.europa\.eu\/consumers\/odr/i.test(link))) : [];
      if (stale.length || footerHits.length) {
        return warning("low", text("Remove the EU ODR platform mention.", "Supprimez la mention de la plateforme européenne RLL."), [...pageEvidence(stale), ...footerHits.map((p) => ({ source: p.url, value: "footer link to ec.europa.eu/consumers/odr" }))]);
      }
      const read = [
        ...(pages.length ? [{ source: "legal pages read", value: `${pages.length}: ${list(pages.map((p) => p.title))}` }] : []),
        ...(storefront ? [{ source: "storefront footers read", value: `${storefront.pages.length} page(s)` }] : []),
      ];
      if (!storefront) {
        const gap = storefrontGap(context);
        if (gap.status === "not_applicable") return gap;
        return unavailable(
          text(`Not checked in full: no mention in the ${pages.length} legal page(s) read, but the footer links were not seen (${gap.summary.en.replace(/^Not checked: /, "").replace(/\.$/, "")}).`, `Vérification incomplète : aucune mention dans les ${pages.length} page(s) légale(s) lue(s), mais les liens du pied de page n'ont pas été vus (${gap.summary.fr.replace(/^Non vérifié : /, "").replace(/\.$/, "")}).`),
          [...read, ...gap.evidence],
        );
      }
      return pass("low", text("No ODR platform mention in your legal pages or footers.", "Aucune mention de la plateforme RLL dans vos pages légales ni vos pieds de page."), read);
    },
  },
  {
    id: "leg-price-display",
    category: "legal",
    severity: "recommended",
    jurisdictions: ["EU"],
    platforms: ["shopify", "woocommerce"],
    title: text("Prices are shown including taxes", "Les prix sont affichés TTC"),
    failureTitle: text("Prices are shown without taxes", "Les prix sont affichés hors taxes"),
    why: text("Consumers must see the total price including taxes, and delivery costs before ordering.", "Le consommateur doit voir le prix toutes taxes comprises, et les frais de livraison avant de commander."),
    legalBasis: ["Code de la consommation L112-1", "Dir. 2011/83/EU art. 6(1)(e)"],
    fix: { adminPath: { shopify: "settings/taxes", woocommerce: "admin.php?page=wc-settings&tab=tax" }, docsUrl: "https://www.economie.gouv.fr/dgccrf/Publications/Vie-pratique/Fiches-pratiques/Prix" },
    evaluate: ({ snapshot }) => {
      const included = snapshot.facts.taxesIncluded;
      if (included === true) return pass("high", text("Prices include taxes.", "Les prix incluent les taxes."), [{ source: "taxesIncluded", value: true }]);
      if (included === false) return fail("high", text("Prices are entered and shown without taxes.", "Les prix sont saisis et affichés hors taxes."), [{ source: "taxesIncluded", value: false }]);
      return unavailable(text("The tax display setting could not be read.", "Le réglage d'affichage des taxes n'a pas pu être lu."));
    },
  },
  {
    id: "leg-price-reduction-reference",
    category: "legal",
    severity: "recommended",
    jurisdictions: ["EU"],
    platforms: ["shopify", "woocommerce"],
    title: text("Price reductions compare with the lowest price of the last 30 days", "Les réductions se réfèrent au prix le plus bas des 30 derniers jours"),
    failureTitle: text("Reductions may use a wrong reference price", "Les réductions peuvent utiliser un mauvais prix de référence"),
    why: text("An announced reduction must be calculated from the lowest price you applied in the previous 30 days.", "Une réduction annoncée doit se calculer à partir du prix le plus bas pratiqué dans les 30 jours précédents."),
    legalBasis: ["Dir. 98/6/EC art. 6a (Omnibus 2019/2161)", "Code de la consommation L112-1-1"],
    fix: { adminPath: { shopify: "products", woocommerce: "edit.php?post_type=product" }, docsUrl: "https://www.economie.gouv.fr/dgccrf/Publications/Vie-pratique/Fiches-pratiques/annonces-de-reduction-de-prix" },
    attestation: attest("Your compare-at prices are the lowest price of the 30 days before each reduction.", "Vos prix barrés sont le prix le plus bas des 30 jours précédant chaque réduction."),
    // Rassure does not record price history yet, so it cannot compare: the merchant confirms.
    evaluate: () => manualPending(text("Rassure does not keep 30 days of price history yet: confirm your reference prices.", "Rassure ne conserve pas encore 30 jours d'historique de prix : confirmez vos prix de référence.")),
  },
  {
    id: "leg-gpsr-product-info",
    category: "legal",
    severity: "recommended",
    jurisdictions: ["EU"],
    platforms: ["shopify", "woocommerce"],
    title: text("Product pages name the manufacturer and give an identifier", "Les fiches produit indiquent le fabricant et un identifiant"),
    failureTitle: text("Product pages lack safety information", "Les fiches produit manquent d'informations de sécurité"),
    why: text(
      "Since 13 December 2024 every online offer must show the manufacturer (or EU responsible person) with postal and electronic address, a product identifier and safety warnings.",
      "Depuis le 13 décembre 2024, toute offre en ligne doit indiquer le fabricant (ou la personne responsable dans l'UE) avec adresses postale et électronique, un identifiant produit et les avertissements de sécurité.",
    ),
    legalBasis: ["Reg. (EU) 2023/988 (GPSR) art. 19"],
    fix: { adminPath: { shopify: "products", woocommerce: "edit.php?post_type=product" }, docsUrl: "https://eur-lex.europa.eu/eli/reg/2023/988/oj" },
    attestation: attest("Every product shows manufacturer name and addresses, an identifier and warnings.", "Chaque produit indique le nom et les adresses du fabricant, un identifiant et les avertissements."),
    evaluate: (context) => {
      const products = context.snapshot.facts.products;
      if (products && products.sampled > 0) {
        const ratio = Math.min(products.withIdentifier, products.withManufacturer) / products.sampled;
        const evidence = [{ source: "products", value: `${products.withIdentifier}/${products.sampled} with identifier, ${products.withManufacturer}/${products.sampled} with manufacturer` }];
        if (ratio > 0.95) return pass("high", text(`${Math.round(ratio * 100)}% of products are complete.`, `${Math.round(ratio * 100)} % des produits sont complets.`), evidence);
        return warning("high", text(`Only ${Math.round(ratio * 100)}% of products are complete.`, `Seulement ${Math.round(ratio * 100)} % des produits sont complets.`), evidence);
      }
      const storefront = reachedStorefront(context.snapshot);
      const product = storefront?.pages.find((p) => p.kind === "product");
      if (!storefront) return manualPending(text("Products could not be checked: confirm.", "Les produits n'ont pas pu être vérifiés : confirmez."));
      if (!product) return unavailable(text("No product page was found to check.", "Aucune fiche produit trouvée à vérifier."));
      if (/fabri(que|cant)|manufactur|responsable (ue|dans l'ue)|responsible person/.test(foldText(product.text))) {
        return pass("low", text("The product page mentions the manufacturer.", "La fiche produit mentionne le fabricant."), [{ source: product.url, value: "manufacturer mention" }]);
      }
      return warning("low", text("The product page we checked names no manufacturer.", "La fiche produit vérifiée ne nomme aucun fabricant."), [{ source: product.url, value: "no manufacturer mention" }]);
    },
  },
  {
    id: "leg-accessibility",
    category: "legal",
    severity: "recommended",
    jurisdictions: ["EU"],
    platforms: ["shopify", "woocommerce"],
    title: text("Accessibility statement published, or exemption recorded", "Déclaration d'accessibilité publiée, ou exemption consignée"),
    failureTitle: text("No accessibility statement", "Pas de déclaration d'accessibilité"),
    why: text(
      "Since 28 June 2025 online shops must be accessible and publish how, unless they are micro-enterprises (fewer than 10 staff and at most €2M turnover).",
      "Depuis le 28 juin 2025, les boutiques en ligne doivent être accessibles et l'expliquer, sauf micro-entreprises (moins de 10 salariés et au plus 2 M€ de chiffre d'affaires).",
    ),
    legalBasis: ["Dir. (EU) 2019/882 (European Accessibility Act)", "Loi 2023-171 art. 16", "Décret 2023-931"],
    fix: { adminPath: { shopify: "pages", woocommerce: "edit.php?post_type=page" }, docsUrl: "https://accessibilite.numerique.gouv.fr/" },
    attestation: attest("Link to your accessibility statement, or state your micro-enterprise exemption.", "Lien vers votre déclaration d'accessibilité, ou indiquez votre exemption de micro-entreprise."),
    evaluate: (context) => {
      const storefront = reachedStorefront(context.snapshot);
      const statement = storefront ? markers(storefront, "accessibility-statement") : [];
      if (statement.length) return pass("medium", text("An accessibility statement is linked.", "Une déclaration d'accessibilité est liée."), statement.map((s) => ({ source: s.page.url, value: s.marker })));
      return manualPending(text("No accessibility statement found: publish one or record your exemption.", "Aucune déclaration d'accessibilité : publiez-en une ou consignez votre exemption."));
    },
  },
  {
    id: "leg-data-retention",
    category: "legal",
    severity: "nice-to-have",
    jurisdictions: ["EU"],
    platforms: ["shopify", "woocommerce"],
    title: text("Data retention periods set and processing register kept", "Durées de conservation fixées et registre des traitements tenu"),
    failureTitle: text("Personal data is kept with no limit", "Les données personnelles sont conservées sans limite"),
    why: text("Personal data may only be kept as long as needed, and the processing register replaces the old CNIL filing.", "Les données ne peuvent être gardées que le temps nécessaire, et le registre des traitements remplace l'ancienne déclaration CNIL."),
    legalBasis: ["GDPR art. 5(1)(e), art. 30"],
    fix: { adminPath: { woocommerce: "admin.php?page=wc-settings&tab=account" }, docsUrl: "https://www.cnil.fr/fr/RGDP-le-registre-des-activites-de-traitement" },
    attestation: attest("Date your register of processing activities was last updated.", "Date de dernière mise à jour de votre registre des traitements."),
    evaluate: ({ snapshot }) => {
      if (snapshot.facts.retentionConfigured === false) return warning("high", text("No retention setting is configured: data is kept forever.", "Aucune durée de conservation n'est réglée : les données sont gardées indéfiniment."));
      return manualPending(text("Confirm your processing register is kept up to date.", "Confirmez que votre registre des traitements est à jour."));
    },
  },
];

