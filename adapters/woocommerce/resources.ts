/**
 * Typed reads of the WooCommerce/WordPress resources the app uses, each parsed with the
 * validators in parse.ts (fields we read are checked, extra fields are ignored).
 */
import { array, bool, id, object, optional, parse, str, text, unknownValue } from "./parse";
import { COMPANION_NAMESPACE } from "./namespaces";
import { WooCommerceApiError, type WooReader } from "./rest-client";

export const systemStatusParser = object({
  environment: object({
    home_url: str,
    version: text,
    wp_version: text,
    php_version: text,
    language: text,
    wp_debug_mode: optional(bool),
    wp_cron: optional(bool),
  }),
  active_plugins: array(object({ plugin: str, name: text, version: text, version_latest: unknownValue })),
  theme: object({ name: text, version: text, version_latest: unknownValue }),
  security: object({ secure_connection: bool, hide_errors: bool }),
  pages: optional(array(object({ page_name: text, page_id: unknownValue, page_set: optional(bool), page_visible: optional(bool), block_present: optional(bool) }))),
});
export type SystemStatus = ReturnType<typeof systemStatusParser>;

const settingParser = object({ id: str, value: unknownValue });
const gatewayParser = object({ id: str, title: text, enabled: bool, method_title: text });
export type PaymentGateway = ReturnType<typeof gatewayParser>;
const zoneParser = object({ id: id, name: text });
const locationParser = object({ code: str, type: str });
/** A method's settings come as { id: { value, label, … } }; only the values free shipping needs are read. */
const settingValue = optional(object({ value: unknownValue }));
const zoneMethodParser = object({ instance_id: id, title: text, enabled: bool, method_id: str, settings: optional(object({ requires: settingValue, min_amount: settingValue })) });
const metaParser = object({ key: str, value: unknownValue });
export const orderParser = object({
  id: id,
  number: text,
  status: str,
  date_created: text,
  shipping: optional(object({ postcode: text, country: text })),
  date_completed: optional(text),
  billing: optional(object({ country: text, email: text })),
  meta_data: optional(array(metaParser)),
});
export type WooOrder = ReturnType<typeof orderParser>;
const pageParser = object({ id: id, slug: text, link: text, modified: text, title: object({ rendered: text }), content: object({ rendered: text }) });
export type WpPageSummary = ReturnType<typeof pageParser>;
export const webhookParser = object({ id: id, status: text, topic: text, delivery_url: text });
export type WooWebhook = ReturnType<typeof webhookParser>;
const indexParser = object({ name: text, home: text, timezone_string: text, namespaces: array(str) });
export type SiteIndex = ReturnType<typeof indexParser>;

/** Settings of one group as id → value; null when the group does not exist on this version. */
export async function fetchSettings(reader: WooReader, group: string): Promise<Map<string, unknown> | null> {
  try {
    const response = await reader.get(`settings/${group}`);
    return new Map(parse(array(settingParser), response.data, `settings/${group}`).map((option) => [option.id, option.value]));
  } catch (error) {
    if (error instanceof WooCommerceApiError && error.status === 404) return null;
    throw error;
  }
}

export function settingText(settings: Map<string, unknown> | null, key: string): string | null {
  const value = settings?.get(key);
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

export async function fetchSystemStatus(reader: WooReader): Promise<SystemStatus> {
  return parse(systemStatusParser, (await reader.get("system_status")).data, "system_status");
}

export async function fetchPaymentGateways(reader: WooReader): Promise<PaymentGateway[]> {
  return parse(array(gatewayParser), (await reader.get("payment_gateways")).data, "payment_gateways");
}

export interface ShippingZoneWithMethods {
  id: number;
  name: string;
  locations: { code: string; type: string }[];
  /** `requires` / `minAmount`: the free_shipping method's settings ("" / null when absent). */
  methods: { title: string; enabled: boolean; methodId: string; requires: string; minAmount: string }[];
}

const methodSetting = (setting: { value: unknown } | null): string => (typeof setting?.value === "string" ? setting.value : typeof setting?.value === "number" ? String(setting.value) : "");

export async function fetchShippingZones(reader: WooReader): Promise<ShippingZoneWithMethods[]> {
  const zones = parse(array(zoneParser), (await reader.get("shipping/zones")).data, "shipping/zones");
  return Promise.all(
    zones.map(async (zone) => {
      const [locations, methods] = await Promise.all([reader.get(`shipping/zones/${zone.id}/locations`), reader.get(`shipping/zones/${zone.id}/methods`)]);
      return {
        id: zone.id,
        name: zone.name,
        locations: parse(array(locationParser), locations.data, `shipping/zones/${zone.id}/locations`),
        methods: parse(array(zoneMethodParser), methods.data, `shipping/zones/${zone.id}/methods`).map((m) => ({
          title: m.title,
          enabled: m.enabled,
          methodId: m.method_id,
          requires: methodSetting(m.settings?.requires ?? null),
          minAmount: methodSetting(m.settings?.min_amount ?? null),
        })),
      };
    }),
  );
}

/** WooCommerce's `after` filter: an ISO 8601 date-time to the second. */
export const ordersAfterParam = (after: Date) => after.toISOString().slice(0, 19);

/** Orders created after `after`, newest first, at most 5 pages of 100 (the companion plugin reads as many). */
export async function fetchRecentOrders(reader: WooReader, after: Date): Promise<WooOrder[]> {
  const orders = await reader.getAll("orders", { after: ordersAfterParam(after), orderby: "date", order: "desc" }, 5);
  return parse(array(orderParser), orders, "orders");
}

/**
 * Published WordPress pages: public /wp/v2/pages, which a WooCommerce key does not authenticate;
 * `viaCompanion`: the same list through the companion plugin's key-authenticated `pages` route
 * (plugin 1.1+), for shops that close the anonymous REST API.
 */
export async function fetchPublishedPages(reader: WooReader, viaCompanion = false): Promise<WpPageSummary[]> {
  try {
    const pages = viaCompanion ? await reader.get("pages", {}, COMPANION_NAMESPACE) : await reader.get("pages", { per_page: 100, status: "publish" }, "wp/v2");
    return parse(array(pageParser), pages.data, "wp/v2/pages");
  } catch (error) {
    // Some hosts and security plugins close the WordPress core routes; pages then stay unknown.
    if (error instanceof WooCommerceApiError && (error.status === 401 || error.status === 403 || error.status === 404)) return [];
    throw error;
  }
}

/** The WordPress REST index (`/wp-json/`): site name, timezone and the namespaces installed plugins registered. */
export async function fetchSiteIndex(reader: WooReader): Promise<SiteIndex> {
  return parse(indexParser, await reader.getRestIndex(), "wp-json index");
}
