/**
 * Shopify's app proxy on the local storefront: `/<prefix>/<subpath>/<rest>` (shopify.app.toml
 * `[app_proxy]`) is forwarded to `<proxy url>/<rest>` with the visitor's query plus `shop`,
 * `logged_in_customer_id`, `path_prefix`, `timestamp` and `signature` = hex HMAC-SHA256 (app
 * secret) of the sorted `key=value` pairs concatenated with no separator, repeated keys'
 * values joined by commas (shopify.dev "Authenticate app proxies"). Cookies are not
 * forwarded and Set-Cookie is not passed back, as on Shopify. An `application/liquid` answer
 * is rendered with the shop's theme around it (unless it starts with `{% layout none %}`);
 * anything else passes through. The proxy URL's origin follows the running app (the Shopify
 * CLI rewrites it to the dev tunnel the same way).
 */
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { Liquid } from "liquidjs";
import { formatMoney, paymentTypeSvg } from "../../../app/storefront/liquid-preview";
import { storefrontShop } from "./app-blocks";
import { parse } from "smol-toml";
import { escapeHtml } from "../../../app/storefront/html-escape";
import type { DevStoreContext } from "../context";
import type { AppProxyConfig } from "../types";

export function readAppProxyConfig(tomlPath: string): AppProxyConfig | null {
  const config = parse(readFileSync(tomlPath, "utf8")) as { app_proxy?: Partial<AppProxyConfig> };
  const proxy = config.app_proxy;
  return proxy && typeof proxy.url === "string" && typeof proxy.prefix === "string" && typeof proxy.subpath === "string"
    ? { prefix: proxy.prefix, subpath: proxy.subpath, url: proxy.url }
    : null;
}

/** Shopify's proxy signature over every query parameter except `signature`. */
export function appProxySignature(params: URLSearchParams, secret: string): string {
  const grouped = new Map<string, string[]>();
  for (const [key, value] of params) if (key !== "signature") grouped.set(key, [...(grouped.get(key) ?? []), value]);
  const message = [...grouped.keys()]
    .sort()
    .map((key) => `${key}=${grouped.get(key)!.join(",")}`)
    .join("");
  return createHmac("sha256", secret).update(message).digest("hex");
}

const PROXY_TIMEOUT_MS = 10_000;
const MAX_RESPONSE_BYTES = 2 * 1024 * 1024;
/** Request headers passed on to the app (no cookies, no auth). */
const FORWARDED_HEADERS = ["accept", "accept-language", "content-type", "user-agent"];

export type ProxyOutcome =
  | { kind: "liquid"; status: number; html: string; layout: boolean }
  | { kind: "passthrough"; response: Response }
  | { kind: "unavailable"; status: 502 | 504 };

export interface ProxyRequest {
  request: Request;
  /** The part after /<prefix>/<subpath>, starting with "/" (or ""). */
  rest: string;
  lang: string;
  clientAddress: string;
}

/** The path prefix this proxy answers on, e.g. "/apps/rassure". */
export function proxyPathPrefix(config: AppProxyConfig): string {
  return `/${config.prefix}/${config.subpath}`;
}

export function createAppProxy(store: DevStoreContext, config: AppProxyConfig) {
  const liquid = new Liquid({ ownPropertyOnly: true });
  // The Shopify filters and shop objects an app's Liquid answer may use (the trust page does).
  liquid.registerFilter("payment_type_svg_tag", (type: unknown, ...args: unknown[]) => {
    const cls = args.find((a): a is [string, unknown] => Array.isArray(a) && a[0] === "class");
    return paymentTypeSvg(String(type), cls ? String(cls[1]) : undefined);
  });

  // Money amounts in the shop's format (the trust page's free-shipping threshold).
  liquid.registerFilter("money", (cents: unknown) => formatMoney(Number(cents) || 0, storefrontShop(store.state, "").moneyFormat));

  function targetUrl(incoming: URL, rest: string): URL {
    const configured = new URL(config.url);
    const target = new URL(`${configured.pathname.replace(/\/$/, "")}${rest}`, store.app.appUrl);
    for (const [key, value] of incoming.searchParams) if (key !== "signature") target.searchParams.append(key, value);
    // Shopify's own parameters replace anything the visitor sent under those names.
    for (const key of ["shop", "logged_in_customer_id", "path_prefix", "timestamp"]) target.searchParams.delete(key);
    target.searchParams.set("shop", store.shopDomain);
    target.searchParams.set("logged_in_customer_id", "");
    target.searchParams.set("path_prefix", proxyPathPrefix(config));
    target.searchParams.set("timestamp", String(Math.floor(Date.now() / 1000)));
    target.searchParams.set("signature", appProxySignature(target.searchParams, store.app.apiSecret));
    return target;
  }

  return {
    pathPrefix: proxyPathPrefix(config),

    async forward({ request, rest, lang, clientAddress }: ProxyRequest): Promise<ProxyOutcome> {
      const target = targetUrl(new URL(request.url), rest);
      const headers = new Headers();
      for (const name of FORWARDED_HEADERS) {
        const value = request.headers.get(name);
        if (value) headers.set(name, value);
      }
      headers.set("x-forwarded-for", clientAddress);
      headers.set("x-forwarded-host", new URL(request.url).host);
      let response: Response;
      try {
        const hasBody = request.method !== "GET" && request.method !== "HEAD";
        response = await store.realFetch(target, {
          method: request.method,
          headers,
          body: hasBody ? await request.arrayBuffer() : undefined,
          redirect: "manual",
          signal: AbortSignal.timeout(PROXY_TIMEOUT_MS),
        });
      } catch (error) {
        store.log(`app proxy ${target.pathname} failed: ${error instanceof Error ? error.message : String(error)}`);
        return { kind: "unavailable", status: error instanceof Error && error.name === "TimeoutError" ? 504 : 502 };
      }
      const body = Buffer.from(await response.arrayBuffer());
      if (body.byteLength > MAX_RESPONSE_BYTES) return { kind: "unavailable", status: 502 };
      const passHeaders = new Headers(response.headers);
      passHeaders.delete("set-cookie");
      passHeaders.delete("content-length");
      passHeaders.delete("content-encoding");
      if (!/^application\/liquid/i.test(response.headers.get("content-type") ?? "")) {
        return { kind: "passthrough", response: new Response(response.status === 204 || response.status === 304 ? null : body, { status: response.status, headers: passHeaders }) };
      }
      const source = body.toString("utf8");
      const layout = !/^\s*\{%-?\s*layout\s+none\s*-?%\}/.test(source);
      let html: string;
      try {
        const shop = storefrontShop(store.state, new URL(request.url).origin);
        html = await liquid.parseAndRender(source, {
          shop: {
            name: store.state.shop.name,
            domain: store.state.shop.primaryDomain.host,
            email: store.state.shop.contactEmail,
            enabled_payment_types: shop.enabledPaymentTypes,
            policies: shop.policies,
            // shop.refund_policy, shop.shipping_policy…: only the policies the shop has written.
            ...Object.fromEntries(shop.policies.map((policy) => [policy.handle, policy])),
          },
          request: { locale: { iso_code: lang }, path: new URL(request.url).pathname },
        });
      } catch (error) {
        html = `<p class="liquid-error">Liquid error: ${escapeHtml(error instanceof Error ? error.message : String(error))}</p>`;
      }
      return { kind: "liquid", status: response.status, html, layout };
    },
  };
}

export type AppProxy = ReturnType<typeof createAppProxy>;
