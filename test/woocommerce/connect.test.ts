/**
 * Connecting a WooCommerce store end to end: the app's real routes (served over HTTP by the
 * route server), the local WooCommerce dev store's /wc-auth flow (approval screen, key POST to
 * the https callback, redirect to return_url), then signed webhook deliveries back to the app.
 * WordPress reaches the app at https://rassure.test; the dev store's outbound fetch routes that
 * host to the route server, as the internet would route it to the real app.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.SHOPIFY_APP_URL = "https://rassure.test";
  process.env.RASSURE_WOOCOMMERCE_ALLOW_PRIVATE_HOSTS = "1";
});

import { isSealed } from "../../app/crypto.server";
import prisma from "../../app/db.server";
import { jobQueue } from "../../app/jobs/runtime.server";
import { recentTrackingChecks } from "../../app/tracking/jobs.server";
import { action as adminAction, loader as adminLoader } from "../../app/routes/woocommerce.admin";
import { mintAdminToken } from "../../app/woocommerce/admin-token.server";
import { connectState } from "../../app/woocommerce/connect-state.server";
import { wooVerificationsIdle } from "../../app/woocommerce/connect.server";
import { openWooCredentials, updateWooCredentials } from "../../app/woocommerce/credentials.server";
import { startWooCommerceDevStore, type WooCommerceDevStore } from "../../dev/woocommerce-dev-store";
import { approve, finish, startConnect, startConnectFlow, connectFully as connectStore, type ConnectFlow } from "./support/connect-flow";
import { adminPost } from "./support/admin-requests";

let flow: ConnectFlow;
let app: ConnectFlow["app"];
let store: WooCommerceDevStore;
let domain: string;
/** WordPress's clock, frozen to put several deliveries in one second. */
let frozenClock: number | null = null;

const connectFully = () => connectStore(store.url);

beforeAll(async () => {
  flow = await startConnectFlow();
  app = flow.app;
  store = await startWooCommerceDevStore({ outboundFetch: flow.storeFetch, clock: () => frozenClock ?? Date.now() });
  domain = new URL(store.url).host;
});

afterAll(async () => {
  await store?.close();
  await flow?.close();
});

beforeEach(async () => {
  flow.overrideCallback(null);
  frozenClock = null;
  await wooVerificationsIdle();
  await jobQueue.store.eraseShop({ platform: "woocommerce", shopDomain: domain });
  await prisma.webhookDelivery.deleteMany();
  await prisma.shop.deleteMany();
  store.state.webhooks.length = 0;
});

describe("connect", () => {
  it("sends the merchant to /wc-auth/v1/authorize with a signed state and an https callback", async () => {
    const start = (await startConnect(store.url)) as Response;
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get("Location")!);
    expect(authorize.origin + authorize.pathname).toBe(`${store.url}/wc-auth/v1/authorize`);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      app_name: "Rassure",
      scope: "read_write",
      return_url: "https://rassure.test/woocommerce/return",
      callback_url: "https://rassure.test/woocommerce/callback",
    });
    expect(authorize.searchParams.get("user_id")).toMatch(/^[\w-]+\.[\w-]+$/);
  });

  it("stores the keys sealed, verifies them, creates the webhooks and links the plugin", async () => {
    const result = await connectFully();
    expect(result).toMatchObject({ ok: true, name: "Savonnerie du Vieux-Port", httpOnly: true, pluginLinked: true, webhooks: 2, locale: "fr" });
    const shop = await prisma.shop.findUniqueOrThrow({ where: { platform_domain: { platform: "woocommerce", domain } } });
    expect(shop).toMatchObject({ name: "Savonnerie du Vieux-Port", countryCode: "FR", grantedScopes: "read_write", installState: "installed" });
    expect(isSealed(shop.credentials!)).toBe(true);
    const credentials = openWooCredentials(shop.credentials);
    expect(credentials.consumerKey).toMatch(/^ck_/);
    // Sealed: neither key appears in what is stored (the envelope's random base64 may contain "ck_" by chance, the keys never).
    for (const secret of [credentials.consumerKey, credentials.consumerSecret]) expect(shop.credentials).not.toContain(secret.slice(3));
    expect(store.state.keys).toHaveLength(1);
    const hooks = store.state.webhooks.filter((w) => w.status === "active");
    expect(hooks.map((w) => w.topic).sort()).toEqual(["order.created", "order.updated"]);
    expect(hooks[0].delivery_url).toBe(`https://rassure.test/woocommerce/webhooks?shop=${encodeURIComponent(domain)}`);
    expect(hooks.every((w) => w.secret === credentials.webhookSecret)).toBe(true);
    // The creation pings reached the app and were accepted.
    expect(store.deliveries.filter((d) => d.topic === "ping").slice(-2).map((d) => d.status)).toEqual([200, 200]);
    expect(store.state.companionPlugin.link).toMatchObject({ adminSecret: credentials.adminLinkSecret, appUrl: "https://rassure.test/woocommerce/admin", shop: domain });
  });

  it("verifies the keys with a first API call right after answering the callback, before the merchant returns", async () => {
    const start = (await startConnect(store.url)) as Response;
    const granted = await approve(start.headers.get("Location")!);
    expect(granted.status).toBe(302);
    await wooVerificationsIdle();
    const shop = await prisma.shop.findUniqueOrThrow({ where: { platform_domain: { platform: "woocommerce", domain } } });
    expect(shop).toMatchObject({ name: "Savonnerie du Vieux-Port", countryCode: "FR", installState: "installed" });
  });

  it("forgets keys the store refuses at the first call", async () => {
    const start = (await startConnect(store.url)) as Response;
    const granted = await approve(start.headers.get("Location")!);
    await wooVerificationsIdle();
    store.state.keys.length = 0; // the merchant revoked the key in WooCommerce meanwhile
    expect(await finish(granted.headers.get("Location")!)).toMatchObject({ ok: false, problem: "keys-rejected" });
    expect(await prisma.shop.findUniqueOrThrow({ where: { platform_domain: { platform: "woocommerce", domain } } })).toMatchObject({ credentials: null });
  });

  it("a forged key POST with a valid state cannot replace working keys", async () => {
    await connectFully();
    const before = openWooCredentials((await prisma.shop.findFirstOrThrow()).credentials);
    // Anyone can start a connection for any store and read the state from the authorize URL.
    const state = new URL(((await startConnect(store.url)) as Response).headers.get("Location")!).searchParams.get("user_id")!;
    const forged = await fetch(`${app.url}/woocommerce/callback`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ key_id: 99, user_id: state, consumer_key: `ck_${"0".repeat(40)}`, consumer_secret: `cs_${"0".repeat(40)}`, key_permissions: "read_write" }),
    });
    expect(forged.status).toBe(200); // indistinguishable from WooCommerce's own POST until tried
    await wooVerificationsIdle();
    const shop = await prisma.shop.findFirstOrThrow();
    const after = openWooCredentials(shop.credentials);
    expect(shop.installState).toBe("installed");
    expect([after.consumerKey, after.pending ?? null]).toEqual([before.consumerKey, null]);
    expect(await finish(`https://rassure.test/woocommerce/return?success=1&user_id=${encodeURIComponent(state)}`)).toMatchObject({ ok: true });
  });

  it("refuses a tampered state: the callback answers 403 and WooCommerce deletes the key", async () => {
    const start = (await startConnect(store.url)) as Response;
    const authorize = new URL(start.headers.get("Location")!);
    const [body, signature] = authorize.searchParams.get("user_id")!.split(".");
    const forged = JSON.parse(Buffer.from(body, "base64url").toString());
    forged.store = "https://evil.example";
    authorize.searchParams.set("user_id", `${Buffer.from(JSON.stringify(forged)).toString("base64url")}.${signature}`);
    const keysBefore = store.state.keys.length;
    const granted = await approve(authorize.href);
    expect(granted.status).toBe(401);
    expect(await granted.text()).toContain("unable to send the consumer data");
    expect(store.state.keys).toHaveLength(keysBefore);
    expect(await prisma.shop.count()).toBe(0);
    // And the return page refuses the forged state too.
    expect(await finish(`https://rassure.test/woocommerce/return?success=1&user_id=${encodeURIComponent(authorize.searchParams.get("user_id")!)}`)).toMatchObject({ ok: false, problem: "invalid-state" });
  });

  it("an expired state is refused", async () => {
    const old = connectState(store.url, Date.now() - 31 * 60_000);
    expect(await finish(`https://rassure.test/woocommerce/return?success=1&user_id=${encodeURIComponent(old)}`)).toMatchObject({ ok: false, problem: "invalid-state" });
  });

  it("when the callback does not answer 200, WooCommerce deletes the key and nothing is stored", async () => {
    flow.overrideCallback(500);
    const keysBefore = store.state.keys.length;
    const start = (await startConnect(store.url)) as Response;
    const granted = await approve(start.headers.get("Location")!);
    expect(granted.status).toBe(401);
    expect(store.state.keys).toHaveLength(keysBefore);
    expect(await prisma.shop.count()).toBe(0);
  });

  it("a denial comes back as success=0 and stores nothing", async () => {
    const start = (await startConnect(store.url)) as Response;
    const page = await (await fetch(start.headers.get("Location")!)).text();
    const deny = /class="button wc-auth-deny" href="([^"]+)"/.exec(page)![1].replace(/&amp;/g, "&");
    expect(new URL(deny).searchParams.get("success")).toBe("0");
    expect(await finish(deny)).toMatchObject({ ok: false, problem: "denied" });
  });

  it("explains plain permalinks, a missing WooCommerce, a bad address and a private host", async () => {
    const plain = await startWooCommerceDevStore({ permalinks: "plain" });
    try {
      expect(await startConnect(plain.url)).toEqual({ problem: "plain-permalinks", store: plain.url });
    } finally {
      await plain.close();
    }
    expect(await startConnect("not a url at all")).toMatchObject({ problem: "invalid-url" });
    expect(await startConnect(`${app.url}`)).toMatchObject({ problem: "rest-blocked" });
    process.env.RASSURE_WOOCOMMERCE_ALLOW_PRIVATE_HOSTS = "0";
    try {
      expect(await startConnect(store.url)).toMatchObject({ problem: "private-host" });
    } finally {
      process.env.RASSURE_WOOCOMMERCE_ALLOW_PRIVATE_HOSTS = "1";
    }
  });
});

describe("webhooks", () => {
  it("verifies signatures, accepts each event once and queues completed orders for tracking", async () => {
    await connectFully();
    const update = await store.updateOrder(102, { status: "completed" });
    expect(update.status).toBe(200);
    await store.flushWebhooks();
    const delivered = store.deliveries.filter((d) => d.topic === "order.updated").at(-1)!;
    expect(delivered.status).toBe(200);
    const deliveries = await prisma.webhookDelivery.findMany({ where: { platform: "woocommerce" } });
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ topic: "order.updated", shopDomain: domain });
    const jobs = await recentTrackingChecks({ platform: "woocommerce", shopDomain: domain });
    expect(jobs.map((j) => [j.platform, j.shopDomain, (j.payload as { fulfillmentId: string }).fulfillmentId])).toEqual([["woocommerce", domain, "102"]]);

    const webhookId = store.state.webhooks.find((w) => w.topic === "order.updated" && w.status === "active")!.id;
    const order = store.state.orders.find((o) => o.id === 102);
    const replay = await store.redeliver(delivered);
    expect(replay!.status).toBe(200);
    expect(replay!.headers.get("x-rassure-delivery")).toBe("duplicate");
    expect(await recentTrackingChecks({ platform: "woocommerce", shopDomain: domain })).toHaveLength(1);

    const forged = await store.sendWebhook(webhookId, order, { secret: "not-the-secret" });
    expect(forged!.status).toBe(401);
    const malformed = await store.sendWebhook(webhookId, undefined, { rawBody: '{"id": 1,' });
    expect(malformed!.status).toBe(400);
    expect(await prisma.webhookDelivery.count()).toBe(1);
  });

  it("orders completed in the same second (one delivery id, as real WooCommerce sends) each queue a tracking job; redeliveries queue none", async () => {
    await connectFully();
    frozenClock = Date.now();
    const completed = [102, 103, 107, 108];
    for (const id of completed) expect((await store.updateOrder(id, { status: "completed" })).status).toBe(200);
    await store.flushWebhooks();
    const sent = store.deliveries.filter((d) => d.topic === "order.updated").slice(-completed.length);
    expect(new Set(sent.map((d) => d.deliveryId)).size).toBe(1);
    expect(sent.map((d) => d.status)).toEqual([200, 200, 200, 200]);
    expect(sent.map((d) => d.error)).toEqual([null, null, null, null]);
    const queued = async () => (await recentTrackingChecks({ platform: "woocommerce", shopDomain: domain })).map((j) => (j.payload as { fulfillmentId: string }).fulfillmentId).sort();
    expect(await queued()).toEqual(completed.map(String));
    expect(await prisma.webhookDelivery.count({ where: { platform: "woocommerce" } })).toBe(completed.length);

    // The same event sent again — in the same second, or later with a new id — is recognised.
    frozenClock += 5_000;
    for (const delivery of sent) {
      for (const answer of [await store.redeliver(delivery), await store.redeliver(delivery, { deliveryId: "a-later-second" })]) {
        expect(answer!.status).toBe(200);
        expect(answer!.headers.get("x-rassure-delivery")).toBe("duplicate");
      }
    }
    expect(await prisma.webhookDelivery.count({ where: { platform: "woocommerce" } })).toBe(completed.length);
    expect(await queued()).toEqual(completed.map(String));
  });

  it("an unknown store and a bad signature get the same answer, so deliveries cannot tell which stores are connected", async () => {
    await connectFully();
    const signedFor = (shop: string) =>
      fetch(`${app.url}/woocommerce/webhooks?shop=${shop}`, {
        method: "POST",
        body: '{"id":102,"status":"completed"}',
        headers: { "Content-Type": "application/json", "X-WC-Webhook-Topic": "order.updated", "X-WC-Webhook-Delivery-ID": "1", "X-WC-Webhook-Signature": "bm90LXRoZS1zaWduYXR1cmU=" },
      });
    const answers = await Promise.all([signedFor(domain), signedFor("unknown.example"), signedFor("")].map(async (r) => {
      const response = await r;
      return { status: response.status, body: await response.text(), type: response.headers.get("content-type") };
    }));
    expect(answers[0].status).toBe(401);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    // The creation ping changes nothing and is acknowledged alike too.
    const ping = (shop: string) => fetch(`${app.url}/woocommerce/webhooks?shop=${shop}`, { method: "POST", body: "webhook_id=7", headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    expect([(await ping(domain)).status, (await ping("unknown.example")).status]).toEqual([200, 200]);
    expect(await prisma.webhookDelivery.count()).toBe(0);
  });

  it("answers 401 for an unknown shop, 415 for a non-JSON body and 413 for an oversized one", async () => {
    const post = (body: string, type = "application/json", shop = "unknown.example") =>
      fetch(`${app.url}/woocommerce/webhooks?shop=${shop}`, { method: "POST", body, headers: { "Content-Type": type } });
    expect((await post("{}")).status).toBe(401);
    expect((await post("<xml/>", "text/xml")).status).toBe(415);
    expect((await post(`"${"x".repeat(3 * 1024 * 1024)}"`)).status).toBe(413);
    const callback = (body: string, type: string) => fetch(`${app.url}/woocommerce/callback`, { method: "POST", body, headers: { "Content-Type": type } });
    expect((await callback("key=1", "application/x-www-form-urlencoded")).status).toBe(415);
    expect((await callback(`{"user_id":"${"x".repeat(20_000)}"}`, "application/json")).status).toBe(413);
    expect((await callback("{nope", "application/json")).status).toBe(400);
  });
});

describe("wp-admin page and disconnect", () => {
  it("opens with a fresh token from the plugin, refuses others, and disconnect forgets the keys", async () => {
    await connectFully();
    const { adminSecret: adminLinkSecret } = store.state.companionPlugin.link!;
    const token = mintAdminToken(adminLinkSecret, domain, 1);
    const page = (await adminLoader({ request: new Request(`https://rassure.test/woocommerce/admin?store=${encodeURIComponent(domain)}&token=${token}`), params: {}, context: {} })) as Response;
    expect(page.headers.get("Content-Security-Policy")).toBe(`frame-ancestors ${store.url};`);
    expect(await page.json()).toMatchObject({ authorised: true, name: "Savonnerie du Vieux-Port", https: false });

    const expired = mintAdminToken(adminLinkSecret, domain, 1, Date.now() - 10 * 60_000);
    const wrongKey = mintAdminToken("x".repeat(43), domain, 1);
    for (const bad of [expired, wrongKey, `${token}x`]) {
      const denied = (await adminLoader({ request: new Request(`https://rassure.test/woocommerce/admin?store=${encodeURIComponent(domain)}&token=${bad}`), params: {}, context: {} })) as Response;
      expect(await denied.json()).toMatchObject({ authorised: false });
    }

    // The trust checklist runs from the same page, through the WooCommerce adapter.
    const adminPage = async () => ((await adminLoader({ request: new Request(`https://rassure.test/woocommerce/admin?store=${encodeURIComponent(domain)}&token=${token}`), params: {}, context: {} })) as Response).json() as Promise<{ checklist: { score: number | null; timeZone: string | null; top: Array<{ id: string }> }; blocks: { publishedAt: string | null; publishError: string | null } }>;
    expect(await adminPage()).toMatchObject({ checklist: { score: null, top: [] } });
    const scan = await adminAction({ request: adminPost("/woocommerce/admin", domain, token, { intent: "scan" }), params: {}, context: {} });
    expect(scan).toEqual({ scanned: true });
    const scanned = await adminPage();
    expect(scanned.checklist.score).toBeGreaterThan(0);
    expect(scanned.checklist.top.length).toBeGreaterThan(0);
    expect(scanned.checklist.timeZone).toBe("Europe/Paris"); // the page dates things in WordPress's time zone
    // Publishing sends the stored (default) blocks configuration to the plugin's wc-rassure/v1 route.
    const publish = await adminAction({ request: adminPost("/woocommerce/admin", domain, token, { intent: "publish" }), params: {}, context: {} });
    expect(publish).toEqual({ published: true });
    expect(store.state.companionPlugin).toMatchObject({ enabled: true, config: { version: 1, payment: { enabled: true }, promises: { enabled: true } } });
    expect(await adminPage()).toMatchObject({ blocks: { publishError: null } });

    const forged = await adminAction({ request: adminPost("/woocommerce/admin", domain, wrongKey, { intent: "scan" }), params: {}, context: {} });
    expect((forged as Response).status).toBe(403);

    // What the merchant entered for the legal texts (no shop/redact follows on WooCommerce: disconnect erases it).
    const scope = { platform: "woocommerce", shopDomain: domain };
    await prisma.legalIdentity.create({ data: { ...scope, fields: JSON.stringify({ legalName: "Savonnerie du Vieux-Port SARL", director: "Louis Garnier" }) } });
    await prisma.legalText.create({ data: { ...scope, kind: "legal-notice", locale: "fr", body: "<p>Savonnerie du Vieux-Port SARL</p>" } });

    const { consumerKey } = openWooCredentials((await prisma.shop.findUniqueOrThrow({ where: { platform_domain: { platform: "woocommerce", domain } } })).credentials);
    const result = (await adminAction({ request: adminPost("/woocommerce/admin", domain, token, { intent: "disconnect" }), params: {}, context: {} })) as Response;
    // Still framed by the store's wp-admin, with the way back: Reconnect.
    expect(result.headers.get("Content-Security-Policy")).toBe(`frame-ancestors ${store.url};`);
    expect(await result.json()).toEqual({ disconnected: true, storeUrl: store.url, name: "Savonnerie du Vieux-Port", reconnectUrl: `/woocommerce/connect?store=${encodeURIComponent(store.url)}&locale=fr`, keysToRevoke: [] });
    const shop = await prisma.shop.findUniqueOrThrow({ where: { platform_domain: { platform: "woocommerce", domain } } });
    expect(shop).toMatchObject({ credentials: null, installState: "uninstalled" });
    expect([await prisma.legalIdentity.count({ where: scope }), await prisma.legalText.count({ where: scope })]).toEqual([0, 0]);
    expect(store.state.webhooks.filter((w) => w.delivery_url.includes("rassure.test"))).toHaveLength(0);
    // The store forgot the key too (revoked through the plugin), and the plugin its link.
    expect(store.state.keys.some((k) => k.truncatedKey === consumerKey.slice(-7))).toBe(false);
    expect(store.state.companionPlugin.link).toBeNull();
  });
});

describe("connection lifecycle: reconnect and disconnect", () => {
  const credentialsNow = async () => openWooCredentials((await prisma.shop.findUniqueOrThrow({ where: { platform_domain: { platform: "woocommerce", domain } } })).credentials);
  const storeHasKey = (consumerKey: string) => store.state.keys.some((k) => k.truncatedKey === consumerKey.slice(-7));

  it("a reconnect revokes the old key through the plugin and renews the webhook and admin-link secrets", async () => {
    await connectFully();
    const before = await credentialsNow();
    expect(storeHasKey(before.consumerKey)).toBe(true);
    const again = await connectFully();
    expect(again).toMatchObject({ ok: true, keysToRevoke: [] });
    const after = await credentialsNow();
    expect(after.consumerKey).not.toBe(before.consumerKey);
    expect(storeHasKey(before.consumerKey)).toBe(false);
    expect(storeHasKey(after.consumerKey)).toBe(true);
    expect(after).toMatchObject({ keysToRevoke: [], previousWebhookSecret: null, secretsDue: false });
    expect(after.webhookSecret).not.toBe(before.webhookSecret);
    expect(after.adminLinkSecret).not.toBe(before.adminLinkSecret);
    const hooks = store.state.webhooks.filter((w) => w.status === "active");
    expect(hooks.length).toBe(2);
    expect(hooks.every((w) => w.secret === after.webhookSecret)).toBe(true);
    expect(store.state.companionPlugin.link?.adminSecret).toBe(after.adminLinkSecret);
    // An entry token signed with the old link secret opens nothing any more.
    const old = mintAdminToken(before.adminLinkSecret, domain, 1);
    const page = (await adminLoader({ request: new Request(`https://rassure.test/woocommerce/admin?store=${encodeURIComponent(domain)}&token=${old}`), params: {}, context: {} })) as Response;
    expect(await page.json()).toMatchObject({ authorised: false });
  });

  it("until the store's webhooks carry the new secret, deliveries signed with the previous one are still accepted", async () => {
    await connectFully();
    const webhookId = store.state.webhooks.find((w) => w.topic === "order.updated" && w.status === "active")!.id;
    const order = store.state.orders.find((o) => o.id === 102);
    expect((await store.sendWebhook(webhookId, order, { secret: "the-previous-secret" }))!.status).toBe(401);
    await updateWooCredentials(domain, (c) => ({ ...c, previousWebhookSecret: "the-previous-secret" }));
    expect((await store.sendWebhook(webhookId, order, { secret: "the-previous-secret" }))!.status).toBe(200);
  });

  it("without the plugin, the merchant is told exactly which key to revoke, and where", async () => {
    store.state.companionPlugin.active = false;
    try {
      await connectFully();
      const before = await credentialsNow();
      const again = (await connectFully()) as { ok: true; keysToRevoke: Array<{ description: string; truncatedKey: string }> };
      const record = store.state.keys.find((k) => k.truncatedKey === before.consumerKey.slice(-7))!;
      expect(record).toBeTruthy(); // still on the store: nothing could revoke it
      expect(again.keysToRevoke).toEqual([{ description: expect.stringMatching(/^Rassure - API \(\d{4}-\d\d-\d\d \d\d:\d\d UTC\)$/), truncatedKey: record.truncatedKey }]);
      expect(record.description.slice(0, 27)).toBe(again.keysToRevoke[0].description.slice(0, 27)); // same name and date, to the minute

      // Disconnect: the webhooks go (WooCommerce's own routes), both keys are left for the merchant.
      const { adminLinkSecret, consumerKey } = await credentialsNow();
      const token = mintAdminToken(adminLinkSecret, domain, 1);
      const result = (await adminAction({ request: adminPost("/woocommerce/admin", domain, token, { intent: "disconnect" }), params: {}, context: {} })) as Response;
      const body = (await result.json()) as { keysToRevoke: Array<{ truncatedKey: string }> };
      expect(body.keysToRevoke.map((k) => k.truncatedKey)).toEqual([before.consumerKey.slice(-7), consumerKey.slice(-7)]);
      expect(store.state.webhooks.filter((w) => w.delivery_url.includes("rassure.test"))).toHaveLength(0);
    } finally {
      store.state.companionPlugin.active = true;
    }
  });
});

describe("tracking jobs from WooCommerce webhooks", () => {
  it("a store outage during a job leaves it pending for a retry, not failed", async () => {
    const { trackingWorkerIdle } = await import("../../app/tracking/jobs.server");
    await connectFully();
    // Longer than the adapter's own retries (it absorbs a short blip): the job itself must wait and retry.
    store.simulate.serverErrorNext(10, 503);
    await store.updateOrder(105, { status: "completed" });
    await store.flushWebhooks();
    await trackingWorkerIdle();
    store.simulate.reset();
    const [job] = await recentTrackingChecks({ platform: "woocommerce", shopDomain: domain }, { fulfillmentId: "105" });
    expect(job).toMatchObject({ status: "pending", attempts: 1 });
    expect(job.lastError).toMatch(/503/);
  });

  it("a completed order whose parcel has no working link gets Rassure's link through Shipment Tracking", async () => {
    const tracked = await startWooCommerceDevStore({ outboundFetch: flow.storeFetch, shipmentTracking: true });
    try {
      const { drainTrackingJobs, trackingWorkerIdle } = await import("../../app/tracking/jobs.server");
      const start = (await startConnect(tracked.url)) as Response;
      const granted = await approve(start.headers.get("Location")!);
      expect(await finish(granted.headers.get("Location")!)).toMatchObject({ ok: true });
      const trackedDomain = new URL(tracked.url).host;
      // The merchant typed the number with a provider the extension does not know: no link.
      const { consumerKey, consumerSecret } = tracked.createKey();
      const { WooRestClient } = await import("../../adapters/woocommerce");
      const client = new WooRestClient({ storeUrl: tracked.url, consumerKey, consumerSecret }, { allowPrivateAddresses: true });
      await client.request("post", "orders/104/shipment-trackings", { namespace: "wc-shipment-tracking/v3", data: { tracking_provider: "La Poste Colis", tracking_number: "6A18734592013" } });
      await tracked.updateOrder(104, { status: "completed" });
      await tracked.flushWebhooks();
      // The webhook kicked the in-process worker; let it finish, then drain whatever is left.
      await trackingWorkerIdle();
      await drainTrackingJobs();
      const [job] = await recentTrackingChecks({ platform: "woocommerce", shopDomain: trackedDomain });
      expect(job).toMatchObject({ status: "done", result: { outcome: "fixed" } });
      const items = tracked.state.shipmentTracking.items.get(104)!;
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ tracking_number: "6A18734592013", custom_tracking_provider: "Colissimo", custom_tracking_link: "https://www.laposte.fr/outils/suivre-vos-envois?code=6A18734592013" });
      const fix = await prisma.trackingFix.findFirstOrThrow({ where: { shopDomain: trackedDomain } });
      expect(fix).toMatchObject({ platform: "woocommerce", orderId: "104", number: "6A18734592013", company: "Colissimo" });
    } finally {
      await tracked.close();
    }
  });
});
