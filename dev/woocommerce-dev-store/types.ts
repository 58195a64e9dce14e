/**
 * State and options of the local WooCommerce dev store. Resource shapes follow the
 * contract examples in test/contracts/woocommerce (records from a real 8.9.1 store when
 * there is one, the REST docs otherwise); anything the app does not read stays as
 * recorded so clients meet the extra fields a real store sends.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export type KeyPermissions = "read" | "write" | "read_write";

export interface ApiKey {
  keyId: number;
  userId: number;
  description: string;
  permissions: KeyPermissions;
  /** WooCommerce stores hash_hmac('sha256', consumer_key, 'wc-api'), never the key itself. */
  consumerKeyHash: string;
  consumerSecret: string;
  truncatedKey: string;
}

export interface WebhookRecord {
  id: number;
  name: string;
  status: "active" | "paused" | "disabled";
  topic: string;
  resource: string;
  event: string;
  hooks: string[];
  delivery_url: string;
  secret: string;
  date_created: string;
  date_modified: string | null;
}

export interface TrackingItem {
  tracking_id: string;
  tracking_provider: string;
  custom_tracking_provider: string;
  custom_tracking_link: string;
  tracking_number: string;
  /** Unix timestamp, as the extension stores it in `_wc_shipment_tracking_items`. */
  date_shipped: number;
}

export interface WpPage {
  id: number;
  slug: string;
  status: "publish" | "draft" | "trash";
  title: string;
  content: string;
  modified: string;
}

/** A published product as `wc/v3/products` lists it (the fields the app and the storefront use). */
export interface WooProduct {
  id: number;
  name: string;
  slug: string;
  status: "publish" | "draft";
  /** Minor units (cents). */
  price: number;
  sku: string;
  shortDescription: string;
  /** WooCommerce's product meta `_wc_average_rating` (REST `average_rating`, "0.00" without ratings) and the number of ratings. */
  averageRating: string;
  ratingCount: number;
}

/**
 * What WordPress knows of updates: its update_core / update_plugins / update_themes site transients
 * (refreshed by WP-Cron), as the companion plugin reads them. null latest = WordPress has no answer.
 */
export interface WordPressUpdates {
  lastChecked: string | null;
  coreLatest: string | null;
  /** Plugin file → newest version WordPress.org offers (absent: not hosted there, unknown). */
  plugins: Record<string, string>;
  themeLatest: string | null;
}

/**
 * How the storefront's theme places the companion plugin's product blocks: a classic theme fires
 * `woocommerce_single_product_summary`, a block theme renders `woocommerce/add-to-cart-form`
 * (render_block / Block Hooks), a custom theme may fire none of those hooks.
 */
export type ProductHooks = "classic" | "blocks" | "none";

export interface ShippingZone {
  id: number;
  name: string;
  order: number;
  locations: { code: string; type: "country" | "continent" | "state" | "postcode" }[];
  methods: JsonObject[];
}

export interface WooDevStoreState {
  siteName: string;
  /** "pretty" serves /wp-json/…; "plain" breaks the REST API and /wc-auth the way WordPress does. */
  permalinks: "pretty" | "plain";
  /**
   * A security plugin answers anonymous REST requests (the /wp-json/ index, wp/v2, public
   * routes) 401 rest_login_required; requests authenticated with a WooCommerce key still work.
   */
  restIndexRestricted: boolean;
  keys: ApiKey[];
  usedNonces: Set<string>;
  systemStatus: JsonObject;
  settings: Record<string, JsonObject[]>;
  settingsGroups: JsonObject[];
  paymentGateways: JsonObject[];
  shippingZones: ShippingZone[];
  orders: JsonObject[];
  orderNotes: Map<number, JsonObject[]>;
  webhooks: WebhookRecord[];
  pages: WpPage[];
  /** WordPress options naming pages that are not WooCommerce REST settings (refund & returns, privacy). */
  pageOptions: Record<string, number>;
  /** The official Shipment Tracking extension: its routes exist only when it is active. */
  shipmentTracking: { active: boolean; providers: Record<string, Record<string, string>>; items: Map<number, TrackingItem[]> };
  products: WooProduct[];
  wordpressUpdates: WordPressUpdates;
  /** The storefront's theme (see ProductHooks). */
  theme: { productHooks: ProductHooks };
  /** The Rassure companion plugin's `wc-rassure/v1` routes (the stand-in keeps what was published). */
  companionPlugin: {
    active: boolean;
    config: Json | null;
    enabled: boolean;
    link: { adminSecret: string; appUrl: string; shop: string } | null;
    /** The plugin's `rassure_legal_pages` option: page ids per kind it has no WordPress setting for, and pending drafts ("draft:<kind>"). */
    legalPages: Record<string, number>;
  };
  nextId: { key: number; webhook: number; note: number; meta: number; order: number };
}

export interface WebhookDeliveryLog {
  webhookId: number;
  deliveryId: string;
  topic: string;
  /** The signed body as sent (empty for the ping). */
  rawBody: string;
  url: string;
  status: number | null;
  error: string | null;
}

export interface RestRequestLog {
  method: string;
  /** The REST route, e.g. "/wc/v3/system_status" or "/" for the index. */
  route: string;
  /** Whether a WooCommerce key authenticated it. */
  authenticated: boolean;
}

export interface SendWooWebhookOptions {
  deliveryId?: string;
  /** Sign with another secret (tests of a bad signature). */
  secret?: string;
  rawBody?: string;
}

export interface WooDevStoreOptions {
  port?: number;
  host?: string;
  /**
   * Outgoing requests (the /wc-auth key POST, webhook deliveries). Tests route the app's
   * https URL to a local server through it, as WordPress would reach the real app.
   */
  outboundFetch?: typeof fetch;
  /** WordPress refuses loopback/private targets (wp_safe_remote_post); dev setups may allow them. */
  allowPrivateTargets?: boolean;
  shipmentTracking?: boolean;
  permalinks?: "pretty" | "plain";
  /** Start with the anonymous REST API closed (see WooDevStoreState.restIndexRestricted). */
  restIndexRestricted?: boolean;
  /**
   * Treat `X-Forwarded-Proto: https` as https (a WordPress behind a TLS-terminating proxy with
   * `$_SERVER['HTTPS']` set from it), so Basic/query-key auth can be exercised over local http.
   */
  trustForwardedProto?: boolean;
  /** How the theme places the plugin's product blocks (default "classic", like Storefront). */
  productHooks?: ProductHooks;
  /** WordPress's clock in milliseconds (default Date.now); a frozen clock puts deliveries in one second. */
  clock?: () => number;
  /** Serve over https through a TLS-terminating proxy with this certificate (the store's URL is then https). */
  tls?: { key: string; cert: string };
  logger?: (line: string) => void;
}

export type { SimulationState } from "../simulation";
