/** Contact & support (checklist-spec.md §3.5). */
import { findEmail, foldText, FR_PHONE, OPENING_HOURS, PREMIUM_PHONE } from "../policy-lint";
import type { ShopSnapshot } from "../../../adapters/checklist-snapshot";
import type { CheckSpec, EvaluationContext, Evidence, Outcome } from "../types";
import { fail, legalPages, list, markers, pass, reachedStorefront, storefrontGap, text, warning } from "./outcome";

const GENERAL = { shopify: "settings/general", woocommerce: "admin.php?page=wc-settings&tab=general" };
const FREE_WEBMAIL = /@(gmail|googlemail|hotmail|outlook|live|yahoo|orange|free|sfr|laposte|wanadoo|icloud|gmx)\./i;

/** The shop's published legal pages (API text) and, when reached, the probed pages (Rassure's blocks already cut out). */
function publicTexts(snapshot: ShopSnapshot): Array<{ source: string; text: string }> {
  const pages = legalPages(snapshot, "contact", "legal-notice", "terms-of-sale").map((p) => ({ source: p.url ?? p.source, text: p.text }));
  const storefront = reachedStorefront(snapshot);
  return [...pages, ...(storefront ? storefront.pages.map((p) => ({ source: p.url, text: p.text })) : [])];
}

/**
 * "Displayed" means seen on the storefront: without a reached storefront the item is not checked,
 * with what the API says kept as evidence. Null when the storefront was reached.
 */
function notSeenWithoutStorefront(context: EvaluationContext, evidence: Evidence[]): Outcome | null {
  if (reachedStorefront(context.snapshot)) return null;
  const gap = storefrontGap(context);
  return { ...gap, evidence: [...evidence, ...gap.evidence] };
}

/** The first public text where `find` matches, with where it was seen. */
function firstShown(snapshot: ShopSnapshot, find: (folded: string) => string | null): Evidence | null {
  for (const page of publicTexts(snapshot)) {
    const hit = find(foldText(page.text));
    if (hit) return { source: page.source, value: hit };
  }
  return null;
}

export const contactSupportChecks: CheckSpec[] = [
  {
    id: "con-postal-address",
    category: "contact-support",
    severity: "critical",
    jurisdictions: ["EU"],
    platforms: ["shopify", "woocommerce"],
    title: text("Your postal address is displayed", "Votre adresse postale est affichée"),
    failureTitle: text("No postal address", "Aucune adresse postale"),
    why: text("Buyers must know the geographic address where you are established.", "Le client doit connaître l'adresse géographique de votre établissement."),
    legalBasis: ["LCEN art. 19", "Code de la consommation L221-5, L111-1", "Dir. 2011/83/EU art. 6(1)(c)"],
    fix: { adminPath: GENERAL, docsUrl: "https://help.shopify.com/en/manual/intro-to-shopify/initial-setup/setup-business-settings", docsUrlOn: { woocommerce: "https://woocommerce.com/document/configuring-woocommerce-settings/general-settings/" } },
    evaluate: (context) => {
      const { snapshot } = context;
      const address = snapshot.facts.contact.address;
      const complete = Boolean(address?.address1 && address.city && address.zip && address.countryCode);
      const evidence: Evidence[] = [{ source: "store address", value: address ? [address.address1, address.zip, address.city, address.countryCode].filter(Boolean).join(", ") : null }];
      if (!complete) return fail("high", text("The store address is incomplete.", "L'adresse de la boutique est incomplète."), evidence);
      const zip = foldText(address?.zip ?? "");
      const unseen = notSeenWithoutStorefront(context, evidence);
      if (unseen) return unseen;
      const shown = firstShown(snapshot, (folded) => (folded.includes(zip) ? `postcode ${address?.zip}` : null));
      if (shown) return pass("high", text("The address is set and shown on your storefront.", "L'adresse est renseignée et affichée sur votre vitrine."), [...evidence, shown]);
      return warning("low", text("The address is set but we did not find it on your pages.", "L'adresse est renseignée mais nous ne l'avons pas trouvée sur vos pages."), evidence);
    },
  },
  {
    id: "con-phone",
    category: "contact-support",
    severity: "critical",
    jurisdictions: ["FR"],
    platforms: ["shopify", "woocommerce"],
    title: text("A standard-rate phone number with opening hours is displayed", "Un numéro non surtaxé avec horaires est affiché"),
    failureTitle: text("No phone number displayed", "Aucun numéro de téléphone affiché"),
    why: text("Sellers must give a phone number that lets buyers actually reach them; a complaint line may not be premium-rate.", "Le vendeur doit donner un numéro permettant de le joindre effectivement ; une ligne de réclamation ne peut être surtaxée."),
    legalBasis: ["LCEN art. 19", "Code de la consommation L113-5"],
    fix: { adminPath: { shopify: "settings/legal", woocommerce: "edit.php?post_type=page" }, docsUrl: "https://www.economie.gouv.fr/dgccrf/Publications/Vie-pratique/Fiches-pratiques/Vente-a-distance" },
    evaluate: (context) => {
      const { snapshot } = context;
      const fromApi = legalPages(snapshot, "contact", "legal-notice", "terms-of-sale").map((p) => ({ page: p, phone: FR_PHONE.exec(foldText(p.text))?.[0] ?? null })).find((hit) => hit.phone);
      const unseen = notSeenWithoutStorefront(context, fromApi ? [{ source: `${fromApi.page.source} (from the API)`, value: fromApi.phone }] : []);
      if (unseen) return unseen;
      const storefront = reachedStorefront(snapshot);
      const telLinks = storefront ? markers(storefront, "tel:") : [];
      const phone = firstShown(snapshot, (folded) => FR_PHONE.exec(folded)?.[0] ?? null) ?? (telLinks[0] ? { source: telLinks[0].page.url, value: telLinks[0].marker } : null);
      const hours = firstShown(snapshot, (folded) => OPENING_HOURS.exec(folded)?.[0] ?? null);
      if (!phone) return warning("low", text("We found no phone number on your pages: add one or confirm.", "Nous n'avons trouvé aucun numéro sur vos pages : ajoutez-en un ou confirmez."), [{ source: "public pages", value: "no phone number found" }]);
      if (PREMIUM_PHONE.test(String(phone.value))) return warning("medium", text("The number looks premium-rate (08 9…).", "Le numéro semble surtaxé (08 9…)."), [phone]);
      if (!hours) return warning("low", text("Phone number found, but no opening hours.", "Numéro trouvé, mais pas d'horaires."), [phone]);
      return pass("low", text("Phone number and opening hours are displayed.", "Numéro et horaires sont affichés."), [phone, hours]);
    },
  },
  {
    id: "con-email",
    category: "contact-support",
    severity: "critical",
    jurisdictions: ["EU"],
    platforms: ["shopify", "woocommerce"],
    title: text("A contact email on your own domain is displayed", "Un e-mail de contact sur votre domaine est affiché"),
    failureTitle: text("No contact email", "Aucun e-mail de contact"),
    why: text("Buyers must be able to write to you; an address on your own domain also reads as more trustworthy than a webmail.", "Le client doit pouvoir vous écrire ; une adresse sur votre domaine inspire aussi plus confiance qu'un webmail."),
    legalBasis: ["LCEN art. 19", "Dir. 2011/83/EU art. 6(1)(c)"],
    fix: { adminPath: GENERAL, docsUrl: "https://help.shopify.com/en/manual/intro-to-shopify/initial-setup/setup-business-settings", docsUrlOn: { woocommerce: "https://woocommerce.com/document/configuring-woocommerce-settings/emails/" } },
    evaluate: (context) => {
      const { snapshot } = context;
      const { facts } = snapshot;
      const shown = reachedStorefront(snapshot) ? firstShown(snapshot, findEmail) : null;
      const email = facts.contact.email ?? (shown ? String(shown.value) : null);
      const evidence: Evidence[] = [{ source: "contact email (settings)", value: facts.contact.email ?? "not set" }, ...(shown ? [shown] : [])];
      if (!email && reachedStorefront(snapshot)) return fail(facts.contact.email === null && facts.platform === "shopify" ? "high" : "low", text("No contact email is set or shown.", "Aucun e-mail de contact n'est renseigné ni affiché."), evidence);
      const customDomain = !/myshopify\.com$/.test(new URL(facts.storefrontUrl).hostname);
      if (email && FREE_WEBMAIL.test(email) && customDomain) return warning("high", text(`${email} is a webmail address while you have your own domain.`, `${email} est une adresse webmail alors que vous avez votre propre domaine.`), evidence);
      const unseen = notSeenWithoutStorefront(context, evidence);
      if (unseen) return unseen;
      if (shown) return pass("high", text(`Contact email shown: ${shown.value}.`, `E-mail de contact affiché : ${shown.value}.`), evidence);
      return warning("low", text(`${email} is set in your settings but we did not find it on your pages.`, `${email} est renseigné dans vos réglages mais nous ne l'avons pas trouvé sur vos pages.`), evidence);
    },
  },
  {
    id: "con-contact-form",
    category: "contact-support",
    severity: "recommended",
    jurisdictions: ["ALL"],
    platforms: ["shopify", "woocommerce"],
    title: text("A contact page with a form is published", "Une page contact avec formulaire est publiée"),
    failureTitle: text("No contact form", "Aucun formulaire de contact"),
    why: text("A form is the easiest way for a hesitant buyer to ask a question before ordering.", "Un formulaire est le moyen le plus simple pour un client hésitant de poser une question avant de commander."),
    fix: { adminPath: { shopify: "pages", woocommerce: "edit.php?post_type=page" }, docsUrl: "https://help.shopify.com/en/manual/online-store/themes/theme-structure/templates#contact-page", docsUrlOn: { woocommerce: "https://wordpress.org/plugins/tags/contact-form/" } },
    evaluate: (context) => {
      const storefront = reachedStorefront(context.snapshot);
      if (!storefront) return storefrontGap(context);
      const forms = markers(storefront, "contact-form");
      if (forms.length) return pass("medium", text("A contact form is published.", "Un formulaire de contact est publié."), forms.map((f) => ({ source: f.page.url, value: f.marker })));
      const contact = storefront.pages.find((p) => p.kind === "contact");
      return warning("medium", text("No contact form found.", "Aucun formulaire de contact trouvé."), [{ source: contact?.url ?? "contact page", value: contact ? `HTTP ${contact.status}, no form` : "not found" }]);
    },
  },
  {
    id: "con-after-sales",
    category: "contact-support",
    severity: "nice-to-have",
    jurisdictions: ["ALL"],
    platforms: ["shopify", "woocommerce"],
    title: text("An after-sales channel (chat, help centre) is offered", "Un canal après-vente (chat, centre d'aide) est proposé"),
    failureTitle: text("No chat or help centre", "Ni chat ni centre d'aide"),
    why: text("A quick answer channel turns questions into orders and calms worried buyers.", "Un canal de réponse rapide transforme les questions en commandes et rassure."),
    fix: { adminPath: { shopify: "apps", woocommerce: "plugins.php" }, docsUrl: "https://apps.shopify.com/inbox", docsUrlOn: { woocommerce: "https://wordpress.org/plugins/tags/live-chat/" } },
    evaluate: (context) => {
      const storefront = reachedStorefront(context.snapshot);
      if (!storefront) return storefrontGap(context);
      const tools = markers(storefront, "chat:");
      if (tools.length) return pass("medium", text(`Found: ${list([...new Set(tools.map((t) => t.marker.slice(5)))])}.`, `Trouvé : ${list([...new Set(tools.map((t) => t.marker.slice(5)))])}.`), tools.map((t) => ({ source: t.page.url, value: t.marker })));
      return warning("medium", text("No chat widget or help centre found.", "Aucun chat ni centre d'aide trouvé."));
    },
  },
  {
    id: "con-social-links",
    category: "contact-support",
    severity: "nice-to-have",
    jurisdictions: ["ALL"],
    platforms: ["shopify", "woocommerce"],
    title: text("Social profiles are linked", "Les réseaux sociaux sont liés"),
    failureTitle: text("No social profile linked", "Aucun réseau social lié"),
    why: text("Live social profiles show a real, active business behind the shop.", "Des réseaux sociaux actifs montrent une entreprise réelle derrière la boutique."),
    fix: { adminPath: { shopify: "themes", woocommerce: "nav-menus.php" }, docsUrl: "https://help.shopify.com/en/manual/online-store/themes/customizing-themes/add-social-media-links", docsUrlOn: { woocommerce: "https://wordpress.org/documentation/article/social-icons-block/" } },
    evaluate: (context) => {
      const storefront = reachedStorefront(context.snapshot);
      if (!storefront) return storefrontGap(context);
      const links = markers(storefront, "social:");
      const social = [...new Set(links.map((s) => s.marker.slice(7)))];
      if (social.length) return pass("medium", text(`Linked: ${list(social)}.`, `Liés : ${list(social)}.`), links.map((l) => ({ source: l.page.url, value: l.marker })));
      return warning("medium", text("No social profile linked in the footer.", "Aucun réseau social dans le pied de page."));
    },
  },
];
