/**
 * The WooCommerce adapter against the local WooCommerce dev store (real HTTP, real OAuth 1.0a
 * signatures through @woocommerce/woocommerce-rest-api), and every contract example it reads
 * parsed by the adapter's own validators.
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WooCommerceAdapter, WooCommerceApiError, WooRestClient } from "../../adapters/woocommerce";
import { array, parse } from "../../adapters/woocommerce/parse";
import { orderParser, systemStatusParser, webhookParser } from "../../adapters/woocommerce/resources";
import { trackingItemsOf } from "../../adapters/woocommerce/tracking";
import { toPublishedConfig } from "../../app/storefront/config";
import { startWooCommerceDevStore, type WooCommerceDevStore } from "../../dev/woocommerce-dev-store";
import { fullConfig } from "../storefront/fixtures";
import { generateTestCertificates, type TestCertificates } from "../checklist/support/certs";

const contract = (file: string): unknown => JSON.parse(readFileSync(`test/contracts/woocommerce/${file}`, "utf8"));
const okFetch = (async () => new Response("ok", { status: 200 })) as typeof fetch;
/** The dev stores listen on loopback: let the address guard through (the app never does in production). */
const local = { allowPrivateAddresses: true };
const fast = { ...local, backoffMs: 5, timeoutMs: 5_000 };

let store: WooCommerceDevStore;
let tracked: WooCommerceDevStore;

function adapterFor(target: WooCommerceDevStore, options = {}) {
  const { consumerKey, consumerSecret } = target.createKey();
  return new WooCommerceAdapter({ storeUrl: target.url, consumerKey, consumerSecret }, { ...fast, grantedScopes: ["read_write"], ...options });
}

beforeAll(async () => {
  store = await startWooCommerceDevStore({ outboundFetch: okFetch });
  tracked = await startWooCommerceDevStore({ outboundFetch: okFetch, shipmentTracking: true });
});

afterAll(async () => {
  await store?.close();
  await tracked?.close();
});

describe("contract examples parse with the adapter's validators", () => {
  it("system status (docs example and the 8.9.1 recording)", () => {
    for (const file of ["system-status.list-all-system-status-items.response.json", "recorded-8.9.1/system_status.json"]) {
      const status = parse(systemStatusParser, contract(file), file);
      expect(typeof status.security.secure_connection).toBe("boolean");
    }
  });

  it("orders, including the recorded meta_data shapes", () => {
    for (const file of ["orders.retrieve-an-order.response.json", "recorded-8.9.1/order.json", "recorded-8.9.1/order_put_meta.json"]) {
      expect(parse(orderParser, contract(file), file).id).toBeGreaterThan(0);
    }
    expect(parse(array(orderParser), contract("orders.list-all-orders.response.json"), "orders").length).toBeGreaterThan(0);
  });

  it("webhooks, and the recorded ghosts with an empty topic", () => {
    expect(parse(array(webhookParser), contract("webhooks.list-all-webhooks.response.json"), "w").length).toBeGreaterThan(0);
    const ghosts = parse(array(webhookParser), contract("recorded-8.9.1/webhooks_ghosts.json"), "ghosts");
    expect(ghosts.every((w) => w.topic === "" && w.delivery_url === "")).toBe(true);
  });

  it("Shipment Tracking meta as the extension stores it", () => {
    const meta = contract("shipment-tracking/_meta._wc_shipment_tracking_items.json") as { key: string; value: unknown };
    const items = trackingItemsOf({ id: 1, number: "1", status: "completed", date_created: "", date_completed: null, shipping: null, billing: null, meta_data: [meta] });
    expect(items).toEqual([{ number: "12345678", carrier: "tnt-express-consignment", url: "" }]);
  });
});

describe("shop profile and checklist facts", () => {
  it("maps the French shop's profile", async () => {
    const profile = await adapterFor(store).getShopProfile();
    expect(profile).toMatchObject({
      platform: "woocommerce",
      name: "Savonnerie du Vieux-Port",
      countryCode: "FR",
      currencyCode: "EUR",
      timezone: "Europe/Paris",
      storefrontHttps: false,
      email: "bonjour@savonnerie-vieux-port.fr",
      grantedScopes: ["read_write"],
    });
    expect(profile.domain).toBe(new URL(store.url).host);
    // The privacy page is still WordPress's draft: it is not a published policy.
    expect(profile.policies.map((p) => p.type).sort()).toEqual(["CONTACT_INFORMATION", "REFUND_POLICY"]);
  });

  it("collects the checklist facts, gaps included (request counts: checklist-facts.test.ts)", async () => {
    const adapter = adapterFor(store);
    const facts = await adapter.collectChecklistFacts();
    expect(facts.platform).toBe("woocommerce");
    expect(facts.adminBaseUrl).toBe(`${store.url}/wp-admin/`);
    expect(facts.storefrontHttps).toBe(false);
    expect(facts.software).toMatchObject({ platformManaged: false, errorsHidden: false, debugMode: true });
    expect(facts.software.components.find((c) => c.kind === "commerce")?.version).toBe("8.9.1");
    expect(facts.payments.methods.filter((m) => m.enabled).map((m) => [m.id, m.kind])).toEqual([["stripe", "card-psp"], ["bacs", "offline"], ["cheque", "offline"]]);
    expect(facts.shipsToCountries).toEqual(["BE", "CH", "FR", "LU"]);
    expect(facts.shipping?.find((m) => m.countries.includes("FR"))?.name).toBe("Colissimo – livré en 48 h");
    expect(facts.legalPages.map((p) => p.kind).sort()).toEqual(["contact", "refund"]);
    expect(facts.legalPages.find((p) => p.kind === "refund")?.text).toContain("14 jours");
    expect(facts.taxesIncluded).toBe(true);
    expect(facts.retentionConfigured).toBe(false);
    expect(facts.reviews).toEqual({ enabled: true, verifiedLabel: true });
    expect(facts.activePlugins).toContain("woocommerce/woocommerce.php");
    expect(facts.tracking?.shipments).toBeGreaterThan(0);
  });
});

describe("transport: auth, retries, pagination, timeouts", () => {
  it("a wrong secret is refused with WooCommerce's error and not retried", async () => {
    const { consumerKey } = store.createKey();
    const client = new WooRestClient({ storeUrl: store.url, consumerKey, consumerSecret: "cs_wrong" }, fast);
    const error = await client.get("system_status").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WooCommerceApiError);
    expect(error).toMatchObject({ status: 401, code: "woocommerce_rest_authentication_error" });
    expect(client.requests).toBe(1);
  });

  it("retries 429 and 5xx with backoff, then gives up with the status", async () => {
    const adapter = adapterFor(store);
    store.simulate.throttleNext(1);
    store.simulate.serverErrorNext(1, 502);
    const waits: number[] = [];
    const client = new WooRestClient(adapter.client.credentials, { ...local, backoffMs: 5, sleep: async (ms) => void waits.push(ms) });
    expect((await client.get("system_status")).status).toBe(200);
    expect(client.requests).toBe(3);
    expect(waits).toEqual([1000, 10]); // Retry-After: 1 on the 429, then exponential backoff

    store.simulate.serverErrorNext(10, 503);
    const failing = new WooRestClient(adapter.client.credentials, { ...local, backoffMs: 1, maxRetries: 2 });
    await expect(failing.get("system_status")).rejects.toMatchObject({ status: 503, retryable: true });
    expect(failing.requests).toBe(3);
    store.simulate.reset();
  });

  it("follows X-WP-TotalPages", async () => {
    const client = adapterFor(store).client;
    const orders = await client.getAll("orders", { per_page: 5 });
    expect(orders).toHaveLength(23);
    expect(client.requests).toBe(5);
    expect(new Set(orders.map((o) => (o as { id: number }).id)).size).toBe(23);
  });

  it("times out on a store that never answers", async () => {
    const server: Server = createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as { port: number }).port;
    const client = new WooRestClient({ storeUrl: `http://127.0.0.1:${port}`, consumerKey: "ck_x", consumerSecret: "cs_x" }, { ...local, timeoutMs: 200, maxRetries: 1, backoffMs: 1 });
    await expect(client.get("system_status")).rejects.toMatchObject({ status: null, retryable: true });
    expect(client.requests).toBe(2);
    server.close();
  });

  it("refuses oversized answers instead of exhausting memory", async () => {
    const { createServer: createHttpServer } = await import("node:http");
    const chunk = Buffer.alloc(1024 * 1024, "x");
    const server = createHttpServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" }); // chunked: no Content-Length to trust
      let sent = 0;
      const push = () => {
        while (sent < 25 && res.write(chunk)) sent++;
        if (sent >= 25) res.end();
        else res.once("drain", push);
      };
      push();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const storeUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const adapter = new WooCommerceAdapter({ storeUrl, consumerKey: "ck_x", consumerSecret: "cs_x" }, { ...fast, maxRetries: 0 });
      await expect(adapter.getThemeEmbedStatus("trust-bar")).rejects.toMatchObject({ code: "rassure_too_large" });
      await expect(adapter.client.get("system_status")).rejects.toMatchObject({ code: "rassure_too_large", retryable: false });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it("an HTML answer (plain permalinks) is a clear error", async () => {
    const plain = await startWooCommerceDevStore({ permalinks: "plain" });
    try {
      const { consumerKey, consumerSecret } = plain.createKey();
      const adapter = new WooCommerceAdapter({ storeUrl: plain.url, consumerKey, consumerSecret }, fast);
      await expect(adapter.getShopProfile()).rejects.toThrow(/permalinks/);
    } finally {
      await plain.close();
    }
  });
});

describe("over https (TLS-terminating proxy, real certificate checks)", () => {
  let certs: TestCertificates;
  let secure: WooCommerceDevStore;

  beforeAll(async () => {
    certs = generateTestCertificates();
    secure = await startWooCommerceDevStore({ tls: certs.valid, outboundFetch: okFetch });
  });

  afterAll(async () => {
    await secure?.close();
    certs?.cleanup();
  });

  it("authenticates with Basic auth as WooCommerce expects on https, and sees a secure storefront", async () => {
    expect(secure.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const profile = await adapterFor(secure, { ca: certs.caPem }).getShopProfile();
    expect(profile).toMatchObject({ name: "Savonnerie du Vieux-Port", storefrontHttps: true });
    const facts = await adapterFor(secure, { ca: certs.caPem }).collectChecklistFacts();
    expect(facts.storefrontHttps).toBe(true);
  });

  it("a wrong secret gets WooCommerce's Basic-auth error; an untrusted certificate is refused, never ignored", async () => {
    const { consumerKey } = secure.createKey();
    const wrong = new WooRestClient({ storeUrl: secure.url, consumerKey, consumerSecret: "cs_wrong" }, { ...fast, ca: certs.caPem });
    await expect(wrong.get("system_status")).rejects.toMatchObject({ status: 401, message: "Consumer secret is invalid." });
    const untrusted = adapterFor(secure, { maxRetries: 0 });
    await expect(untrusted.getShopProfile()).rejects.toMatchObject({ status: null, message: expect.stringMatching(/certificate/i) });
  });
});

describe("tracking", () => {
  it("without Shipment Tracking: Rassure meta and an e-mailed customer note in French, once", async () => {
    const adapter = adapterFor(store);
    const update = { company: "Colissimo", number: "6A12345678901", url: "https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901", notifyCustomer: true };
    const shipment = await adapter.updateShipmentTracking("101", update);
    expect(shipment.tracking).toEqual([{ company: "Colissimo", number: "6A12345678901", url: update.url }]);
    const notes = store.state.orderNotes.get(101) ?? [];
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ customer_note: true });
    expect(String(notes[0].note)).toContain("Numéro de suivi : 6A12345678901");
    await adapter.updateShipmentTracking("101", update);
    expect(store.state.orderNotes.get(101)).toHaveLength(1);
  });

  it("with Shipment Tracking: through its API, visible in the order meta", async () => {
    const adapter = adapterFor(tracked);
    const url = "https://www.chronopost.fr/tracking-no-cms/suivi-page?listeNumerosLT=XY123456789FR";
    const shipment = await adapter.updateShipmentTracking("102", { company: "Chronopost", number: "XY123456789FR", url, notifyCustomer: true });
    expect(shipment.tracking).toEqual([{ company: "Chronopost", number: "XY123456789FR", url }]);
    expect(tracked.state.shipmentTracking.items.get(102)).toHaveLength(1);
    expect(tracked.state.orderNotes.get(102)).toBeUndefined();
  });

  it("refuses a non-https link and an unknown order", async () => {
    const adapter = adapterFor(store);
    await expect(adapter.updateShipmentTracking("101", { company: "X", number: "1", url: "javascript:alert(1)", notifyCustomer: false })).rejects.toThrow(/https/);
    expect(await adapter.getShipment("99999")).toBeNull();
    expect(await adapter.getShipment("../system_status")).toBeNull();
  });

  it("reads the store address from Settings → General for the physical store block", async () => {
    const [location] = await adapterFor(store).listStoreLocations();
    expect(location).toMatchObject({ address1: "12 quai du Port", city: "Marseille", zip: "13002", countryCode: "FR" });
  });

  it("lists shipped orders and finds one by number and e-mail", async () => {
    const adapter = adapterFor(store);
    const recent = await adapter.listRecentShipments(3);
    expect(recent).toHaveLength(3);
    expect(recent.every((s) => s.status === "completed")).toBe(true);
    const order = store.state.orders.find((o) => o.id === 101)!;
    const email = String((order.billing as { email: string }).email);
    expect(await adapter.findOrderShipments("#101", email.toUpperCase())).toHaveLength(1);
    expect(await adapter.findOrderShipments("#101", "someone@else.fr")).toBeNull();
  });
});

describe("webhooks and storefront config", () => {
  it("creates the order webhooks once, ignoring ghosts, and removes them", async () => {
    const adapter = adapterFor(store);
    const deliveryUrl = "https://rassure.example/woocommerce/webhooks?shop=x";
    expect(await adapter.ensureWebhooks({ deliveryUrl, secret: "s1" })).toEqual({ created: ["order.updated", "order.created"], removed: [] });
    store.state.webhooks.push({ ...store.state.webhooks[0], id: 999, topic: "", delivery_url: "", status: "disabled" });
    store.state.webhooks.push({ ...store.state.webhooks[0], id: 998, topic: "order.updated", delivery_url: "not a url", status: "active" });
    expect(await adapter.ensureWebhooks({ deliveryUrl, secret: "s2" })).toEqual({ created: [], removed: [] });
    expect(store.state.webhooks.filter((w) => w.delivery_url === deliveryUrl).map((w) => w.secret)).toEqual(["s2", "s2"]);
    expect(store.deliveries.filter((d) => d.topic === "ping")).toHaveLength(2);
    expect(await adapter.removeWebhooks(deliveryUrl)).toBe(2);
  });

  it("says which blocks a product page really shows, never 'placed' when a theme fires none of the plugin's hooks", async () => {
    const adapter = adapterFor(store);
    await adapter.publishStorefrontConfig({ config: toPublishedConfig(fullConfig(), 1, new Date(), "Europe/Paris"), enabled: true });
    const classic = await adapter.getThemeEmbedStatus("trust-bar");
    expect(classic.productPageChecked).toMatch(/\/produit\/[a-z0-9-]+\/$/);
    expect(classic.blocksOnProductPage).toEqual(expect.arrayContaining(["payment", "promises", "delivery"]));
    store.state.theme.productHooks = "none";
    try {
      const bare = await adapterFor(store).getThemeEmbedStatus("trust-bar");
      expect(bare).toMatchObject({ embedActive: true, productPageChecked: classic.productPageChecked });
      // Only the footer's blocks (printed on every page, the shop-wide reviews summary among them) are there; the product blocks are not claimed.
      expect(bare.blocksOnProductPage).toEqual(["contact", "reviews", "legal", "bar"]);
    } finally {
      store.state.theme.productHooks = "classic";
    }
    // No product page to look at: not checked, nothing claimed.
    const products = store.state.products.splice(0);
    try {
      expect(await adapterFor(store).getThemeEmbedStatus("trust-bar")).toMatchObject({ blocksOnProductPage: [], productPageChecked: null });
    } finally {
      store.state.products.push(...products);
    }
  });

  it("publishes the storefront config to the companion plugin route", async () => {
    const adapter = adapterFor(store);
    await adapter.publishStorefrontConfig({ config: { blocks: { shipping: { enabled: true } } }, enabled: true });
    expect(store.state.companionPlugin).toMatchObject({ config: { blocks: { shipping: { enabled: true } } }, enabled: true });
    expect(await adapter.getThemeEmbedStatus("trust-bar")).toMatchObject({ themeName: "Storefront", embedActive: true });
    store.state.companionPlugin.active = false;
    await expect(adapterFor(store).publishStorefrontConfig({ config: {}, enabled: true })).rejects.toMatchObject({ code: "rassure_plugin_missing" });
    store.state.companionPlugin.active = true;
  });
});
