/**
 * The local Shopify dev store: a development tool for tests and the offline
 * demo, never imported by production code. One HTTP server plays the parts of
 * Shopify the app talks to — the Admin GraphQL API (validated against the
 * contract schema), the token endpoint, webhooks, and an admin page that
 * embeds the app with an App Bridge stand-in — so the real
 * `@shopify/shopify-app-remix` auth and API paths run unmodified.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { idleSimulation, simulationControls } from "../simulation";
import { renderAdminPage } from "./admin-page";
import type { DevStoreContext } from "./context";
import { LeakyBucket } from "./cost";
import { createDevStoreFetch } from "./dev-fetch";
import { handleGraphQL, simulatedServerError } from "./graphql-endpoint";
import { startHttpServer, type RunningServer } from "./http-server";
import { jsonResponse, readBodyParams, textResponse } from "./responses";
import { openStateFile } from "./persistence";
import { createDefaultSeed, DEFAULT_SHOP_DOMAIN } from "./seed";
import { mintSessionToken } from "./session-token";
import { createState, markUninstalled, publicStateDump } from "./state";
import { startStorefront } from "./storefront";
import { handleAccessTokenRequest } from "./token-exchange";
import type { DevStoreOptions, ShopifyDevStore } from "./types";
import { adminAppUrl, embeddedAppUrl } from "./urls";
import { deliverWebhook, findSubscription, flushWebhooks, retryWebhook } from "./webhooks";

export { readAppWebhookSubscriptions } from "./app-config";
export { appProxySignature, placeDemoAppBlocks, readAppProxyConfig } from "./storefront";
export type * from "./types";

const APP_BRIDGE_SCRIPT = readFileSync(fileURLToPath(new URL("./public/app-bridge.js", import.meta.url)), "utf8");
const GRAPHQL_PATH = /^\/admin\/api\/([^/]+)\/graphql\.json$/;

function capitalise(handle: string): string {
  return handle.charAt(0).toUpperCase() + handle.slice(1);
}

function localeOf(url: URL): string {
  const locale = url.searchParams.get("locale") ?? "en";
  return /^[a-z]{2}(-[A-Za-z]{2})?$/.test(locale) ? locale : "en";
}

function numberParam(params: Record<string, unknown>, key: string): number {
  const value = Number(params[key] ?? 0);
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

async function uninstall(store: DevStoreContext): Promise<void> {
  const triggeredAt = new Date(); // the event's time, to the millisecond (the state keeps seconds)
  markUninstalled(store);
  if (!findSubscription(store, "app/uninstalled")) return;
  const response = await deliverWebhook(store, "app/uninstalled", undefined, { triggeredAt });
  await response.body?.cancel();
}

/** Routes one request; unknown paths get Shopify's plain 404. */
async function route(store: DevStoreContext, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const path = url.pathname;
  const method = request.method.toUpperCase();

  const graphql = GRAPHQL_PATH.exec(path);
  if (graphql && method === "POST") return simulatedServerError(store) ?? handleGraphQL(store, request, graphql[1]);
  if (path === "/admin/oauth/access_token" && method === "POST") {
    return simulatedServerError(store) ?? handleAccessTokenRequest(store, request);
  }

  const adminBase = `/store/${store.storeHandle}/apps/${store.app.handle}`;
  if (method === "GET" && (path === "/" || path === "/admin" || path === "/admin/")) {
    return Response.redirect(adminAppUrl(store, "/app", url.searchParams.get("locale") ?? undefined), 302);
  }
  if (method === "GET" && (path === adminBase || path.startsWith(`${adminBase}/`))) {
    const appPath = path.slice(adminBase.length) || "/app";
    const search = new URLSearchParams(url.search);
    search.delete("locale");
    const query = search.toString();
    return renderAdminPage(store, { appPath: query ? `${appPath}?${query}` : appPath, locale: localeOf(url) });
  }
  if (method === "GET" && path === "/app-bridge.js") {
    return textResponse(APP_BRIDGE_SCRIPT, 200, {
      "Content-Type": "text/javascript; charset=utf-8",
      "Access-Control-Allow-Origin": "*",
      "Cache-Control": "no-store",
    });
  }

  // Development controls (the admin page, tests and humans use them).
  if (method === "GET" && path === "/_dev/session-token") {
    return jsonResponse({ token: mintSessionToken(store) }, 200, { "Cache-Control": "no-store" });
  }
  if (method === "GET" && path === "/_dev/state") return jsonResponse(publicStateDump(store.state));
  if (method === "POST" && path === "/_dev/uninstall") {
    await uninstall(store);
    return jsonResponse({ installed: false });
  }
  if (method === "POST" && path === "/_dev/simulate") {
    const params = (await readBodyParams(request)) ?? {};
    if (params.reset) Object.assign(store.simulation, { throttleNext: 0, serverErrorNext: 0 });
    store.simulation.throttleNext += numberParam(params, "throttleNext");
    store.simulation.serverErrorNext += numberParam(params, "serverErrorNext");
    const status = Number(params.status);
    if (status === 500 || status === 502 || status === 503) store.simulation.serverErrorStatus = status;
    return jsonResponse(store.simulation);
  }
  return textResponse("Not Found", 404);
}

export async function startShopifyDevStore(options: DevStoreOptions): Promise<ShopifyDevStore> {
  const seed = options.seed ?? createDefaultSeed({ appHandle: options.app.handle });
  const shopDomain = seed.shop.myshopifyDomain ?? DEFAULT_SHOP_DOMAIN;
  const realFetch = globalThis.fetch.bind(globalThis);
  const logger = options.logger ?? (() => undefined);
  const persisted = options.stateFile ? openStateFile(options.stateFile, seed) : null;
  const store: DevStoreContext = {
    app: { ...options.app, title: options.app.title ?? capitalise(options.app.handle) },
    apiVersion: options.apiVersion ?? "2026-07",
    state: persisted?.loaded ?? createState(seed),
    shopDomain,
    storeHandle: shopDomain.replace(/\.myshopify\.com$/, ""),
    baseUrl: "",
    bucket: new LeakyBucket(),
    simulation: idleSimulation<500 | 502 | 503>(503),
    subscriptions: options.webhookSubscriptions ?? [],
    realFetch,
    log: (line) => logger(`[dev store] ${line}`),
    pendingDeliveries: new Set(),
  };
  const save = () => persisted?.save(store.state);
  save();
  const storefrontOptions = { port: options.storefront?.port ?? 0, host: options.host ?? "127.0.0.1", appProxy: options.storefront?.appProxy ?? null };
  let storefront: RunningServer | null = null;
  let storefrontUrl = "";
  async function setStorefrontOnline(online: boolean) {
    if (!online && storefront) {
      await storefront.close();
      storefront = null;
      store.log("storefront down: its port refuses connections");
    } else if (online && !storefront) {
      storefront = await startStorefront(store, storefrontOptions);
      storefrontUrl = storefront.url;
      storefrontOptions.port = Number(new URL(storefront.url).port); // back on the same port
    }
  }
  const server = await startHttpServer(async (request) => {
    // The development control that needs the storefront's server (the others are in route()).
    const url = new URL(request.url);
    if (request.method === "POST" && url.pathname === "/_dev/storefront") {
      const online = (await readBodyParams(request))?.online;
      if (typeof online !== "boolean" && online !== "true" && online !== "false") return textResponse('Send {"online": true} or {"online": false}.', 400);
      await setStorefrontOnline(online === true || online === "true");
      return jsonResponse({ online: storefront !== null });
    }
    const response = await route(store, request);
    save(); // before the answer leaves: a token the app holds is one the store kept
    return response;
  }, {
    port: options.port ?? 0,
    host: options.host ?? "127.0.0.1",
    onError: (error) => store.log(`request failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  });
  store.baseUrl = server.url;
  await setStorefrontOnline(true).catch(async (error: unknown) => {
    await server.close();
    throw error;
  });

  return {
    url: server.url,
    storefrontUrl,
    shopDomain,
    state: store.state,
    savedState: persisted && { restored: persisted.loaded !== null, discarded: persisted.discarded },
    fetch: createDevStoreFetch(shopDomain, () => store.baseUrl, realFetch, options.apiLatencyMs),
    mintSessionToken: (opts) => mintSessionToken(store, opts),
    adminUrl: (appPath, opts) => adminAppUrl(store, appPath, opts?.locale),
    embeddedAppUrl: (appPath, opts) => embeddedAppUrl(store, appPath, opts?.locale ?? "en", mintSessionToken(store)),
    sendWebhook: (topic, payload, opts) => deliverWebhook(store, topic, payload, opts),
    simulate: simulationControls(store.simulation, 503),
    setStorefrontOnline,
    uninstallApp: () => uninstall(store),
    retryWebhook: (webhookId) => retryWebhook(store, webhookId),
    flushWebhooks: () => flushWebhooks(store),
    close: async () => {
      await flushWebhooks(store);
      await Promise.all([server.close(), setStorefrontOnline(false)]);
      save();
    },
  };
}
