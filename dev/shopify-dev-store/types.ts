/**
 * Types of the local Shopify dev store: the public options/handle, and the
 * records that make up its live state. Records are stored in the shape the
 * Admin GraphQL API exposes them, so most fields resolve by plain property
 * access; ids are Shopify global ids (gid://shopify/<Type>/<number>).
 */

import type { SimulationControls } from "../simulation";

export interface DevStoreApp {
  apiKey: string;
  apiSecret: string;
  /** e.g. http://127.0.0.1:3000 */
  appUrl: string;
  scopes: string[];
  handle: string;
  /** Shown in the admin sidebar and as App.title; defaults to the capitalised handle. */
  title?: string;
}

export interface WebhookSubscription {
  topic: string;
  /** Absolute, or a path relative to appUrl. */
  uri: string;
}

/** shopify.app.toml `[app_proxy]`: `/<prefix>/<subpath>/*` on the storefront → `<url>/*`. */
export interface AppProxyConfig {
  /** "apps" | "a" | "community" | "tools" */
  prefix: string;
  subpath: string;
  /** e.g. http://localhost:3000/proxy (its origin follows the running app, as the Shopify CLI rewrites it). */
  url: string;
}

export interface DevStorefrontOptions {
  /** 0 = random (default). */
  port?: number;
  /** The app's proxy; default none (its paths are 404s, as for an app that declares none). */
  appProxy?: AppProxyConfig | null;
}

export interface DevStoreOptions {
  /** 0 = random. */
  port?: number;
  /** The online store on its own origin (storefront pages, app blocks, app proxy). */
  storefront?: DevStorefrontOptions;
  /** Default 127.0.0.1. */
  host?: string;
  app: DevStoreApp;
  webhookSubscriptions?: WebhookSubscription[];
  /** Default: the French shop of seed.ts. */
  seed?: DevStoreSeed;
  /** Default "2026-07". */
  apiVersion?: string;
  logger?: (line: string) => void;
  /** Where the store keeps its state between runs (the demo: beside its database); in memory only when absent. */
  stateFile?: string;
  /**
   * Added to each request the app's fetch sends to the store (Admin API, token exchange): the
   * round trip to Shopify that loopback hides (benches). Default 0.
   */
  apiLatencyMs?: number;
}

export interface MintSessionTokenOptions {
  userId?: number;
  expiresInSeconds?: number;
  notBeforeOffsetSeconds?: number;
  aud?: string;
  secret?: string;
  shopDomain?: string;
}

export interface SendWebhookOptions {
  webhookId?: string;
  secret?: string;
  rawBody?: string;
  headers?: Record<string, string>;
  /** When the event happened (X-Shopify-Triggered-At); default now. */
  triggeredAt?: Date;
}

export type DevStoreSimulate = SimulationControls<500 | 502 | 503>;

export interface ShopifyDevStore {
  /** http://127.0.0.1:PORT */
  url: string;
  /** The online store, http://127.0.0.1:PORT (another port: a shop has its own origin). */
  storefrontUrl: string;
  /** e.g. "atelier-lumiere.myshopify.com" */
  shopDomain: string;
  /** Live mutable state (tests read/modify it). */
  state: DevStoreState;
  /** With a stateFile: whether the saved state was restored, or why a saved one was not used. */
  savedState: { restored: boolean; discarded: string | null } | null;
  /**
   * Routes https://<shopDomain>/... to this server (same path+query, method,
   * headers, body); everything else goes to the real globalThis.fetch captured
   * at start.
   */
  fetch: typeof fetch;
  mintSessionToken(opts?: MintSessionTokenOptions): string;
  /** URL of the fake admin page embedding the app at appPath (default "/app"). */
  adminUrl(appPath?: string, opts?: { locale?: string }): string;
  /** The iframe URL: appUrl+appPath?embedded=1&host=..&shop=..&locale=..&id_token=<fresh token> */
  embeddedAppUrl(appPath?: string, opts?: { locale?: string }): string;
  /** Delivers to the subscription's uri. */
  sendWebhook(topic: string, payload?: unknown, opts?: SendWebhookOptions): Promise<Response>;
  simulate: DevStoreSimulate;
  /**
   * Takes the online store down (its port then refuses connections, as a shop whose server is
   * down) or brings it back on the same port. Also POST /_dev/storefront {"online": false|true}.
   */
  setStorefrontOnline(online: boolean): Promise<void>;
  /** Marks uninstalled, revokes tokens, delivers app/uninstalled. */
  uninstallApp(): Promise<void>;
  /**
   * Delivers a recorded webhook again as Shopify retries one: the same body, webhook id and
   * X-Shopify-Triggered-At (the event's time, not the retry's).
   */
  retryWebhook(webhookId: string): Promise<Response>;
  /**
   * Addition to the brief: resolves once every webhook the store queued on its
   * own (e.g. fulfillments/update after a mutation) has been delivered or failed.
   */
  flushWebhooks(): Promise<void>;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------

export type ShopPolicyType =
  | "CONTACT_INFORMATION"
  | "LEGAL_NOTICE"
  | "PRIVACY_POLICY"
  | "REFUND_POLICY"
  | "SHIPPING_POLICY"
  | "SUBSCRIPTION_POLICY"
  | "TERMS_OF_SALE"
  | "TERMS_OF_SERVICE";

export interface ShopPolicyRecord {
  id: string;
  type: ShopPolicyType;
  title: string;
  /** HTML */
  body: string;
  url: string;
  createdAt: string;
  updatedAt: string;
}

export interface DomainRecord {
  id: string;
  host: string;
  url: string;
  sslEnabled: boolean;
}

/** The postal fields Shopify's ShopAddress and MailingAddress share. */
interface PostalAddressFields {
  id: string;
  company: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  zip: string | null;
  province: string | null;
  provinceCode: string | null;
  country: string | null;
  countryCodeV2: string | null;
  phone: string | null;
}

export interface ShopAddressRecord extends PostalAddressFields {
  latitude: number | null;
  longitude: number | null;
  coordinatesValidated: boolean;
}

export interface ShopRecord {
  id: string;
  name: string;
  /** The shop owner's email (Shopify's Shop.email). */
  email: string;
  contactEmail: string;
  myshopifyDomain: string;
  currencyCode: string;
  ianaTimezone: string;
  timezoneAbbreviation: string;
  timezoneOffset: string;
  timezoneOffsetMinutes: number;
  weightUnit: string;
  description: string | null;
  primaryDomain: DomainRecord;
  billingAddress: ShopAddressRecord;
  shipsToCountries: string[];
  countriesInShippingZones: { countryCodes: string[]; includeRestOfWorld: boolean };
  plan: { partnerDevelopment: boolean; shopifyPlus: boolean; publicDisplayName: string; displayName: string };
  taxesIncluded: boolean;
  taxShipping: boolean;
  checkoutApiSupported: boolean;
  enabledPresentmentCurrencies: string[];
  setupRequired: boolean;
  transactionalSmsDisabled: boolean;
  /** Not a GraphQL field: used in webhook payloads. */
  primaryLocale: string;
  shopOwnerName: string;
  createdAt: string;
  updatedAt: string;
}

export interface StaffUserRecord {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  accountOwner: boolean;
  locale: string;
  collaborator: boolean;
  emailVerified: boolean;
}

export interface CustomerRecord {
  id: string;
  firstName: string;
  lastName: string;
  displayName: string;
  email: string;
  phone: string | null;
  locale: string;
}

export interface MailingAddressRecord extends PostalAddressFields {
  firstName: string | null;
  lastName: string | null;
  name: string | null;
}

export interface LineItemRecord {
  id: string;
  name: string;
  title: string;
  sku: string | null;
  quantity: number;
  /** Unit price, decimal string in the shop currency. */
  price: string;
  requiresShipping: boolean;
}

export interface TrackingInfoRecord {
  company: string | null;
  number: string | null;
  url: string | null;
}

export type FulfillmentStatus = "CANCELLED" | "ERROR" | "FAILURE" | "OPEN" | "PENDING" | "SUCCESS";

export interface FulfillmentRecord {
  id: string;
  name: string;
  status: FulfillmentStatus;
  displayStatus: string | null;
  createdAt: string;
  updatedAt: string;
  inTransitAt: string | null;
  deliveredAt: string | null;
  estimatedDeliveryAt: string | null;
  requiresShipping: boolean;
  trackingInfo: TrackingInfoRecord[];
  /** Ids of the order's line items this fulfillment shipped. */
  lineItemIds: string[];
}

export interface OrderRecord {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  createdAt: string;
  updatedAt: string;
  processedAt: string;
  cancelledAt: string | null;
  closed: boolean;
  displayFulfillmentStatus: string;
  displayFinancialStatus: string;
  paymentGatewayNames: string[];
  currencyCode: string;
  /** Decimal string. */
  totalPrice: string;
  note: string | null;
  tags: string[];
  customer: CustomerRecord | null;
  shippingAddress: MailingAddressRecord | null;
  lineItems: LineItemRecord[];
  fulfillments: FulfillmentRecord[];
}

export interface ThemeFileRecord {
  filename: string;
  content: string;
  contentType: string;
  createdAt: string;
  updatedAt: string;
}

export type ThemeRole = "ARCHIVED" | "DEMO" | "DEVELOPMENT" | "LOCKED" | "MAIN" | "MOBILE" | "UNPUBLISHED";

export interface ThemeRecord {
  id: string;
  name: string;
  role: ThemeRole;
  prefix: string;
  processing: boolean;
  processingFailed: boolean;
  themeStoreId: number | null;
  createdAt: string;
  updatedAt: string;
  files: ThemeFileRecord[];
}

export interface MetafieldRecord {
  id: string;
  ownerId: string;
  /** Resolved namespace ("$app" is stored as "app--<app id>"). */
  namespace: string;
  key: string;
  type: string;
  value: string;
  createdAt: string;
  updatedAt: string;
}

/** A Shopify location (a shop, a warehouse) with its address. */
export interface LocationRecord {
  id: string;
  name: string;
  isActive: boolean;
  fulfillsOnlineOrders: boolean;
  address: { address1: string | null; address2: string | null; city: string | null; zip: string | null; countryCode: string | null; country: string | null; formatted: string[] };
}

/** A money amount as MoneyV2 (a decimal string, as the Admin API answers). */
export interface MoneyRecord {
  __typename: "MoneyV2";
  amount: string;
  currencyCode: string;
}

/** A shipping rate of a delivery zone: its price (a Shopify-set rate) and conditions such as a minimum order subtotal. */
export interface DeliveryMethodDefinitionRecord {
  id: string;
  name: string;
  active: boolean;
  rateProvider: { __typename: "DeliveryRateDefinition"; id: string; price: Omit<MoneyRecord, "__typename"> } | { __typename: "DeliveryParticipant"; id: string };
  methodConditions: Array<{ id: string; field: "TOTAL_PRICE" | "TOTAL_WEIGHT"; operator: "GREATER_THAN_OR_EQUAL_TO" | "LESS_THAN_OR_EQUAL_TO"; conditionCriteria: MoneyRecord | { __typename: "Weight"; unit: string; value: number } }>;
}

/** A shipping profile (Settings → Shipping and delivery): location groups, their zones and rates. */
export interface DeliveryProfileRecord {
  id: string;
  name: string;
  default: boolean;
  profileLocationGroups: Array<{ locationGroupZones: Array<{ zone: { id: string; name: string }; methodDefinitions: DeliveryMethodDefinitionRecord[] }> }>;
}

export interface DevStoreSeed {
  shop: ShopRecord;
  policies: ShopPolicyRecord[];
  staffUser: StaffUserRecord;
  onlineStore: { passwordProtection: { enabled: boolean } };
  orders: OrderRecord[];
  themes: ThemeRecord[];
  metafields?: MetafieldRecord[];
  locations?: LocationRecord[];
  deliveryProfiles?: DeliveryProfileRecord[];
  /** Numeric ids of the app and of its installation on this shop. */
  appNumericId?: number;
  appInstallationNumericId?: number;
}

// ---------------------------------------------------------------------------
// Runtime state
// ---------------------------------------------------------------------------

export interface AppInstallationState {
  id: string;
  appId: string;
  appNumericId: number;
  installed: boolean;
  grantedScopes: string[];
  installedAt: string | null;
  uninstalledAt: string | null;
}

export interface AccessTokenRecord {
  token: string;
  kind: "offline" | "online";
  userId: number | null;
  scopes: string[];
  createdAt: string;
  /** null = never expires */
  expiresAt: string | null;
  revoked: boolean;
}

export interface RefreshTokenRecord {
  token: string;
  accessToken: string;
  createdAt: string;
  expiresAt: string;
  revoked: boolean;
}

export interface WebhookDeliveryRecord {
  webhookId: string;
  topic: string;
  uri: string;
  payload: unknown;
  /** Exactly what was sent, so a delivery can be retried (or replayed by a test). */
  rawBody: string;
  headers: Record<string, string>;
  deliveredAt: string;
  /** HTTP status of the app's answer; null when the request failed. */
  status: number | null;
  error: string | null;
  /** true when the store queued it on its own (not via sendWebhook). */
  automatic: boolean;
}

export interface CustomerNotificationRecord {
  kind: "shipping_update";
  orderId: string;
  fulfillmentId: string;
  email: string | null;
  sentAt: string;
}

export interface DevStoreState extends DevStoreSeed {
  metafields: MetafieldRecord[];
  locations: LocationRecord[];
  deliveryProfiles: DeliveryProfileRecord[];
  appInstallation: AppInstallationState;
  accessTokens: AccessTokenRecord[];
  refreshTokens: RefreshTokenRecord[];
  webhookDeliveries: WebhookDeliveryRecord[];
  customerNotifications: CustomerNotificationRecord[];
  /** Next numeric id handed out for records the store creates. */
  nextId: number;
}
