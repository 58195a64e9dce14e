/**
 * The default seed: "Atelier Lumière", handmade candles and ceramics in Lyon.
 * Its legal pages are deliberately incomplete (refund policy without the
 * 14-day withdrawal right, legal notice without SIREN/RCS, no terms of sale)
 * and its fulfillments cover the tracking cases Rassure has to handle.
 */
import { gid, isoNow } from "./state";
import { formatOffset, timeZoneOffsetMinutes } from "./time";
import type {
  DeliveryMethodDefinitionRecord,
  DeliveryProfileRecord,
  CustomerRecord,
  DevStoreSeed,
  FulfillmentRecord,
  LineItemRecord,
  MailingAddressRecord,
  MetafieldRecord,
  OrderRecord,
  ShopPolicyRecord,
  ThemeFileRecord,
  TrackingInfoRecord,
} from "./types";

export const DEFAULT_SHOP_DOMAIN = "atelier-lumiere.myshopify.com";
const PRIMARY_HOST = "www.atelier-lumiere.fr";
const TIME_ZONE = "Europe/Paris";

/** Theme app extension uuid of the app's blocks in theme files. */
export const THEME_EXTENSION_UUID = "6f0d3a52-9c1e-4b7a-8d25-3e8c1f4b9a70";

/** Type of an app block in theme JSON files ("shopify://apps/<app>/blocks/<block>/<extension uuid>"). */
export function appBlockType(appHandle: string, blockHandle: string): string {
  return `shopify://apps/${appHandle}/blocks/${blockHandle}/${THEME_EXTENSION_UUID}`;
}

/** Block type of the app embed in settings_data.json. */
export function appEmbedBlockType(appHandle: string): string {
  return appBlockType(appHandle, "trust-bar");
}

const DAY = 86_400_000;

function daysAgo(now: Date, days: number, hour: number, minute = 0): string {
  const date = new Date(now.getTime() - days * DAY);
  date.setUTCHours(hour, minute, 0, 0);
  return isoNow(date);
}

function later(iso: string, hours: number): string {
  return isoNow(new Date(Date.parse(iso) + hours * 3_600_000));
}

// ---------------------------------------------------------------------------
// Policies
// ---------------------------------------------------------------------------

const PRIVACY_POLICY = `<h2>Politique de confidentialité</h2>
<p>La présente politique explique comment la société Atelier Lumière SAS, 12 rue des Capucins, 69001 Lyon (« nous »), responsable du traitement, collecte et utilise vos données personnelles lorsque vous visitez www.atelier-lumiere.fr ou y passez commande, conformément au Règlement général sur la protection des données (RGPD) et à la loi Informatique et Libertés.</p>
<h3>Données collectées</h3>
<ul>
<li>Données d'identité et de contact : nom, prénom, adresse postale, adresse e-mail, numéro de téléphone ;</li>
<li>Données de commande : produits achetés, montant, mode de livraison, historique des échanges avec notre service client ;</li>
<li>Données de paiement : elles sont traitées directement par nos prestataires de paiement (Shopify Payments, PayPal) ; nous ne conservons pas vos numéros de carte ;</li>
<li>Données de navigation : adresse IP, type de navigateur, pages consultées, collectées au moyen de cookies.</li>
</ul>
<h3>Finalités et bases légales</h3>
<ul>
<li>Traiter et livrer vos commandes, gérer les retours et le service après-vente (exécution du contrat) ;</li>
<li>Respecter nos obligations comptables et fiscales (obligation légale) ;</li>
<li>Vous adresser notre lettre d'information si vous y avez consenti (consentement, retirable à tout moment) ;</li>
<li>Mesurer l'audience de la boutique et prévenir la fraude (intérêt légitime).</li>
</ul>
<h3>Destinataires</h3>
<p>Vos données sont destinées à Atelier Lumière et à ses sous-traitants : Shopify (hébergement de la boutique), nos transporteurs (La Poste Colissimo, Mondial Relay, Chronopost) et nos prestataires de paiement. Certains de ces prestataires peuvent transférer des données hors de l'Union européenne ; ces transferts sont encadrés par des clauses contractuelles types de la Commission européenne.</p>
<h3>Durées de conservation</h3>
<p>Les données de commande sont conservées pendant la durée de la relation commerciale puis archivées 10 ans pour nos obligations comptables. Les données de prospection sont conservées 3 ans à compter du dernier contact. Les cookies de mesure d'audience ont une durée de vie maximale de 13 mois.</p>
<h3>Vos droits</h3>
<p>Vous disposez d'un droit d'accès, de rectification, d'effacement, de limitation, de portabilité et d'opposition, ainsi que du droit de définir des directives relatives au sort de vos données après votre décès. Pour les exercer, écrivez-nous à contact@atelier-lumiere.fr en joignant tout moyen de justifier de votre identité. Vous pouvez également introduire une réclamation auprès de la CNIL (www.cnil.fr).</p>
<h3>Cookies</h3>
<p>Lors de votre première visite, un bandeau vous permet d'accepter ou de refuser les cookies non essentiels. Vous pouvez modifier vos choix à tout moment depuis le lien « Gérer les cookies » en bas de page.</p>`;

const REFUND_POLICY = `<h2>Politique de remboursement</h2>
<p>Vous n'êtes pas entièrement satisfait(e) de votre commande ? Nous acceptons les retours pendant 30 jours après la réception de votre colis.</p>
<h3>Conditions de retour</h3>
<ul>
<li>Les articles doivent être retournés neufs, non utilisés (bougies non allumées) et dans leur emballage d'origine ;</li>
<li>Les articles personnalisés et les bougies entamées ne sont ni repris ni échangés ;</li>
<li>Merci de nous contacter à contact@atelier-lumiere.fr avant tout envoi afin d'obtenir votre numéro de retour.</li>
</ul>
<h3>Frais de retour</h3>
<p>Les frais de retour sont à votre charge, sauf si l'article reçu est défectueux ou ne correspond pas à votre commande. Nous vous conseillons un envoi suivi : nous ne pourrons pas être tenus responsables d'un colis perdu.</p>
<h3>Remboursement</h3>
<p>Après réception et vérification des articles, nous procédons au remboursement sous 10 jours ouvrés, sur le moyen de paiement utilisé lors de l'achat. Les frais de livraison initiaux ne sont pas remboursés.</p>
<h3>Articles abîmés</h3>
<p>Nos céramiques sont emballées avec soin. Si un article arrive cassé, envoyez-nous une photo du colis et de l'article dans les 48 heures suivant la livraison : nous vous renverrons une pièce identique ou vous rembourserons intégralement.</p>`;

const SHIPPING_POLICY = `<h2>Politique d'expédition</h2>
<p>Toutes nos bougies et céramiques sont fabriquées à la main dans notre atelier lyonnais et expédiées sous 1 à 2 jours ouvrés après la validation de votre commande.</p>
<h3>Modes de livraison</h3>
<ul>
<li><strong>Colissimo à domicile</strong> (France métropolitaine) : livraison en 2–3 jours ouvrés, 6,90 € ;</li>
<li><strong>Mondial Relay en point relais</strong> : livraison en 3–5 jours ouvrés, 4,50 € ;</li>
<li><strong>Chronopost express</strong> : livraison le lendemain avant 13 h pour toute commande passée avant 11 h, 14,90 €.</li>
</ul>
<p><strong>Livraison offerte dès 60 € d'achat</strong> en Colissimo ou Mondial Relay (France métropolitaine).</p>
<h3>Livraison à l'international</h3>
<p>Nous livrons également la Belgique, le Luxembourg, l'Allemagne (Colissimo International, 4 à 6 jours ouvrés, 12,90 €) et la Suisse (6 à 8 jours ouvrés, 18,90 € ; des droits et taxes d'importation peuvent être demandés à la livraison).</p>
<h3>Suivi</h3>
<p>Un e-mail contenant votre numéro de suivi vous est envoyé dès l'expédition de votre colis.</p>`;

const CONTACT_INFORMATION = `<h2>Coordonnées</h2>
<p><strong>Atelier Lumière SAS</strong><br>12 rue des Capucins<br>69001 Lyon<br>France</p>
<p>Téléphone : +33 4 78 00 00 00 (du mardi au samedi, de 10 h à 18 h)<br>E-mail : contact@atelier-lumiere.fr</p>`;

const LEGAL_NOTICE = `<h2>Mentions légales</h2>
<h3>Éditeur du site</h3>
<p>Le site www.atelier-lumiere.fr est édité par Atelier Lumière, société par actions simplifiée au capital de 5 000 €, dont le siège social est situé 12 rue des Capucins, 69001 Lyon, France.</p>
<p>Téléphone : +33 4 78 00 00 00 — E-mail : contact@atelier-lumiere.fr</p>
<p>Directrice de la publication : Camille Durand, présidente.</p>
<h3>Hébergement</h3>
<p>Le site est hébergé par Shopify Inc., 151 O'Connor Street, Ground floor, Ottawa, Ontario, K2P 2L8, Canada.</p>
<h3>Propriété intellectuelle</h3>
<p>L'ensemble des contenus de ce site (textes, photographies, logos) est la propriété d'Atelier Lumière. Toute reproduction sans autorisation écrite préalable est interdite.</p>`;

function policies(now: Date): ShopPolicyRecord[] {
  const created = daysAgo(now, 210, 9);
  const entries: Array<[ShopPolicyRecord["type"], string, string, string, number]> = [
    ["PRIVACY_POLICY", "Politique de confidentialité", "privacy-policy", PRIVACY_POLICY, 40],
    ["REFUND_POLICY", "Politique de remboursement", "refund-policy", REFUND_POLICY, 95],
    ["SHIPPING_POLICY", "Politique d'expédition", "shipping-policy", SHIPPING_POLICY, 30],
    ["CONTACT_INFORMATION", "Coordonnées", "contact-information", CONTACT_INFORMATION, 120],
    ["LEGAL_NOTICE", "Mentions légales", "legal-notice", LEGAL_NOTICE, 180],
  ];
  return entries.map(([type, title, slug, body, updatedDaysAgo], index) => ({
    id: gid("ShopPolicy", 41_873_620_001 + index),
    type,
    title,
    body,
    url: `https://${PRIMARY_HOST}/policies/${slug}`,
    createdAt: created,
    updatedAt: daysAgo(now, updatedDaysAgo, 14),
  }));
}

// ---------------------------------------------------------------------------
// Theme
// ---------------------------------------------------------------------------

const SETTINGS_HEADER = `/*
 * ------------------------------------------------------------
 * IMPORTANT: The contents of this file are auto-generated.
 *
 * This file may be updated by the Shopify admin theme editor
 * or related systems. Please exercise caution as any changes
 * made to this file may be overwritten.
 * ------------------------------------------------------------
 */
`;

function settingsData(appHandle: string): string {
  const settings = {
    current: {
      logo: "shopify://shop_images/atelier-lumiere-logo.png",
      logo_width: 120,
      type_header_font: "cormorant_n6",
      type_body_font: "assistant_n4",
      colors_solid_button_labels: "#ffffff",
      colors_accent_1: "#8c5e3c",
      colors_text: "#2b2420",
      colors_background_1: "#fbf7f2",
      social_instagram_link: "https://www.instagram.com/atelierlumiere.lyon",
      currency_code_enabled: true,
      cart_type: "drawer",
      blocks: {
        "15683396631634586217": {
          type: appEmbedBlockType(appHandle),
          disabled: true,
          settings: {},
        },
        "9187351162409234475": {
          type: "shopify://apps/judge-me-reviews/blocks/judgeme_core/61ccd3b1-a9f2-4160-9fe9-4fec8413e5d8",
          disabled: false,
          settings: {},
        },
      },
      sections: {
        "announcement-bar": {
          type: "announcement-bar",
          blocks: {
            "announcement-bar-0": {
              type: "announcement",
              settings: { text: "Livraison offerte dès 60 € d'achat", link: "shopify://pages/livraison" },
            },
          },
          block_order: ["announcement-bar-0"],
          settings: {},
        },
      },
      content_for_index: [],
    },
    presets: {
      Dawn: {
        colors_accent_1: "#121212",
        colors_text: "#121212",
        colors_background_1: "#ffffff",
      },
    },
  };
  return `${SETTINGS_HEADER}${JSON.stringify(settings, null, 2)}\n`;
}

function themeFile(filename: string, content: string, contentType: string, at: string): ThemeFileRecord {
  return { filename, content, contentType, createdAt: at, updatedAt: at };
}

function themeFiles(appHandle: string, now: Date): ThemeFileRecord[] {
  const created = daysAgo(now, 200, 10);
  const edited = daysAgo(now, 12, 16, 20);
  return [
    themeFile("config/settings_data.json", settingsData(appHandle), "application/json", edited),
    themeFile(
      "config/settings_schema.json",
      JSON.stringify([{ name: "theme_info", theme_name: "Dawn", theme_version: "15.2.0", theme_author: "Shopify" }], null, 2),
      "application/json",
      created,
    ),
    themeFile(
      "layout/theme.liquid",
      `<!doctype html>\n<html lang="{{ request.locale.iso_code }}">\n  <head>\n    <meta charset="utf-8">\n    <title>{{ page_title }}</title>\n    {{ content_for_header }}\n  </head>\n  <body>\n    {% sections 'header-group' %}\n    <main id="MainContent">{{ content_for_layout }}</main>\n    {% sections 'footer-group' %}\n  </body>\n</html>\n`,
      "application/x-liquid",
      created,
    ),
    themeFile(
      "templates/index.json",
      JSON.stringify({ sections: { "image-banner": { type: "image-banner", settings: {} } }, order: ["image-banner"] }, null, 2),
      "application/json",
      created,
    ),
  ];
}

// ---------------------------------------------------------------------------
// Customers, orders, fulfillments
// ---------------------------------------------------------------------------

interface CustomerSeed {
  first: string;
  last: string;
  email: string;
  phone: string | null;
  address1: string;
  city: string;
  zip: string;
  country: string;
  countryCode: string;
}

const CUSTOMERS: CustomerSeed[] = [
  { first: "Élodie", last: "Marchand", email: "elodie.marchand@orange.fr", phone: "+33 6 12 34 56 78", address1: "8 rue Mercière", city: "Lyon", zip: "69002", country: "France", countryCode: "FR" },
  { first: "Thomas", last: "Lefèvre", email: "thomas.lefevre@gmail.com", phone: null, address1: "27 avenue Jean Jaurès", city: "Grenoble", zip: "38000", country: "France", countryCode: "FR" },
  { first: "Camille", last: "Rousseau", email: "camille.rousseau@free.fr", phone: "+33 6 98 76 54 32", address1: "3 place du Capitole", city: "Toulouse", zip: "31000", country: "France", countryCode: "FR" },
  { first: "Hugo", last: "Bernard", email: "hugo.bernard@laposte.net", phone: null, address1: "14 rue de la République", city: "Marseille", zip: "13001", country: "France", countryCode: "FR" },
  { first: "Léa", last: "Dubois", email: "lea.dubois@outlook.fr", phone: "+33 7 45 12 89 63", address1: "52 boulevard Voltaire", city: "Paris", zip: "75011", country: "France", countryCode: "FR" },
  { first: "Manon", last: "Peeters", email: "manon.peeters@skynet.be", phone: "+32 470 12 34 56", address1: "Rue du Marché aux Herbes 61", city: "Bruxelles", zip: "1000", country: "Belgium", countryCode: "BE" },
  { first: "Julien", last: "Moreau", email: "julien.moreau@sfr.fr", phone: null, address1: "9 quai de la Fosse", city: "Nantes", zip: "44000", country: "France", countryCode: "FR" },
  { first: "Chloé", last: "Favre", email: "chloe.favre@bluewin.ch", phone: "+41 79 123 45 67", address1: "Rue du Rhône 42", city: "Genève", zip: "1204", country: "Switzerland", countryCode: "CH" },
  { first: "Antoine", last: "Girard", email: "antoine.girard@gmail.com", phone: null, address1: "18 rue Sainte-Catherine", city: "Bordeaux", zip: "33000", country: "France", countryCode: "FR" },
  { first: "Sophie", last: "Schneider", email: "sophie.schneider@web.de", phone: "+49 151 23456789", address1: "Kastanienallee 12", city: "Berlin", zip: "10435", country: "Germany", countryCode: "DE" },
  { first: "Nicolas", last: "Lambert", email: "nicolas.lambert@wanadoo.fr", phone: null, address1: "5 rue des Tanneurs", city: "Strasbourg", zip: "67000", country: "France", countryCode: "FR" },
  { first: "Inès", last: "Garnier", email: "ines.garnier@icloud.com", phone: "+33 6 55 44 33 22", address1: "21 rue Nationale", city: "Lille", zip: "59000", country: "France", countryCode: "FR" },
];

/** The shop's catalogue (orders refer to it; the local storefront sells it). */
export const PRODUCTS: Array<{ title: string; sku: string; price: string }> = [
  { title: "Bougie parfumée Figue & Cèdre", sku: "BOU-FIG-180", price: "29.00" },
  { title: "Bougie Lavande des Monts d'Ardèche", sku: "BOU-LAV-180", price: "26.00" },
  { title: "Tasse en grès émaillé Terre", sku: "CER-TAS-TER", price: "24.00" },
  { title: "Vase céramique Rhône", sku: "CER-VAS-RHO", price: "58.00" },
  { title: "Coffret découverte 3 mini-bougies", sku: "COF-MINI-3", price: "39.00" },
  { title: "Bol Capucins bleu", sku: "CER-BOL-BLE", price: "32.00" },
];

/** The Admin API id of a catalogue product (the dev store keeps no product records beyond the list). */
export function productGid(sku: string): string {
  return gid("Product", 8_100_000_000 + PRODUCTS.findIndex((p) => p.sku === sku) + 1);
}

/**
 * What a review app (Judge.me, Shopify Product Reviews…) writes on products: the standard
 * `reviews.rating` (type rating) and `reviews.rating_count` metafields. The vase has no review.
 */
const REVIEWS: Array<{ sku: string; rating: string; count: number }> = [
  { sku: "BOU-FIG-180", rating: "4.8", count: 37 },
  { sku: "BOU-LAV-180", rating: "4.6", count: 12 },
  { sku: "CER-TAS-TER", rating: "5.0", count: 1 },
  { sku: "COF-MINI-3", rating: "4.35", count: 23 },
];

function reviewMetafields(now: Date): MetafieldRecord[] {
  const at = daysAgo(now, 3, 9);
  return REVIEWS.flatMap(({ sku, rating, count }, i) => [
    { id: gid("Metafield", 31_000_000_000 + i * 2), ownerId: productGid(sku), namespace: "reviews", key: "rating", type: "rating", value: JSON.stringify({ value: rating, scale_min: "1.0", scale_max: "5.0" }), createdAt: at, updatedAt: at },
    { id: gid("Metafield", 31_000_000_001 + i * 2), ownerId: productGid(sku), namespace: "reviews", key: "rating_count", type: "number_integer", value: String(count), createdAt: at, updatedAt: at },
  ]);
}

interface FulfillmentSeed {
  /** Hours after the order. */
  after: number;
  tracking: TrackingInfoRecord[];
  displayStatus: string;
  /** Indexes into the order's line items; default: all. */
  items?: number[];
}

interface OrderSeed {
  customer: number;
  daysAgo: number;
  hour: number;
  items: Array<[product: number, quantity: number]>;
  gateway: string;
  fulfillments: FulfillmentSeed[];
  status?: string;
  /** Cancelled and refunded by the merchant. */
  cancelled?: boolean;
}

const LAPOSTE = "https://www.laposte.fr/outils/suivre-vos-envois?code=";
const CHRONOPOST = "https://www.chronopost.fr/tracking-no-cms/suivi-page?listeNumerosLT=";
const DHL = "https://www.dhl.com/en/express/tracking.html?AWB=";

const ORDERS: OrderSeed[] = [
  // #1001 Colissimo, correct tracking URL
  { customer: 0, daysAgo: 19, hour: 8, items: [[0, 2]], gateway: "shopify_payments", fulfillments: [{ after: 26, displayStatus: "DELIVERED", tracking: [{ company: "Colissimo", number: "6A18734592013", url: `${LAPOSTE}6A18734592013` }] }] },
  // #1002 Colissimo number, no URL
  { customer: 1, daysAgo: 17, hour: 13, items: [[2, 1], [5, 1]], gateway: "shopify_payments", fulfillments: [{ after: 30, displayStatus: "DELIVERED", tracking: [{ company: "Colissimo", number: "6A19283746510", url: null }] }] },
  // #1003 "colissimo" (wrong case: not a company Shopify knows), no URL
  { customer: 2, daysAgo: 16, hour: 17, items: [[1, 1]], gateway: "paypal", fulfillments: [{ after: 20, displayStatus: "IN_TRANSIT", tracking: [{ company: "colissimo", number: "6C20192837465", url: null }] }] },
  // #1004 Chronopost with number and URL
  { customer: 3, daysAgo: 14, hour: 9, items: [[3, 1]], gateway: "shopify_payments", fulfillments: [{ after: 6, displayStatus: "DELIVERED", tracking: [{ company: "Chronopost", number: "XY123456789FR", url: `${CHRONOPOST}XY123456789FR` }] }] },
  // #1005 Unknown carrier with a number
  { customer: 4, daysAgo: 12, hour: 19, items: [[4, 1], [0, 1]], gateway: "shopify_payments", fulfillments: [{ after: 40, displayStatus: "IN_TRANSIT", tracking: [{ company: "Transports Martin", number: "TM-2024-088172", url: null }] }] },
  // #1006 (Belgium) marked as fulfilled without any tracking
  { customer: 5, daysAgo: 11, hour: 10, items: [[5, 2]], gateway: "paypal", fulfillments: [{ after: 28, displayStatus: "MARKED_AS_FULFILLED", tracking: [] }] },
  // #1007 Unfulfilled
  { customer: 6, daysAgo: 9, hour: 15, items: [[1, 3]], gateway: "shopify_payments", fulfillments: [] },
  // #1008 (Switzerland) UPS 1Z number without company or URL
  { customer: 7, daysAgo: 8, hour: 11, items: [[3, 1], [2, 2]], gateway: "shopify_payments", fulfillments: [{ after: 22, displayStatus: "IN_TRANSIT", tracking: [{ company: null, number: "1Z999AA10123456784", url: null }] }] },
  // #1009 DHL Express with number and URL
  { customer: 8, daysAgo: 6, hour: 16, items: [[4, 2]], gateway: "shopify_payments", fulfillments: [{ after: 18, displayStatus: "DELIVERED", tracking: [{ company: "DHL Express", number: "4938271056", url: `${DHL}4938271056` }] }] },
  // #1010 (Germany) Colissimo with URL
  { customer: 9, daysAgo: 4, hour: 7, items: [[0, 1], [1, 1]], gateway: "paypal", fulfillments: [{ after: 24, displayStatus: "IN_TRANSIT", tracking: [{ company: "Colissimo", number: "8R41526378901", url: `${LAPOSTE}8R41526378901` }] }] },
  // #1011 Partially fulfilled: one parcel sent with Mondial Relay (no number yet), the vase still to ship
  { customer: 10, daysAgo: 3, hour: 12, items: [[2, 1], [3, 1]], gateway: "shopify_payments", fulfillments: [{ after: 20, displayStatus: "CONFIRMED", items: [0], tracking: [{ company: "Mondial Relay", number: null, url: null }] }], status: "PARTIALLY_FULFILLED" },
  // #1012 Unfulfilled, placed this morning
  { customer: 11, daysAgo: 0, hour: 6, items: [[4, 1], [5, 1]], gateway: "shopify_payments", fulfillments: [] },
  // #1013 Two parcels: the candle delivered by Colissimo, the vase on its way with Chronopost
  { customer: 0, daysAgo: 5, hour: 14, items: [[0, 1], [3, 1]], gateway: "shopify_payments", fulfillments: [
    { after: 20, displayStatus: "DELIVERED", items: [0], tracking: [{ company: "Colissimo", number: "6A20394857162", url: `${LAPOSTE}6A20394857162` }] },
    { after: 44, displayStatus: "IN_TRANSIT", items: [1], tracking: [{ company: "Chronopost", number: "XY987654321FR", url: `${CHRONOPOST}XY987654321FR` }] },
  ] },
  // #1014 Cancelled and refunded before it shipped
  { customer: 1, daysAgo: 2, hour: 10, items: [[1, 1]], gateway: "shopify_payments", fulfillments: [], cancelled: true },
];

function orders(now: Date): OrderRecord[] {
  let lineItemId = 14_862_139_000_001;
  return ORDERS.map((seed, index) => {
    const number = 1001 + index;
    const orderNumericId = 6_104_238_000_001 + index;
    const c = CUSTOMERS[seed.customer];
    const createdAt = daysAgo(now, seed.daysAgo, seed.hour, 7 * index);
    const customer: CustomerRecord = {
      id: gid("Customer", 7_381_920_000_001 + index),
      firstName: c.first,
      lastName: c.last,
      displayName: `${c.first} ${c.last}`,
      email: c.email,
      phone: c.phone,
      locale: c.countryCode === "DE" ? "de" : "fr",
    };
    const shippingAddress: MailingAddressRecord = {
      id: gid("MailingAddress", 9_120_450_000_001 + index),
      firstName: c.first,
      lastName: c.last,
      name: `${c.first} ${c.last}`,
      company: null,
      address1: c.address1,
      address2: null,
      city: c.city,
      zip: c.zip,
      province: null,
      provinceCode: null,
      country: c.country,
      countryCodeV2: c.countryCode,
      phone: c.phone,
    };
    const lineItems: LineItemRecord[] = seed.items.map(([product, quantity]) => {
      const p = PRODUCTS[product];
      return {
        id: gid("LineItem", lineItemId++),
        name: p.title,
        title: p.title,
        sku: p.sku,
        quantity,
        price: p.price,
        requiresShipping: true,
      };
    });
    const subtotal = lineItems.reduce((sum, item) => sum + Number(item.price) * item.quantity, 0);
    const shipping = subtotal >= 60 ? 0 : c.countryCode === "FR" ? 6.9 : 12.9;
    const fulfillments: FulfillmentRecord[] = seed.fulfillments.map((f, fIndex) => {
      const at = later(createdAt, f.after);
      const delivered = f.displayStatus === "DELIVERED" ? later(at, 48) : null;
      return {
        id: gid("Fulfillment", 5_420_716_000_001 + index * 10 + fIndex),
        name: `#${number}-F${fIndex + 1}`,
        status: "SUCCESS",
        displayStatus: f.displayStatus,
        createdAt: at,
        updatedAt: delivered ?? at,
        inTransitAt: f.displayStatus === "IN_TRANSIT" || delivered ? later(at, 8) : null,
        deliveredAt: delivered,
        estimatedDeliveryAt: null,
        requiresShipping: true,
        trackingInfo: f.tracking.map((t) => ({ ...t })),
        lineItemIds: (f.items ?? lineItems.map((_, i) => i)).map((i) => lineItems[i].id),
      };
    });
    const lastTouch = fulfillments.reduce((latest, f) => (f.updatedAt > latest ? f.updatedAt : latest), createdAt);
    return {
      id: gid("Order", orderNumericId),
      name: `#${number}`,
      email: c.email,
      phone: c.phone,
      createdAt,
      updatedAt: lastTouch,
      processedAt: createdAt,
      cancelledAt: seed.cancelled ? later(createdAt, 5) : null,
      closed: seed.cancelled === true,
      displayFulfillmentStatus: seed.status ?? (fulfillments.length > 0 ? "FULFILLED" : "UNFULFILLED"),
      displayFinancialStatus: seed.cancelled ? "REFUNDED" : "PAID",
      paymentGatewayNames: [seed.gateway],
      currencyCode: "EUR",
      totalPrice: (subtotal + shipping).toFixed(2),
      note: null,
      tags: [],
      customer,
      shippingAddress,
      lineItems,
      fulfillments,
    };
  });
}

// ---------------------------------------------------------------------------

function parisAbbreviation(offsetMinutes: number): string {
  if (offsetMinutes === 60) return "CET";
  if (offsetMinutes === 120) return "CEST";
  return `GMT${formatOffset(offsetMinutes, ":")}`;
}

export function createDefaultSeed(options: { appHandle?: string; now?: Date } = {}): DevStoreSeed {
  const now = options.now ?? new Date();
  const appHandle = options.appHandle ?? "rassure";
  const offset = timeZoneOffsetMinutes(TIME_ZONE, now);
  const countries = ["FR", "BE", "LU", "CH", "DE"];
  return {
    shop: {
      id: gid("Shop", 68_392_015_873),
      name: "Atelier Lumière",
      email: "camille@atelier-lumiere.fr",
      contactEmail: "contact@atelier-lumiere.fr",
      myshopifyDomain: DEFAULT_SHOP_DOMAIN,
      currencyCode: "EUR",
      ianaTimezone: TIME_ZONE,
      timezoneAbbreviation: parisAbbreviation(offset),
      timezoneOffset: formatOffset(offset),
      timezoneOffsetMinutes: offset,
      weightUnit: "KILOGRAMS",
      description: "Bougies parfumées et céramiques façonnées à la main dans notre atelier lyonnais.",
      primaryDomain: {
        id: gid("Domain", 128_734_560_001),
        host: PRIMARY_HOST,
        url: `https://${PRIMARY_HOST}`,
        sslEnabled: true,
      },
      billingAddress: {
        id: gid("ShopAddress", 68_392_015_873),
        company: "SAS Atelier Lumière",
        address1: "12 rue des Capucins",
        address2: null,
        city: "Lyon",
        zip: "69001",
        province: null,
        provinceCode: null,
        country: "France",
        countryCodeV2: "FR",
        phone: "+33 4 78 00 00 00",
        latitude: 45.7686,
        longitude: 4.8327,
        coordinatesValidated: true,
      },
      shipsToCountries: countries,
      countriesInShippingZones: { countryCodes: countries, includeRestOfWorld: false },
      plan: { partnerDevelopment: true, shopifyPlus: false, publicDisplayName: "Development", displayName: "Development" },
      taxesIncluded: true,
      taxShipping: true,
      checkoutApiSupported: true,
      enabledPresentmentCurrencies: ["EUR", "CHF"],
      setupRequired: false,
      transactionalSmsDisabled: true,
      primaryLocale: "fr",
      shopOwnerName: "Camille Durand",
      createdAt: daysAgo(now, 240, 9),
      updatedAt: daysAgo(now, 5, 15),
    },
    policies: policies(now),
    staffUser: {
      id: 84_972_044_301,
      firstName: "Camille",
      lastName: "Durand",
      email: "camille@atelier-lumiere.fr",
      accountOwner: true,
      locale: "fr",
      collaborator: false,
      emailVerified: true,
    },
    onlineStore: { passwordProtection: { enabled: false } },
    orders: orders(now),
    themes: [
      {
        id: gid("OnlineStoreTheme", 142_857_000_001),
        name: "Dawn",
        role: "MAIN",
        prefix: "/t/1",
        processing: false,
        processingFailed: false,
        themeStoreId: 887,
        createdAt: daysAgo(now, 200, 10),
        updatedAt: daysAgo(now, 12, 16, 20),
        files: themeFiles(appHandle, now),
      },
      {
        id: gid("OnlineStoreTheme", 142_857_000_002),
        name: "Dawn — essai Noël",
        role: "UNPUBLISHED",
        prefix: "/t/2",
        processing: false,
        processingFailed: false,
        themeStoreId: 887,
        createdAt: daysAgo(now, 60, 10),
        updatedAt: daysAgo(now, 45, 11),
        files: themeFiles(appHandle, now).filter((file) => file.filename !== "config/settings_data.json"),
      },
    ],
    metafields: reviewMetafields(now),
    locations: [
      {
        id: gid("Location", 76_543_210_001),
        name: "Atelier Lumière — boutique",
        isActive: true,
        fulfillsOnlineOrders: true,
        address: { address1: "5 rue Saint-Jean", address2: null, city: "Lyon", zip: "69005", countryCode: "FR", country: "France", formatted: ["5 rue Saint-Jean", "69005 Lyon", "France"] },
      },
      {
        id: gid("Location", 76_543_210_002),
        name: "Ancien dépôt",
        isActive: false,
        fulfillsOnlineOrders: false,
        address: { address1: "2 impasse des Tanneurs", address2: null, city: "Villeurbanne", zip: "69100", countryCode: "FR", country: "France", formatted: ["2 impasse des Tanneurs", "69100 Villeurbanne", "France"] },
      },
    ],
    deliveryProfiles: deliveryProfiles(),
  };
}

/** A rate of a shipping zone: a price in EUR, and optionally "free from" a minimum order subtotal. */
function rate(id: number, name: string, price: string, minimumSubtotal?: string): DeliveryMethodDefinitionRecord {
  return {
    id: gid("DeliveryMethodDefinition", id),
    name,
    active: true,
    rateProvider: { __typename: "DeliveryRateDefinition", id: gid("DeliveryRateDefinition", id), price: { amount: price, currencyCode: "EUR" } },
    methodConditions: minimumSubtotal
      ? [{ id: gid("DeliveryCondition", id), field: "TOTAL_PRICE", operator: "GREATER_THAN_OR_EQUAL_TO", conditionCriteria: { __typename: "MoneyV2", amount: minimumSubtotal, currencyCode: "EUR" } }]
      : [],
  };
}

/** The general shipping profile: Colissimo in France, free from 60 € (the demo's shipping promise); Europe always paid. */
function deliveryProfiles(): DeliveryProfileRecord[] {
  return [
    {
      id: gid("DeliveryProfile", 91_000_000_001),
      name: "Profil général",
      default: true,
      profileLocationGroups: [
        {
          locationGroupZones: [
            { zone: { id: gid("DeliveryZone", 92_000_000_001), name: "France" }, methodDefinitions: [rate(93_000_000_001, "Colissimo", "4.9"), rate(93_000_000_002, "Livraison offerte", "0.0", "60.0")] },
            { zone: { id: gid("DeliveryZone", 92_000_000_002), name: "Europe" }, methodDefinitions: [rate(93_000_000_003, "Colissimo International", "12.5")] },
          ],
        },
      ],
    },
  ];
}
