/**
 * The checklist's WooCommerce collection, counted at the dev store: one request through the
 * companion plugin's `wc-rassure/v1/facts` route when it is active, the REST calls otherwise,
 * and the same facts either way (errors inside the batch included).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PlatformChecklistFacts } from "../../adapters/checklist-snapshot";
import { WooCommerceAdapter, WooCommerceApiError, type WooRestClient } from "../../adapters/woocommerce";
import { readCompanionFacts } from "../../adapters/woocommerce/companion-facts";
import { startWooCommerceDevStore, type WooCommerceDevStore } from "../../dev/woocommerce-dev-store";

let store: WooCommerceDevStore;

function adapter() {
  const { consumerKey, consumerSecret } = store.createKey("read");
  return new WooCommerceAdapter({ storeUrl: store.url, consumerKey, consumerSecret }, { allowPrivateAddresses: true, backoffMs: 5, timeoutMs: 5_000 });
}

/** Facts and the REST routes the dev store received while collecting them. */
async function collect(): Promise<{ facts: PlatformChecklistFacts; routes: string[] }> {
  const before = store.restRequests.length;
  const facts = await adapter().collectChecklistFacts();
  return { facts, routes: store.restRequests.slice(before).map((r) => `${r.method} ${r.route}`) };
}

/** The facts any key can read over REST: what only the plugin knows (WordPress's update check, the order button) left out. */
const restReadable = ({ cost: _cost, orderButton: _button, software, ratings, ...facts }: PlatformChecklistFacts) => ({
  ...facts,
  // The same figures either way; only the moment they were computed differs.
  ratings: ratings && { ...ratings, computedAt: "" },
  software: { ...software, updatesCheckedAt: null, components: software.components.map(({ latestVersion: _latest, ...component }) => component) },
});

beforeAll(async () => {
  store = await startWooCommerceDevStore();
});

afterAll(async () => {
  await store?.close();
});

beforeEach(() => {
  store.state.companionPlugin.active = true;
  store.simulate.reset();
});

describe("checklist facts on WooCommerce", () => {
  it("with the companion plugin: one request, the facts route", async () => {
    const { facts, routes } = await collect();
    expect(routes).toEqual(["GET /wc-rassure/v1/facts"]);
    expect(facts.cost).toEqual({ requests: 1, queryCost: null });
    expect(facts.name).toBe("Savonnerie du Vieux-Port");
    expect(facts.shipsToCountries).toEqual(["BE", "CH", "FR", "LU"]);
    expect(facts.tracking?.shipments).toBeGreaterThan(0);
  });

  it("without it: the REST calls (after the one probe of the facts route), and exactly the same facts", async () => {
    const viaPlugin = await collect();
    store.state.companionPlugin.active = false;
    const viaRest = await collect();
    expect(viaRest.routes[0]).toBe("GET /wc-rassure/v1/facts");
    expect(viaRest.routes).toContain("GET /wc/v3/shipping/zones/2/methods");
    expect(viaRest.routes).toContain("GET /wc/v3/products");
    // The resource reads (catalogue included), every product's rating (one page of 100), the plugin's `site` route, the Shipment Tracking probe and the public index (for the name).
    expect(viaRest.routes).toHaveLength(23);
    expect(viaRest.facts.cost.requests).toBe(23);
    expect(viaRest.facts.ratings).toMatchObject({ ratingTenths: 46, reviews: 14, products: 2 });
    expect(restReadable(viaRest.facts)).toEqual(restReadable(viaPlugin.facts));
    // Over REST the storefront pages come from the page settings and the published pages' links.
    expect(viaRest.facts.storefrontPages).toEqual({ cart: `${store.url}/panier/`, checkout: `${store.url}/commande/`, account: `${store.url}/mon-compte/`, products: [`${store.url}/produit/savon-alep-laurier/`, `${store.url}/produit/savon-lait-anesse-lavande/`], blockCheckout: true });
    // Only WordPress knows the order button and its own update check: without the plugin they are unknown, not guessed.
    expect(viaRest.facts.orderButton).toBeNull();
    expect(viaPlugin.facts.orderButton).toEqual({ label: "Commander", source: "Checkout block placeOrderButtonLabel" });
    expect(viaRest.facts.software.updatesCheckedAt).toBeNull();
    expect(viaRest.facts.software.components.find((c) => c.name === "WordPress")?.latestVersion).toBeNull();
    expect(viaPlugin.facts.software.components.find((c) => c.name === "WordPress")?.latestVersion).toBe("6.5.5");
  });

  it("a route that fails inside the batch is handled as over REST (a missing settings group is unknown, not a crash)", async () => {
    const products = store.state.settings.products;
    delete store.state.settings.products;
    try {
      const viaPlugin = await collect();
      expect(viaPlugin.routes).toHaveLength(1);
      expect(viaPlugin.facts.reviews).toBeNull();
      store.state.companionPlugin.active = false;
      expect(restReadable((await collect()).facts)).toEqual(restReadable(viaPlugin.facts));
    } finally {
      store.state.settings.products = products;
    }
  });

  it("a throttled facts request is retried like any REST call", async () => {
    store.simulate.throttleNext(1);
    const { routes, facts } = await collect();
    expect(routes).toEqual(["GET /wc-rassure/v1/facts", "GET /wc-rassure/v1/facts"]);
    expect(facts.cost.requests).toBe(2);
  });

  it("the key must be able to read: a write-only key is refused with WooCommerce's words", async () => {
    const { consumerKey, consumerSecret } = store.createKey("write");
    const writeOnly = new WooCommerceAdapter({ storeUrl: store.url, consumerKey, consumerSecret }, { allowPrivateAddresses: true, maxRetries: 0 });
    await expect(writeOnly.collectChecklistFacts()).rejects.toMatchObject({ status: 401, message: expect.stringMatching(/read permissions/) });
  });

  it("an answer in an unknown shape (another plugin version) falls back to REST; a part the plugin left out is a clear error", async () => {
    const answering = (data: unknown) => ({ get: async () => ({ status: 200, data, headers: {} }) }) as unknown as WooRestClient;
    expect(await readCompanionFacts(answering({ version: 3, responses: {} }), "2026-01-01T00:00:00")).toBeNull();
    expect(await readCompanionFacts(answering({ version: 1, responses: { "/": { status: "200" } } }), "2026-01-01T00:00:00")).toBeNull();
    expect(await readCompanionFacts(answering("<html>"), "2026-01-01T00:00:00")).toBeNull();
    const reader = await readCompanionFacts(answering({ version: 1, responses: { "/wc/v3/system_status": { status: 403, body: { code: "woocommerce_rest_cannot_view", message: "Sorry, you cannot list resources." } } } }), "2026-01-01T00:00:00");
    await expect(reader!.get("system_status")).rejects.toMatchObject({ status: 403, code: "woocommerce_rest_cannot_view", retryable: false });
    await expect(reader!.get("payment_gateways")).rejects.toBeInstanceOf(WooCommerceApiError);
    await expect(reader!.getRestIndex()).rejects.toMatchObject({ code: "rassure_bad_shape" });
  });
});
