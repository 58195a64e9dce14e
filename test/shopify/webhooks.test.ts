/**
 * Shopify webhooks end to end: the dev store signs and POSTs the documented payloads
 * (test/contracts/shopify/webhook-payloads-2026-01) over HTTP to the app's real route
 * actions; the test inspects the real database.
 */
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seal } from "../../app/crypto.server";
import prisma from "../../app/db.server";
import { appEnvironment } from "../../app/env.server";
import { jobQueue } from "../../app/jobs/runtime.server";
import { REVIEWS_AGGREGATE_JOB } from "../../app/reviews/aggregate-job.server";
import { authenticate } from "../../app/shopify.server";
import { enqueueTrackingJob, recentTrackingChecks } from "../../app/tracking/jobs.server";
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
  setAbstractFetchFunc(store.fetch); // reinstalls go through the real token exchange
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
  await prisma.storefrontConfig.deleteMany();
  for (const table of [prisma.trackingSettings, prisma.customCarrier, prisma.carrierOverride, prisma.trackingFix, prisma.checklistAttestation, prisma.checklistScan, prisma.legalIdentity, prisma.legalText] as const) {
    await (table as typeof prisma.trackingFix).deleteMany();
  }
  await jobQueue.store.eraseShop({ platform: "shopify", shopDomain: shop });
  await prisma.shop.deleteMany();
  await prisma.session.create({ data: { id: `offline_${shop}`, shop, state: "", accessToken: sealedToken(), scope: "read_orders" } });
  await prisma.shop.create({ data: { platform: "shopify", domain: shop, name: "Atelier Lumière", countryCode: "FR", grantedScopes: "read_orders", credentials: sealedToken(), locale: "fr" } });
}

beforeEach(installedShop);

describe("app/uninstalled", () => {
  it("forgets sessions and credentials at once, marking the shop uninstalled", async () => {
    const read = { platform: "shopify", shopDomain: shop, kind: "shop-profile", facts: "{}", readAt: new Date(), attemptedAt: new Date() };
    await prisma.platformRead.create({ data: read });
    await prisma.platformRead.create({ data: { ...read, shopDomain: "someone-else.myshopify.com" } });
    const response = await store.sendWebhook("app/uninstalled");
    expect(response.status).toBe(200);
    expect(await prisma.session.count({ where: { shop } })).toBe(0);
    const record = await prisma.shop.findUniqueOrThrow({ where: { platform_domain: { platform: "shopify", domain: shop } } });
    expect(record).toMatchObject({ installState: "uninstalled", credentials: null, grantedScopes: null });
    expect(record.uninstalledAt).toBeInstanceOf(Date);
    // What was read from the shop goes with the access (a reinstall reads afresh); other shops keep theirs.
    expect(await prisma.platformRead.findMany({ select: { shopDomain: true } })).toEqual([{ shopDomain: "someone-else.myshopify.com" }]);
    await prisma.platformRead.deleteMany();
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

  it("books the shop's review aggregate once read_products is granted (a shop installed before the app asked for it)", async () => {
    const shopKey = { platform: "shopify" as const, shopDomain: shop };
    await jobQueue.whenIdle();
    await jobQueue.store.eraseByDedupeKeys(shopKey, REVIEWS_AGGREGATE_JOB, ["reviews-aggregate"]);
    await store.sendWebhook("app/scopes_update", { id: 1, previous: ["read_orders"], current: ["read_orders", "read_themes"], updated_at: new Date().toISOString() });
    expect(await jobQueue.store.recentJobs(shopKey, REVIEWS_AGGREGATE_JOB)).toEqual([]);
    const response = await store.sendWebhook("app/scopes_update", { id: 1, previous: ["read_orders"], current: ["read_orders", "read_products"], updated_at: new Date().toISOString() });
    expect(response.status).toBe(200);
    // Booked with the webhook's transaction (it may have run already and booked tomorrow's).
    expect((await jobQueue.store.recentJobs(shopKey, REVIEWS_AGGREGATE_JOB)).length).toBeGreaterThan(0);
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

/** The merchant's settings and records, as a shop that used the app for a while has them. */
async function seedMerchantData() {
  const record = await prisma.shop.update({ where: { platform_domain: { platform: "shopify", domain: shop } }, data: { jurisdictionOverride: "EU" } });
  await prisma.storefrontConfig.create({ data: { shopId: record.id, config: JSON.stringify({ payment: { enabled: true } }), version: 3, publishedVersion: 3, publishedAt: new Date() } });
  const scope = { platform: "shopify", shopDomain: shop };
  await prisma.trackingSettings.create({ data: { ...scope, autoFix: false, notifyCustomer: true } });
  await prisma.customCarrier.create({ data: { ...scope, name: "Coursier Lumière", nameKey: "coursier lumiere", urlTemplate: "https://suivi.example/{number}" } });
  await prisma.carrierOverride.create({ data: { ...scope, companyKey: "maison", company: "Maison", carrierRef: "registry:colissimo" } });
  await prisma.checklistAttestation.create({ data: { ...scope, checkId: "sec-2fa", evidence: "2FA on for every staff account", expiresAt: new Date(Date.now() + 86_400_000) } });
  await prisma.legalIdentity.create({ data: { ...scope, fields: JSON.stringify({ legalName: "Atelier Lumière SAS", director: "Camille Martin" }) } });
  await prisma.legalText.create({ data: { ...scope, kind: "legal-notice", locale: "fr", body: "<p>Atelier Lumière SAS, dirigée par Camille Martin</p>", status: "published", previousBody: "" } });
  return record;
}

async function settingsCount() {
  const scope = { platform: "shopify", shopDomain: shop };
  return {
    storefrontConfig: await prisma.storefrontConfig.count({ where: { shop: { domain: shop } } }),
    trackingSettings: await prisma.trackingSettings.count({ where: scope }),
    customCarriers: await prisma.customCarrier.count({ where: scope }),
    carrierOverrides: await prisma.carrierOverride.count({ where: scope }),
    attestations: await prisma.checklistAttestation.count({ where: scope }),
    legalIdentities: await prisma.legalIdentity.count({ where: scope }),
    legalTexts: await prisma.legalText.count({ where: scope }),
  };
}

const everySetting = { storefrontConfig: 1, trackingSettings: 1, customCarriers: 1, carrierOverrides: 1, attestations: 1, legalIdentities: 1, legalTexts: 1 };

/** The real reinstall: the admin opens, its session token is exchanged for a fresh offline token. */
async function reinstall() {
  await authenticate.admin(new Request(store.embeddedAppUrl("/app")));
  expect(await prisma.shop.findFirstOrThrow({ where: { domain: shop } })).toMatchObject({ installState: "installed", uninstalledAt: null });
}

/** The real uninstall: the store revokes the token and delivers app/uninstalled, which the app applies. */
async function uninstall() {
  await store.uninstallApp();
  expect(lastDelivery("app/uninstalled").status).toBe(200);
  expect(await prisma.shop.findFirstOrThrow({ where: { domain: shop } })).toMatchObject({ installState: "uninstalled" });
  expect(await prisma.session.count({ where: { shop } })).toBe(0);
}

function lastDelivery(topic: string) {
  const delivery = store.state.webhookDeliveries.filter((d) => d.topic === topic).at(-1);
  if (!delivery) throw new Error(`no ${topic} delivery recorded`);
  return delivery;
}

describe("uninstall keeps the merchant's settings until shop/redact (Shopify's 48 hours)", () => {
  it("keeps settings, attestations and history on uninstall; says nothing is published any more", async () => {
    const record = await seedMerchantData();
    expect((await store.sendWebhook("app/uninstalled")).status).toBe(200);
    expect(await settingsCount()).toEqual(everySetting);
    expect(await prisma.shop.findUniqueOrThrow({ where: { id: record.id } })).toMatchObject({ jurisdictionOverride: "EU", locale: "fr", credentials: null });
    // Shopify deletes the app-data metafields with the installation: nothing of ours is on the storefront.
    expect(await prisma.storefrontConfig.findUniqueOrThrow({ where: { shopId: record.id } })).toMatchObject({ version: 3, publishedVersion: null, publishedAt: null });
  });

  it("a reinstall within the 48 hours finds the settings again", async () => {
    const record = await seedMerchantData();
    await uninstall();
    await reinstall();
    expect(await settingsCount()).toEqual(everySetting);
    const again = await prisma.shop.findFirstOrThrow({ where: { domain: shop } });
    expect(again).toMatchObject({ id: record.id, jurisdictionOverride: "EU", locale: "fr" });
    expect(await prisma.session.count({ where: { shop } })).toBe(1);
  });

  it("shop/redact then erases everything", async () => {
    await seedMerchantData();
    await uninstall();
    expect((await store.sendWebhook("shop/redact")).status).toBe(200);
    expect(await settingsCount()).toEqual({ storefrontConfig: 0, trackingSettings: 0, customCarriers: 0, carrierOverrides: 0, attestations: 0, legalIdentities: 0, legalTexts: 0 });
    expect(await prisma.shop.count({ where: { domain: shop } })).toBe(0);
  });
});

describe("a webhook acts only on the shop its signed body names", () => {
  const otherShop = "someone-else.myshopify.com";
  // Each topic whose body names the shop, with a correctly signed body naming another shop.
  const forged: Record<string, () => unknown> = {
    "app/uninstalled": () => ({ ...(lastDeliveryPayload("app/uninstalled") ?? {}), myshopify_domain: otherShop }),
    "shop/update": () => ({ id: 1, name: "Someone else", myshopify_domain: otherShop, domain: "someone-else.example" }),
    "customers/data_request": () => ({ shop_id: 1, shop_domain: otherShop, customer: { id: 1 }, orders_requested: [], data_request: { id: 1 } }),
    "customers/redact": () => ({ shop_id: 1, shop_domain: otherShop, customer: { id: 1 }, orders_to_redact: [] }),
    "shop/redact": () => ({ shop_id: 1, shop_domain: otherShop }),
  };
  function lastDeliveryPayload(topic: string) {
    return store.state.webhookDeliveries.filter((d) => d.topic === topic).at(-1)?.payload as Record<string, unknown> | undefined;
  }

  for (const [topic, body] of Object.entries(forged)) {
    it(`${topic}: refuses a body naming another shop than X-Shopify-Shop-Domain, storing nothing`, async () => {
      const response = await store.sendWebhook(topic, body());
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/shop/i);
      expect(await prisma.webhookDelivery.count()).toBe(0);
      expect(await prisma.complianceRequest.count()).toBe(0);
      expect(await prisma.shop.count({ where: { domain: shop, installState: "installed" } })).toBe(1);
      expect(await prisma.session.count({ where: { shop } })).toBe(1);
    });
  }

  it("still accepts the body Shopify sends for this shop", async () => {
    expect((await store.sendWebhook("customers/redact")).status).toBe(200);
    expect((await store.sendWebhook("shop/update")).status).toBe(200);
  });
});

describe("deliveries older than the install they would undo", () => {
  it("a captured app/uninstalled re-sent with a new id after a reinstall changes nothing", async () => {
    await uninstall();
    await reinstall();
    const captured = lastDelivery("app/uninstalled");
    const replay = await fetch(captured.uri, { method: "POST", body: captured.rawBody, headers: { ...captured.headers, "X-Shopify-Webhook-Id": randomUUID() } });
    expect(replay.status).toBe(200);
    expect(replay.headers.get("x-rassure-delivery")).toBe("stale");
    expect(await prisma.shop.findFirstOrThrow({ where: { domain: shop } })).toMatchObject({ installState: "installed" });
    expect(await prisma.session.count({ where: { shop } })).toBe(1);
  });

  it("Shopify's own late retry of an uninstall that happened before the reinstall changes nothing", async () => {
    const first = await store.sendWebhook("app/uninstalled", undefined, { triggeredAt: new Date(Date.now() - 3_600_000) });
    await first.body?.cancel();
    await prisma.webhookDelivery.deleteMany(); // as if the first attempt had failed (timeout) and was rolled back
    await reinstall();
    const retry = await store.retryWebhook(lastDelivery("app/uninstalled").webhookId);
    expect(retry.headers.get("x-rassure-delivery")).toBe("stale");
    expect(await prisma.session.count({ where: { shop } })).toBe(1);
  });

  it("shop/redact triggered before the reinstall erases nothing (Shopify sends none after a reinstall)", async () => {
    const response = await store.sendWebhook("shop/redact", undefined, { triggeredAt: new Date(Date.now() - 60_000) });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-rassure-delivery")).toBe("stale");
    expect(await prisma.shop.count({ where: { domain: shop } })).toBe(1);
    expect(await prisma.session.count({ where: { shop } })).toBe(1);
  });

  it("an uninstall after the install is applied", async () => {
    const response = await store.sendWebhook("app/uninstalled", undefined, { triggeredAt: new Date(Date.now() + 1_000) });
    expect(response.headers.get("x-rassure-delivery")).toBe("processed");
    expect(await prisma.session.count({ where: { shop } })).toBe(0);
  });

  it("refuses an uninstall or shop/redact whose X-Shopify-Triggered-At is missing or not a date", async () => {
    for (const topic of ["app/uninstalled", "shop/redact"]) {
      for (const value of ["", "yesterday"]) {
        const response = await store.sendWebhook(topic, undefined, { headers: { "X-Shopify-Triggered-At": value } });
        expect(response.status, `${topic} ${JSON.stringify(value)}`).toBe(400);
      }
    }
    expect(await prisma.webhookDelivery.count()).toBe(0);
    expect(await prisma.shop.count({ where: { domain: shop, installState: "installed" } })).toBe(1);
  });
});

describe("erasure never needs to decrypt", () => {
  /** A session sealed under a key this app no longer has (rotated out too early, or a restored backup). */
  async function sessionUnderForgottenKey() {
    const forgotten = { current: randomBytes(32), previous: [] };
    await prisma.session.update({ where: { id: `offline_${shop}` }, data: { accessToken: seal("shpat_old", forgotten), refreshToken: seal("shprt_old", forgotten) } });
    await prisma.shop.update({ where: { platform_domain: { platform: "shopify", domain: shop } }, data: { credentials: seal("{}", forgotten) } });
  }

  it("app/uninstalled forgets the session", async () => {
    await sessionUnderForgottenKey();
    expect((await store.sendWebhook("app/uninstalled")).status).toBe(200);
    expect(await prisma.session.count({ where: { shop } })).toBe(0);
  });

  it("customers/redact is answered", async () => {
    await sessionUnderForgottenKey();
    expect((await store.sendWebhook("customers/redact")).status).toBe(200);
    expect(await prisma.complianceRequest.count({ where: { topic: "CUSTOMERS_REDACT" } })).toBe(1);
  });

  it("shop/redact erases everything", async () => {
    await sessionUnderForgottenKey();
    expect((await store.sendWebhook("shop/redact")).status).toBe(200);
    expect(await prisma.shop.count({ where: { domain: shop } })).toBe(0);
    expect(await prisma.session.count({ where: { shop } })).toBe(0);
  });
});

describe("GDPR requests cover the tracking data Rassure keeps", () => {
  // The contract's customers/* payloads name orders 299938, 280263 and 220458.
  const orderGid = (id: number) => `gid://shopify/Order/${id}`;

  async function seedTracking() {
    const scope = { platform: "shopify", shopDomain: shop };
    const fix = (order: number, fulfillment: number, number: string) => ({
      ...scope,
      orderId: orderGid(order),
      orderName: `#${order}`,
      fulfillmentId: `gid://shopify/Fulfillment/${fulfillment}`,
      number,
      previousCompany: "La Poste",
      previousUrl: null,
      company: "Colissimo",
      url: `https://www.laposte.fr/outils/suivre-vos-envois?code=${number}`,
      reason: "missing-url",
      source: "webhook",
    });
    await prisma.trackingFix.createMany({ data: [fix(299938, 1, "6A12345678901"), fix(280263, 2, "6A10987654321"), fix(555555, 3, "6A55555555555")] });
    for (const fulfillment of [1, 2, 3]) {
      await enqueueTrackingJob(undefined, { platform: "shopify", shopDomain: shop, fulfillmentId: `gid://shopify/Fulfillment/${fulfillment}`, source: "backfill" });
    }
  }
  const checksOf = async (fulfillment: number) => (await recentTrackingChecks({ platform: "shopify", shopDomain: shop }, { fulfillmentId: `gid://shopify/Fulfillment/${fulfillment}`, source: "backfill" })).length;

  it("customers/data_request reports the tracking data held for the orders named", async () => {
    await seedTracking();
    expect((await store.sendWebhook("customers/data_request")).status).toBe(200);
    const request = await prisma.complianceRequest.findFirstOrThrow({ where: { topic: "CUSTOMERS_DATA_REQUEST" } });
    expect(request.summary).not.toMatch(/no customer personal data/i);
    expect(request.summary).toContain("6A12345678901");
    expect(request.summary).toContain("#280263");
    expect(request.summary).not.toContain("6A55555555555"); // another customer's order
  });

  it("customers/redact erases the tracking changes and queued checks of the orders named, and nothing else", async () => {
    await seedTracking();
    expect((await store.sendWebhook("customers/redact")).status).toBe(200);
    expect(await prisma.trackingFix.count({ where: { orderId: { in: [orderGid(299938), orderGid(280263)] } } })).toBe(0);
    expect(await prisma.trackingFix.count({ where: { orderId: orderGid(555555) } })).toBe(1);
    expect([await checksOf(1), await checksOf(2), await checksOf(3)]).toEqual([0, 0, 1]);
    const request = await prisma.complianceRequest.findFirstOrThrow({ where: { topic: "CUSTOMERS_REDACT" } });
    expect(request.summary).not.toMatch(/nothing to redact/i);
    expect(request.summary).not.toContain("6A12345678901");
  });

  it("customers/redact also removes the numbers an earlier data request reported", async () => {
    await seedTracking();
    await store.sendWebhook("customers/data_request");
    await store.sendWebhook("customers/redact");
    const reports = await prisma.complianceRequest.findMany();
    expect(JSON.stringify(reports)).not.toContain("6A12345678901");
  });
});
