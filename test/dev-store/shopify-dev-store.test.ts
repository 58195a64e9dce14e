/**
 * The local Shopify dev store answers the way Shopify does: the tests and the demo trust it,
 * so its own behaviour is checked here over plain HTTP (no app code involved).
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ShopifyDevStore } from "../../dev/shopify-dev-store";
import { startTestDevStore } from "../support/dev-store";
import { TEST_APP } from "../support/test-app";

let store: ShopifyDevStore;
let accessToken: string;
const GRAPHQL = () => `${store.url}/admin/api/2026-07/graphql.json`;

async function exchangeToken(subjectToken: string): Promise<Response> {
  return fetch(`${store.url}/admin/oauth/access_token`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({
      client_id: TEST_APP.apiKey,
      client_secret: TEST_APP.apiSecret,
      grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
      subject_token: subjectToken,
      subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
      requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
    }),
  });
}

async function graphql(query: string, variables: Record<string, unknown> = {}, token = accessToken) {
  const response = await fetch(GRAPHQL(), {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": token },
    body: JSON.stringify({ query, variables }),
  });
  // Assertions below state the expected shape; the body is read loosely on purpose.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

beforeAll(async () => {
  store = await startTestDevStore();
  const response = await exchangeToken(store.mintSessionToken());
  expect(response.status).toBe(200);
  accessToken = ((await response.json()) as { access_token: string }).access_token;
});

afterAll(() => store?.close());
beforeEach(() => store.simulate.reset());

describe("token exchange", () => {
  it("issues an offline token for a valid session token and marks the app installed", () => {
    expect(accessToken).toMatch(/^shpat_/);
    expect(store.state.appInstallation.installed).toBe(true);
  });

  it("refuses a session token signed with another secret, for another app, or expired", async () => {
    for (const token of [
      store.mintSessionToken({ secret: "not-the-app-secret" }),
      store.mintSessionToken({ aud: "another-app" }),
      store.mintSessionToken({ expiresInSeconds: -120 }),
    ]) {
      const response = await exchangeToken(token);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: "invalid_subject_token" });
    }
  });
});

describe("Admin GraphQL API", () => {
  it("answers a valid query with data and the cost extension", async () => {
    const { status, body } = await graphql("query { shop { name currencyCode billingAddress { countryCodeV2 } } }");
    expect(status).toBe(200);
    expect(body.data.shop).toEqual({ name: "Atelier Lumière", currencyCode: "EUR", billingAddress: { countryCodeV2: "FR" } });
    expect(body.extensions.cost).toMatchObject({ requestedQueryCost: expect.any(Number), actualQueryCost: expect.any(Number) });
    expect(body.extensions.cost.throttleStatus).toMatchObject({ maximumAvailable: 2000, restoreRate: 100 });
  });

  it("rejects what the 2026-07 schema rejects, in Shopify's error shape", async () => {
    const { status, body } = await graphql("query { shop { name notAField } }");
    expect(status).toBe(200);
    expect(body.data).toBeUndefined();
    expect(body.errors[0]).toMatchObject({
      message: "Field 'notAField' doesn't exist on type 'Shop'",
      extensions: { code: "undefinedField", typeName: "Shop", fieldName: "notAField" },
    });
    const parse = await graphql("query { shop { name ");
    expect(parse.body.errors[0].message).toMatch(/^syntax error/i);
  });

  it("refuses a request without a valid access token", async () => {
    const { status, body } = await graphql("query { shop { name } }", {}, "shpat_forged");
    expect(status).toBe(401);
    expect(body.errors).toMatch(/Invalid API key or access token/);
  });

  it("simulates throttling and server errors on demand, then recovers", async () => {
    store.simulate.throttleNext(1);
    const throttled = await graphql("query { shop { name } }");
    expect(throttled.body.errors[0].extensions.code).toBe("THROTTLED");
    store.simulate.serverErrorNext(1, 502);
    expect((await graphql("query { shop { name } }")).status).toBe(502);
    expect((await graphql("query { shop { name } }")).body.data.shop.name).toBe("Atelier Lumière");
  });

  it("keeps app-data metafields written with metafieldsSet on the app installation", async () => {
    const owner = (await graphql("query { currentAppInstallation { id } }")).body.data.currentAppInstallation.id;
    const set = await graphql(
      `mutation Set($metafields: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $metafields) { metafields { key value } userErrors { field message code } } }`,
      { metafields: [{ ownerId: owner, namespace: "rassure", key: "probe", type: "json", value: '{"ok":true}' }] },
    );
    expect(set.body.data.metafieldsSet.userErrors).toEqual([]);
    const read = await graphql(`query { currentAppInstallation { metafield(namespace: "rassure", key: "probe") { value type } } }`);
    expect(read.body.data.currentAppInstallation.metafield).toEqual({ value: '{"ok":true}', type: "json" });
    const invalid = await graphql(
      `mutation Set($metafields: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $metafields) { userErrors { field code } } }`,
      { metafields: [{ ownerId: "gid://shopify/Product/1", namespace: "rassure", key: "x", type: "json", value: "{}" }] },
    );
    expect(invalid.body.data.metafieldsSet.userErrors.length).toBeGreaterThan(0);
  });
});

describe("webhooks", () => {
  it("signs the raw body with the app secret and sends Shopify's headers", async () => {
    const received: Array<{ headers: IncomingMessage["headers"]; body: string }> = [];
    const receiver = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        received.push({ headers: req.headers, body });
        res.end("ok");
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const receiverStore = await startTestDevStore(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}`);
    try {
      const response = await receiverStore.sendWebhook("app/uninstalled", undefined, { webhookId: "wh-1" });
      expect(response.status).toBe(200);
      const [delivery] = received;
      const expected = createHmac("sha256", TEST_APP.apiSecret).update(delivery.body).digest("base64");
      expect(delivery.headers).toMatchObject({
        "x-shopify-topic": "app/uninstalled",
        "x-shopify-hmac-sha256": expected,
        "x-shopify-shop-domain": receiverStore.shopDomain,
        "x-shopify-webhook-id": "wh-1",
        "x-shopify-api-version": "2026-07",
      });
      expect(JSON.parse(delivery.body)).toMatchObject({ domain: expect.any(String) });
    } finally {
      await receiverStore.close();
      await new Promise((resolve) => receiver.close(resolve));
    }
  });
});
