/**
 * The production HTTP server (server/http-server.mjs, also the demo's) over the app's real build
 * (`npm run build` first): static assets go out compressed for a browser that accepts it, the
 * fingerprinted ones cached for a year as immutable; pages are compressed too.
 */
import { createHmac, randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { createAppHandler, listen, loadServerBuild, webhookDoors } from "../../server/http-server.mjs";
import { TEST_APP } from "../support/test-app";

let server: Server;
let base: string;
let build: Awaited<ReturnType<typeof loadServerBuild>>;

beforeAll(async () => {
  build = await loadServerBuild();
  server = await listen(createAppHandler(build), 0, "127.0.0.1");
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});

afterAll(() => new Promise<void>((resolve) => server?.close(() => resolve())));

const builtAsset = (extension: string) => {
  const file = readdirSync("build/client/assets").find((name) => name.endsWith(extension));
  if (!file) throw new Error(`no ${extension} file in build/client/assets: run npm run build`);
  return `/assets/${file}`;
};

describe("production HTTP server", () => {
  it.each([".css", ".js"])("sends built %s assets compressed to a browser that accepts it, immutable for a year", async (extension) => {
    const path = builtAsset(extension);
    const raw = await fetch(`${base}${path}`, { headers: { "Accept-Encoding": "identity" } });
    const rawBytes = (await raw.arrayBuffer()).byteLength;
    expect(raw.headers.get("content-encoding")).toBeNull();

    // Node's fetch would decode the body itself: ask for one encoding and read the headers.
    for (const encoding of ["br", "gzip"]) {
      const compressed = await fetch(`${base}${path}`, { headers: { "Accept-Encoding": encoding } });
      expect(compressed.status).toBe(200);
      expect(compressed.headers.get("content-encoding")).toBe(encoding);
      expect(compressed.headers.get("vary")).toMatch(/accept-encoding/i);
      expect(compressed.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(rawBytes).toBeGreaterThan(0);
    }
  });

  it("sends pages compressed too, never cached as immutable", async () => {
    const page = await fetch(`${base}/woocommerce/connect`, { headers: { "Accept-Encoding": "gzip" } });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page.headers.get("content-encoding")).toBe("gzip");
    expect(page.headers.get("vary")).toMatch(/accept-encoding/i);
    expect(page.headers.get("cache-control") ?? "").not.toMatch(/immutable/);
    expect(await page.text()).toContain("<html"); // decoded by fetch: a whole page went out
  });

  it("compresses the CSS to a fraction of its size", async () => {
    const path = builtAsset(".css");
    const raw = Buffer.from(await (await fetch(`${base}${path}`, { headers: { "Accept-Encoding": "identity" } })).arrayBuffer());
    const wire = await new Promise<number>((resolve, reject) => {
      // node:http does not decode: the byte count is what went over the wire.
      import("node:http").then(({ get }) =>
        get(`${base}${path}`, { headers: { "Accept-Encoding": "br" } }, (response) => {
          let bytes = 0;
          response.on("data", (chunk: Buffer) => (bytes += chunk.length));
          response.on("end", () => resolve(bytes));
          response.on("error", reject);
        }).on("error", reject),
      );
    });
    expect(wire).toBeLessThan(raw.length / 4);
  });
});

describe("Shopify's webhook deliveries", () => {
  it("each Shopify webhook route of the build has its Node door, found at the route's path", () => {
    // app/routes/webhooks.app.uninstalled.tsx → /webhooks/app/uninstalled (Remix's flat routes).
    const routeFiles = readdirSync("app/routes").filter((file) => /^webhooks\..+\.tsx$/.test(file));
    const expected = routeFiles.map((file) => `/${file.replace(/\.tsx$/, "").split(".").join("/")}`).sort();
    expect(expected.length).toBeGreaterThanOrEqual(8);
    expect([...webhookDoors(build).keys()].sort()).toEqual(expected);
  });

  it("a signed delivery is answered by the door ahead of Express and Remix, with its request id; the rest goes to Remix", async () => {
    // The same build, its data_request action counting the requests Remix hands it.
    const id = "routes/webhooks.customers.data_request";
    const original = build.routes[id].module.action;
    let remixCalls = 0;
    const counted = Object.assign((args: unknown) => (remixCalls++, original(args)), { receiveNode: original.receiveNode });
    const spied = { ...build, routes: { ...build.routes, [id]: { ...build.routes[id], module: { ...build.routes[id].module, action: counted } } } };
    const spiedServer: Server = await listen(createAppHandler(spied), 0, "127.0.0.1");
    const address = spiedServer.address();
    const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/webhooks/customers/data_request`;

    const shop = `door-${randomUUID().slice(0, 8)}.myshopify.com`;
    const body = JSON.stringify({ shop_domain: shop, customer: { id: 1 }, orders_requested: [] });
    const headers = {
      "Content-Type": "application/json",
      "X-Shopify-Hmac-Sha256": createHmac("sha256", TEST_APP.apiSecret).update(body).digest("base64"),
      "X-Shopify-Topic": "customers/data_request",
      "X-Shopify-Shop-Domain": shop,
      "X-Shopify-API-Version": "2026-07",
      "X-Shopify-Webhook-Id": randomUUID(),
    };
    try {
      const response = await fetch(url, { method: "POST", body, headers });
      expect(response.status).toBe(200);
      expect(response.headers.get("x-rassure-delivery")).toBe("processed");
      expect(response.headers.get("x-request-id")).toMatch(/^[\w.:-]{8,}$/);
      expect(remixCalls).toBe(0);
      expect(await prisma.complianceRequest.count({ where: { shopDomain: shop } })).toBe(1);

      // A delivery the door does not take (unsigned) still reaches the route, through Remix.
      const unsigned = await fetch(url, { method: "POST", body, headers: { "Content-Type": "application/json" } });
      expect(unsigned.status).toBe(400);
      expect(remixCalls).toBe(1);
    } finally {
      await new Promise((resolve) => spiedServer.close(resolve));
      await prisma.complianceRequest.deleteMany({ where: { shopDomain: shop } });
      await prisma.webhookDelivery.deleteMany({ where: { shopDomain: shop } });
    }
  });
});
