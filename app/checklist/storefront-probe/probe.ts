/**
 * The storefront probe: a server-side visit of the public shop (home, a product, the cart,
 * the checkout and account pages on WooCommerce, the contact page, the legal pages, http://
 * and /.well-known/security.txt) plus a TLS handshake, turned into StorefrontFacts. Pages the
 * platform names (WooCommerce's page settings, product permalinks) are visited at their real
 * URLs; only Shopify's fixed paths are assumed; nothing else is guessed. It never
 * throws for a shop that is down or hostile: the facts say "unreachable" or "refused" and
 * why. Caps: bytes per page, time per request and per probe, redirects, pages; at most one
 * request per `minIntervalMs` (polite crawling, ≤ 1 request/s by default).
 */
import type { CookieFact, LegalPageKind, ProbedPage, ProbedPageKind, SnapshotPlatform, StorefrontFacts, StorefrontPagesFact } from "../../../adapters/checklist-snapshot";
import { AddressRefusedError as ProbeRefusedError } from "../../../adapters/http/address-guard";
import { scoreHeaders } from "./header-score";
import { externalScriptsWithoutIntegrity, pageFactsFromHtml } from "./html-facts";
import { probeFollow, probeRequest, type FollowedResponse, type ProbeHttpOptions } from "./http-client";
import { inspectTls } from "./tls-check";

export interface StorefrontProbeOptions {
  platform: SnapshotPlatform;
  /** Legal pages whose URLs the platform API gave (only same-site URLs are visited). */
  legalPages?: Array<{ kind: LegalPageKind; url: string | null }>;
  /** Cart, checkout, account and product URLs from the platform's settings (only same-site URLs are visited). */
  pages?: StorefrontPagesFact | null;
  /** The platform says the storefront is locked (password page): nothing is fetched. */
  locked?: boolean;
  /** Development only: allow private/loopback addresses (local fixture storefronts). */
  allowPrivateAddresses?: boolean;
  /** Development/tests: extra trusted CA (PEM). */
  ca?: string | string[];
  /**
   * Where to test the HTTP→HTTPS redirect; default plainHttpUrl(): http://<host>/ on port 80, whatever
   * port the storefront's https URL uses. Development stand-ins that serve plain HTTP on another port
   * give that URL here.
   */
  httpUrl?: string;
  maxBytesPerPage?: number;
  requestTimeoutMs?: number;
  totalTimeoutMs?: number;
  maxRedirects?: number;
  minIntervalMs?: number;
  now?: Date;
}

export const PROBE_DEFAULTS = {
  maxBytesPerPage: 2 * 1024 * 1024,
  requestTimeoutMs: 10_000,
  totalTimeoutMs: 60_000,
  maxRedirects: 5,
  minIntervalMs: 1_000,
  userAgent: "RassureTrustChecklist/1.0 (+https://github.com/rassure; storefront probe)",
};

const MAX_LEGAL_PAGES = 6;
/** Headers kept in the snapshot: security headers and CDN/WAF fingerprints. */
const KEPT_HEADER = /^(strict-transport-security|content-security-policy|x-frame-options|x-content-type-options|referrer-policy|cross-origin-resource-policy|permissions-policy|server|cf-ray|x-sucuri-|x-iinfo|x-cdn|akamai-|x-amz-cf-id|x-served-by|x-fastly-request-id|powered-by|x-powered-by)/;

function parseCookie(header: string, page: ProbedPageKind): CookieFact {
  const [pair, ...attributes] = header.split(";").map((part) => part.trim());
  const flags = attributes.map((a) => a.toLowerCase());
  const sameSite = attributes.find((a) => /^samesite=/i.test(a))?.split("=")[1] ?? null;
  return { name: pair.split("=")[0], page, secure: flags.includes("secure"), httpOnly: flags.includes("httponly"), sameSite };
}

function describeError(error: unknown): string {
  const shaped = error as { code?: string; message?: string };
  if (shaped?.code && /CERT|SELF_SIGNED|UNABLE_TO|ERR_TLS/.test(shaped.code)) return `TLS certificate rejected (${shaped.code})`;
  return shaped?.code && shaped.message && !shaped.message.includes(shaped.code) ? `${shaped.message} (${shaped.code})` : (shaped?.message ?? String(error));
}

/**
 * Where a visitor typing the address without https:// lands: port 80 of the host. The https URL's
 * own port (443 or another) speaks TLS, not HTTP; a storefront already on plain HTTP is its own answer.
 */
export function plainHttpUrl(origin: URL): string {
  return origin.protocol === "http:" ? `${origin.origin}/` : `http://${origin.hostname}/`;
}

/** A product link on the home page: Shopify's /products/…, WooCommerce's /product/… or /produit/… (French base). */
const HOME_PRODUCT_LINK = /href=["']([^"'#?\s]{0,300}\/(?:products?|produit)\/[^"'#?/\s]{1,200}\/?)["']/i;

/**
 * The pages to visit after the home page. Shopify's paths are fixed by the platform; a
 * WooCommerce shop's come from its settings (slugs follow the site's language), and a page the
 * settings do not name is not visited rather than guessed.
 */
function pagesToVisit(options: StorefrontProbeOptions, home: FollowedResponse, sameSite: (url: string) => boolean): Array<[ProbedPageKind, string]> {
  const targets: Array<[ProbedPageKind, string]> = [];
  const at = (path: string) => new URL(path, home.finalUrl).href;
  const named = options.pages;
  const product = named?.products.find(sameSite) ?? HOME_PRODUCT_LINK.exec(home.body)?.[1];
  if (product) targets.push(["product", at(product)]);
  if (options.platform === "shopify") {
    targets.push(["cart", at("/cart")], ["contact", at("/pages/contact")]);
  } else {
    for (const kind of ["cart", "checkout", "account"] as const) {
      const url = named?.[kind];
      if (url && sameSite(url)) targets.push([kind, url]);
    }
  }
  for (const legal of (options.legalPages ?? []).filter((p) => p.url && sameSite(p.url)).slice(0, MAX_LEGAL_PAGES)) targets.push([legal.kind, legal.url as string]);
  return targets;
}

export async function probeStorefront(origin: string, options: StorefrontProbeOptions): Promise<StorefrontFacts> {
  const now = options.now ?? new Date();
  const started = Date.now();
  const base = new URL(origin);
  const facts: StorefrontFacts = {
    status: "ok",
    origin: base.origin,
    error: null,
    fetchedAt: now.toISOString(),
    tls: null,
    httpRedirect: null,
    headers: {},
    headerScore: null,
    pages: [],
    cookies: [],
    securityTxt: null,
    requests: 0,
  };
  if (options.locked) return { ...facts, status: "locked", error: "storefront password-protected" };

  const http: ProbeHttpOptions = {
    allowPrivate: options.allowPrivateAddresses ?? false,
    ca: options.ca,
    timeoutMs: options.requestTimeoutMs ?? PROBE_DEFAULTS.requestTimeoutMs,
    maxBytes: options.maxBytesPerPage ?? PROBE_DEFAULTS.maxBytesPerPage,
    maxRedirects: options.maxRedirects ?? PROBE_DEFAULTS.maxRedirects,
    userAgent: PROBE_DEFAULTS.userAgent,
  };
  const totalTimeout = options.totalTimeoutMs ?? PROBE_DEFAULTS.totalTimeoutMs;
  const interval = options.minIntervalMs ?? PROBE_DEFAULTS.minIntervalMs;
  let lastRequest = 0;
  const polite = async () => {
    const wait = lastRequest + interval - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    lastRequest = Date.now();
    facts.requests += 1;
  };
  const outOfTime = () => Date.now() - started > totalTimeout;

  if (base.protocol === "https:") {
    try {
      await polite();
      facts.tls = await inspectTls(base.hostname, Number(base.port) || 443, { allowPrivate: http.allowPrivate, ca: options.ca, timeoutMs: http.timeoutMs, now });
    } catch (error) {
      if (error instanceof ProbeRefusedError) return { ...facts, status: "refused", error: error.message };
      return { ...facts, status: "unreachable", error: describeError(error) };
    }
  }

  let home: FollowedResponse;
  try {
    await polite();
    home = await probeFollow(base.href, http);
  } catch (error) {
    if (error instanceof ProbeRefusedError) return { ...facts, status: "refused", error: error.message };
    return { ...facts, status: "unreachable", error: describeError(error) };
  }

  const addPage = (kind: ProbedPageKind, response: FollowedResponse) => {
    const html = response.contentType && /html/i.test(response.contentType) ? response.body : "";
    const page: ProbedPage = {
      kind,
      url: response.redirects[0] ?? response.finalUrl,
      finalUrl: response.finalUrl,
      status: response.status,
      contentType: response.contentType,
      bytes: response.bytes,
      truncated: response.truncated,
      ...pageFactsFromHtml(html, response.finalUrl),
    };
    if (response.headers["content-security-policy"]) page.markers.push("csp");
    facts.pages.push(page);
    facts.cookies.push(...response.setCookies.map((cookie) => parseCookie(cookie, kind)));
    return page;
  };
  const homePage = addPage("home", home);
  for (const [name, value] of Object.entries(home.headers)) if (KEPT_HEADER.test(name)) facts.headers[name] = value;

  const sameSite = (url: string) => {
    try {
      return new URL(url).hostname === new URL(home.finalUrl).hostname;
    } catch {
      return false;
    }
  };
  const targets = pagesToVisit(options, home, sameSite);

  for (const [kind, url] of targets) {
    if (outOfTime()) break;
    try {
      await polite();
      addPage(kind, await probeFollow(url, http));
    } catch {
      // One page failing (loop, timeout, refused redirect) does not void the others.
    }
  }

  if (!outOfTime()) {
    const httpUrl = options.httpUrl ?? plainHttpUrl(base);
    try {
      await polite();
      const response = await probeRequest(httpUrl, http);
      const location = response.headers.location ? new URL(response.headers.location, httpUrl) : null;
      const outcome = location?.protocol === "https:" && [301, 302, 307, 308].includes(response.status)
        ? location.hostname === new URL(httpUrl).hostname ? "same-host-https" : "other-host-first"
        : location && [301, 302, 303, 307, 308].includes(response.status) ? "other-host-first" : "none";
      facts.httpRedirect = { status: response.status, location: location?.href ?? null, outcome };
    } catch {
      facts.httpRedirect = { status: null, location: null, outcome: "error" };
    }
  }
  if (!outOfTime()) {
    try {
      await polite();
      const response = await probeRequest(new URL("/.well-known/security.txt", home.finalUrl).href, http);
      const present = response.status === 200 && /^text\/plain/i.test(response.contentType ?? "");
      facts.securityTxt = { present, hasContact: present && /^contact:/im.test(response.body), hasExpires: present && /^expires:/im.test(response.body) };
    } catch {
      facts.securityTxt = { present: false, hasContact: false, hasExpires: false };
    }
  }

  facts.headerScore = scoreHeaders({
    headers: home.headers,
    https: home.finalUrl.startsWith("https:"),
    redirectOutcome: facts.httpRedirect?.outcome === "error" ? null : (facts.httpRedirect?.outcome ?? null),
    cookies: facts.cookies,
    externalScriptsWithoutSri: homePage.contentType && /html/i.test(homePage.contentType) ? externalScriptsWithoutIntegrity(home.body, home.finalUrl) : 0,
  });
  return facts;
}
