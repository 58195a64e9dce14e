/**
 * The Rassure companion plugin's `wc-rassure/v1` routes as the stand-in plays them: `config`
 * (keeps what was published), `link` (DELETE forgets it), `site` and `pages` (what WordPress
 * serves anonymously, for shops that close the anonymous REST API), `keys/<id>` (revokes one of
 * Rassure's keys) and `facts`, which answers the checklist's reads in one
 * response by dispatching them to the store's own routes, as the plugin does with
 * rest_do_request (wordpress/rassure-for-woocommerce/includes/class-rassure-facts.php), plus
 * (version 2) the published products and the `site` facts only WordPress knows.
 */
import type { WooStoreContext } from "./context";
import { legalPagesRoute } from "./legal-pages";
import { json, noRoute, wpError } from "./responses";
import { wcV3Route } from "./rest";
import type { ApiKey, Json, JsonObject } from "./types";
import { siteIndex, wpPagesRoute } from "./wordpress";
import { companionSiteFacts } from "./storefront";

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
  const products = await internalGet(store, "/wc/v3/products", { per_page: 3, status: "publish", orderby: "date", order: "desc" });
  responses["/wc/v3/products"] = { status: products.status, body: products.body };
  return json({ version: 2, responses, site: companionSiteFacts(store) });
}

/** DELETE keys/<id>: only a key issued to Rassure, and (one user here) only by its owner. */
function revokeKey(store: WooStoreContext, keyId: number, user: ApiKey): Response {
  const key = store.state.keys.find((k) => k.keyId === keyId);
  if (!key) return wpError("rassure_key_not_found", "No such REST API key.", 404);
  if (!key.description.startsWith("Rassure - API")) return wpError("rassure_not_our_key", "This key was not issued to Rassure.", 403);
  if (key.userId !== user.userId) return wpError("rassure_forbidden", "Sorry, you are not allowed to revoke this key.", 403);
  store.state.keys = store.state.keys.filter((k) => k !== key);
  return json({ revoked: keyId });
}

export async function companionRoute(store: WooStoreContext, method: string, rest: string[], url: URL, body: JsonObject | null, caller: ApiKey): Promise<Response> {
  if (!store.state.companionPlugin.active) return noRoute();
  const route = rest.join("/");
  const key = /^keys\/(\d+)$/.exec(route);
  if (key && method === "DELETE") return revokeKey(store, Number(key[1]), caller);
  if (route === "pages" && method === "GET") return wpPagesRoute(store, new URL(`${store.homeUrl}/wp-json/wp/v2/pages?per_page=100&status=publish`));
  if (route === "link" && method === "DELETE") {
    store.state.companionPlugin.link = null;
    return json({ linked: false });
  }
  if (route === "facts" && method === "GET") return factsRoute(store, url);
  if (route === "site" && method === "GET") {
    const { name, home, timezone_string, namespaces } = siteIndex(store);
    return json({ name, home, timezone_string, namespaces });
  }
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
