/**
 * The storefront "Track my order" app proxy: Shopify's signature (computed here from the
 * documentation's rule, independently of the library the route uses), no order enumeration,
 * rate limits, and no HTML or Liquid injection through shopper input.
 */
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { action, loader } from "../../app/routes/proxy.track";
import { lookupLimits } from "../../app/tracking/storefront-lookup.server";
import type { ShopifyDevStore } from "../../dev/shopify-dev-store";
import { TEST_APP } from "../support/test-app";
import { startTrackingHarness, type TrackingHarness } from "./support";

let harness: TrackingHarness;
let store: ShopifyDevStore;

beforeAll(async () => {
  harness = await startTrackingHarness();
  store = harness.store;
});
afterAll(async () => harness?.close());
beforeEach(() => Object.values(lookupLimits).forEach((l) => l.reset()));

/** Shopify's rule: sorted "key=value" pairs (repeated keys joined by commas), concatenated, HMAC-SHA256 hex. */
function sign(params: Record<string, string | string[]>, secret = TEST_APP.apiSecret): string {
  const message = Object.keys(params)
    .sort()
    .map((key) => `${key}=${([] as string[]).concat(params[key]).join(",")}`)
    .join("");
  return createHmac("sha256", secret).update(message).digest("hex");
}

function proxyUrl(opts: { secret?: string; timestamp?: number; tamper?: boolean } = {}) {
  const params = { shop: store.shopDomain, logged_in_customer_id: "", path_prefix: "/apps/rassure", timestamp: String(opts.timestamp ?? Math.floor(Date.now() / 1000)) };
  const url = new URL(`${TEST_APP.appUrl}/proxy/track`);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  url.searchParams.set("signature", sign(params, opts.secret));
  if (opts.tamper) url.searchParams.set("shop", "another-shop.myshopify.com");
  return url;
}

function lookup(fields: Record<string, string>, opts: { visitor?: string; json?: boolean; secret?: string; timestamp?: number; tamper?: boolean } = {}) {
  const request = new Request(proxyUrl(opts), {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": opts.visitor ?? "203.0.113.7", ...(opts.json ? { accept: "application/json" } : {}) },
  });
  return action({ request, params: {}, context: {} }).catch((thrown: unknown) => {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  });
}

const order = (name: string) => store.state.orders.find((o) => o.name === name)!;

describe("app proxy signature", () => {
  it("serves the form as Liquid when the request is signed", async () => {
    const response = await loader({ request: new Request(proxyUrl()), params: {}, context: {} });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/liquid");
    const body = await response.text();
    expect(body).toContain('<form class="rassure__form" action="/apps/rassure/track" method="post">');
    expect(body).toContain('<label class="rassure__label" for="rassure-track-email">');
    expect(body).toMatch(/^<style>[^<]*\.rassure__form\{/); // the block's stylesheet travels with the answer
  });

  it.each([
    ["a wrong secret", { secret: "not-the-app-secret" }],
    ["a tampered parameter", { tamper: true }],
    ["a replayed old request", { timestamp: Math.floor(Date.now() / 1000) - 3600 }],
  ])("refuses %s with 400 and looks nothing up", async (_label, opts) => {
    const response = await lookup({ order: "#1001", email: order("#1001").email! }, opts);
    expect(response.status).toBe(400);
  });

  it("refuses a request with no signature", async () => {
    const url = proxyUrl();
    url.searchParams.delete("signature");
    const thrown = await loader({ request: new Request(url), params: {}, context: {} }).catch((r: unknown) => r);
    expect((thrown as Response).status).toBe(400);
  });
});

describe("order lookup", () => {
  it("returns carrier links for the right order number and e-mail (any case, with or without #)", async () => {
    const response = await lookup({ order: "1001", email: order("#1001").email!.toUpperCase(), locale: "fr" });
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toContain("Colis de la commande #1001");
    expect(body).toContain('href="https://www.laposte.fr/outils/suivre-vos-envois?code=6A18734592013"');
    expect(body).toContain('rel="noopener noreferrer"');
  });

  it("gives Rassure's link for a shipment whose own link is missing", async () => {
    const response = await lookup({ order: "#1008", email: order("#1008").email! }, { json: true });
    expect(await response.json()).toEqual({ kind: "found", orderName: "#1008", parcels: [{ carrier: "UPS", number: "1Z999AA10123456784", url: "https://www.ups.com/track?tracknum=1Z999AA10123456784" }] });
  });

  it("answers a wrong e-mail exactly like an unknown order (no enumeration)", async () => {
    const wrongEmail = await lookup({ order: "#1001", email: "someone.else@example.com" }, { json: true });
    const unknownOrder = await lookup({ order: "#9999", email: "someone.else@example.com" }, { json: true });
    expect(wrongEmail.status).toBe(unknownOrder.status);
    expect(await wrongEmail.json()).toEqual({ kind: "not-found" });
    expect(await unknownOrder.json()).toEqual({ kind: "not-found" });
    const [a, b] = await Promise.all([lookup({ order: "#1001", email: "x@example.com" }), lookup({ order: "#9999", email: "x@example.com" })]);
    const message = (html: string) => /<div aria-live="polite">([\s\S]*?)<\/div>/.exec(html)?.[1];
    expect(message(await a.text())).toBe(message(await b.text()));
  });

  it("says when an order has not shipped yet", async () => {
    const response = await lookup({ order: "#1007", email: order("#1007").email! }, { json: true });
    expect(await response.json()).toEqual({ kind: "found", orderName: "#1007", parcels: [] });
  });

  it("refuses malformed input and never evaluates shopper input as Liquid or HTML", async () => {
    const hostile = await lookup({ order: "{{ shop.metafields | json }}", email: "<script>alert(1)</script>{% layout none %}" });
    expect(hostile.status).toBe(400);
    const body = await hostile.text();
    expect(body).not.toMatch(/\{\{|\{%|<script>/);
    expect(body).toContain("&lt;script&gt;alert(1)&lt;/script&gt;&#123;% layout none %&#125;");
    const search = await lookup({ order: "#1001 OR name:*", email: "a@b.fr" });
    expect(search.status).toBe(400);
  });
});

describe("rate limits", () => {
  it("limits one visitor to 10 lookups per 10 minutes, with Retry-After", async () => {
    for (let i = 0; i < 10; i++) expect((await lookup({ order: `#${2000 + i}`, email: "a@b.fr" })).status).toBe(200);
    const limited = await lookup({ order: "#1001", email: order("#1001").email! });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(500);
    expect(await limited.text()).toContain("Too many attempts");
    // Another visitor is not affected.
    expect((await lookup({ order: "#1001", email: order("#1001").email! }, { visitor: "198.51.100.4" })).status).toBe(200);
  });

  it("limits guesses on one order to 5 even from many addresses", async () => {
    for (let i = 0; i < 5; i++) expect((await lookup({ order: "#1001", email: `guess${i}@b.fr` }, { visitor: `192.0.2.${i}` })).status).toBe(200);
    expect((await lookup({ order: "#1001", email: order("#1001").email! }, { visitor: "192.0.2.99" })).status).toBe(429);
  });
});
