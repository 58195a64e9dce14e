/** Shared inputs for the storefront tests: the seeded French shop and a few configurations. */
import type { ReviewsAggregate } from "../../adapters/reviews-aggregate";
import { defaultStorefrontConfig, toPublishedConfig, type PartnerFacts, type StorefrontConfig } from "../../app/storefront/config";
import type { StoreLocation } from "../../adapters/types";
import type { CompanyBadge } from "../../app/legal/company-badge.server";
import type { ShippingBacking } from "../../app/storefront/shipping-backing";
import { readExtensionSources } from "../../app/storefront/extension-sources.server";
import { createPreviewRenderer, type PreviewProduct, type PreviewRequest, type PreviewShop } from "../../app/storefront/liquid-preview";

export const HOSTILE = `<script>alert("x")</script>" onmouseover="alert(1)`;

export const FRENCH_SHOP: PreviewShop = {
  origin: "https://www.atelier-lumiere.fr",
  enabledPaymentTypes: ["cartes_bancaires", "visa", "master", "paypal", "apple_pay"],
  policies: [
    { handle: "refund_policy", title: "Politique de remboursement", url: "/policies/refund-policy" },
    { handle: "shipping_policy", title: "Politique d'expédition", url: "/policies/shipping-policy" },
    { handle: "privacy_policy", title: "Politique de confidentialité", url: "/policies/privacy-policy" },
  ],
  moneyFormat: "{{amount_with_comma_separator}} €",
  countryCode: "FR",
};

/** The shop's Shopify location (or WooCommerce store address) the store block shows. */
export const STORE_LOCATION: StoreLocation = { name: "Atelier Lumière — boutique", address1: "5 rue Saint-Jean", address2: null, city: "Lyon", zip: "69005", countryCode: "FR" };

/** A product page whose review app wrote the standard metafields. */
export const REVIEWED_PRODUCT: PreviewProduct = { rating: 4.66, scaleMax: 5, ratingCount: 128 };

/** The shop-wide aggregate Rassure publishes (adapters/reviews-aggregate.ts): 128 reviews on 12 products, 4.6/5 weighted. */
export const SHOP_REVIEWS: ReviewsAggregate = { ratingTenths: 46, scaleMax: 5, reviews: 128, products: 12, productsRead: 30, computedAt: "2026-11-23T03:00:00.000Z" };

/** Carriers seen on the shop's recent shipments, and its host, as publishing reads them. */
/** The shop's shipping settings as last read: free shipping from 60 € (backs the fixtures' "free shipping from 60" promise). */
export const SHIPPING_BACKING: ShippingBacking = { freeShippingFromMinor: 6000, checkedAt: "2026-11-20T09:00:00.000Z" };

export const PARTNER_FACTS: PartnerFacts = { carriers: ["Colissimo", "Chronopost", "Mondial Relay"], host: "Shopify" };

export const BLOCK_HANDLES = ["payment", "promises", "delivery", "contact", "legal", "trust-bar", "partners", "reviews", "store"] as const;

/** Every block on, every optional field filled. */
export function fullConfig(): StorefrontConfig {
  const config = defaultStorefrontConfig();
  config.promises.items[0].freeFrom = 6000;
  config.promises.items.push({ kind: "custom", icon: "leaf", title: { en: "Handmade in Lyon", fr: "Fait main à Lyon" }, text: { en: "In our workshop", fr: "Dans notre atelier" }, freeFrom: 0, days: 0 });
  config.contact = {
    enabled: true,
    heading: { en: "", fr: "" },
    email: "bonjour@atelier-lumiere.fr",
    phone: "+33 4 78 00 00 00",
    chatUrl: "",
    formUrl: "/pages/contact",
    hours: { en: "Mon–Fri, 9am–6pm", fr: "Du lundi au vendredi, 9 h – 18 h" },
  };
  config.legal.withdrawalFormUrl = "/pages/formulaire-de-retractation";
  config.legal.links = [{ label: { en: "Legal notice", fr: "Mentions légales" }, url: "/pages/mentions-legales" }];
  config.bar = {
    enabled: true,
    items: [
      { icon: "truck", text: { en: "Free shipping from €60", fr: "Livraison offerte dès 60 €" } },
      { icon: "return", text: { en: "30-day returns", fr: "Retours sous 30 jours" } },
      { icon: "lock", text: { en: "Secure payment", fr: "Paiement sécurisé" } },
    ],
    trustPageLink: false,
  };
  config.partners = {
    enabled: true,
    heading: { en: "", fr: "" },
    hiddenCarriers: ["Mondial Relay"],
    host: "",
    labels: [
      { kind: "fianet", name: "", proofUrl: "https://www.fia-net.com/marchands/atelier-lumiere", expiresOn: "2027-06-30" },
      { kind: "mediator", name: "CM2C", proofUrl: "https://www.cm2c.net/adherents/atelier-lumiere", expiresOn: "2027-01-15" },
      // Expired before the tests' clock (2026-11-23): never shown.
      { kind: "fevad", name: "", proofUrl: "https://www.fevad.com/membres/atelier-lumiere", expiresOn: "2026-11-22" },
    ],
  };
  config.reviews = { enabled: true, heading: { en: "", fr: "" }, url: "/pages/avis" };
  config.store = {
    enabled: true,
    hasStore: true,
    heading: { en: "", fr: "" },
    location: "",
    hours: { en: "Tue–Sat, 10am–7pm", fr: "Du mardi au samedi, 10 h – 19 h" },
    photoUrl: "https://cdn.shopify.com/s/files/1/atelier/boutique.jpg",
    photoAlt: { en: "The shop front on rue Saint-Jean", fr: "La devanture rue Saint-Jean" },
  };
  return config;
}

/** Every merchant text replaced by hostile markup. */
export function hostileConfig(): StorefrontConfig {
  const config = fullConfig();
  const walk = (node: unknown): void => {
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      if (value && typeof value === "object" && "en" in value && "fr" in value) Object.assign(value, { en: HOSTILE, fr: HOSTILE });
      else walk(value);
      void key;
    }
  };
  walk(config);
  return config;
}

export const renderer = createPreviewRenderer(readExtensionSources());

export const PARIS = "Europe/Paris";

/** The register-confirmed company the legal block may show (app/legal/company-badge.server.ts). */
export const VERIFIED_COMPANY: CompanyBadge = {
  name: "ATELIER LUMIERE",
  siren: "812345676",
  siren_display: "812 345 676",
  checked_on: { en: "3 December 2026", fr: "3 décembre 2026" },
  lookup_url: "https://annuaire-entreprises.data.gouv.fr/entreprise/812345676",
};

export function render(
  handle: string,
  config: StorefrontConfig | null,
  overrides: Partial<PreviewRequest> = {},
  company: CompanyBadge | null = null,
  facts: PartnerFacts = PARTNER_FACTS,
  store: StoreLocation | null = STORE_LOCATION,
) {
  const now = overrides.now ?? new Date("2026-11-23T10:00:00Z");
  const timeZone = overrides.timeZone ?? PARIS;
  return renderer.render({
    handle,
    config: config ? toPublishedConfig(config, 1, now, timeZone, { company, partners: facts, store, shipping: SHIPPING_BACKING }) : null,
    locale: "fr",
    shop: FRENCH_SHOP,
    timeZone,
    now,
    product: REVIEWED_PRODUCT,
    ...overrides,
  });
}
