/**
 * Shopify webhooks end to end: the dev store signs and POSTs the documented payloads
 * (test/contracts/shopify/webhook-payloads-2026-01) over HTTP to the app's real route
 * actions; the test inspects the real database.
 */
import { createHmac, randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seal } from "../../app/crypto.server";
import prisma from "../../app/db.server";
import { appEnvironment } from "../../app/env.server";
import type { ShopifyDevStore } from "../../dev/shopify-dev-store";
import { startTestDevStore } from "../support/dev-store";
import { startRouteServer, type RouteServer } from "../support/route-server";
import { TEST_APP } from "../support/test-app";

let app: RouteServer;
let store: ShopifyDevStore;
let shop: string;

beforeAll(async () => {
  app = await startRouteServer();
  store = await startTestDevStore(app.url);
  shop = store.shopDomain;
});

afterAll(async () => {
  await store?.close();
  await app?.close();
});

function sealedToken(): string {
  return seal("shpat_test_token", appEnvironment().encryptionKeys);
}

async function installedShop() {
  await prisma.webhookDelivery.deleteMany();
  await prisma.complianceRequest.deleteMany();
  await prisma.session.deleteMany();
  await prisma.shop.deleteMany();
  await prisma.session.create({ data: { id: `offline_${shop}`, shop, state: "", accessToken: sealedToken(), scope: "read_orders" } });
  await prisma.shop.create({ data: { platform: "shopify", domain: shop, name: "Atelier Lumière", countryCode: "FR", grantedScopes: "read_orders", credentials: sealedToken(), locale: "fr" } });
}

beforeEach(installedShop);

describe("app/uninstalled", () => {
  it("erases sessions, credentials and settings, keeping a tombstone", async () => {
    const response = await store.sendWebhook("app/uninstalled");
    expect(response.status).toBe(200);
    expect(await prisma.session.count({ where: { shop } })).toBe(0);
    const record = await prisma.shop.findUniqueOrThrow({ where: { platform_domain: { platform: "shopify", domain: shop } } });
    expect(record).toMatchObject({ installState: "uninstalled", credentials: null, grantedScopes: null, locale: null });
    expect(record.uninstalledAt).toBeInstanceOf(Date);
  });

  it("processes the same webhook id once: a replay changes nothing", async () => {
    const webhookId = randomUUID();
    const first = await store.sendWebhook("app/uninstalled", undefined, { webhookId });
    expect(first.headers.get("x-rassure-delivery")).toBe("processed");
    // If the replay were processed again it would delete this new session.
    await prisma.session.create({ data: { id: "offline_again", shop, state: "", accessToken: sealedToken() } });
    const replay = await store.sendWebhook("app/uninstalled", undefined, { webhookId });
    expect(replay.status).toBe(200);
    expect(replay.headers.get("x-rassure-delivery")).toBe("duplicate");
    expect(await prisma.session.count({ where: { shop } })).toBe(1);
    expect(await prisma.webhookDelivery.count({ where: { deliveryId: webhookId } })).toBe(1);
  });

  it("answers 401 to a bad HMAC and stores nothing", async () => {
    const response = await store.sendWebhook("app/uninstalled", undefined, { secret: "not-the-app-secret" });
    expect(response.status).toBe(401);
    expect(await prisma.webhookDelivery.count()).toBe(0);
    expect(await prisma.session.count({ where: { shop } })).toBe(1);
  });

  it("answers 400 to a correctly signed body that is not JSON, storing nothing", async () => {
    const response = await store.sendWebhook("app/uninstalled", undefined, { rawBody: '{"id": 1, "name": ' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Malformed JSON");
    expect(await prisma.webhookDelivery.count()).toBe(0);
  });

  it("answers 400 when required Shopify headers are missing", async () => {
    const response = await fetch(`${app.url}/webhooks/app/uninstalled`, { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    expect(response.status).toBe(400);
    expect(await prisma.webhookDelivery.count()).toBe(0);
  });

  it("refuses a correctly signed webhook of another topic sent to this route", async () => {
    const body = JSON.stringify({ shop_id: 1, shop_domain: shop });
    const response = await fetch(`${app.url}/webhooks/app/uninstalled`, {
      method: "POST",
      body,
      headers: {
        "content-type": "application/json",
        "x-shopify-topic": "shop/redact",
        "x-shopify-hmac-sha256": createHmac("sha256", TEST_APP.apiSecret).update(body).digest("base64"),
        "x-shopify-shop-domain": shop,
        "x-shopify-api-version": "2026-07",
        "x-shopify-webhook-id": randomUUID(),
      },
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("APP_UNINSTALLED");
    expect(await prisma.webhookDelivery.count()).toBe(0);
    expect(await prisma.shop.count({ where: { domain: shop, installState: "installed" } })).toBe(1);
  });

  it("accepts a webhook for an unknown shop without touching known shops", async () => {
    const payload = { id: 1, name: "Ghost", domain: "ghost.myshopify.com", myshopify_domain: "ghost.myshopify.com" };
    const response = await store.sendWebhook("app/uninstalled", payload, { headers: { "X-Shopify-Shop-Domain": "ghost.myshopify.com" } });
    expect(response.status).toBe(200);
    expect(await prisma.shop.count({ where: { installState: "installed" } })).toBe(1);
    expect(await prisma.session.count({ where: { shop } })).toBe(1);
  });
});

describe("app/scopes_update", () => {
  it("records the scopes the merchant now grants", async () => {
    const response = await store.sendWebhook("app/scopes_update", { id: 1, previous: ["read_orders"], current: ["read_orders", "read_themes"], updated_at: new Date().toISOString() });
    expect(response.status).toBe(200);
    expect((await prisma.session.findFirstOrThrow({ where: { shop } })).scope).toBe("read_orders,read_themes");
    expect((await prisma.shop.findFirstOrThrow({ where: { domain: shop } })).grantedScopes).toBe("read_orders,read_themes");
  });
});

describe("compliance topics", () => {
  it("customers/data_request is answered and logged with the customer id, never an email", async () => {
    const response = await store.sendWebhook("customers/data_request");
    expect(response.status).toBe(200);
    const request = await prisma.complianceRequest.findFirstOrThrow({ where: { topic: "CUSTOMERS_DATA_REQUEST" } });
    expect(request.shopDomain).toBe(shop);
    expect(request.customerRef).toMatch(/^\d+$/);
    expect(JSON.stringify(request)).not.toContain("@");
  });

  it("customers/redact is answered and logged", async () => {
    expect((await store.sendWebhook("customers/redact")).status).toBe(200);
    expect(await prisma.complianceRequest.count({ where: { topic: "CUSTOMERS_REDACT", shopDomain: shop } })).toBe(1);
  });

  it("shop/redact erases everything held for the shop", async () => {
    const response = await store.sendWebhook("shop/redact");
    expect(response.status).toBe(200);
    expect(await prisma.shop.count({ where: { domain: shop } })).toBe(0);
    expect(await prisma.session.count({ where: { shop } })).toBe(0);
    expect(await prisma.complianceRequest.count({ where: { topic: "SHOP_REDACT", shopDomain: shop } })).toBe(1);
  });

  it("each compliance topic has its own route and a bad HMAC gets 401", async () => {
    for (const topic of ["customers/data_request", "customers/redact", "shop/redact"]) {
      expect((await store.sendWebhook(topic, undefined, { secret: "wrong" })).status, topic).toBe(401);
    }
    expect(await prisma.shop.count({ where: { domain: shop } })).toBe(1);
  });
});
