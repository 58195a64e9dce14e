/**
 * The local WooCommerce dev store: a development tool for tests and the offline demo, never
 * imported by production code. One HTTP server plays the parts of a WordPress + WooCommerce
 * shop the app talks to — REST v3 with consumer-key auth, the /wc-auth key flow, signed
 * webhook deliveries, the Shipment Tracking extension and the Rassure companion plugin's
 * `wc-rassure/v1` routes — shaped by test/contracts/woocommerce — and the public storefront
 * (storefront.ts: French slugs, block cart and checkout, the plugin's blocks).
 */
import { randomBytes } from "node:crypto";
import { idleSimulation, simulationControls, type SimulationControls } from "../simulation";
import { startHttpServer } from "../shopify-dev-store/http-server";
import { startTlsProxy } from "./tls-proxy";
import { authenticate, keyAllows } from "./auth";
import type { WooStoreContext } from "./context";
import { companionRoute } from "./companion";
import { escapeHtml, html, json, noRoute, wpError } from "./responses";
import { wcV3Route } from "./rest";
import { createSeedState } from "./seed";
import { shipmentTrackingRoute } from "./shipment-tracking";
import type { JsonObject, KeyPermissions, RestRequestLog, SendWooWebhookOptions, WebhookDeliveryLog, WooDevStoreOptions, WooDevStoreState } from "./types";
import { deliver } from "./webhooks";
import { createKey, wcAuthRoute } from "./wc-auth";
import { wpAdminRassurePage } from "./wp-admin";
import { siteIndex, wpPagesRoute } from "./wordpress";
import { storefrontRoute } from "./storefront";

export type * from "./types";

export interface WooCommerceDevStore {
  url: string;
  state: WooDevStoreState;
  /** Creates a key directly (as wp-admin › Advanced › REST API does). */
  createKey(permissions?: KeyPermissions): { consumerKey: string; consumerSecret: string; keyId: number };
  /** Changes an order through the same path as the REST API (fires order.updated). */
  updateOrder(orderId: number, patch: JsonObject): Promise<Response>;
  /** Re-sends a delivery for webhook `webhookId` (replays, bad signatures). */
  sendWebhook(webhookId: number, payload: unknown, opts?: SendWooWebhookOptions): Promise<Response | null>;
  /** Sends a logged delivery again, byte for byte (same id unless `opts` says otherwise), as a retry would. */
  redeliver(delivery: WebhookDeliveryLog, opts?: Omit<SendWooWebhookOptions, "rawBody">): Promise<Response | null>;
  deliveries: WebhookDeliveryLog[];
  /** Every REST request received, in order (count them to measure a collector). */
  restRequests: RestRequestLog[];
  simulate: SimulationControls;
  flushWebhooks(): Promise<void>;
  close(): Promise<void>;
}

const FRONT_PAGE = (name: string) => `<!DOCTYPE html><html lang="fr-FR"><head><meta charset="UTF-8"><title>${escapeHtml(name)}</title></head><body class="home"><h1>${escapeHtml(name)}</h1></body></html>`;

async function readJsonBody(request: Request): Promise<JsonObject | null | Response> {
  const text = await request.text();
  if (!text.trim()) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as JsonObject;
  } catch {
    // fall through to WordPress's answer below
  }
  return wpError("rest_invalid_json", "Invalid JSON body passed.", 400);
}

function anonymousError(method: string): Response {
  if (method === "GET") return wpError("woocommerce_rest_cannot_view", "Sorry, you cannot list resources.", 401);
  if (method === "POST") return wpError("woocommerce_rest_cannot_create", "Sorry, you are not allowed to create resources.", 401);
  if (method === "DELETE") return wpError("woocommerce_rest_cannot_delete", "Sorry, you are not allowed to delete this resource.", 401);
  return wpError("woocommerce_rest_cannot_edit", "Sorry, you are not allowed to edit this resource.", 401);
}

function simulated(store: WooStoreContext): Response | null {
  if (store.simulation.throttleNext > 0) {
    store.simulation.throttleNext--;
    // Hosts and security plugins throttle WordPress with a 429 and Retry-After.
    return new Response(JSON.stringify({ code: "rest_too_many_requests", message: "Too many requests.", data: { status: 429 } }), {
      status: 429,
      headers: { "Content-Type": "application/json; charset=UTF-8", "Retry-After": "1" },
    });
  }
  if (store.simulation.serverErrorNext > 0) {
    store.simulation.serverErrorNext--;
    return html("<html><body><h1>Service Unavailable</h1><p>The server is temporarily unable to service your request.</p></body></html>", store.simulation.serverErrorStatus);
  }
  return null;
}

async function restRoute(store: WooStoreContext, request: Request, url: URL, route: string, secure: boolean, log: RestRequestLog): Promise<Response> {
  const method = request.method.toUpperCase();
  const segments = route.split("/").filter(Boolean);
  // Key auth applies only to wc/ and wc- routes, and only when reached through /wp-json/.
  const viaPrettyUrl = url.pathname.startsWith("/wp-json/");
  const auth = viaPrettyUrl && /^wc[/-]/.test(route.replace(/^\//, "")) ? authenticate(store.state, request, url, store.homeUrl, secure) : { key: null };
  if ("error" in auth) return auth.error;
  log.authenticated = auth.key !== null;
  // A security plugin closing the REST API to anonymous visitors (index included); keys still work.
  if (store.state.restIndexRestricted && !auth.key) return wpError("rest_login_required", "REST API restricted to authenticated users.", 401);

  if (segments.length === 0 && method === "GET") return json(siteIndex(store));
  if (segments[0] === "wp" && segments[1] === "v2" && segments[2] === "pages" && method === "GET") return wpPagesRoute(store, url);
  const namespace = `${segments[0] ?? ""}/${segments[1] ?? ""}`;
  const rest = segments.slice(2);
  if (namespace === "wc-shipment-tracking/v3" && !store.state.shipmentTracking.active) return noRoute();
  if (namespace === "wc-shipment-tracking/v3" && rest.join("/") === "shipment-trackings/providers") return shipmentTrackingRoute(store, method, rest, null);
  if (!auth.key) return namespace.startsWith("wc") ? anonymousError(method) : noRoute();
  const denied = keyAllows(auth.key, method);
  if (denied) return denied;

  const body = method === "GET" || method === "DELETE" ? null : await readJsonBody(request);
  if (body instanceof Response) return body;
  if (namespace === "wc/v3") return wcV3Route(store, method, rest, url, body);
  if (namespace === "wc-shipment-tracking/v3") return shipmentTrackingRoute(store, method, rest, body);
  if (namespace === "wc-rassure/v1") return companionRoute(store, method, rest, url, body, auth.key);
  return noRoute();
}

async function route(store: WooStoreContext, request: Request, trustForwardedProto: boolean): Promise<Response> {
  const url = new URL(request.url);
  const method = request.method.toUpperCase();
  const secure = store.homeUrl.startsWith("https:") || (trustForwardedProto && request.headers.get("x-forwarded-proto") === "https");
  const plain = store.state.permalinks === "plain";

  if (url.pathname === "/_dev/state" && method === "GET") {
    const { keys, usedNonces: _nonces, orderNotes, shipmentTracking, ...rest } = store.state;
    return json({ ...rest, keys: keys.map(({ consumerSecret: _s, ...key }) => key), orderNotes: Object.fromEntries(orderNotes), shipmentTracking: { ...shipmentTracking, items: Object.fromEntries(shipmentTracking.items) }, deliveries: store.deliveries });
  }
  if (url.pathname === "/_dev/simulate" && method === "POST") {
    const params = (await request.json().catch(() => ({}))) as Record<string, unknown>;
    store.simulation.throttleNext += Number(params.throttleNext ?? 0) || 0;
    store.simulation.serverErrorNext += Number(params.serverErrorNext ?? 0) || 0;
    return json(store.simulation);
  }

  const restRoutePath = url.pathname === "/" || url.pathname === "/index.php" ? url.searchParams.get("rest_route") : null;
  if (url.pathname.startsWith("/wp-json/") || restRoutePath) {
    // With plain permalinks /wp-json/… is an ordinary 404 page of the theme.
    if (plain && !restRoutePath) return html(FRONT_PAGE(`Page non trouvée – ${store.state.siteName}`), 404);
    const restPath = restRoutePath ?? url.pathname.slice("/wp-json".length);
    const log: RestRequestLog = { method, route: restPath === "" ? "/" : restPath, authenticated: false };
    store.restRequests.push(log);
    return simulated(store) ?? restRoute(store, request, url, restPath, secure, log);
  }
  const wcAuth = /^\/wc-auth\/v1\/([a-z_]+)\/?$/.exec(url.pathname);
  if (wcAuth && method === "GET") {
    // Plain permalinks: WordPress does not parse the endpoint and serves the front page.
    if (plain) return html(FRONT_PAGE(store.state.siteName));
    return (await wcAuthRoute(store, wcAuth[1], url)) ?? html(FRONT_PAGE(store.state.siteName), 404);
  }
  if (url.pathname === "/wp-admin/admin.php" && url.searchParams.get("page") === "rassure" && method === "GET") return wpAdminRassurePage(store, url);
  if (method === "GET" && !plain) {
    const page = await storefrontRoute(store, url);
    if (page) return page;
  }
  if (url.pathname === "/" && method === "GET") return html(FRONT_PAGE(store.state.siteName));
  return html(FRONT_PAGE(`Page non trouvée – ${store.state.siteName}`), 404);
}

export async function startWooCommerceDevStore(options: WooDevStoreOptions = {}): Promise<WooCommerceDevStore> {
  const logger = options.logger ?? (() => undefined);
  const store: WooStoreContext = {
    state: createSeedState({ shipmentTracking: options.shipmentTracking ?? false, permalinks: options.permalinks ?? "pretty", productHooks: options.productHooks, restIndexRestricted: options.restIndexRestricted ?? false }),
    homeUrl: "",
    simulation: idleSimulation(503),
    outboundFetch: options.outboundFetch ?? globalThis.fetch.bind(globalThis),
    allowPrivateTargets: options.allowPrivateTargets ?? false,
    deliveries: [],
    restRequests: [],
    pending: new Set(),
    clock: options.clock ?? Date.now,
    salt: randomBytes(32).toString("hex"),
    log: (line) => logger(`[woocommerce dev store] ${line}`),
  };
  const host = options.host ?? "127.0.0.1";
  const server = await startHttpServer((request) => route(store, request, options.trustForwardedProto ?? false), {
    // Behind the TLS proxy the http server only listens on a loopback port of its own.
    port: options.tls ? 0 : (options.port ?? 0),
    host: options.tls ? "127.0.0.1" : host,
    onError: (error) => store.log(`request failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  });
  const proxy = options.tls ? await startTlsProxy(server.url, options.tls, { port: options.port ?? 0, host }) : null;
  store.homeUrl = proxy?.url ?? server.url;
  const environment = store.state.systemStatus.environment as JsonObject;
  Object.assign(environment, { home_url: store.homeUrl, site_url: store.homeUrl });
  // WooCommerce's security.secure_connection: the home URL is https.
  (store.state.systemStatus.security as JsonObject).secure_connection = store.homeUrl.startsWith("https:");

  const flushWebhooks = async () => {
    while (store.pending.size) await Promise.allSettled([...store.pending]);
  };
  return {
    url: store.homeUrl,
    state: store.state,
    deliveries: store.deliveries,
    restRequests: store.restRequests,
    createKey: (permissions = "read_write") => {
      const { record, consumerKey } = createKey(store, "Created in wp-admin", permissions);
      return { consumerKey, consumerSecret: record.consumerSecret, keyId: record.keyId };
    },
    updateOrder: async (orderId, patch) => {
      return wcV3Route(store, "PUT", ["orders", String(orderId)], new URL(`${store.homeUrl}/wp-json/wc/v3/orders/${orderId}`), patch);
    },
    sendWebhook: async (webhookId, payload, opts) => {
      const webhook = store.state.webhooks.find((w) => w.id === webhookId);
      if (!webhook) throw new Error(`No webhook ${webhookId} in the dev store.`);
      return deliver(store, webhook, payload, opts);
    },
    redeliver: async (delivery, opts) => {
      const webhook = store.state.webhooks.find((w) => w.id === delivery.webhookId);
      if (!webhook) throw new Error(`No webhook ${delivery.webhookId} in the dev store.`);
      return deliver(store, webhook, undefined, { deliveryId: delivery.deliveryId, ...opts, rawBody: delivery.rawBody });
    },
    simulate: simulationControls(store.simulation, 503),
    flushWebhooks,
    close: async () => {
      await flushWebhooks();
      await proxy?.close();
      await server.close();
    },
  };
}
