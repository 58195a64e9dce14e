/**
 * The local WooCommerce dev store holds to what a real WooCommerce does (the recorded 8.9.1
 * behaviour in test/contracts/woocommerce/README notes and the REST docs): key auth per scheme,
 * WordPress error shapes, pagination headers, the /wc-auth parameter checks, signed deliveries.
 */
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWooCommerceDevStore, type WooCommerceDevStore } from "../../dev/woocommerce-dev-store";
import { toPublishedConfig } from "../../app/storefront/config";
import { fullConfig, VERIFIED_COMPANY } from "../storefront/fixtures";

let store: WooCommerceDevStore;
let key: { consumerKey: string; consumerSecret: string };
const received: Array<{ headers: Headers; body: string }> = [];

const basic = (k: string, s: string) => `Basic ${Buffer.from(`${k}:${s}`).toString("base64")}`;

beforeAll(async () => {
  store = await startWooCommerceDevStore({
    trustForwardedProto: true,
    outboundFetch: (async (_url: RequestInfo | URL, init?: RequestInit) => {
      received.push({ headers: new Headers(init?.headers), body: String(init?.body ?? "") });
      return new Response("ok");
    }) as typeof fetch,
  });
  key = store.createKey();
});

afterAll(() => store?.close());

describe("consumer-key authentication", () => {
  it("over https: Basic auth and query keys work; a wrong secret gets WooCommerce's error", async () => {
    const https = { "X-Forwarded-Proto": "https" };
    expect((await fetch(`${store.url}/wp-json/wc/v3/system_status`, { headers: { ...https, Authorization: basic(key.consumerKey, key.consumerSecret) } })).status).toBe(200);
    const query = `consumer_key=${key.consumerKey}&consumer_secret=${key.consumerSecret}`;
    expect((await fetch(`${store.url}/wp-json/wc/v3/system_status?${query}`, { headers: https })).status).toBe(200);
    const wrong = await fetch(`${store.url}/wp-json/wc/v3/system_status`, { headers: { ...https, Authorization: basic(key.consumerKey, "cs_nope") } });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ code: "woocommerce_rest_authentication_error", message: "Consumer secret is invalid.", data: { status: 401 } });
  });

  it("over plain http, Basic auth is ignored (anonymous → woocommerce_rest_cannot_view), as recorded on 8.9.1", async () => {
    const response = await fetch(`${store.url}/wp-json/wc/v3/orders`, { headers: { Authorization: basic(key.consumerKey, key.consumerSecret) } });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: "woocommerce_rest_cannot_view" });
  });

  it("?rest_route= URLs are anonymous even with valid keys", async () => {
    const response = await fetch(`${store.url}/?rest_route=/wc/v3/orders`, { headers: { "X-Forwarded-Proto": "https", Authorization: basic(key.consumerKey, key.consumerSecret) } });
    expect(response.status).toBe(401);
  });

  it("OAuth 1.0a: a replayed nonce and an old timestamp are refused", async () => {
    const sign = (params: Record<string, string>) => {
      const base = `${store.url}/wp-json/wc/v3/system_status`;
      const normalized = Object.entries(params).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
      const text = ["GET", encodeURIComponent(base), encodeURIComponent(normalized)].join("&");
      return createHmac("sha256", `${key.consumerSecret}&`).update(text).digest("base64");
    };
    const call = async (timestamp: number, nonce: string) => {
      const params = { oauth_consumer_key: key.consumerKey, oauth_nonce: nonce, oauth_signature_method: "HMAC-SHA256", oauth_timestamp: String(timestamp), oauth_version: "1.0" };
      const query = new URLSearchParams({ ...params, oauth_signature: sign(params) });
      return fetch(`${store.url}/wp-json/wc/v3/system_status?${query}`);
    };
    const now = Math.floor(Date.now() / 1000);
    expect((await call(now, "abc")).status).toBe(200);
    const replay = await call(now, "abc");
    expect(replay.status).toBe(401);
    expect((await replay.json()).message).toContain("nonce");
    expect((await (await call(now - 3600, "def")).json()).message).toBe("Invalid timestamp.");
  });

  it("a read-only key cannot write", async () => {
    const reader = store.createKey("read");
    const response = await fetch(`${store.url}/wp-json/wc/v3/orders/101/notes`, {
      method: "POST",
      headers: { "X-Forwarded-Proto": "https", Authorization: basic(reader.consumerKey, reader.consumerSecret), "Content-Type": "application/json" },
      body: JSON.stringify({ note: "x" }),
    });
    expect(response.status).toBe(401);
    expect((await response.json()).message).toBe("The API key provided does not have write permissions.");
  });
});

describe("REST behaviour", () => {
  const auth = () => ({ "X-Forwarded-Proto": "https", Authorization: basic(key.consumerKey, key.consumerSecret) });

  it("paginates with X-WP-Total, X-WP-TotalPages and Link, and refuses per_page over 100", async () => {
    const response = await fetch(`${store.url}/wp-json/wc/v3/orders?per_page=10&page=2`, { headers: auth() });
    expect(response.headers.get("x-wp-total")).toBe("23");
    expect(response.headers.get("x-wp-totalpages")).toBe("3");
    expect(response.headers.get("link")).toContain('page=3>; rel="next"');
    expect(response.headers.get("link")).toContain('page=1>; rel="prev"');
    expect((await fetch(`${store.url}/wp-json/wc/v3/orders?per_page=101`, { headers: auth() })).status).toBe(400);
  });

  it("unknown routes, invalid JSON, throttling and outages look like WordPress", async () => {
    expect(await (await fetch(`${store.url}/wp-json/wc/v3/nope`, { headers: auth() })).json()).toMatchObject({ code: "rest_no_route", data: { status: 404 } });
    const bad = await fetch(`${store.url}/wp-json/wc/v3/orders/101`, { method: "PUT", headers: { ...auth(), "Content-Type": "application/json" }, body: "{" });
    expect(await bad.json()).toMatchObject({ code: "rest_invalid_json" });
    store.simulate.throttleNext(1);
    const throttled = await fetch(`${store.url}/wp-json/wc/v3/system_status`, { headers: auth() });
    expect([throttled.status, throttled.headers.get("retry-after")]).toEqual([429, "1"]);
    store.simulate.serverErrorNext(1, 502);
    expect((await fetch(`${store.url}/wp-json/wc/v3/system_status`, { headers: auth() })).status).toBe(502);
  });

  it("serves data/countries from the documented example", async () => {
    const list = (await (await fetch(`${store.url}/wp-json/wc/v3/data/countries`, { headers: auth() })).json()) as Array<{ code: string }>;
    expect(list.length).toBeGreaterThan(0);
    const one = await fetch(`${store.url}/wp-json/wc/v3/data/countries/${list[0].code.toLowerCase()}`, { headers: auth() });
    expect(await one.json()).toMatchObject({ code: list[0].code });
    expect((await fetch(`${store.url}/wp-json/wc/v3/data/countries/zz`, { headers: auth() })).status).toBe(404);
  });

  it("payment gateways keep the recorded 8.9.1 fields", async () => {
    const gateways = (await (await fetch(`${store.url}/wp-json/wc/v3/payment_gateways`, { headers: auth() })).json()) as Array<Record<string, unknown>>;
    const recorded = JSON.parse(readFileSync("test/contracts/woocommerce/recorded-8.9.1/payment_gateways.json", "utf8")) as Array<Record<string, unknown>>;
    for (const gateway of gateways) expect(Object.keys(gateway).sort()).toEqual(Object.keys(recorded[0]).sort());
  });
});

describe("/wc-auth/v1/authorize", () => {
  const authorize = (params: Record<string, string>) => fetch(`${store.url}/wc-auth/v1/authorize?${new URLSearchParams(params)}`);
  const valid = { app_name: "Rassure", scope: "read_write", user_id: "u1", return_url: "https://app.example/return", callback_url: "https://app.example/callback" };

  it("checks its parameters like WC_Auth", async () => {
    const { user_id: _omit, ...missing } = valid;
    expect(await (await authorize(missing)).text()).toContain("Missing parameter user_id");
    expect(await (await authorize({ ...valid, scope: "admin" })).text()).toContain("Invalid scope admin");
    const http = await authorize({ ...valid, callback_url: "http://app.example/callback" });
    expect(http.status).toBe(401);
    expect(await http.text()).toContain("The callback_url needs to be over SSL");
    expect((await authorize(valid)).status).toBe(200);
  });

  it("refuses a forged approval nonce", async () => {
    const response = await fetch(`${store.url}/wc-auth/v1/access_granted/?${new URLSearchParams({ ...valid, wc_auth_nonce: "0000000000" })}`);
    expect(response.status).toBe(401);
  });
});

describe("webhook deliveries", () => {
  it("sign the raw body with the webhook secret and send the X-WC-Webhook-* headers of the contract", async () => {
    const headers = JSON.parse(readFileSync("test/contracts/woocommerce/webhooks.delivery-headers.json", "utf8")).headers as Record<string, string>;
    const created = await fetch(`${store.url}/wp-json/wc/v3/webhooks`, {
      method: "POST",
      headers: { "X-Forwarded-Proto": "https", Authorization: basic(key.consumerKey, key.consumerSecret), "Content-Type": "application/json" },
      body: JSON.stringify({ name: "t", topic: "order.updated", delivery_url: "https://hooks.example/in", secret: "s3cret" }),
    });
    expect(created.status).toBe(201);
    const ping = received.at(-1)!;
    expect(ping.body).toMatch(/^webhook_id=\d+$/);
    expect(ping.headers.get("x-wc-webhook-signature")).toBeNull();

    await store.updateOrder(103, { status: "completed" });
    await store.flushWebhooks();
    const delivery = received.at(-1)!;
    for (const name of Object.keys(headers)) expect(delivery.headers.get(name), name).toBeTruthy();
    expect(delivery.headers.get("x-wc-webhook-topic")).toBe("order.updated");
    expect(delivery.headers.get("x-wc-webhook-signature")).toBe(createHmac("sha256", "s3cret").update(delivery.body).digest("base64"));
    expect(JSON.parse(delivery.body)).toMatchObject({ id: 103, status: "completed" });
  });

  it("carry WooCommerce's delivery id: wp_hash(webhook id . second), shared by every delivery of that webhook in one second", async () => {
    let frozen = Date.parse("2025-03-14T10:00:00.250Z");
    const clocked = await startWooCommerceDevStore({ trustForwardedProto: true, clock: () => frozen, outboundFetch: (async () => new Response("ok")) as typeof fetch });
    try {
      const own = clocked.createKey();
      const create = (topic: string) =>
        fetch(`${clocked.url}/wp-json/wc/v3/webhooks`, {
          method: "POST",
          headers: { "X-Forwarded-Proto": "https", Authorization: basic(own.consumerKey, own.consumerSecret), "Content-Type": "application/json" },
          body: JSON.stringify({ topic, delivery_url: "https://hooks.example/in" }),
        });
      await create("order.updated");
      await create("order.updated");
      for (const id of [102, 103, 107]) await clocked.updateOrder(id, { status: "completed" });
      frozen += 999 - 250; // still the same second
      await clocked.updateOrder(108, { status: "completed" });
      frozen += 1; // the next second
      await clocked.updateOrder(112, { status: "completed" });
      await clocked.flushWebhooks();
      const sent = clocked.deliveries.filter((d) => d.topic === "order.updated");
      const idsOf = (webhookId: number, orders: number[]) => sent.filter((d) => d.webhookId === webhookId && orders.includes((JSON.parse(d.rawBody) as { id: number }).id)).map((d) => d.deliveryId);
      const [first, second] = [...new Set(sent.map((d) => d.webhookId))];
      expect(new Set(idsOf(first, [102, 103, 107, 108])).size).toBe(1);
      expect(idsOf(first, [112])[0]).not.toBe(idsOf(first, [102])[0]);
      expect(idsOf(second, [102])[0]).not.toBe(idsOf(first, [102])[0]);
      expect(idsOf(first, [102])[0]).toMatch(/^[0-9a-f]{32}$/);
    } finally {
      await clocked.close();
    }
  });
});

describe("the companion plugin's trust page", () => {
  const publish = (trustPage: boolean) => {
    const config = fullConfig();
    config.trustPage.enabled = trustPage;
    config.bar.trustPageLink = true;
    const scan = { finishedAt: new Date("2026-12-03T09:00:00Z"), grade: "C", https: false, timeZone: "Europe/Paris" };
    Object.assign(store.state.companionPlugin, { active: true, enabled: true, config: toPublishedConfig(config, 3, new Date(), "Europe/Paris", { company: VERIFIED_COMPANY, trustScan: scan }) });
  };

  it("is the theme's 404 until the merchant switches it on, then a page of the theme at the French address", async () => {
    publish(false);
    expect((await fetch(`${store.url}/rassure-confiance/`)).status).toBe(404);
    expect(await (await fetch(`${store.url}/`)).text()).not.toContain("rassure-confiance");
    publish(true);
    for (const address of ["/rassure-confiance/", "/rassure-trust/", "/?rassure_trust=1"]) expect((await fetch(`${store.url}${address}`)).status, address).toBe(200);
    const html = await (await fetch(`${store.url}/rassure-confiance/`)).text();
    expect(html).toMatch(/<header id="masthead" class="site-header">[\s\S]*<h1 class="rassure__title rassure__page-title">À qui vous achetez<\/h1>[\s\S]*<footer id="colophon"/);
    expect(html).toContain("ATELIER LUMIERE, SIREN 812 345 676");
    expect(html).toContain("Note C, vérifiée le 3 décembre 2026.");
    expect(html).not.toContain("HTTPS (vérifié"); // the platform reported no HTTPS
    expect(html).toContain('href="/wp-content/plugins/rassure-for-woocommerce/assets/rassure.css'.replace('href="', `href="${store.url}`));
    // The trust bar (wp_footer) links the plugin's page, not Shopify's proxy address.
    expect(html).toContain(`<a class="rassure__label rassure__link" href="${store.url}/rassure-confiance/">Pourquoi nous faire confiance</a>`);
    expect(html).not.toContain("/apps/rassure/trust");
    const css = await fetch(`${store.url}/wp-content/plugins/rassure-for-woocommerce/assets/rassure.css`);
    expect(css.headers.get("content-type")).toContain("text/css");
    expect(await css.text()).toBe(readFileSync("wordpress/rassure-for-woocommerce/assets/rassure.css", "utf8"));
  });
});
