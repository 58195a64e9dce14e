/**
 * The Rassure companion plugin's `wc-rassure/v1` routes as the stand-in plays them: `config`
 * (keeps what was published), `link`, and `facts`, which answers the checklist's reads in one
 * response by dispatching them to the store's own routes, as the plugin does with
 * rest_do_request (wordpress/rassure-for-woocommerce/includes/class-rassure-facts.php).
 */
import type { WooStoreContext } from "./context";
import { legalPagesRoute } from "./legal-pages";
import { json, noRoute, wpError } from "./responses";
import { wcV3Route } from "./rest";
import type { Json, JsonObject } from "./types";
import { siteIndex, wpPagesRoute } from "./wordpress";

const SETTINGS_GROUPS = ["general", "advanced", "tax", "account", "products", "email"];
const MAX_ORDER_PAGES = 5;

interface Part {
  status: number;
  body: Json;
}

/** One GET dispatched inside the store (no HTTP, no key check: the caller's key was checked once). */
async function internalGet(store: WooStoreContext, route: string, query: Record<string, string | number> = {}): Promise<Part & { totalPages: number }> {
  const url = new URL(`${store.homeUrl}/wp-json${route}`);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, String(value));
  const segments = route.split("/").filter(Boolean);
  const response = route === "/wp/v2/pages" ? wpPagesRoute(store, url) : await wcV3Route(store, "GET", segments.slice(2), url, null);
  return { status: response.status, body: (await response.json()) as Json, totalPages: Number(response.headers.get("x-wp-totalpages") ?? 1) };
}

/** Every page of the orders created after `after`, up to what the REST collector would read. */
async function recentOrders(store: WooStoreContext, after: string): Promise<Part> {
  const orders: Json[] = [];
  for (let page = 1; page <= MAX_ORDER_PAGES; page++) {
    const part = await internalGet(store, "/wc/v3/orders", { after, orderby: "date", order: "desc", per_page: 100, page });
    if (part.status !== 200 || !Array.isArray(part.body)) return part;
    orders.push(...part.body);
    if (page >= part.totalPages) break;
  }
  return { status: 200, body: orders };
}

async function factsRoute(store: WooStoreContext, url: URL): Promise<Response> {
  const after = url.searchParams.get("orders_after") ?? "";
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(after)) return wpError("rest_invalid_param", "Invalid parameter(s): orders_after", 400);
  const { name, home, timezone_string, namespaces } = siteIndex(store);
  const responses: Record<string, Part> = { "/": { status: 200, body: { name, home, timezone_string, namespaces } } };
  const routes = ["/wc/v3/system_status", ...SETTINGS_GROUPS.map((group) => `/wc/v3/settings/${group}`), "/wc/v3/payment_gateways", "/wc/v3/shipping/zones"];
  for (const route of routes) {
    const { status, body } = await internalGet(store, route);
    responses[route] = { status, body };
  }
  const zones = responses["/wc/v3/shipping/zones"];
  if (zones.status === 200 && Array.isArray(zones.body)) {
    for (const zone of zones.body as JsonObject[]) {
      for (const sub of ["locations", "methods"]) {
        const route = `/wc/v3/shipping/zones/${Number(zone.id)}/${sub}`;
        const { status, body } = await internalGet(store, route);
        responses[route] = { status, body };
      }
    }
  }
  responses["/wc/v3/orders"] = await recentOrders(store, after);
  const pages = await internalGet(store, "/wp/v2/pages", { per_page: 100, status: "publish" });
  responses["/wp/v2/pages"] = { status: pages.status, body: pages.body };
  return json({ version: 1, responses });
}

export async function companionRoute(store: WooStoreContext, method: string, rest: string[], url: URL, body: JsonObject | null): Promise<Response> {
  if (!store.state.companionPlugin.active) return noRoute();
  const route = rest.join("/");
  if (route === "facts" && method === "GET") return factsRoute(store, url);
  if (route === "legal-pages") return legalPagesRoute(store, method, url, body);
  if (route === "link" && method === "POST") {
    const secret = body?.admin_secret;
    const appUrl = body?.app_url;
    if (typeof secret !== "string" || secret.length < 32 || typeof appUrl !== "string" || !/^https?:\/\//.test(appUrl)) {
      return wpError("rest_invalid_param", "Invalid parameter(s): admin_secret, app_url", 400);
    }
    store.state.companionPlugin.link = { adminSecret: secret, appUrl, shop: typeof body?.shop === "string" ? body.shop : "" };
    return json({ linked: true });
  }
  if (route !== "config") return noRoute();
  if (method === "GET") return json({ config: store.state.companionPlugin.config, enabled: store.state.companionPlugin.enabled });
  if (method !== "POST" && method !== "PUT") return noRoute();
  if (!body || typeof body.config !== "object" || body.config === null || Array.isArray(body.config)) {
    return wpError("rest_invalid_param", "Invalid parameter(s): config", 400);
  }
  store.state.companionPlugin.config = body.config;
  store.state.companionPlugin.enabled = body.enabled !== false;
  return json({ saved: true, updated_at: new Date().toISOString() });
}
