/**
 * The dev store's shop: "Savonnerie du Vieux-Port", a small French soap maker in Marseille.
 * Every resource starts from a response recorded on a real WooCommerce 8.9.1 and is
 * re-valued for a French shop. Deliberate gaps for the checklist: no terms page set, the
 * privacy page is still WordPress's draft, no shipping/legal-notice page, WP_DEBUG with
 * errors displayed, the storefront on plain http, cheque payments enabled, and the
 * "Rest of the World" zone without methods.
 */
import { contract } from "./contracts";
import type { JsonObject, ProductHooks, ShippingZone, WooDevStoreState, WooProduct, WordPressUpdates, WpPage } from "./types";

const MODIFIED = "2026-10-02T09:14:00";

function settingOption(group: string, id: string, label: string, value: string, type = "text"): JsonObject {
  return { id, label, description: "", type, default: "", tip: "", value, group_id: group };
}

function generalSettings(): JsonObject[] {
  const values: Record<string, string> = {
    woocommerce_store_address: "12 quai du Port",
    woocommerce_store_city: "Marseille",
    woocommerce_default_country: "FR",
    woocommerce_store_postcode: "13002",
    woocommerce_allowed_countries: "specific",
    woocommerce_specific_allowed_countries: "",
    woocommerce_ship_to_countries: "",
    woocommerce_calc_taxes: "yes",
    woocommerce_currency: "EUR",
    woocommerce_currency_pos: "right_space",
    woocommerce_price_thousand_sep: " ",
    woocommerce_price_decimal_sep: ",",
  };
  const recorded = contract<JsonObject[]>("recorded-8.9.1/settings_general.json");
  return recorded.map((option) => {
    const id = String(option.id);
    if (id === "woocommerce_specific_allowed_countries") return { ...option, value: ["FR", "BE", "CH", "LU", "MC"] };
    return id in values ? { ...option, value: values[id] } : option;
  });
}

function otherSettings(): Record<string, JsonObject[]> {
  return {
    advanced: [
      settingOption("advanced", "woocommerce_cart_page_id", "Cart page", "6", "single_select_page"),
      settingOption("advanced", "woocommerce_checkout_page_id", "Checkout page", "7", "single_select_page"),
      settingOption("advanced", "woocommerce_myaccount_page_id", "My account page", "8", "single_select_page"),
      settingOption("advanced", "woocommerce_terms_page_id", "Terms and conditions", "", "single_select_page"),
      settingOption("advanced", "woocommerce_force_ssl_checkout", "Force secure checkout", "no", "checkbox"),
    ],
    tax: [settingOption("tax", "woocommerce_prices_include_tax", "Prices entered with tax", "yes", "radio")],
    account: [
      settingOption("account", "woocommerce_delete_inactive_accounts", "Retain inactive accounts", "", "relative_date_selector"),
      settingOption("account", "woocommerce_anonymize_completed_orders", "Retain completed orders", "", "relative_date_selector"),
    ],
    products: [
      settingOption("products", "woocommerce_enable_reviews", "Enable product reviews", "yes", "checkbox"),
      settingOption("products", "woocommerce_review_rating_verification_label", "Show \"verified owner\" label", "yes", "checkbox"),
    ],
    email: [settingOption("email", "woocommerce_email_from_address", "\"From\" address", "bonjour@savonnerie-vieux-port.fr", "email")],
  };
}

function paymentGateways(): JsonObject[] {
  const french: Record<string, { title: string; enabled: boolean }> = {
    bacs: { title: "Virement bancaire", enabled: true },
    cheque: { title: "Chèque", enabled: true },
    cod: { title: "Paiement à la livraison", enabled: false },
  };
  const recorded = contract<JsonObject[]>("recorded-8.9.1/payment_gateways.json").map((gateway) => ({
    ...gateway,
    ...french[String(gateway.id)],
  }));
  const template = recorded[0];
  const stripe: JsonObject = {
    ...template,
    id: "stripe",
    title: "Carte bancaire",
    description: "Paiement sécurisé par carte (3-D Secure).",
    order: 0,
    enabled: true,
    method_title: "Stripe",
    method_description: "Accept debit and credit cards in 135+ currencies.",
    settings: { title: { id: "title", label: "Title", type: "text", value: "Carte bancaire", default: "" } },
  };
  return [stripe, ...recorded];
}

function flatRate(instanceId: number, title: string, cost: string): JsonObject {
  const [recorded] = contract<JsonObject[]>("shipping-zone-methods.list-all-shipping-methods-from-a-shipping-zone.response.json");
  const settings = { ...(recorded.settings as JsonObject) };
  settings.title = { ...(settings.title as JsonObject), value: title };
  settings.cost = { ...(settings.cost as JsonObject), value: cost };
  return { ...recorded, instance_id: instanceId, title, order: 1, enabled: true, method_id: "flat_rate", method_title: "Flat rate", settings };
}

/** WooCommerce's free_shipping method as the REST API lists it, free from `minAmount` (requires "min_amount"). */
function freeShipping(instanceId: number, minAmount: string): JsonObject {
  const recorded = contract<JsonObject[]>("shipping-zone-methods.list-all-shipping-methods-from-a-shipping-zone.response.json").find((m) => m.method_id === "free_shipping")!;
  const settings = { ...(recorded.settings as JsonObject) };
  settings.title = { ...(settings.title as JsonObject), value: "Livraison offerte" };
  settings.requires = { ...(settings.requires as JsonObject), value: "min_amount" };
  settings.min_amount = { ...(settings.min_amount as JsonObject), value: minAmount };
  return { ...recorded, instance_id: instanceId, title: "Livraison offerte", order: 2, settings };
}

function shippingZones(): ShippingZone[] {
  return [
    { id: 1, name: "France métropolitaine", order: 0, locations: [{ code: "FR", type: "country" }], methods: [flatRate(1, "Colissimo – livré en 48 h", "5.90"), freeShipping(3, "60")] },
    {
      id: 2,
      name: "Belgique, Suisse, Luxembourg",
      order: 1,
      locations: ["BE", "CH", "LU"].map((code) => ({ code, type: "country" as const })),
      methods: [flatRate(2, "Colissimo International", "12.50")],
    },
    { id: 0, name: "Rest of the World", order: 2, locations: [], methods: [] },
  ];
}

function pages(): WpPage[] {
  const page = (id: number, slug: string, title: string, content: string, status: WpPage["status"] = "publish"): WpPage => ({
    id,
    slug,
    status,
    title,
    content,
    modified: MODIFIED,
  });
  return [
    page(5, "boutique", "Boutique", ""),
    page(6, "panier", "Panier", "<!-- wp:woocommerce/cart /-->"),
    page(7, "commande", "Commande", "<!-- wp:woocommerce/checkout /-->"),
    page(8, "mon-compte", "Mon compte", "[woocommerce_my_account]"),
    page(3, "politique-de-confidentialite", "Politique de confidentialité", "<h2>Qui sommes-nous ?</h2><p>Suggested text: Our website address is…</p>", "draft"),
    page(9, "mentions-legales-brouillon", "Mentions légales", "", "draft"),
    page(10, "contact", "Contact", "<p>Écrivez-nous : bonjour@savonnerie-vieux-port.fr — 04 91 00 00 00</p>"),
    page(11, "remboursements-et-retours", "Remboursements et retours", "<p>Vous disposez de 14 jours pour changer d’avis. Retours à nos frais.</p>"),
  ];
}

function products(): WooProduct[] {
  return [
    { id: 31, name: "Savon au lait d'ânesse – lavande", slug: "savon-lait-anesse-lavande", status: "publish", price: 690, sku: "SAV-LAV-100", shortDescription: "Saponifié à froid à Marseille, 100 g.", averageRating: "4.50", ratingCount: 8 },
    { id: 32, name: "Savon d'Alep 30 % laurier", slug: "savon-alep-laurier", status: "publish", price: 850, sku: "SAV-ALE-200", shortDescription: "Huile d'olive et baies de laurier, 200 g.", averageRating: "4.83", ratingCount: 6 },
    { id: 33, name: "Coffret découverte", slug: "coffret-decouverte", status: "draft", price: 2400, sku: "", shortDescription: "", averageRating: "0.00", ratingCount: 0 },
  ];
}

/**
 * WordPress's own update check as a shop that ran WP-Cron this morning would have it: a minor
 * WordPress release and a WooCommerce patch are available; Storefront's latest comes from
 * wordpress.org; the Rassure plugin is not hosted there (unknown).
 */
function wordpressUpdates(): WordPressUpdates {
  return {
    lastChecked: new Date(Date.now() - 5 * 3_600_000).toISOString().slice(0, 19),
    coreLatest: "6.5.5",
    plugins: { "woocommerce/woocommerce.php": "8.9.3" },
    themeLatest: "4.6.0",
  };
}

const CUSTOMERS = [
  ["Camille", "Martin", "8 rue Paradis", "Marseille", "13001"],
  ["Lucas", "Bernard", "21 avenue Jean Jaurès", "Lyon", "69007"],
  ["Léa", "Dubois", "3 place du Capitole", "Toulouse", "31000"],
  ["Hugo", "Moreau", "45 boulevard Haussmann", "Paris", "75009"],
  ["Chloé", "Lefèvre", "17 rue Sainte-Catherine", "Bordeaux", "33000"],
];

function orders(): JsonObject[] {
  const template = contract<JsonObject>("recorded-8.9.1/order.json");
  const statuses = ["completed", "processing", "processing", "on-hold", "completed"];
  return Array.from({ length: 23 }, (_, index) => {
    const id = 101 + index;
    const [first_name, last_name, address_1, city, postcode] = CUSTOMERS[index % CUSTOMERS.length];
    const address = { first_name, last_name, company: "", address_1, address_2: "", city, state: "", postcode, country: "FR" };
    // Recent orders, one every ~2 days back from now, so "last 30 days" windows see some.
    const created = new Date(Date.now() - (index * 2 + 1) * 86_400_000).toISOString().slice(0, 19);
    return {
      ...template,
      id,
      number: String(id),
      status: statuses[index % statuses.length],
      currency: "EUR",
      currency_symbol: "€",
      date_created: created,
      date_modified: created,
      date_completed: statuses[index % statuses.length] === "completed" ? created : null,
      order_key: `wc_order_savon${id}`,
      billing: { ...(template.billing as JsonObject), ...address, email: `${first_name.toLowerCase()}.${id}@exemple.fr`, phone: "" },
      shipping: { ...(template.shipping as JsonObject), ...address },
      payment_method: "stripe",
      payment_method_title: "Carte bancaire",
      meta_data: [],
      _links: {},
    };
  });
}

export function createSeedState(options: { shipmentTracking: boolean; permalinks: "pretty" | "plain"; productHooks?: ProductHooks; restIndexRestricted: boolean }): WooDevStoreState {
  const systemStatus = contract<JsonObject>("recorded-8.9.1/system_status.json");
  const environment = systemStatus.environment as JsonObject;
  Object.assign(environment, { language: "fr_FR", default_timezone: "Europe/Paris", wp_debug_mode: true });
  systemStatus.security = { secure_connection: false, hide_errors: false };
  systemStatus.theme = { ...(systemStatus.theme as JsonObject), name: "Storefront", version: "4.5.4", version_latest: "4.6.0", has_woocommerce_support: true };
  systemStatus.settings = { ...(systemStatus.settings as JsonObject), currency: "EUR", currency_symbol: "&euro;", currency_position: "right_space" };
  const plugins = systemStatus.active_plugins as JsonObject[];
  if (options.shipmentTracking) {
    plugins.push({ plugin: "woocommerce-shipment-tracking/woocommerce-shipment-tracking.php", name: "WooCommerce Shipment Tracking", version: "1.6.23", version_latest: "2.4.1", url: "https://woocommerce.com/products/shipment-tracking/", author_name: "WooCommerce", author_url: "https://woocommerce.com", network_activated: false });
  }
  plugins.push({ plugin: "rassure-for-woocommerce/rassure-for-woocommerce.php", name: "Rassure for WooCommerce", version: "1.1.0", version_latest: "1.1.0", url: "", author_name: "Rassure", author_url: "", network_activated: false });

  const zones = shippingZones();
  return {
    siteName: "Savonnerie du Vieux-Port",
    permalinks: options.permalinks,
    restIndexRestricted: options.restIndexRestricted,
    keys: [],
    usedNonces: new Set(),
    systemStatus,
    settings: { general: generalSettings(), ...otherSettings() },
    settingsGroups: contract<JsonObject[]>("settings.list-all-settings-groups.response.json"),
    paymentGateways: paymentGateways(),
    shippingZones: zones,
    orders: orders(),
    orderNotes: new Map(),
    webhooks: [],
    pages: pages(),
    products: products(),
    wordpressUpdates: wordpressUpdates(),
    theme: { productHooks: options.productHooks ?? "classic" },
    // WooCommerce creates its "Refund and Returns" page on install; WordPress's privacy page is still a draft.
    pageOptions: { woocommerce_refund_returns_page_id: 11, wp_page_for_privacy_policy: 3 },
    shipmentTracking: {
      active: options.shipmentTracking,
      providers: {
        France: {
          Colissimo: "https://www.laposte.fr/outils/suivre-vos-envois?code=%1$s",
          "Chronopost": "https://www.chronopost.fr/tracking-no-cms/suivi-page?listeNumerosLT=%1$s",
        },
        "United Kingdom": { "Royal Mail": "https://www.royalmail.com/track-your-item#/tracking-results/%1$s" },
      },
      items: new Map(),
    },
    companionPlugin: { active: true, config: null, enabled: false, link: null, legalPages: {} },
    nextId: { key: 1, webhook: 1, note: 1, meta: 1, order: 200 },
  };
}
