/**
 * Hostile input at the app's doors: webhook routes (over real HTTP, correctly signed so the
 * bad part is the body itself) and the admin's form actions (authenticated like App Bridge
 * does). Whatever arrives, the answer is a clear 4xx or a normal result — never a 5xx, never
 * a crash — and a refused webhook stores nothing. A seeded generator makes failures
 * reproducible: the failing case prints its seed and input.
 */
import { createHmac } from "node:crypto";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { MAX_WEBHOOK_BYTES } from "../../app/webhooks/shopify-route.server";
import type { ShopifyDevStore } from "../../dev/shopify-dev-store";
import { startTestDevStore } from "../support/dev-store";
import { startRouteServer, type RouteServer } from "../support/route-server";
import { TEST_APP } from "../support/test-app";

let app: RouteServer;
let store: ShopifyDevStore;

beforeAll(async () => {
  app = await startRouteServer();
  store = await startTestDevStore(app.url);
  setAbstractFetchFunc(store.fetch);
  // Install: the admin's first load exchanges a session token for an offline token.
  const { loader } = await import("../../app/routes/app._index");
  await loader({ request: new Request(store.embeddedAppUrl("/app")), params: {}, context: {} });
});

afterAll(async () => {
  await store?.close();
  await app?.close();
});

/** mulberry32: small, seeded, good enough to pick fuzz inputs reproducibly. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  return { next, pick, int: (max: number) => Math.floor(next() * max) };
}

const HOSTILE_STRINGS = [
  "<script>alert(1)</script>",
  '" onmouseover="alert(1)" x="',
  "{{ shop.secret | json }}{% render 'x' %}",
  "javascript:alert(1)",
  "\u0000\u0001\u0007",
  "\uD800 lone surrogate",
  "../../../etc/passwd",
  "%00%0d%0aSet-Cookie: x=1",
  "💥".repeat(2000),
  "a".repeat(200_000),
  "' OR 1=1 --",
  "NaN",
  "-1e309",
  "",
];

function hostileJson(rng: ReturnType<typeof random>, depth = 0): unknown {
  const kind = rng.int(depth > 3 ? 4 : 7);
  switch (kind) {
    case 0:
      return rng.pick(HOSTILE_STRINGS);
    case 1:
      return rng.pick([null, true, false, 0, -1, 1e308, Number.MAX_SAFE_INTEGER + 2]);
    case 2:
      return rng.next().toString(36);
    case 3:
      return rng.int(1_000_000_000);
    case 4:
      return Array.from({ length: rng.int(5) }, () => hostileJson(rng, depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: rng.int(6) }, () => [rng.pick(["id", "domain", "admin_graphql_api_id", "tracking_number", "__proto__", "constructor", rng.pick(HOSTILE_STRINGS).slice(0, 40)]), hostileJson(rng, depth + 1)]),
      );
  }
}

function hostileBody(rng: ReturnType<typeof random>): Buffer {
  switch (rng.int(6)) {
    case 0:
      return Buffer.from(Array.from({ length: 1 + rng.int(512) }, () => rng.int(256))); // random bytes, often invalid UTF-8
    case 1:
      return Buffer.from(JSON.stringify(hostileJson(rng)).slice(0, 1 + rng.int(200))); // truncated JSON
    case 2:
      return Buffer.from("[".repeat(5000) + "]".repeat(5000)); // deep nesting
    case 3:
      return Buffer.from(rng.pick(HOSTILE_STRINGS));
    default:
      return Buffer.from(JSON.stringify(hostileJson(rng)));
  }
}

/** POSTs bytes to a webhook route, signed with the app secret over exactly those bytes. */
async function postSigned(path: string, body: Buffer, headers: Record<string, string> = {}) {
  const hmac = createHmac("sha256", TEST_APP.apiSecret).update(body).digest("base64");
  return fetch(`${app.url}${path}`, {
    method: "POST",
    body: new Uint8Array(body),
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Topic": "app/uninstalled",
      "X-Shopify-Hmac-Sha256": hmac,
      "X-Shopify-Shop-Domain": store.shopDomain,
      "X-Shopify-API-Version": "2026-07",
      "X-Shopify-Webhook-Id": `fuzz-${Math.random()}`,
      ...headers,
    },
  });
}

describe("webhook bodies that are not what Shopify sends", () => {
  it("refuses an oversized body with 413 before reading it all", async () => {
    const response = await postSigned("/webhooks/app/uninstalled", Buffer.alloc(MAX_WEBHOOK_BYTES + 1, 0x20));
    expect(response.status).toBe(413);
  });

  it("refuses another media type with 415 and invalid UTF-8 with 400", async () => {
    expect((await postSigned("/webhooks/app/uninstalled", Buffer.from("{}"), { "Content-Type": "text/plain" })).status).toBe(415);
    expect((await postSigned("/webhooks/app/uninstalled", Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))).status).toBe(400);
  });

  it("answers every fuzzed delivery with a 4xx or 200, and stores nothing it refused", async () => {
    const routes = ["/webhooks/app/uninstalled", "/webhooks/app/scopes_update", "/webhooks/customers/redact", "/webhooks/shop/redact", "/webhooks/fulfillments/update", "/webhooks/shop/update"];
    const seed = 20261123;
    const rng = random(seed);
    for (let i = 0; i < 150; i += 1) {
      const path = rng.pick(routes);
      const body = hostileBody(rng);
      const before = await prisma.webhookDelivery.count();
      const topic = path.replace("/webhooks/", "");
      const response = await postSigned(path, body, { "X-Shopify-Topic": topic });
      const context = `seed ${seed}, case ${i}, ${path}, body ${JSON.stringify(body.toString("utf8").slice(0, 120))}`;
      expect(response.status, context).toBeLessThan(500);
      if (response.status >= 400) expect(await prisma.webhookDelivery.count(), context).toBe(before);
    }
  });
});

describe("admin form actions under fuzzed input", () => {
  const ROUTES = {
    settings: () => import("../../app/routes/app.settings"),
    blocks: () => import("../../app/routes/app.blocks"),
    checklist: () => import("../../app/routes/app.checklist"),
    tracking: () => import("../../app/routes/app.tracking"),
  } as const;
  const FIELD_NAMES = ["intent", "_action", "jurisdiction", "locale", "config", "block", "id", "text", "enabled", "carrier", "template", "name", "number", "evidence", "expiresAt", "json", "__proto__"];
  const INTENTS = ["save", "publish", "fix-all", "scan", "rescan", "recheck", "attest", "override", "add-carrier", "delete", "backfill"];

  for (const [name, load] of Object.entries(ROUTES)) {
    it(`${name}: never a 5xx or a crash`, async () => {
      const route = (await load()) as { action?: (args: { request: Request; params: object; context: object }) => Promise<unknown> };
      if (!route.action) return; // a page without an action has nothing to fuzz
      const seed = 7 + name.length;
      const rng = random(seed);
      for (let i = 0; i < 40; i += 1) {
        const form = new URLSearchParams();
        for (let f = 0; f < 1 + rng.int(6); f += 1) {
          const field = rng.pick(FIELD_NAMES);
          form.append(field, field === "intent" || field === "_action" ? rng.pick(INTENTS) : rng.next() < 0.3 ? JSON.stringify(hostileJson(rng)) : rng.pick(HOSTILE_STRINGS));
        }
        const request = new Request(`${TEST_APP.appUrl}/app/${name}?_data=routes%2Fapp.${name}`, {
          method: "POST",
          body: form,
          headers: { authorization: `Bearer ${store.mintSessionToken()}`, "content-type": "application/x-www-form-urlencoded" },
        });
        const context = `seed ${seed}, case ${i}, ${form.toString().slice(0, 200)}`;
        try {
          await route.action({ request, params: {}, context: {} });
        } catch (thrown) {
          if (!(thrown instanceof Response)) throw new Error(`${context}: ${String(thrown)}`);
          expect(thrown.status, context).toBeLessThan(500);
        }
      }
    });
  }
});
