/**
 * The platform-neutral snapshot every checklist scan evaluates: facts read once from the
 * platform's API (`PlatformChecklistFacts`, filled by adapters/shopify/checklist-facts.ts or
 * adapters/woocommerce/checklist-facts.ts) plus facts read once from the public storefront
 * (`StorefrontFacts`, filled by app/checklist/storefront-probe). Checks are pure functions
 * of this object, so a scan does its IO once and evaluation is cheap and testable.
 *
 * Convention: `null` means "this platform or this scan could not see it" (missing scope,
 * field not exposed, probe not run). A check then falls back to another source or to an
 * attestation; it never treats `null` as a failure.
 *
 * This file is framework-free (imported by adapters/): types only, no Remix, no Prisma.
 */
import type { ReviewsAggregate } from "./reviews-aggregate";
export type SnapshotPlatform = "shopify" | "woocommerce";

/** A legal or information page, whatever the platform calls it. */
export type LegalPageKind =
  | "legal-notice" // Shopify LEGAL_NOTICE; WP page "mentions légales" / "legal notice" / imprint
  | "terms-of-sale" // Shopify TERMS_OF_SALE (or TERMS_OF_SERVICE); WC terms page
  | "privacy" // Shopify PRIVACY_POLICY; WP privacy page
  | "refund" // Shopify REFUND_POLICY; WC "refund_returns" page
  | "shipping" // Shopify SHIPPING_POLICY; WP page "livraison" / "shipping"
  | "contact"; // Shopify CONTACT_INFORMATION; WP contact page

export interface LegalPageFact {
  kind: LegalPageKind;
  /** The platform's own identifier (Shopify policy type, WP page slug/id). */
  source: string;
  title: string;
  /** Public URL of the page, when known. */
  url: string | null;
  /** Plain text of the body (tags stripped, entities decoded); "" when the page is empty. */
  text: string;
  updatedAt: string | null;
}

export interface PostalAddressFact {
  company: string | null;
  address1: string | null;
  city: string | null;
  zip: string | null;
  countryCode: string | null;
}

/**
 * A payment method the shop uses. `kind` is decided by the adapter from its own identifiers
 * (gateway handle / WC gateway id) so checks do not need platform tables.
 */
export interface PaymentMethodFact {
  /** e.g. "shopify_payments", "paypal", "stripe", "woocommerce_payments", "bacs". */
  id: string;
  title: string;
  enabled: boolean;
  /**
   * card-psp: a regulated PSP taking cards in a hosted/iframe/redirect form;
   * paypal-standard: the legacy PayPal redirect only; offline: transfer, cheque, cash on
   * delivery; unknown: a gateway we do not recognise.
   */
  kind: "card-psp" | "paypal-standard" | "offline" | "unknown";
  /**
   * Whether 3-D Secure / SCA is known to be applied: true (documented or configured on),
   * false (configured off), null (cannot be seen: attestation needed).
   */
  strongAuthentication: boolean | null;
  /** How the payment facts were learned. */
  source: "payments-account" | "recent-orders" | "gateway-settings";
}

export interface ShippingMethodFact {
  zone: string;
  /** ISO country codes the zone covers ("*" = rest of world). */
  countries: string[];
  name: string;
  /** Free text shown to buyers (method description / title), linted for delivery delays. */
  description: string | null;
  enabled: boolean;
}

export interface SoftwareComponentFact {
  kind: "core" | "commerce" | "plugin" | "theme" | "php";
  name: string;
  version: string | null;
  /** Latest available version as the platform itself knows it (WordPress's update check); null = unknown, never a guess. */
  latestVersion: string | null;
}

/** Everything the platform API tells us, read in one collection pass. */
export interface PlatformChecklistFacts {
  platform: SnapshotPlatform;
  /** myshopify domain, or the WordPress host. */
  shopDomain: string;
  /**
   * Where fix links point: "https://admin.shopify.com/store/<handle>/" or
   * "https://example.com/wp-admin/" (always ends with "/").
   */
  adminBaseUrl: string;
  name: string;
  /** Country the merchant is established in (ISO 3166-1 alpha-2). */
  countryCode: string | null;
  /** Countries the shop ships to; used for the FR/EU targeting test. */
  shipsToCountries: string[];
  /** Public storefront origin, e.g. "https://www.atelier-lumiere.fr". */
  storefrontUrl: string;
  /** The platform says the storefront is served over HTTPS (Shopify sslEnabled, WC secure_connection). */
  storefrontHttps: boolean | null;
  /** Storefront password page / maintenance mode: storefront checks become not applicable. */
  storefrontLocked: boolean;
  contact: {
    /** Public-facing contact email. */
    email: string | null;
    phone: string | null;
    address: PostalAddressFact | null;
  };
  legalPages: LegalPageFact[];
  /** Prices entered and shown tax-included; null when not readable. */
  taxesIncluded: boolean | null;
  payments: {
    methods: PaymentMethodFact[];
    /** Shopify: the checkout runs on Shopify (cards never reach the merchant's server). */
    hostedCheckout: boolean;
  };
  /** null = not collected (e.g. no shipping scope). */
  shipping: ShippingMethodFact[] | null;
  software: {
    /** Core updates are the platform's job (SaaS). */
    platformManaged: boolean;
    components: SoftwareComponentFact[];
    /** PHP errors hidden from visitors (WC security.hide_errors); null on SaaS. */
    errorsHidden: boolean | null;
    debugMode: boolean | null;
    /** Background tasks work (WP-Cron); null on SaaS. */
    scheduledTasksOk: boolean | null;
    /** When the platform last checked for updates (WordPress's update transients); null = it never told us. */
    updatesCheckedAt: string | null;
  };
  /** Active plugin identifiers ("wordfence/wordfence.php"); null where apps cannot be listed (Shopify). */
  activePlugins: string[] | null;
  /** Administrator accounts; null where not readable (Shopify). */
  administrators: { count: number; usernames: string[] } | null;
  /** Fulfillments of the last `windowDays` that shipped something. */
  tracking: { windowDays: number; shipments: number; withTrackingUrl: number } | null;
  products: {
    sampled: number;
    /** With a SKU or barcode (GPSR identifier). */
    withIdentifier: number;
    withManufacturer: number;
    /** Sold beyond stock without telling buyers (oversell / silent backorders). */
    oversellSilently: number;
    withReviews: number;
  } | null;
  /**
   * The shop's review aggregate (adapters/reviews-aggregate.ts) from the products' own ratings:
   * Shopify, the figures Rassure's daily job computed and published; WooCommerce, the native
   * ratings read at the scan. Null (or absent) when they could not be read.
   */
  ratings?: ReviewsAggregate | null;
  reviews: {
    enabled: boolean | null;
    /** "Verified owner" label shown next to reviews. */
    verifiedLabel: boolean | null;
  } | null;
  /** Published theme, when readable. */
  theme: {
    name: string;
    version: string | null;
    themeStoreId: number | null;
    footerShowsPolicies: boolean | null;
    footerShowsPaymentIcons: boolean | null;
  } | null;
  /** Platform-level cookie banner (Shopify privacySettings.banner); null when not readable. */
  cookieBannerEnabled: boolean | null;
  /** Retention settings configured (WC delete-inactive / anonymise); null when not readable. */
  retentionConfigured: boolean | null;
  /** What the collection cost: requests sent and, on Shopify, the GraphQL query cost. */
  cost: { requests: number; queryCost: number | null };

  // Facts that keep the checklist from claiming what it did not see (kept together; see StorefrontPagesFact).
  /** IANA time zone of the shop: dates shown to the merchant are the shop's; null when unknown. */
  timeZone: string | null;
  /** Storefront pages the platform itself names; null = not known, the probe falls back to the home page's links. */
  storefrontPages: StorefrontPagesFact | null;
  /** The checkout's final button as the platform configures it; null = not readable (the probe may still see it). */
  orderButton: OrderButtonFact | null;
}

/** Where the shop's own pages are, from its settings (WooCommerce page ids, product permalinks). */
export interface StorefrontPagesFact {
  cart: string | null;
  checkout: string | null;
  account: string | null;
  /** Permalinks of a few published products. */
  products: string[];
  /** The checkout page is WooCommerce's Checkout block: its button is drawn in the browser. */
  blockCheckout: boolean | null;
}

export interface OrderButtonFact {
  label: string;
  /** Where the label was read, e.g. "woocommerce_order_button_text" or "checkout block placeOrderButtonLabel". */
  source: string;
}

// ---------------------------------------------------------------------------
// Storefront
// ---------------------------------------------------------------------------

export type ProbedPageKind = "home" | "product" | "cart" | "checkout" | "account" | "contact" | LegalPageKind;

export interface ProbedPage {
  kind: ProbedPageKind;
  url: string;
  finalUrl: string;
  status: number;
  contentType: string | null;
  bytes: number;
  /** The body hit the byte cap and was cut. */
  truncated: boolean;
  /** http:// scripts, iframes, stylesheets, forms, protocol-relative scripts. */
  activeMixedContent: string[];
  /** http:// images, media. */
  passiveMixedContent: string[];
  /** Absolute URLs of links in the site footer (<footer>, [role=contentinfo] or the last quarter of <body>). */
  footerLinks: string[];
  /** Hosts of every <script src>. */
  scriptHosts: string[];
  /** Visible text (tags stripped), capped. */
  text: string;
  /** Lower-cased HTML markers the checks look for, computed once by the probe (Rassure's own blocks excluded). */
  markers: string[];
  /** Rassure's own blocks seen on the page (handles: payment, promises…); they never count as the shop's evidence. */
  rassureBlocks: string[];
}

export interface CookieFact {
  name: string;
  page: ProbedPageKind;
  secure: boolean;
  httpOnly: boolean;
  sameSite: string | null;
}

export interface TlsFact {
  authorized: boolean;
  /** e.g. "CERT_HAS_EXPIRED", "DEPTH_ZERO_SELF_SIGNED_CERT". */
  authorizationError: string | null;
  protocol: string | null;
  validTo: string | null;
  daysLeft: number | null;
  coversHost: boolean | null;
}

export interface StorefrontFacts {
  /** ok: pages fetched; unreachable: DNS/connection/TLS failure; locked: password page; refused: SSRF guard. */
  status: "ok" | "unreachable" | "locked" | "refused";
  origin: string;
  /** Why the probe could not run (status ≠ ok). */
  error: string | null;
  fetchedAt: string;
  tls: TlsFact | null;
  /** `GET http://<host>/` without following redirects. */
  httpRedirect: { status: number | null; location: string | null; outcome: "same-host-https" | "other-host-first" | "none" | "error" } | null;
  /** Security headers of the final home response (lower-cased names). */
  headers: Record<string, string>;
  /** Observatory-style header sub-score. */
  headerScore: { score: number; grade: string; missing: string[] } | null;
  pages: ProbedPage[];
  cookies: CookieFact[];
  securityTxt: { present: boolean; hasContact: boolean; hasExpires: boolean } | null;
  /** Requests the probe made. */
  requests: number;
}

/** Where a register's answer about an identifier stands. */
export type RegisterStatus = "confirmed" | "ceased" | "not-found" | "unreachable" | "not-asked";

/** One company identifier the shop shows (legal notice) or the merchant gave (Rassure's identity form). */
export interface CompanyIdentifierFact {
  source: "legal-notice" | "merchant";
  /** As written. */
  raw: string;
  normalized: string;
  kind: "siren" | "siret" | "vat" | null;
  validOffline: boolean;
  /** Why it is invalid offline (company-id.ts problem code), null when valid. */
  problem: string | null;
  /** The SIREN inside (SIRET, French VAT), to compare identifiers with each other. */
  siren: string | null;
  register: { name: "company-directory" | "vies"; status: RegisterStatus; registeredName: string | null; checkedAt: string | null; reason: string | null } | null;
}

/** The company behind the shop as its legal texts and the merchant state it, checked offline and by the public registers. */
export interface CompanyIdentityFacts {
  identifiers: CompanyIdentifierFact[];
  /** The company name the shop shows (the merchant's identity form, else the platform's address). */
  shownName: string | null;
}

export interface ShopSnapshot {
  platform: SnapshotPlatform;
  collectedAt: string;
  facts: PlatformChecklistFacts;
  /** null = the storefront probe was not run (e.g. unit evaluation, or disabled). */
  storefront: StorefrontFacts | null;
  /** Absent = not collected (the CLI, older scans): the identity item is then "not checked". */
  companyIdentity?: CompanyIdentityFacts | null;
}
