/**
 * The shop's free-shipping threshold as each platform's settings state it, read by the adapters
 * from the dev stores that serve the real shapes: WooCommerce's `free_shipping` zone methods
 * (settings.requires / settings.min_amount) and Shopify's delivery profiles (a zero-price rate
 * with a minimum order subtotal). An unreadable source is `read: false`, never "no free shipping".
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ShopifyAdapter } from "../../adapters/shopify";
import { freeShippingThreshold } from "../../adapters/shopify/free-shipping";
import { WooCommerceAdapter } from "../../adapters/woocommerce";
import { wooFreeShippingThreshold } from "../../adapters/woocommerce/free-shipping";
import { array, parse } from "../../adapters/woocommerce/parse";
import { decimalToMinor } from "../../adapters/shipping-promise-facts";
import { backedFreeFrom } from "../../app/storefront/shipping-backing";
import type { ShopifyDevStore } from "../../dev/shopify-dev-store";
import type { DeliveryMethodDefinitionRecord } from "../../dev/shopify-dev-store/types";
import { startWooCommerceDevStore, type WooCommerceDevStore } from "../../dev/woocommerce-dev-store";
import type { JsonObject } from "../../dev/woocommerce-dev-store/types";
import { startInstalledDevStore } from "../support/installed-dev-store";

const okFetch = (async () => new Response("ok", { status: 200 })) as typeof fetch;
const fast = { allowPrivateAddresses: true, backoffMs: 5, timeoutMs: 5_000, maxRetries: 0 };

let woo: WooCommerceDevStore;
let shopify: ShopifyDevStore;
let shopifyAdapter: ShopifyAdapter;

beforeAll(async () => {
  woo = await startWooCommerceDevStore({ outboundFetch: okFetch });
  ({ store: shopify, adapter: shopifyAdapter } = await startInstalledDevStore("/app/blocks"));
});

afterAll(async () => {
  await woo?.close();
  await shopify?.close();
});

function wooAdapter() {
  const { consumerKey, consumerSecret } = woo.createKey();
  return new WooCommerceAdapter({ storeUrl: woo.url, consumerKey, consumerSecret }, { ...fast, grantedScopes: ["read_write"] });
}

const wooFreeMethod = () => woo.state.shippingZones.flatMap((zone) => zone.methods).find((method) => method.method_id === "free_shipping") as JsonObject & { settings: Record<string, JsonObject> };

describe("amounts as the platforms write them", () => {
  it("reads decimal strings in minor units and refuses what is not an amount", () => {
    expect([decimalToMinor("60"), decimalToMinor("60.00"), decimalToMinor("59,9"), decimalToMinor(" 0 ")]).toEqual([6000, 6000, 5990, 0]);
    expect([decimalToMinor(""), decimalToMinor("-5"), decimalToMinor("abc")]).toEqual([null, null, null]);
  });

  it("backs a promise only when the shop is at least as generous, and never from unread settings", () => {
    // backedFreeFrom is what publishing applies: the promised amount when backed, else 0 (none).
    const read = (freeShippingFromMinor: number | null) => ({ freeShippingFromMinor, checkedAt: "2026-12-03T09:00:00.000Z" });
    expect(backedFreeFrom(6000, read(6000))).toBe(6000);
    expect(backedFreeFrom(8000, read(6000))).toBe(8000);
    expect(backedFreeFrom(5000, read(6000))).toBe(0);
    expect(backedFreeFrom(6000, read(null))).toBe(0);
    // Settings never read (platform down, scope not granted): no backing is kept, so no amount.
    expect(backedFreeFrom(6000, null)).toBe(0);
  });
});

describe("WooCommerce: free_shipping methods of the shipping zones", () => {
  it("reads the documented example's methods: a flat rate is no free shipping, free_shipping requiring nothing is free from 0", async () => {
    const { fetchShippingZones } = await import("../../adapters/woocommerce/resources");
    const example = JSON.parse(readFileSync("test/contracts/woocommerce/shipping-zone-methods.list-all-shipping-methods-from-a-shipping-zone.response.json", "utf8")) as unknown[];
    const reader = { get: async (route: string) => ({ data: route === "shipping/zones" ? [{ id: 5, name: "Zone" }] : route.endsWith("/locations") ? [] : example }) };
    const [zone] = await fetchShippingZones(reader as never);
    expect(zone.methods.map((m) => ({ id: m.methodId, requires: m.requires, minAmount: m.minAmount }))).toEqual([
      { id: "flat_rate", requires: "", minAmount: "" },
      { id: "free_shipping", requires: "", minAmount: "0" },
    ]);
    expect(zone.methods.map(wooFreeShippingThreshold)).toEqual([null, 0]);
    expect(parse(array((v) => v), example, "methods")).toHaveLength(2);
  });

  it("reads the dev store's France zone: free shipping from 60 (requires min_amount)", async () => {
    expect(await wooAdapter().readShippingPromiseFacts()).toEqual({ freeShippingFromMinor: 6000, read: true });
  });

  it("counts 'either' (amount or coupon), not a method that needs a coupon, nor a disabled one", async () => {
    const method = wooFreeMethod();
    const original = structuredClone(method);
    try {
      method.settings.requires = { ...method.settings.requires, value: "either" };
      method.settings.min_amount = { ...method.settings.min_amount, value: "45.50" };
      expect(await wooAdapter().readShippingPromiseFacts()).toEqual({ freeShippingFromMinor: 4550, read: true });
      method.settings.requires = { ...method.settings.requires, value: "both" };
      expect(await wooAdapter().readShippingPromiseFacts()).toEqual({ freeShippingFromMinor: null, read: true });
      method.settings.requires = { ...method.settings.requires, value: "min_amount" };
      method.enabled = false;
      expect(await wooAdapter().readShippingPromiseFacts()).toEqual({ freeShippingFromMinor: null, read: true });
    } finally {
      Object.assign(method, original);
    }
  });

  it("says 'not read' when the store cannot be reached", async () => {
    const adapter = new WooCommerceAdapter({ storeUrl: "http://127.0.0.1:9", consumerKey: "ck_x", consumerSecret: "cs_x" }, fast);
    expect(await adapter.readShippingPromiseFacts()).toEqual({ freeShippingFromMinor: null, read: false });
  });
});

describe("Shopify: zero-price rates of the delivery profiles", () => {
  const zones = () => shopify.state.deliveryProfiles[0].profileLocationGroups[0].locationGroupZones;
  const freeRate = () => zones()[0].methodDefinitions[1];

  it("reads the seeded profile: Colissimo paid, free from 60 € in France", async () => {
    expect(await shopifyAdapter.readShippingPromiseFacts()).toEqual({ freeShippingFromMinor: 6000, read: true });
  });

  it("a free rate without conditions is free from 0; a free rate under a weight condition, an inactive or a paid one is no free shipping", () => {
    const rate = (price: string, conditions: DeliveryMethodDefinitionRecord["methodConditions"] = [], active = true) =>
      ({ active, rateProvider: { price: { amount: price } }, methodConditions: conditions.map((c) => ({ ...c, conditionCriteria: { ...c.conditionCriteria } })) }) as never;
    const weight = { id: "w", field: "TOTAL_WEIGHT" as const, operator: "LESS_THAN_OR_EQUAL_TO" as const, conditionCriteria: { __typename: "Weight" as const, unit: "KILOGRAMS", value: 2 } };
    expect(freeShippingThreshold(rate("0.0"))).toBe(0);
    expect(freeShippingThreshold(rate("0.0", [weight]))).toBeNull();
    expect(freeShippingThreshold(rate("0.0", [], false))).toBeNull();
    expect(freeShippingThreshold(rate("4.9"))).toBeNull();
    expect(freeShippingThreshold({ active: true, rateProvider: {}, methodConditions: [] })).toBeNull();
  });

  it("reports no free shipping once the free rate is switched off", async () => {
    freeRate().active = false;
    try {
      expect(await shopifyAdapter.readShippingPromiseFacts()).toEqual({ freeShippingFromMinor: null, read: true });
    } finally {
      freeRate().active = true;
    }
  });

  it("says 'not read' without read_shipping (a shop that has not approved the new scope yet)", async () => {
    const tokens = shopify.state.accessTokens;
    const before = tokens.map((t) => [...t.scopes]);
    for (const token of tokens) token.scopes = token.scopes.filter((scope) => scope !== "read_shipping");
    try {
      expect(await shopifyAdapter.readShippingPromiseFacts()).toEqual({ freeShippingFromMinor: null, read: false });
    } finally {
      tokens.forEach((token, i) => (token.scopes = before[i]));
    }
  });
});
