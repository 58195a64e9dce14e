/**
 * The dev store's online store: a storefront on its own origin (http://127.0.0.1:<port>, as a
 * shop has its own domain) that a browser and the checklist's probe can visit. It serves the
 * seeded shop's pages in a Dawn-like theme, renders Rassure's app blocks and app embed from the
 * published app-data metafields and the MAIN theme's files, and forwards `/apps/<subpath>/*` to
 * the app like Shopify's app proxy. Development tool only.
 */
import type { DevStoreContext } from "../context";
import { startHttpServer, type RunningServer } from "../http-server";
import { htmlResponse, textResponse } from "../responses";
import { createAppBlocks, type AppBlocks } from "./app-blocks";
import type { AppProxyConfig } from "../types";
import { createAppProxy } from "./app-proxy";
import { EXTENSION_ASSETS_PATH, THEME_CSS, THEME_CSS_PATH } from "./layout";
import { localeCookie, storefrontLocale } from "./locale";
import { createPages, type CartLine, type PageRequest, type PageResult, type StorefrontPages } from "./pages";

export { readAppProxyConfig, appProxySignature } from "./app-proxy";
export { placeDemoAppBlocks } from "./demo-theme";

export interface StorefrontOptions {
  port: number;
  host: string;
  /** shopify.app.toml [app_proxy]; null: the app declares no proxy (its paths are 404s). */
  appProxy: AppProxyConfig | null;
}

/**
 * The headers Shopify's storefronts send, minus `upgrade-insecure-requests` in the CSP and
 * HSTS: this storefront is plain http, and upgrading its own requests would break it.
 */
const STOREFRONT_HEADERS: Record<string, string> = {
  "content-security-policy": "block-all-mixed-content; frame-ancestors 'none';",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "x-download-options": "noopen",
  "x-permitted-cross-domain-policies": "none",
  "powered-by": "Shopify",
  "cache-control": "no-store",
};

const CART_COOKIE = "cart";
const MAX_CART_LINES = 20;

function readCart(request: Request): CartLine[] {
  const cookie = (request.headers.get("cookie") ?? "").split(";").map((c) => c.trim()).find((c) => c.startsWith(`${CART_COOKIE}=`));
  if (!cookie) return [];
  let value = "";
  try {
    value = decodeURIComponent(cookie.slice(CART_COOKIE.length + 1));
  } catch {
    return [];
  }
  return value
    .split("|")
    .slice(0, MAX_CART_LINES)
    .flatMap((entry) => {
      const match = /^([a-z0-9-]{1,100}):(\d{1,2})$/.exec(entry);
      return match && Number(match[2]) > 0 ? [{ handle: match[1], quantity: Number(match[2]) }] : [];
    });
}

function writeCart(lines: CartLine[]): string {
  const value = encodeURIComponent(lines.slice(0, MAX_CART_LINES).map((l) => `${l.handle}:${l.quantity}`).join("|"));
  return `${CART_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=1209600`;
}

async function addToCart(request: Request, pages: StorefrontPages, pageRequest: PageRequest): Promise<Response> {
  let form: URLSearchParams;
  try {
    form = new URLSearchParams(await request.text());
  } catch {
    form = new URLSearchParams();
  }
  const handle = form.get("id") ?? "";
  const quantity = Math.min(99, Math.max(1, Math.floor(Number(form.get("quantity") ?? 1)) || 1));
  const lines = readCart(request);
  const existing = lines.find((l) => l.handle === handle);
  if (!/^[a-z0-9-]{1,100}$/.test(handle)) return page(await pages.notFound(pageRequest), pageRequest);
  if (existing) existing.quantity = Math.min(99, existing.quantity + quantity);
  else lines.push({ handle, quantity });
  const back = pageRequest.locale.explicit ? `/cart?locale=${pageRequest.locale.lang}` : "/cart";
  return new Response(null, { status: 302, headers: { ...STOREFRONT_HEADERS, Location: back, "Set-Cookie": writeCart(lines) } });
}

function page(result: PageResult, request: PageRequest): Response {
  const remember: Record<string, string> = request.locale.explicit ? { "Set-Cookie": localeCookie(request.locale.lang) } : {};
  return htmlResponse(result.html, result.status, { ...STOREFRONT_HEADERS, ...remember, ...result.headers });
}

function segment(path: string, prefix: string): string | null {
  if (!path.startsWith(prefix)) return null;
  const rest = path.slice(prefix.length);
  return /^[a-z0-9][a-z0-9-]{0,99}$/i.test(rest) ? rest.toLowerCase() : null;
}

export async function startStorefront(store: DevStoreContext, options: StorefrontOptions): Promise<RunningServer> {
  // The extension is read on the first visit: test stores that never open the storefront pay nothing.
  let blocks: AppBlocks | undefined;
  let pages: StorefrontPages | undefined;
  const proxy = options.appProxy ? createAppProxy(store, options.appProxy) : null;

  async function route(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname;
    const method = request.method.toUpperCase();
    blocks ??= createAppBlocks(store);
    pages ??= createPages(store, blocks);
    const locale = storefrontLocale(request, store.state.shop.primaryLocale);
    const pageRequest: PageRequest = { locale, path: `${path}${url.search}`, origin: url.origin };

    // A password-protected online store shows only its password page (Shopify redirects there).
    const locked = store.state.onlineStore.passwordProtection.enabled;
    if (locked && path === "/password") return page(await pages.password(pageRequest), pageRequest);
    if (locked && !path.startsWith("/cdn/")) return new Response(null, { status: 302, headers: { ...STOREFRONT_HEADERS, Location: "/password" } });

    if (proxy && (path === proxy.pathPrefix || path.startsWith(`${proxy.pathPrefix}/`))) {
      const outcome = await proxy.forward({ request, rest: path.slice(proxy.pathPrefix.length), lang: locale.lang, clientAddress: "127.0.0.1" });
      if (outcome.kind === "passthrough") return outcome.response;
      if (outcome.kind === "unavailable") return page(await pages.proxyUnavailable(pageRequest, outcome.status), pageRequest);
      if (!outcome.layout) return htmlResponse(outcome.html, outcome.status, STOREFRONT_HEADERS);
      return page(await pages.proxied(pageRequest, outcome.html, outcome.status), pageRequest);
    }
    if (method === "GET" && path === THEME_CSS_PATH) return textResponse(THEME_CSS, 200, { "Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=3600" });
    const assetName = segment(path.replace(/\.css$/, ""), EXTENSION_ASSETS_PATH);
    if (method === "GET" && assetName) {
      const css = blocks.asset(`${assetName}.css`);
      return css === null ? textResponse("Not Found", 404) : textResponse(css, 200, { "Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=3600" });
    }
    if (method === "POST" && path === "/cart/add") return addToCart(request, pages, pageRequest);
    if (method !== "GET" && method !== "HEAD") return textResponse("Method Not Allowed", 405, { Allow: "GET, HEAD" });

    if (path === "/") return page(await pages.home(pageRequest), pageRequest);
    if (path === "/collections/all") return page(await pages.catalog(pageRequest), pageRequest);
    if (path === "/cart") return page(await pages.cart(pageRequest, readCart(request)), pageRequest);
    const product = segment(path, "/products/");
    if (product) return page(await pages.product(pageRequest, product), pageRequest);
    const shopPage = segment(path, "/pages/");
    if (shopPage) return page(await pages.pageByHandle(pageRequest, shopPage), pageRequest);
    const policy = segment(path, "/policies/");
    if (policy) return page(await pages.policy(pageRequest, policy), pageRequest);
    return page(await pages.notFound(pageRequest), pageRequest);
  }

  return startHttpServer(route, {
    port: options.port,
    host: options.host,
    onError: (error) => store.log(`storefront request failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  });
}
