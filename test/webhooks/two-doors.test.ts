/**
 * A Shopify webhook route answers through two doors (app/webhooks/shopify-route.server.ts):
 * Remix's action (a web Request) and the Node door the production server puts ahead of Remix
 * (`receiveNode`, no web Request built). Both doors get the same deliveries over real HTTP and
 * must give the same answers and leave the same rows: processed once, a replay a duplicate, and
 * every refusal (signature, headers, topic, JSON, size, media type, UTF-8) before any write.
 */
import { createHmac, randomUUID } from "node:crypto";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { MAX_WEBHOOK_BYTES, shopifyWebhookAction } from "../../app/webhooks/shopify-route.server";
import { toRequest, writeResponse } from "../support/route-server";
import { TEST_APP } from "../support/test-app";

const shop = "two-doors.myshopify.com";
let effects: string[] = [];
const action = shopifyWebhookAction("FULFILLMENTS_CREATE", async (tx, webhook) => {
  // A real write in the delivery's transaction, so a refusal that wrote anything would show.
  await tx.shop.upsert({ where: { platform_domain: { platform: "shopify", domain: shop } }, create: { platform: "shopify", domain: shop, name: "Two doors" }, update: {} });
  effects.push(webhook.webhookId);
});

/** The Node door, as server/http-server.mjs mounts it: a request it does not take gets 404 here. */
const nodeDoor = createServer((req, res) => {
  if (!action.receiveNode(req, res)) res.writeHead(404, { "X-Door": "not-taken" }).end();
});

/** Remix's door: the request as a web Request, the action's Response (or thrown Response) written back. */
const remixDoor = createServer(async (req, res) => {
  let response: Response;
  try {
    response = await action({ request: await toRequest(req, "http://127.0.0.1"), params: {}, context: {} });
  } catch (error) {
    response = error instanceof Response ? error : new Response(String(error), { status: 500 });
  }
  await writeResponse(res, response);
});

const ports: Record<string, number> = {};
const listen = (server: Server) => new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));

beforeAll(async () => {
  ports.node = await listen(nodeDoor);
  ports.remix = await listen(remixDoor);
});
afterAll(async () => {
  for (const server of [nodeDoor, remixDoor]) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
beforeEach(async () => {
  effects = [];
  await prisma.webhookDelivery.deleteMany({ where: { shopDomain: shop } });
  await prisma.shop.deleteMany({ where: { domain: shop } });
});

const sign = (body: Buffer | string) => createHmac("sha256", TEST_APP.apiSecret).update(body).digest("base64");

function signedHeaders(body: Buffer | string, webhookId = randomUUID()): Record<string, string> {
  return {
    "Content-Type": "application/json",
    "X-Shopify-Hmac-Sha256": sign(body),
    "X-Shopify-Topic": "fulfillments/create",
    "X-Shopify-Shop-Domain": shop,
    "X-Shopify-API-Version": "2026-07",
    "X-Shopify-Webhook-Id": webhookId,
    "X-Shopify-Triggered-At": "2026-12-04T08:00:27.877041743Z",
  };
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** POSTs over node:http (fetch would refuse some of these bodies); `chunked` sends no Content-Length. */
function post(door: string, body: Buffer | string, headers: Record<string, string>, options: { chunked?: boolean; method?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const bytes = typeof body === "string" ? Buffer.from(body) : body;
    const sent = options.chunked ? headers : { ...headers, "Content-Length": String(bytes.byteLength) };
    const req = httpRequest({ host: "127.0.0.1", port: ports[door], path: "/webhooks/fulfillments/create", method: options.method ?? "POST", headers: sent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    if (options.chunked) {
      // In pieces of 64 KB, as a streaming sender would.
      for (let at = 0; at < bytes.byteLength; at += 65_536) req.write(bytes.subarray(at, at + 65_536));
      req.end();
    } else req.end(bytes);
  });
}

const deliveriesRecorded = () => prisma.webhookDelivery.count({ where: { shopDomain: shop } });

describe.each(["node", "remix"])("the %s door", (door) => {
  it("processes a signed delivery once and answers a replay as a duplicate", async () => {
    const body = JSON.stringify({ id: 1, admin_graphql_api_id: "gid://shopify/Fulfillment/1" });
    const headers = signedHeaders(body);
    const first = await post(door, body, headers);
    expect(first.status).toBe(200);
    expect(first.headers["x-rassure-delivery"]).toBe("processed");
    const replay = await post(door, body, headers);
    expect(replay.status).toBe(200);
    expect(replay.headers["x-rassure-delivery"]).toBe("duplicate");
    expect(effects).toEqual([headers["X-Shopify-Webhook-Id"]]);
    expect(await deliveriesRecorded()).toBe(1);
    expect(await prisma.shop.count({ where: { domain: shop } })).toBe(1);
  });

  const body = JSON.stringify({ id: 2 });
  const refusals: Array<[string, () => Promise<Answer>, number, RegExp?]> = [
    ["a wrong signature", () => post(door, body, { ...signedHeaders(body), "X-Shopify-Hmac-Sha256": sign("another body") }), 401],
    ["a required header missing", () => post(door, body, { ...signedHeaders(body), "X-Shopify-Webhook-Id": "" }), 400],
    ["another topic", () => post(door, body, { ...signedHeaders(body), "X-Shopify-Topic": "orders/create" }), 400, /receives FULFILLMENTS_CREATE webhooks, not ORDERS_CREATE/],
    ["a signed body that is not JSON", () => post(door, "{not json", signedHeaders("{not json")), 400, /Malformed JSON/],
    ["a body naming another shop", () => post(door, JSON.stringify({ shop_domain: "other.myshopify.com" }), signedHeaders(JSON.stringify({ shop_domain: "other.myshopify.com" }))), 400, /not the shop in X-Shopify-Shop-Domain/],
    ["a media type other than JSON", () => post(door, body, { ...signedHeaders(body), "Content-Type": "text/plain" }), 415],
    ["a streamed body over the limit (no Content-Length)", () => post(door, Buffer.alloc(MAX_WEBHOOK_BYTES + 1, 0x20), signedHeaders(" "), { chunked: true }), 413],
    ["a body that is not UTF-8", () => post(door, Buffer.from([0x7b, 0xff, 0x7d]), signedHeaders(Buffer.from([0x7b, 0xff, 0x7d]))), 400, /not valid UTF-8/],
  ];

  it.each(refusals)("refuses %s, recording nothing", async (_case, send, status, message) => {
    const answer = await send();
    expect(answer.status).toBe(status);
    if (message) expect(answer.text).toMatch(message);
    expect(effects).toEqual([]);
    expect(await deliveriesRecorded()).toBe(0);
    expect(await prisma.shop.count({ where: { domain: shop } })).toBe(0);
  });
});

describe("the Node door before reading a body", () => {
  it("refuses a declared length over the limit at once, without waiting for the bytes", async () => {
    // Only a few bytes follow a Content-Length of 5 MB + 1: an answer proves nothing was awaited.
    const body = JSON.stringify({ id: 4 });
    const answer = await post("node", body, { ...signedHeaders(body), "Content-Length": String(MAX_WEBHOOK_BYTES + 1) }, { chunked: true });
    expect(answer.status).toBe(413);
    expect(answer.headers.connection).toBe("close");
    expect(await deliveriesRecorded()).toBe(0);
  });
});

describe("what the Node door leaves to Remix", () => {
  it.each<[string, { method?: string }, Record<string, string>]>([
    ["a GET", { method: "GET" }, signedHeaders(body())],
    ["a POST without a signature", {}, { "Content-Type": "application/json" }],
    ["an Events delivery (the library checks those)", {}, { ...signedHeaders(body()), "Shopify-Hmac-Sha256": sign(body()) }],
  ])("does not take %s", async (_case, options, headers) => {
    const answer = await post("node", options.method === "GET" ? "" : body(), headers, options);
    expect(answer.headers["x-door"]).toBe("not-taken");
    expect(await deliveriesRecorded()).toBe(0);
  });

  function body() {
    return JSON.stringify({ id: 3 });
  }
});
