/**
 * The storefront "Track my order" app proxy: Shopify's signature (computed here from the
 * documentation's rule, independently of the library the route uses), no order enumeration,
 * rate limits, and no HTML or Liquid injection through shopper input.
 */
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { action, loader } from "../../app/routes/proxy.track";
import { DatabaseLimitStore, sharedLimits } from "../../app/limits/shared-store.server";
import { LookupLimits } from "../../app/tracking/rate-limit";
import { CLIENT_COOKIE, signClientId } from "../../app/tracking/lookup-client.server";
import { TRUSTED_HOPS_VARIABLE } from "../../app/http/client-address.server";
import { closeSecondProcesses, secondProcessClient } from "../support/second-process";
import type { ShopifyDevStore } from "../../dev/shopify-dev-store";
import { TEST_APP } from "../support/test-app";
import { startTrackingHarness, type TrackingHarness } from "./support";

let harness: TrackingHarness;
let store: ShopifyDevStore;

beforeAll(async () => {
  harness = await startTrackingHarness();
  store = harness.store;
});
afterAll(async () => {
  await closeSecondProcesses();
  await harness?.close();
});
beforeEach(async () => {
  delete process.env[TRUSTED_HOPS_VARIABLE];
  await sharedLimits.clear();
});

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

interface LookupOptions {
  /** The connection's peer address (what the server's load context carries). */
  visitor?: string;
  forwardedFor?: string;
  cookie?: string;
  json?: boolean;
  secret?: string;
  timestamp?: number;
  tamper?: boolean;
}

function lookup(fields: Record<string, string>, opts: LookupOptions = {}) {
  const request = new Request(proxyUrl(opts), {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...(opts.forwardedFor ? { "x-forwarded-for": opts.forwardedFor } : {}),
      ...(opts.cookie ? { cookie: opts.cookie } : {}),
      ...(opts.json ? { accept: "application/json" } : {}),
    },
  });
  return action({ request, params: {}, context: { peerAddress: opts.visitor ?? "203.0.113.7" } }).catch((thrown: unknown) => {
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
    expect(await response.json()).toMatchObject({ kind: "found", orderName: "#1008", parcels: [{ carrier: "UPS", number: "1Z999AA10123456784", url: "https://www.ups.com/track?tracknum=1Z999AA10123456784" }] });
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
    expect(await response.json()).toEqual({ kind: "found", orderName: "#1007", status: "not-shipped", shipments: [], unshipped: [{ name: order("#1007").lineItems[0].name, quantity: 3 }], parcels: [] });
  });

  it("tells every state of an order: items per parcel, delivery, what is still to ship, cancellation", async () => {
    const state = async (name: string) => (await (await lookup({ order: name, email: order(name).email! }, { json: true })).json()) as Record<string, unknown>;
    const items = (name: string, indexes: number[]) => indexes.map((i) => ({ name: order(name).lineItems[i].name, quantity: order(name).lineItems[i].quantity }));
    expect(await state("#1011")).toMatchObject({
      status: "partly-shipped",
      shipments: [{ items: items("#1011", [0]), delivered: false, tracking: [] }], // Mondial Relay gave no number yet
      unshipped: items("#1011", [1]),
    });
    expect(await state("#1006")).toMatchObject({ status: "shipped", shipments: [{ delivered: false, tracking: [] }], unshipped: [] });
    expect(await state("#1013")).toMatchObject({
      status: "shipped",
      shipments: [
        { items: items("#1013", [0]), delivered: true, tracking: [{ carrier: "Colissimo", number: "6A20394857162" }] },
        { items: items("#1013", [1]), delivered: false, tracking: [{ carrier: "Chronopost", number: "XY987654321FR" }] },
      ],
    });
    expect(await state("#1001")).toMatchObject({ status: "delivered" });
    expect(await state("#1014")).toMatchObject({ status: "cancelled-refunded", shipments: [] });
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
  const customer = () => ({ order: "#1001", email: order("#1001").email! });

  it("limits one client to 10 lookups per 10 minutes, with Retry-After; another client is not affected", async () => {
    for (let i = 0; i < 10; i++) expect((await lookup({ order: `#${2000 + i}`, email: "a@b.fr" })).status).toBe(200);
    const limited = await lookup(customer());
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await limited.text()).toContain("Too many attempts");
    expect((await lookup(customer(), { visitor: "198.51.100.4" })).status).toBe(200);
  });

  it("is not bypassed by a rotating X-Forwarded-For, with no trusted proxy or with one", async () => {
    for (let i = 0; i < 10; i++) await lookup({ order: `#${2000 + i}`, email: "a@b.fr" }, { forwardedFor: `10.0.${i}.1` });
    expect((await lookup(customer(), { forwardedFor: "10.9.9.9" })).status).toBe(429);

    // Behind one trusted proxy (Shopify's), only the entry it appended counts: the forged ones to its left change nothing.
    await sharedLimits.clear();
    process.env[TRUSTED_HOPS_VARIABLE] = "1";
    for (let i = 0; i < 10; i++) await lookup({ order: `#${2000 + i}`, email: "a@b.fr" }, { forwardedFor: `10.0.${i}.1, 192.0.2.50`, visitor: "23.227.38.1" });
    expect((await lookup(customer(), { forwardedFor: "10.9.9.9, 192.0.2.50", visitor: "23.227.38.1" })).status).toBe(429);
    // …and another shopper coming through the same proxy is another client.
    expect((await lookup(customer(), { forwardedFor: "192.0.2.51", visitor: "23.227.38.1" })).status).toBe(200);
  });

  it("never lets five wrong e-mails from five clients lock the real customer out", async () => {
    for (let i = 0; i < 5; i++) expect((await lookup({ order: "#1001", email: `guess${i}@b.fr` }, { visitor: `192.0.2.${i}` })).status).toBe(200);
    // The order is now under attack: a further guess costs its client the window…
    expect((await lookup({ order: "#1001", email: "guess9@b.fr" }, { visitor: "192.0.2.9" })).status).toBe(200);
    expect((await lookup(customer(), { visitor: "192.0.2.9" })).status).toBe(429);
    // …while the customer, from anywhere, still gets the parcels.
    const response = await lookup(customer(), { visitor: "198.51.100.77" });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Parcels for order #1001");
  });

  it("tells apart clients behind one address by their signed id, and ignores forged ids", async () => {
    const alice = `${CLIENT_COOKIE}=${signClientId("aaaaaaaaaaaaaaaaaaaaaa")}`;
    const bob = `${CLIENT_COOKIE}=${signClientId("bbbbbbbbbbbbbbbbbbbbbb")}`;
    for (let i = 0; i < 10; i++) await lookup({ order: `#${2000 + i}`, email: "a@b.fr" }, { cookie: alice });
    expect((await lookup(customer(), { cookie: alice })).status).toBe(429);
    const bobs = await lookup(customer(), { cookie: bob });
    expect(bobs.status).toBe(200);
    expect(bobs.headers.get("set-cookie")).toContain(bob);
    // The app proxy strips cookies: the id also comes back in the form's hidden field.
    expect(await bobs.text()).toContain(`name="client" value="${bob.split("=")[1]}"`);
    expect((await lookup({ ...customer(), client: alice.split("=")[1] })).status).toBe(429);
    // Forged or fresh ids are counted by the address, whose limit they all share.
    const forged = `${CLIENT_COOKIE}=${"c".repeat(22)}.${"d".repeat(43)}`;
    for (let i = 0; i < 10; i++) await lookup({ order: `#${3000 + i}`, email: "a@b.fr" }, { cookie: forged });
    expect((await lookup(customer(), { cookie: forged })).status).toBe(429);
    for (let i = 0; i < 9; i++) await lookup({ order: `#${4000 + i}`, email: "a@b.fr" }, { cookie: `${CLIENT_COOKIE}=${signClientId(`fresh${i}`.padEnd(22, "x"))}` });
    expect((await lookup(customer(), { cookie: `${CLIENT_COOKIE}=${signClientId("z".repeat(22))}` })).status).toBe(429);
  });

  it("keeps its counters in the database: another process, or a restarted one, sees them", async () => {
    for (let i = 0; i < 10; i++) await lookup({ order: `#${2000 + i}`, email: "a@b.fr" });
    const restarted = new LookupLimits(new DatabaseLimitStore(await secondProcessClient()));
    expect(await restarted.admit(store.shopDomain, { address: "203.0.113.7", key: "address:203.0.113.7" })).toEqual({ retryAfterMs: expect.any(Number) });
    expect(await restarted.admit(store.shopDomain, { address: "203.0.113.8", key: "address:203.0.113.8" })).toBeNull();
  });
});
