/**
 * The official Shipment Tracking extension's REST API (wc-shipment-tracking/v3), as described
 * by test/contracts/woocommerce/shipment-tracking: providers, and per-order trackings stored
 * in the order meta `_wc_shipment_tracking_items`.
 */
import { createHash } from "node:crypto";
import type { WooStoreContext } from "./context";
import { json, noRoute, wpError } from "./responses";
import type { JsonObject, TrackingItem } from "./types";

/** WordPress sanitize_title() for provider names ("TNT Express (consignment)" → "tnt-express-consignment"). */
function sanitizeTitle(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9\s-]/g, "")
    .trim()
    .replace(/[\s-]+/g, "-");
}

function findProvider(store: WooStoreContext, slug: string): { name: string; format: string } | null {
  for (const providers of Object.values(store.state.shipmentTracking.providers)) {
    for (const [name, format] of Object.entries(providers)) if (sanitizeTitle(name) === slug) return { name, format };
  }
  return null;
}

function dateShipped(item: TrackingItem): string {
  return new Date(item.date_shipped * 1000).toISOString().slice(0, 10);
}

function representation(store: WooStoreContext, orderId: number, item: TrackingItem): JsonObject {
  const provider = item.custom_tracking_provider ? null : findProvider(store, item.tracking_provider);
  const link = item.custom_tracking_link || (provider ? provider.format.replace("%1$s", encodeURIComponent(item.tracking_number)) : "");
  const base = `${store.homeUrl}/wp-json/wc-shipment-tracking/v3/orders/${orderId}/shipment-trackings`;
  return {
    tracking_id: item.tracking_id,
    tracking_provider: item.custom_tracking_provider || provider?.name || "",
    tracking_link: link,
    tracking_number: item.tracking_number,
    date_shipped: dateShipped(item),
    _links: { self: [{ href: `${base}/${item.tracking_id}` }], collection: [{ href: base }], up: [{ href: `${store.homeUrl}/wp-json/wc-shipment-tracking/v3/orders/${orderId}` }] },
  };
}

function syncOrderMeta(store: WooStoreContext, order: JsonObject, items: TrackingItem[]): void {
  const meta = ((order.meta_data as JsonObject[]) ?? []).filter((entry) => entry.key !== "_wc_shipment_tracking_items");
  if (items.length) meta.push({ id: store.state.nextId.meta++, key: "_wc_shipment_tracking_items", value: items.map((item) => ({ ...item })) });
  order.meta_data = meta;
}

function create(store: WooStoreContext, order: JsonObject, body: JsonObject): Response {
  const orderId = Number(order.id);
  const number = typeof body.tracking_number === "string" ? body.tracking_number.trim() : "";
  if (!number) return wpError("rest_missing_callback_param", "Missing parameter(s): tracking_number", 400);
  const shipped = typeof body.date_shipped === "string" && body.date_shipped ? Date.parse(body.date_shipped) : Date.now();
  if (!Number.isFinite(shipped)) return wpError("rest_invalid_param", "Invalid parameter(s): date_shipped", 400);
  const customProvider = typeof body.custom_tracking_provider === "string" ? body.custom_tracking_provider : "";
  const item: TrackingItem = {
    tracking_provider: customProvider ? "" : sanitizeTitle(typeof body.tracking_provider === "string" ? body.tracking_provider : ""),
    custom_tracking_provider: customProvider,
    custom_tracking_link: typeof body.custom_tracking_link === "string" ? body.custom_tracking_link : "",
    tracking_number: number,
    date_shipped: Math.floor(shipped / 1000),
    tracking_id: "",
  };
  item.tracking_id = createHash("md5").update(`${item.tracking_provider}-${item.tracking_number}${Math.random()}`).digest("hex");
  const items = store.state.shipmentTracking.items.get(orderId) ?? [];
  if (items.some((existing) => existing.tracking_number === item.tracking_number && existing.tracking_provider === item.tracking_provider && existing.custom_tracking_provider === item.custom_tracking_provider)) {
    return wpError("woocommerce_rest_shop_order_shipment_tracking_exists", "Cannot create existing order shipment tracking.", 400);
  }
  items.push(item);
  store.state.shipmentTracking.items.set(orderId, items);
  syncOrderMeta(store, order, items);
  const body201 = representation(store, orderId, item);
  return json(body201, 201, { Location: (body201._links as { self: { href: string }[] }).self[0].href });
}

/** Routes `wc-shipment-tracking/v3/<rest…>`; null when the extension is not active (WordPress then has no such route). */
export function shipmentTrackingRoute(store: WooStoreContext, method: string, rest: string[], body: JsonObject | null): Response {
  if (rest.length === 2 && rest[0] === "shipment-trackings" && rest[1] === "providers" && method === "GET") {
    return json(store.state.shipmentTracking.providers);
  }
  if (rest[0] !== "orders" || rest[2] !== "shipment-trackings") return noRoute();
  const order = store.state.orders.find((o) => String(o.id) === rest[1]);
  if (!order) return wpError("woocommerce_rest_order_invalid_id", "Invalid order ID.", 404);
  const orderId = Number(order.id);
  const items = store.state.shipmentTracking.items.get(orderId) ?? [];
  if (rest.length === 3) {
    if (method === "GET") return json(items.map((item) => representation(store, orderId, item)));
    if (method === "POST") return create(store, order, body ?? {});
    return noRoute();
  }
  if (rest.length !== 4) return noRoute();
  const item = items.find((i) => i.tracking_id === rest[3]);
  if (!item) return wpError("woocommerce_rest_order_shipment_tracking_invalid_id", "Invalid shipment tracking ID.", 404);
  if (method === "GET") return json(representation(store, orderId, item));
  if (method === "DELETE") {
    const remaining = items.filter((i) => i !== item);
    store.state.shipmentTracking.items.set(orderId, remaining);
    syncOrderMeta(store, order, remaining);
    return json(representation(store, orderId, item));
  }
  return noRoute();
}
