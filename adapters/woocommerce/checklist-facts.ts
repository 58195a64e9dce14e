/**
 * The checklist's WooCommerce collector: system status, settings groups, payment gateways,
 * shipping zones, recent orders, published pages and the REST index, mapped into the
 * platform-neutral PlatformChecklistFacts. With the companion plugin active they come in one
 * request (companion-facts.ts); without it, as REST calls in parallel (19 on the dev store). What a WooCommerce
 * key cannot see (administrator accounts, the cookie banner, products' GPSR data) stays null
 * and the checks fall back to the storefront probe or an attestation.
 *
 * Latest versions are only what WordPress itself knows (its update check, read by the plugin);
 * without the plugin, a version is "latest unknown" unless system_status names a newer one.
 */
import type { PaymentMethodFact, PlatformChecklistFacts, ShippingMethodFact, SoftwareComponentFact } from "../checklist-snapshot";
import { legalPagesFrom } from "./legal-pages";
import {
  fetchPaymentGateways,
  fetchPublishedPages,
  fetchRecentOrders,
  fetchSettings,
  fetchShippingZones,
  fetchSiteIndex,
  fetchSystemStatus,
  ordersAfterParam,
  settingText,
  type PaymentGateway,
  type ShippingZoneWithMethods,
  type SystemStatus,
  type WooOrder,
} from "./resources";
import { readCompanionFacts, type CompanionSiteFacts } from "./companion-facts";
import { fetchWooReviewsAggregate, ratingsFromCompanion } from "./product-ratings";
import { fetchProductPermalinks, storefrontPagesFrom } from "./storefront-pages";
import type { WooReader, WooRestClient } from "./rest-client";
import { storeDomain } from "./store-url";
import { trackingItemsOf } from "./tracking";

/**
 * Gateway ids by what they mean for the checks. Stripe and WooPayments apply 3-D Secure
 * when the bank asks (SCA); for the others it cannot be seen from the settings.
 */
const GATEWAY_KINDS: Record<string, Pick<PaymentMethodFact, "kind" | "strongAuthentication">> = {
  stripe: { kind: "card-psp", strongAuthentication: true },
  woocommerce_payments: { kind: "card-psp", strongAuthentication: true },
  "ppcp-gateway": { kind: "card-psp", strongAuthentication: null },
  "ppcp-credit-card-gateway": { kind: "card-psp", strongAuthentication: null },
  paypal: { kind: "paypal-standard", strongAuthentication: null },
  mollie_wc_gateway_creditcard: { kind: "card-psp", strongAuthentication: null },
  payplug: { kind: "card-psp", strongAuthentication: null },
  alma: { kind: "card-psp", strongAuthentication: null },
  bacs: { kind: "offline", strongAuthentication: null },
  cheque: { kind: "offline", strongAuthentication: null },
  cod: { kind: "offline", strongAuthentication: null },
};

const TRACKING_WINDOW_DAYS = 30;

function paymentMethods(gateways: PaymentGateway[]): PaymentMethodFact[] {
  return gateways.map((gateway) => ({
    id: gateway.id,
    title: gateway.title || gateway.method_title || gateway.id,
    enabled: gateway.enabled,
    source: "gateway-settings" as const,
    ...(GATEWAY_KINDS[gateway.id] ?? (gateway.id.startsWith("stripe") ? GATEWAY_KINDS.stripe : { kind: "unknown" as const, strongAuthentication: null })),
  }));
}

function shippingMethods(zones: ShippingZoneWithMethods[]): ShippingMethodFact[] {
  return zones.flatMap((zone) => {
    const countries = zone.id === 0 ? ["*"] : zone.locations.filter((l) => l.type === "country").map((l) => l.code.toUpperCase());
    return zone.methods.map((method) => ({ zone: zone.name, countries, name: method.title, description: method.title || null, enabled: method.enabled }));
  });
}

function shipsTo(zones: ShippingZoneWithMethods[]): string[] {
  const countries = new Set<string>();
  for (const zone of zones) {
    if (!zone.methods.some((m) => m.enabled)) continue;
    for (const location of zone.locations) {
      if (location.type === "country") countries.add(location.code.toUpperCase());
      if (location.type === "state") countries.add(location.code.split(":")[0].toUpperCase());
    }
  }
  return [...countries].sort();
}

const WOOCOMMERCE_PLUGIN = "woocommerce/woocommerce.php";

function versionText(value: unknown): string | null {
  return typeof value === "string" && value && value !== "0" ? value : null;
}

/**
 * system_status `version_latest` of a plugin is its own version when WordPress knows of no update,
 * and also when it never checked: only a different version says something (an update exists).
 */
function newerFromStatus(version: string, reported: unknown): string | null {
  const latest = versionText(reported);
  return latest && latest !== version ? latest : null;
}

function components(status: SystemStatus, updates: CompanionSiteFacts["updates"] | null): SoftwareComponentFact[] {
  const env = status.environment;
  const known = new Map((updates?.plugins ?? []).map((plugin) => [plugin.plugin, plugin.latest]));
  const pluginLatest = (file: string, version: string, reported: unknown) => known.get(file) ?? newerFromStatus(version, reported);
  const wooPlugin = status.active_plugins.find((plugin) => plugin.plugin === WOOCOMMERCE_PLUGIN);
  return [
    { kind: "core", name: "WordPress", version: env.wp_version || null, latestVersion: updates?.core.latest ?? null },
    { kind: "commerce", name: "WooCommerce", version: env.version || null, latestVersion: pluginLatest(WOOCOMMERCE_PLUGIN, env.version, wooPlugin?.version_latest) },
    { kind: "php", name: "PHP", version: env.php_version || null, latestVersion: null },
    // WooCommerce asks wordpress.org for the theme's latest version: a value it got is the real one.
    { kind: "theme", name: status.theme.name, version: status.theme.version || null, latestVersion: updates?.theme?.latest ?? versionText(status.theme.version_latest) },
    ...status.active_plugins
      .filter((plugin) => plugin.plugin !== WOOCOMMERCE_PLUGIN)
      .map((plugin) => ({ kind: "plugin" as const, name: plugin.name || plugin.plugin, version: plugin.version || null, latestVersion: pluginLatest(plugin.plugin, plugin.version, plugin.version_latest) })),
  ];
}

function trackingCoverage(orders: WooOrder[], now: Date): PlatformChecklistFacts["tracking"] {
  const since = now.getTime() - TRACKING_WINDOW_DAYS * 86_400_000;
  const shipped = orders.filter((order) => order.status === "completed" && Date.parse(`${order.date_created}Z`) >= since);
  return { windowDays: TRACKING_WINDOW_DAYS, shipments: shipped.length, withTrackingUrl: shipped.filter((order) => trackingItemsOf(order).length > 0).length };
}

const yes = (value: string | null) => (value === null ? null : value === "yes");

export async function collectWooChecklistFacts(client: WooRestClient, now = new Date()): Promise<PlatformChecklistFacts> {
  const before = client.requests;
  const ordersAfter = new Date(now.getTime() - TRACKING_WINDOW_DAYS * 86_400_000);
  const companion = await readCompanionFacts(client, ordersAfterParam(ordersAfter));
  const reader: WooReader = companion ?? client;
  const site = companion?.site ?? null;
  const [index, status, general, advanced, tax, account, products, email, gateways, zones, orders, pages, productLinks, ratings] = await Promise.all([
    fetchSiteIndex(reader),
    fetchSystemStatus(reader),
    fetchSettings(reader, "general"),
    fetchSettings(reader, "advanced"),
    fetchSettings(reader, "tax"),
    fetchSettings(reader, "account"),
    fetchSettings(reader, "products"),
    fetchSettings(reader, "email"),
    fetchPaymentGateways(reader),
    fetchShippingZones(reader),
    fetchRecentOrders(reader, ordersAfter),
    fetchPublishedPages(reader),
    fetchProductPermalinks(companion ?? client),
    // The shop-wide rating: computed inside WordPress by the plugin, else from every product over REST (one request per 100 products).
    companion?.site?.ratings ? ratingsFromCompanion(companion.site.ratings, now) : fetchWooReviewsAggregate(client, now),
  ]);
  const storeUrl = client.credentials.storeUrl.replace(/\/+$/, "");
  const termsId = Number(settingText(advanced, "woocommerce_terms_page_id"));
  const country = settingText(general, "woocommerce_default_country")?.split(":")[0] ?? null;
  const contactEmail = settingText(email, "woocommerce_email_from_address");
  const retention = [settingText(account, "woocommerce_delete_inactive_accounts"), settingText(account, "woocommerce_anonymize_completed_orders")];
  return {
    platform: "woocommerce",
    shopDomain: storeDomain(storeUrl),
    adminBaseUrl: `${storeUrl}/wp-admin/`,
    name: index.name || storeDomain(storeUrl),
    countryCode: country,
    shipsToCountries: shipsTo(zones),
    storefrontUrl: status.environment.home_url.replace(/\/+$/, ""),
    storefrontHttps: status.security.secure_connection,
    storefrontLocked: false,
    contact: {
      email: contactEmail,
      phone: null,
      address: {
        company: index.name || null,
        address1: settingText(general, "woocommerce_store_address"),
        city: settingText(general, "woocommerce_store_city"),
        zip: settingText(general, "woocommerce_store_postcode"),
        countryCode: country,
      },
    },
    legalPages: legalPagesFrom(pages, Number.isInteger(termsId) && termsId > 0 ? termsId : null),
    taxesIncluded: yes(settingText(tax, "woocommerce_prices_include_tax")),
    payments: { methods: paymentMethods(gateways), hostedCheckout: false },
    shipping: shippingMethods(zones),
    software: {
      platformManaged: false,
      components: components(status, site?.updates ?? null),
      errorsHidden: status.security.hide_errors,
      debugMode: status.environment.wp_debug_mode,
      scheduledTasksOk: status.environment.wp_cron,
      updatesCheckedAt: site?.updates?.checked_at ?? null,
    },
    activePlugins: status.active_plugins.map((plugin) => plugin.plugin),
    administrators: null,
    tracking: trackingCoverage(orders, now),
    products: null,
    ratings,
    reviews: products ? { enabled: yes(settingText(products, "woocommerce_enable_reviews")), verifiedLabel: yes(settingText(products, "woocommerce_review_rating_verification_label")) } : null,
    theme: { name: status.theme.name, version: status.theme.version || null, themeStoreId: null, footerShowsPolicies: null, footerShowsPaymentIcons: null },
    cookieBannerEnabled: null,
    retentionConfigured: account ? retention.some((value) => value !== null) : null,
    cost: { requests: client.requests - before, queryCost: null },
    timeZone: index.timezone_string || null,
    storefrontPages: storefrontPagesFrom({ site, advanced, pages, status, products: productLinks }),
    orderButton: site?.order_button ?? null,
  };
}
