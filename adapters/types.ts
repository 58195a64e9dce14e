/**
 * The one interface both platforms implement. Adapters are framework-free: no Remix, no
 * Prisma. The app builds one per request from a platform client and calls it from its
 * *.server.ts modules. Each later feature (checklist facts, storefront config, tracking,
 * webhooks) adds its method here and to every adapter together.
 */
import type { PlatformChecklistFacts } from "./checklist-snapshot";
import type { ShippingPromiseFacts } from "./shipping-promise-facts";

export type Platform = "shopify" | "woocommerce";

export type LegalPolicyType =
  | "CONTACT_INFORMATION"
  | "LEGAL_NOTICE"
  | "PRIVACY_POLICY"
  | "REFUND_POLICY"
  | "SHIPPING_POLICY"
  | "SUBSCRIPTION_POLICY"
  | "TERMS_OF_SALE"
  | "TERMS_OF_SERVICE";

export interface LegalPolicySummary {
  type: LegalPolicyType;
  title: string;
  url: string;
  /** The policy exists but its text is empty. */
  isEmpty: boolean;
}

/** What Home shows about a connected shop, read live from the platform. */
export interface ShopProfile {
  platform: Platform;
  domain: string;
  name: string;
  email: string | null;
  contactEmail: string | null;
  countryCode: string | null;
  currencyCode: string;
  timezone: string | null;
  storefrontUrl: string;
  storefrontHttps: boolean;
  planName: string | null;
  policies: LegalPolicySummary[];
  grantedScopes: string[];
}

/** The storefront blocks configuration as the storefront reads it (see app/storefront/config.ts). */
export interface StorefrontPublication {
  /** JSON-serialisable; Liquid (Shopify) or PHP (WooCommerce) renders the blocks from it. */
  config: unknown;
  /** Master switch: false hides every block and the embed without losing the configuration. */
  enabled: boolean;
}

/** Whether Rassure is live on the theme shoppers see (Shopify: the MAIN theme). */
export interface ThemeEmbedStatus {
  themeId: string;
  themeName: string;
  embedActive: boolean;
  /** Handles of Rassure app blocks on the product page (Shopify: placed in the product template; WooCommerce: seen on a fetched product page). */
  blocksOnProductPage: string[];
  /** WooCommerce: the product page fetched to see the blocks, null when none could be; absent on Shopify. */
  productPageChecked?: string | null;
}

/** One tracking entry of a shipment, as the platform holds it (any field may be missing). */
export interface ShipmentTracking {
  company: string | null;
  number: string | null;
  url: string | null;
}

/** A parcel sent for an order: a Shopify fulfillment, a WooCommerce order's shipment. */
export interface Shipment {
  id: string;
  name: string;
  orderId: string;
  orderName: string;
  /** Platform status, e.g. Shopify's SUCCESS / CANCELLED. */
  status: string;
  createdAt: string;
  destinationCountry: string | null;
  tracking: ShipmentTracking[];
}

/** Items of an order, as the shopper knows them. */
export interface OrderItemLine {
  name: string;
  quantity: number;
}

/** A parcel of an order, with what is in it and whether the carrier delivered it. */
export interface TrackedShipment extends Shipment {
  items: OrderItemLine[];
  delivered: boolean;
}

/** Everything the storefront lookup tells a shopper about their order. */
export interface OrderTracking {
  orderName: string;
  cancelled: boolean;
  refunded: boolean;
  /** Parcels sent (cancelled fulfillments left out). */
  shipments: TrackedShipment[];
  /** Items not sent yet. */
  unshipped: OrderItemLine[];
}

/** Tracking Rassure writes back: the carrier's name as the platform expects it and our link. */
export interface TrackingUpdate {
  company: string;
  number: string;
  url: string;
  notifyCustomer: boolean;
}

/** The legal texts Rassure drafts and publishes, named as the checklist names legal pages. */
export type LegalTextKind = "legal-notice" | "terms-of-sale" | "refund" | "privacy" | "contact";

/** A legal text as the shop shows it now. */
export interface PublishedLegalText {
  kind: LegalTextKind;
  title: string;
  /** HTML as the platform stores it ("" when the page exists but is empty). */
  html: string;
  /** Public address of the page, when it has one. */
  url: string | null;
  /** Platform identifier: the Shopify policy type, the WordPress page id. */
  ref: string;
}

export interface SavedLegalText {
  url: string | null;
  ref: string;
  /** The text the shop showed before (null for a draft; "" when there was none). */
  previousHtml: string | null;
  /** Where the merchant can open a draft saved on the platform (WordPress editor). */
  draftUrl: string | null;
}

/** A place where shoppers can visit the shop (Shopify location, WooCommerce store address). */
export interface StoreLocation {
  name: string;
  address1: string;
  address2: string | null;
  city: string;
  zip: string | null;
  countryCode: string | null;
}

export interface PlatformAdapter {
  readonly platform: Platform;
  getShopProfile(): Promise<ShopProfile>;
  /** Everything the trust checklist reads from the platform API, in one collection pass. */
  collectChecklistFacts(): Promise<PlatformChecklistFacts>;
  /** Writes the storefront blocks configuration where the storefront reads it. */
  publishStorefrontConfig(publication: StorefrontPublication): Promise<void>;
  /** Null when the platform has no published theme to inspect. */
  getThemeEmbedStatus(embedHandle: string): Promise<ThemeEmbedStatus | null>;
  /** The shop's active locations that have a street address (physical store block). */
  listStoreLocations(): Promise<StoreLocation[]>;
  /** Shipments of the most recently updated shipped orders (tracking admin page, backfill). */
  listRecentShipments(orders: number): Promise<Shipment[]>;
  /** Null when the shipment no longer exists. */
  getShipment(id: string): Promise<Shipment | null>;
  /** Resolves with the updated shipment when the platform hands it back for free (Shopify: not fetched, it costs bucket points). */
  updateShipmentTracking(id: string, update: TrackingUpdate): Promise<Shipment | void>;
  /** The shipments of the order with exactly this number and e-mail; null when there is no such order. */
  findOrderShipments(orderName: string, email: string): Promise<Shipment[] | null>;
  /** The order's whole shipping state (items, parcels, delivery, cancellation), where the platform tells it; null when there is no such order. */
  findOrderTracking?(orderName: string, email: string): Promise<OrderTracking | null>;
  /** What the shop's shipping settings say about free shipping (never rejects: `read` is false when they cannot be read). */
  readShippingPromiseFacts?(): Promise<ShippingPromiseFacts>;
  /** True where the platform keeps drafts of pages (WordPress); elsewhere drafts live in Rassure until published. */
  readonly keepsLegalDrafts: boolean;
  /** The legal text of this kind the shop shows now; null when it has none. */
  readLegalText(kind: LegalTextKind): Promise<PublishedLegalText | null>;
  /** "draft" is only for platforms that keep drafts; "publish" replaces what shoppers see and returns the replaced text. */
  saveLegalText(kind: LegalTextKind, text: { title: string; html: string }, status: "draft" | "publish"): Promise<SavedLegalText>;
}
