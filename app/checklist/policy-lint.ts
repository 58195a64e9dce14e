/**
 * Policy lint: FR + EN keyword lexicons (checklist-spec.md §4) matched against the plain
 * text of legal pages. Text is lower-cased and accent-folded first, so patterns are written
 * without accents. A lint hit or miss is low-confidence evidence: checks built on it warn,
 * they never fail a critical item on a keyword alone.
 */
export function foldText(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[’‘]/g, "'").toLowerCase();
}

/** The French names of the lexicons' elements (their keys are the English names), for French summaries. */
const FRENCH_NAMES: Record<string, string> = {
  "legal form": "forme juridique",
  "SIREN/SIRET": "SIREN/SIRET",
  "RCS/RM": "RCS/RM",
  "share capital": "capital social",
  "VAT number": "numéro de TVA",
  "publication director": "directeur de la publication",
  host: "hébergeur",
  "postal address": "adresse postale",
  "prices incl. tax": "prix TTC",
  "payment methods": "moyens de paiement",
  "delivery delays": "délais de livraison",
  "withdrawal right": "droit de rétractation",
  "legal guarantees": "garanties légales",
  mediator: "médiateur",
  "applicable law": "droit applicable",
  controller: "responsable du traitement",
  purposes: "finalités",
  "legal bases": "bases légales",
  recipients: "destinataires",
  "retention periods": "durées de conservation",
  "data-subject rights": "droits des personnes",
  "supervisory authority": "autorité de contrôle",
  "14-day period": "délai de 14 jours",
  "model withdrawal form": "formulaire type de rétractation",
  refund: "remboursement",
  "within 14 days": "sous 14 jours",
  "initial delivery costs": "frais de livraison initiaux",
  "guarantee of conformity": "garantie de conformité",
  "hidden defects": "vices cachés",
  "EU ODR platform link": "lien vers la plateforme européenne RLL",
  "delivery delay": "délai de livraison",
  "shipping costs": "frais de livraison",
  "return address": "adresse de retour",
  "how to start a return": "comment faire un retour",
  "who pays return shipping": "qui paie le retour",
  "refund timing": "délai de remboursement",
  exchanges: "échanges",
  "review rules": "règles des avis",
};

/** Elements named in French (`--lang fr`, the French admin): every lexicon key has its French name. */
export function frenchNames(names: string[]): string[] {
  return names.map((name) => FRENCH_NAMES[name] ?? name);
}

/** Named elements a page is expected to contain, each with the patterns that show it. */
export type Lexicon = Record<string, RegExp[]>;

export const LEXICONS = {
  legalNotice: {
    "legal form": [/\b(sas|sarl|sa|eurl|ei|sasu|snc|micro-entreprise|auto-entrepreneur|societe par actions simplifiee|entreprise individuelle)\b/],
    "SIREN/SIRET": [/\b(siren|siret)\b/, /\b\d{3}\s?\d{3}\s?\d{3}(\s?\d{5})?\b/],
    "RCS/RM": [/\brcs\s+[a-z]/, /\brm\b/, /repertoire des metiers/],
    "share capital": [/capital (social )?(de )?[\d\s.,]{1,20} ?(€|eur|euros)/, /share capital (of )?(€ ?|eur ?)?\d[\d\s.,]{0,19}/],
    "VAT number": [/\bfr\s?[0-9a-z]{2}\s?\d{9}\b/, /tva intracom/],
    "publication director": [/direct(eur|rice) de (la )?publication/, /publication director|director of (the )?publication/],
    host: [/heberg(eur|ement|e par)/, /\bhosted by\b/],
    "postal address": [/\b\d{5}\b/],
  },
  termsOfSale: {
    "prices incl. tax": [/\bttc\b/, /toutes taxes comprises/, /incl(uding|\.)? (vat|tax)/],
    "payment methods": [/moyens? de paiement/, /payment methods?/, /carte bancaire/],
    "delivery delays": [/delai de livraison/, /\d{1,3}\s*(?:-|a|to)\s*\d{1,3}\s*(jours|days|j)\b/, /delivery (time|within)/],
    "withdrawal right": [/retractation/, /right of withdrawal/, /withdraw/],
    "legal guarantees": [/garantie legale/, /legal guarantee/],
    mediator: [/mediat(eur|ion) de la consommation/, /consumer mediat/],
    "applicable law": [/droit (francais|applicable)/, /loi applicable/, /governing law/, /applicable law/],
  },
  privacy: {
    controller: [/responsable (du|de) (traitement)/, /data controller/, /\bcontroller\b/],
    purposes: [/finalites?/, /purposes?/],
    "legal bases": [/bases? legales?/, /legal bas(is|es)/],
    recipients: [/destinataires/, /recipients/],
    "retention periods": [/duree de conservation/, /conserv(ees|ons|ation)/, /retention/, /retain/],
    "data-subject rights": [/droit d'acces/, /rectification/, /effacement/, /portabilite/, /right (of|to) access/, /erasure/],
    "supervisory authority": [/\bcnil\b/, /supervisory authority/, /data protection authority/],
  },
  withdrawal: {
    "withdrawal right": [/retractation/, /withdraw/],
    "14-day period": [/14 jours/, /quatorze jours/, /14 days/, /fourteen days/],
    "model withdrawal form": [/formulaire (type )?de retractation/, /(model )?withdrawal form/, /cancellation form/],
  },
  refund14: {
    refund: [/rembours/, /refund/],
    "within 14 days": [/14 jours/, /quatorze jours/, /14 days/, /fourteen days/],
    "initial delivery costs": [/frais de (livraison|port) (initiaux )?(sont )?(rembourses|inclus)/, /y compris (les )?frais de livraison/, /including (the )?(original |initial )?(delivery|shipping) costs/],
  },
  guarantees: {
    "guarantee of conformity": [/garantie legale de conformite/, /l\.?\s?217-/, /legal guarantee of conformity/],
    "hidden defects": [/vices caches/, /\b1641\b/, /hidden defects/],
  },
  mediator: {
    mediator: [/mediat(eur|ion) de la consommation/, /consumer mediat(or|ion)/, /l\.?\s?612-1/, /l\.?\s?616-1/],
  },
  odr: {
    "EU ODR platform link": [/ec\.europa\.eu\/consumers\/odr/, /reglement en ligne des litiges/, /plateforme (rll|odr)/, /online dispute resolution/],
  },
  shippingCosts: {
    "shipping costs": [/frais de (port|livraison|d'expedition)/, /livraison (offerte|gratuite)/, /\d{1,6}[,.]\d{2} ?€/, /€ ?\d+/, /shipping (costs?|rates?|fees?)/, /free shipping/],
  },
  returnsProcedure: {
    "return address": [/\b\d{5}\b/, /adresse de retour/, /return address/],
    "how to start a return": [/contactez|contacter|e-?mail|formulaire|portail|@|contact us|return portal/],
    "who pays return shipping": [/frais de retour/, /return shipping/, /retour (gratuit|offert)/, /a (votre|la) charge/],
    "refund timing": [/rembours\w{0,10} (sous|dans un delai de|en) \d{1,3}/, /refund\w{0,5} within \d{1,3}/, /\b\d{1,3} jours/],
    exchanges: [/echange/, /exchange/],
  },
  reviewsPolicy: {
    "review rules": [/avis (verifies|clients)/, /moderation/, /procedure de controle/, /criteres de classement/, /how (we )?verify reviews/, /review (policy|guidelines)/],
  },
} satisfies Record<string, Lexicon>;

/**
 * Sentences about the withdrawal right, returns, refunds or guarantees: the periods they give
 * ("within 14 days of delivery") are not delivery times, even when they mention delivery.
 */
const AFTER_SALE_CONTEXT = /retract|withdraw|changer d'avis|change (?:your|their) mind|\bretour|\breturn|rembours|refund|echange|exchange|garantie|guarantee|warrant|satisfait ou/;
const DELIVERY_CONTEXT = /livr|expedi|envoi|deliver|ship|dispatch|\btransit|colissimo|chronopost|mondial relay|\bdpd\b|\bdhl\b|\bups\b|\bgls\b/;
const DURATION = /\d{1,3}\s*(?:-|–|a|to|ou|or)\s*\d{1,3}\s*(?:jours?|days?|j|h|heures?|hours?|semaines?|weeks?)\b|(?:sous|en|within|in|under|d'ici) \d{1,3} ?(?:jours?|days?|h|heures?|hours?|semaines?|weeks?|business days?|working days?)\b|\b\d{1,3} ?(?:jours?|days?|h|heures?|hours?) (?:ouvres?|ouvrables|business|working)\b|\ble lendemain\b|\bnext (?:business |working )?day\b/;

/**
 * The first sentence that states a delivery time: it speaks of delivery or shipping, gives a
 * duration, and is not about withdrawal, returns or refunds. Null when there is none.
 */
export function findDeliveryDelay(text: string): string | null {
  for (const sentence of foldText(text).split(/[.!?;\n]+/)) {
    if (DELIVERY_CONTEXT.test(sentence) && DURATION.test(sentence) && !AFTER_SALE_CONTEXT.test(sentence)) return sentence.trim().slice(0, 200);
  }
  return null;
}

export interface LintResult {
  found: string[];
  missing: string[];
}

export function lint(text: string, lexicon: Lexicon): LintResult {
  const folded = foldText(text);
  const found: string[] = [];
  const missing: string[] = [];
  for (const [element, patterns] of Object.entries(lexicon)) {
    (patterns.some((pattern) => pattern.test(folded)) ? found : missing).push(element);
  }
  return { found, missing };
}

/** French phone numbers, national or +33, with the premium-rate 089 range flagged. */
export const FR_PHONE = /(?:\+33\s?|0033\s?|\b0)[1-9](?:[\s.-]?\d{2}){4}\b/;
export const PREMIUM_PHONE = /(?:\+33\s?|\b0)8\s?9/;
export const OPENING_HOURS = /(lun|mar|mer|jeu|ven|sam|dim|mon|tue|wed|thu|fri|sat|sun)[a-z]{0,10}.{0,60}\d{1,2}\s?(h|:\d{2})|\d{1,2}\s?h\s?(\d{2})?\s?(-|a|to)\s?\d{1,2}\s?h/;
const EMAIL_IN_WINDOW = /[a-z0-9._%+-]{1,64}@[a-z0-9.-]{1,200}\.[a-z]{2,24}/;

/** The first email address in a text: each "@" is examined in a bounded window, so long texts stay linear. */
export function findEmail(text: string): string | null {
  let at = text.indexOf("@");
  for (let seen = 0; at >= 0 && seen < 1_000; seen++) {
    const match = EMAIL_IN_WINDOW.exec(text.slice(Math.max(0, at - 64), at + 256));
    if (match) return match[0];
    at = text.indexOf("@", at + 1);
  }
  return null;
}
