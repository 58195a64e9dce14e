/**
 * The webhook signature check (app/webhooks/shopify-signature.server.ts) reaches the verdict of
 * Shopify's own library (@shopify/shopify-api `webhooks.validate`) on every kind of delivery:
 * signed, wrongly signed, signed with another secret, signature of another body, headers
 * missing, Events-style headers. Classic deliveries take the node:crypto path, the others the
 * library's; both must agree with the library on the answer and on the fields it returns.
 */
import "@shopify/shopify-api/adapters/web-api";
import { createHmac } from "node:crypto";
import { LogSeverity, shopifyApi, type ApiVersion } from "@shopify/shopify-api";
import { describe, expect, it } from "vitest";
import { verifyShopifyWebhook } from "../../app/webhooks/shopify-signature.server";
import { TEST_APP } from "../support/test-app";

const library = shopifyApi({
  apiKey: TEST_APP.apiKey,
  apiSecretKey: TEST_APP.apiSecret,
  hostName: new URL(TEST_APP.appUrl).host,
  apiVersion: "2026-07" as ApiVersion,
  isEmbeddedApp: true,
  logger: { level: LogSeverity.Error },
});

const body = JSON.stringify({ id: 1, shop_domain: "verdict.myshopify.com", note: "café ✓" });
const sign = (text: string, secret = TEST_APP.apiSecret) => createHmac("sha256", secret).update(text, "utf8").digest("base64");
const classic = {
  "Content-Type": "application/json",
  "X-Shopify-Hmac-Sha256": sign(body),
  "X-Shopify-Topic": "fulfillments/create",
  "X-Shopify-Shop-Domain": "verdict.myshopify.com",
  "X-Shopify-API-Version": "2026-07",
  "X-Shopify-Webhook-Id": "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043",
  "X-Shopify-Triggered-At": "2026-12-04T08:00:27.877041743Z",
  "X-Shopify-Event-Id": "98880550-7158-44d4-b7cd-2c97c8a091b5",
};
const without = (name: string) => Object.fromEntries(Object.entries(classic).filter(([header]) => header !== name));

const cases: Array<[string, Record<string, string>, string?]> = [
  ["signed", classic],
  ["signed, no optional headers", Object.fromEntries(Object.entries(classic).filter(([h]) => !/Triggered|Event-Id/.test(h)))],
  ["topic with a dot", { ...classic, "X-Shopify-Topic": "app/scopes.update" }],
  ["wrong signature", { ...classic, "X-Shopify-Hmac-Sha256": sign(body, "another-secret") }],
  ["signature of another body", { ...classic, "X-Shopify-Hmac-Sha256": sign(`${body} `) }],
  ["signature not base64 of 32 bytes", { ...classic, "X-Shopify-Hmac-Sha256": "not-a-signature" }],
  ["signature hex instead of base64", { ...classic, "X-Shopify-Hmac-Sha256": createHmac("sha256", TEST_APP.apiSecret).update(body).digest("hex") }],
  ["no signature", without("X-Shopify-Hmac-Sha256")],
  ["no topic", without("X-Shopify-Topic")],
  ["no shop", without("X-Shopify-Shop-Domain")],
  ["no API version", without("X-Shopify-API-Version")],
  ["no webhook id", without("X-Shopify-Webhook-Id")],
  [
    "Events headers",
    {
      "Content-Type": "application/json",
      "Shopify-Hmac-Sha256": sign(body),
      "Shopify-Topic": "fulfillments/create",
      "Shopify-Shop-Domain": "verdict.myshopify.com",
      "Shopify-API-Version": "2026-07",
      "Shopify-Event-Id": "98880550-7158-44d4-b7cd-2c97c8a091b5",
      "Shopify-Webhook-Id": "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043",
    },
  ],
  ["Events and classic signature headers together", { ...classic, "Shopify-Hmac-Sha256": sign(body, "another-secret") }],
];

const request = (headers: Record<string, string>) => new Request("https://app.example/webhooks/fulfillments/create", { method: "POST", headers, body });

/** The library's verdict as our route answers it: the valid fields, or the status. */
async function libraryVerdict(headers: Record<string, string>) {
  const check = await library.webhooks.validate({ rawBody: body, rawRequest: request(headers) });
  if (check.valid) return { ...check };
  return { status: check.reason === "invalid_hmac" ? 401 : 400 };
}

async function ourVerdict(headers: Record<string, string>) {
  try {
    return { ...(await verifyShopifyWebhook(request(headers), body)) };
  } catch (error) {
    if (error instanceof Response) return { status: error.status };
    throw error;
  }
}

describe("Shopify webhook signature check", () => {
  it.each(cases)("reaches the library's verdict: %s", async (_name, headers) => {
    const expected = await libraryVerdict(headers);
    expect(await ourVerdict(headers)).toEqual(expected);
  });

  it("accepts a signed delivery and refuses a forged one (the verdicts above are not all alike)", async () => {
    expect(await ourVerdict(classic)).toMatchObject({ valid: true, topic: "FULFILLMENTS_CREATE", domain: "verdict.myshopify.com", triggeredAt: classic["X-Shopify-Triggered-At"] });
    expect(await ourVerdict({ ...classic, "X-Shopify-Hmac-Sha256": sign(body, "another-secret") })).toEqual({ status: 401 });
    expect(await ourVerdict(without("X-Shopify-Webhook-Id"))).toEqual({ status: 400 });
  });
});
