/**
 * Webhook payloads: the contract examples (test/contracts/shopify/
 * webhook-payloads-2026-01/metadata/<topic>.json) rewritten for this shop,
 * and a fulfillments/update payload built from a fulfillment record.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { DevStoreContext } from "./context";
import { parseGid } from "./state";
import { toShopLocalTime } from "./time";
import type { FulfillmentRecord, OrderRecord } from "./types";

export const WEBHOOK_CONTRACTS_DIR = fileURLToPath(
  new URL("../../test/contracts/shopify/webhook-payloads-2026-01/metadata/", import.meta.url),
);

interface ContractExample {
  name: string;
  related_resource?: string;
  response: unknown;
}

const contractCache = new Map<string, ContractExample | null>();

/** "APP_UNINSTALLED" or "app/uninstalled" -> "APP_UNINSTALLED" (shopify-api's topicForStorage). */
export function topicKey(topic: string): string {
  return topic.toUpperCase().replace(/\/|\./g, "_");
}

export function loadContractExample(topic: string): ContractExample | null {
  const normalised = topic.toLowerCase();
  if (!/^[a-z_]+\/[a-z_]+$/.test(normalised)) return null;
  if (contractCache.has(normalised)) return contractCache.get(normalised) ?? null;
  const file = `${WEBHOOK_CONTRACTS_DIR}${normalised}.json`;
  const example = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as ContractExample) : null;
  contractCache.set(normalised, example);
  return example;
}

function shopNumericId(store: DevStoreContext): number {
  return Number(parseGid(store.state.shop.id)?.id ?? 0);
}

/** Values for the keys of a REST Shop resource. */
function shopResourceValues(store: DevStoreContext): Record<string, unknown> {
  const shop = store.state.shop;
  const address = shop.billingAddress;
  const tz = shop.ianaTimezone;
  return {
    id: shopNumericId(store),
    name: shop.name,
    email: shop.email,
    domain: shop.primaryDomain.host,
    province: address.province,
    country: address.countryCodeV2,
    address1: address.address1,
    zip: address.zip,
    city: address.city,
    source: null,
    phone: address.phone,
    latitude: address.latitude,
    longitude: address.longitude,
    primary_locale: shop.primaryLocale,
    address2: address.address2,
    created_at: toShopLocalTime(shop.createdAt, tz),
    updated_at: toShopLocalTime(shop.updatedAt, tz),
    country_code: address.countryCodeV2,
    country_name: address.country,
    currency: shop.currencyCode,
    customer_email: shop.contactEmail,
    timezone: `(GMT${shop.timezoneOffset.slice(0, 3)}:${shop.timezoneOffset.slice(3)}) ${tz}`,
    iana_timezone: tz,
    shop_owner: shop.shopOwnerName,
    money_format: "{{amount_with_comma_separator}} €",
    money_with_currency_format: "{{amount_with_comma_separator}} € EUR",
    weight_unit: "kg",
    province_code: address.provinceCode,
    taxes_included: shop.taxesIncluded,
    auto_configure_tax_inclusivity: null,
    tax_shipping: shop.taxShipping,
    county_taxes: false,
    plan_display_name: shop.plan.publicDisplayName,
    plan_name: shop.plan.partnerDevelopment ? "partner_test" : "basic",
    has_discounts: false,
    has_gift_cards: false,
    myshopify_domain: shop.myshopifyDomain,
    google_apps_domain: null,
    google_apps_login_enabled: null,
    money_in_emails_format: "{{amount_with_comma_separator}} €",
    money_with_currency_in_emails_format: "{{amount_with_comma_separator}} € EUR",
    eligible_for_payments: true,
    requires_extra_payments_agreement: false,
    password_enabled: store.state.onlineStore.passwordProtection.enabled,
    has_storefront: true,
    finances: true,
    checkout_api_supported: shop.checkoutApiSupported,
    multi_location_enabled: true,
    setup_required: shop.setupRequired,
    pre_launch_enabled: false,
    enabled_presentment_currencies: shop.enabledPresentmentCurrencies,
    transactional_sms_disabled: shop.transactionalSmsDisabled,
  };
}

function replacePlaceholders(value: unknown, shopDomain: string): unknown {
  if (typeof value === "string") return value.replace(/\{shop\}\.myshopify\.com/g, shopDomain);
  if (Array.isArray(value)) return value.map((item) => replacePlaceholders(item, shopDomain));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, replacePlaceholders(v, shopDomain)]),
    );
  }
  return value;
}

/** The contract example of `topic` with its shop fields rewritten to this shop. */
export function defaultWebhookPayload(store: DevStoreContext, topic: string): unknown {
  const example = loadContractExample(topic);
  if (!example) {
    throw new Error(
      `No default payload for webhook topic "${topic}": no contract example at ${WEBHOOK_CONTRACTS_DIR}${topic}.json. Pass a payload.`,
    );
  }
  const payload = replacePlaceholders(structuredClone(example.response), store.shopDomain);
  if (!payload || typeof payload !== "object" || Array.isArray(payload)) return payload;
  const record = payload as Record<string, unknown>;
  if (example.related_resource === "Shop" && "myshopify_domain" in record) {
    const values = shopResourceValues(store);
    for (const key of Object.keys(record)) if (key in values) record[key] = values[key];
    return record;
  }
  const shop = store.state.shop;
  const rewrites: Record<string, unknown> = {
    shop_id: shopNumericId(store),
    shop_domain: store.shopDomain,
    myshopify_domain: store.shopDomain,
    domain: shop.primaryDomain.host,
  };
  for (const [key, value] of Object.entries(rewrites)) if (key in record) record[key] = value;
  return record;
}

// ---------------------------------------------------------------------------
// fulfillments/update
// ---------------------------------------------------------------------------

function numeric(id: string): number {
  return Number(parseGid(id)?.id ?? 0);
}

export function fulfillmentWebhookPayload(
  store: DevStoreContext,
  order: OrderRecord,
  fulfillment: FulfillmentRecord,
): Record<string, unknown> {
  const tz = store.state.shop.ianaTimezone;
  const template = (loadContractExample("fulfillments/update")?.response ?? {}) as Record<string, unknown>;
  const templateItem = (Array.isArray(template.line_items) ? template.line_items[0] : {}) as Record<string, unknown>;
  const currency = order.currencyCode;
  const money = (amount: string) => ({
    shop_money: { amount, currency_code: currency },
    presentment_money: { amount, currency_code: currency },
  });
  const address = order.shippingAddress;
  const tracking = fulfillment.trackingInfo;
  const numbers = tracking.map((t) => t.number).filter((n): n is string => Boolean(n));
  const urls = tracking.map((t) => t.url).filter((u): u is string => Boolean(u));
  return {
    ...template,
    id: numeric(fulfillment.id),
    order_id: numeric(order.id),
    status: fulfillment.status.toLowerCase(),
    created_at: toShopLocalTime(fulfillment.createdAt, tz),
    service: "manual",
    updated_at: toShopLocalTime(fulfillment.updatedAt, tz),
    tracking_company: tracking[0]?.company ?? null,
    shipment_status: null,
    location_id: null,
    origin_address: null,
    email: order.email,
    destination: address
      ? {
          first_name: address.firstName,
          address1: address.address1,
          phone: address.phone,
          city: address.city,
          zip: address.zip,
          province: address.province,
          country: address.country,
          last_name: address.lastName,
          address2: address.address2,
          company: address.company,
          latitude: null,
          longitude: null,
          name: address.name,
          country_code: address.countryCodeV2,
          province_code: address.provinceCode,
        }
      : null,
    line_items: order.lineItems
      .filter((item) => fulfillment.lineItemIds.includes(item.id))
      .map((item) => ({
        ...templateItem,
        id: numeric(item.id),
        variant_id: null,
        title: item.title,
        quantity: item.quantity,
        sku: item.sku,
        variant_title: null,
        vendor: store.state.shop.name,
        fulfillment_service: "manual",
        product_id: null,
        requires_shipping: item.requiresShipping,
        name: item.name,
        product_exists: true,
        fulfillable_quantity: 0,
        price: item.price,
        total_discount: "0.00",
        fulfillment_status: "fulfilled",
        price_set: money(item.price),
        total_discount_set: money("0.00"),
        discount_allocations: [],
        duties: [],
        admin_graphql_api_id: item.id,
        tax_lines: [],
      })),
    tracking_number: numbers[0] ?? null,
    tracking_numbers: numbers,
    tracking_url: urls[0] ?? null,
    tracking_urls: urls,
    receipt: {},
    name: fulfillment.name,
    admin_graphql_api_id: fulfillment.id,
  };
}
