/**
 * The wc/v3 resources the app reads and writes, shaped like the contract examples:
 * system_status, settings groups/options, payment gateways, shipping zones (+ locations and
 * methods), orders (+ notes, meta_data) and webhooks. Order updates fire `order.updated`.
 */
import { isoNow, type WooStoreContext } from "./context";
import { contract } from "./contracts";
import { json, noRoute, paginated, wpError } from "./responses";
import type { Json, JsonObject, WooDevStoreState } from "./types";
import { fireTopic, webhooksRoute } from "./webhooks";

function orderRepresentation(store: WooStoreContext, order: JsonObject): JsonObject {
  const self = `${store.homeUrl}/wp-json/wc/v3/orders/${order.id}`;
  return { ...order, _links: { self: [{ href: self }], collection: [{ href: `${store.homeUrl}/wp-json/wc/v3/orders` }] } };
}

function noteRepresentation(store: WooStoreContext, orderId: number, note: JsonObject): JsonObject {
  const base = `${store.homeUrl}/wp-json/wc/v3/orders/${orderId}`;
  return { ...note, _links: { self: [{ href: `${base}/notes/${note.id}` }], collection: [{ href: `${base}/notes` }], up: [{ href: base }] } };
}

/** meta_data updates: entries with an id replace that entry, others replace by key or are added. */
function mergeMeta(store: WooStoreContext, existing: JsonObject[], updates: Json): JsonObject[] | string {
  if (!Array.isArray(updates)) return "meta_data";
  const result = existing.map((entry) => ({ ...entry }));
  for (const update of updates) {
    if (!update || typeof update !== "object" || Array.isArray(update) || typeof update.key !== "string") return "meta_data";
    const match = result.find((entry) => (update.id !== undefined ? entry.id === update.id : entry.key === update.key));
    if (match) match.value = update.value ?? "";
    else result.push({ id: store.state.nextId.meta++, key: update.key, value: update.value ?? "" });
  }
  return result;
}

const ORDER_STATUSES = ["pending", "processing", "on-hold", "completed", "cancelled", "refunded", "failed", "trash"];

function updateOrder(store: WooStoreContext, order: JsonObject, body: JsonObject): Response {
  if (body.status !== undefined) {
    if (typeof body.status !== "string" || !ORDER_STATUSES.includes(body.status)) return wpError("rest_invalid_param", "Invalid parameter(s): status", 400);
    order.status = body.status;
    if (body.status === "completed") order.date_completed = isoNow();
  }
  if (body.meta_data !== undefined) {
    const merged = mergeMeta(store, (order.meta_data as JsonObject[]) ?? [], body.meta_data);
    if (typeof merged === "string") return wpError("rest_invalid_param", `Invalid parameter(s): ${merged}`, 400);
    order.meta_data = merged;
  }
  if (typeof body.customer_note === "string") order.customer_note = body.customer_note;
  order.date_modified = isoNow();
  const representation = orderRepresentation(store, order);
  fireTopic(store, "order.updated", representation);
  return json(representation);
}

function notesRoute(store: WooStoreContext, method: string, orderId: number, body: JsonObject | null): Response | null {
  const notes = store.state.orderNotes.get(orderId) ?? [];
  if (method === "GET") return json(notes.map((note) => noteRepresentation(store, orderId, note)));
  if (method !== "POST") return null;
  if (!body || typeof body.note !== "string" || !body.note.trim()) {
    return wpError("rest_missing_callback_param", "Missing parameter(s): note", 400);
  }
  const note: JsonObject = {
    id: store.state.nextId.note++,
    author: "WooCommerce",
    date_created: isoNow(),
    date_created_gmt: isoNow(),
    note: body.note,
    customer_note: body.customer_note === true || body.customer_note === "true",
  };
  store.state.orderNotes.set(orderId, [note, ...notes]);
  return json(noteRepresentation(store, orderId, note), 201);
}

function ordersRoute(store: WooStoreContext, method: string, rest: string[], url: URL, body: JsonObject | null): Response | null {
  const orders = store.state.orders;
  if (rest.length === 0) {
    if (method !== "GET") return null;
    const status = url.searchParams.get("status");
    const search = url.searchParams.get("search")?.toLowerCase();
    const after = url.searchParams.get("after");
    if (after && !Number.isFinite(Date.parse(after))) return wpError("rest_invalid_param", "Invalid parameter(s): after", 400);
    const listed = orders.filter(
      (o) =>
        (!status || status === "any" || status.split(",").includes(String(o.status))) &&
        (!after || String(o.date_created) > after.slice(0, 19)) &&
        (!search || String(o.number) === search || JSON.stringify([o.billing, o.shipping]).toLowerCase().includes(search)),
    );
    const direction = url.searchParams.get("order") === "asc" ? -1 : 1;
    const field = url.searchParams.get("orderby") === "modified" ? "date_modified" : "date_created";
    const sorted = [...listed].sort((a, b) => direction * (String(b[field]).localeCompare(String(a[field])) || Number(b.id) - Number(a.id)));
    return paginated(sorted.map((o) => orderRepresentation(store, o)), url, store.homeUrl);
  }
  const order = orders.find((o) => String(o.id) === rest[0]);
  if (!order) return wpError("woocommerce_rest_shop_order_invalid_id", "Invalid ID.", 404);
  if (rest.length === 1) {
    if (method === "GET") return json(orderRepresentation(store, order));
    if (method === "PUT" || method === "POST" || method === "PATCH") return updateOrder(store, order, body ?? {});
    return null;
  }
  if (rest.length === 2 && rest[1] === "notes") return notesRoute(store, method, Number(order.id), body);
  return null;
}

function settingsRoute(store: WooStoreContext, method: string, rest: string[], body: JsonObject | null): Response | null {
  const settings = store.state.settings;
  if (rest.length === 0) return method === "GET" ? json(store.state.settingsGroups) : null;
  const group = settings[rest[0]];
  if (!group) return wpError("rest_setting_setting_group_invalid", "Invalid setting group.", 404);
  const withLinks = (option: JsonObject) => ({
    ...option,
    _links: { self: [{ href: `${store.homeUrl}/wp-json/wc/v3/settings/${rest[0]}/${option.id}` }], collection: [{ href: `${store.homeUrl}/wp-json/wc/v3/settings/${rest[0]}` }] },
  });
  if (rest.length === 1) return method === "GET" ? json(group.map(withLinks)) : null;
  const option = group.find((o) => o.id === rest[1]);
  if (rest.length !== 2) return null;
  if (!option) return wpError("rest_setting_setting_invalid", "Invalid setting.", 404);
  if (method === "GET") return json(withLinks(option));
  if (method === "PUT" || method === "POST") {
    if (!body || !("value" in body)) return wpError("rest_missing_callback_param", "Missing parameter(s): value", 400);
    option.value = body.value;
    return json(withLinks(option));
  }
  return null;
}

function shippingRoute(store: WooStoreContext, method: string, rest: string[]): Response | null {
  if (method !== "GET" || rest[0] !== "zones") return null;
  const zones = store.state.shippingZones;
  if (rest.length === 1) return json(zones.map(({ id, name, order }) => ({ id, name, order })));
  const zone = zones.find((z) => String(z.id) === rest[1]);
  if (!zone) return wpError("woocommerce_rest_shipping_zone_invalid", "Resource does not exist.", 404);
  if (rest.length === 2) return json({ id: zone.id, name: zone.name, order: zone.order });
  if (rest.length === 3 && rest[2] === "locations") return json(zone.locations);
  if (rest.length === 3 && rest[2] === "methods") return json(zone.methods);
  return null;
}

/** data/countries[/<code>]: the documented example list (states included). */
function countriesRoute(rest: string[]): Response | null {
  const countries = contract<JsonObject[]>("data.list-all-countries.response.json");
  if (rest.length === 0) return json(countries);
  const country = rest.length === 1 ? countries.find((c) => String(c.code).toLowerCase() === rest[0].toLowerCase()) : undefined;
  return country ? json(country) : wpError("woocommerce_rest_data_invalid_location", "There are no locations matching these parameters.", 404);
}

/** The storefront URL of a product: WooCommerce's French product base is /produit/. */
export function productPermalink(store: WooStoreContext, slug: string): string {
  return `${store.homeUrl}/produit/${slug}/`;
}

/** products[/<id>]: the documented product fields the app reads (permalink, status) and a few more. */
function productsRoute(store: WooStoreContext, method: string, rest: string[], url: URL): Response | null {
  if (method !== "GET") return null;
  const represent = (p: WooDevStoreState["products"][number]): JsonObject => ({
    id: p.id,
    name: p.name,
    slug: p.slug,
    permalink: productPermalink(store, p.slug),
    type: "simple",
    status: p.status,
    sku: p.sku,
    price: (p.price / 100).toFixed(2),
    regular_price: (p.price / 100).toFixed(2),
    stock_status: "instock",
    manage_stock: false,
    backorders: "no",
    short_description: `<p>${p.shortDescription}</p>`,
    average_rating: p.averageRating,
    rating_count: p.ratingCount,
    _links: { self: [{ href: `${store.homeUrl}/wp-json/wc/v3/products/${p.id}` }], collection: [{ href: `${store.homeUrl}/wp-json/wc/v3/products` }] },
  });
  if (rest.length === 1) {
    const product = store.state.products.find((p) => String(p.id) === rest[0]);
    return product ? json(represent(product)) : wpError("woocommerce_rest_product_invalid_id", "Invalid ID.", 404);
  }
  if (rest.length !== 0) return null;
  const status = url.searchParams.get("status") ?? "any";
  const listed = store.state.products.filter((p) => status === "any" || p.status === status);
  return paginated([...listed].sort((a, b) => b.id - a.id).map(represent), url, store.homeUrl);
}

/** Routes `wc/v3/<rest…>` for an authenticated key. */
export async function wcV3Route(store: WooStoreContext, method: string, segments: string[], url: URL, body: JsonObject | null): Promise<Response> {
  const [resource, ...rest] = segments;
  let response: Response | null = null;
  if (resource === "system_status" && rest.length === 0 && method === "GET") response = json(store.state.systemStatus);
  else if (resource === "payment_gateways" && method === "GET") {
    const gateway = rest.length === 1 ? store.state.paymentGateways.find((g) => g.id === rest[0]) : undefined;
    if (rest.length === 0) response = json(store.state.paymentGateways);
    else if (rest.length === 1) response = gateway ? json(gateway) : wpError("woocommerce_rest_payment_gateway_invalid", "Resource does not exist.", 404);
  } else if (resource === "settings") response = settingsRoute(store, method, rest, body);
  else if (resource === "shipping") response = shippingRoute(store, method, rest);
  else if (resource === "orders") response = ordersRoute(store, method, rest, url, body);
  else if (resource === "products") response = productsRoute(store, method, rest, url);
  else if (resource === "webhooks") response = await webhooksRoute(store, method, rest, url, body);
  else if (resource === "data" && rest[0] === "countries" && method === "GET") response = countriesRoute(rest.slice(1));
  return response ?? noRoute();
}
