/**
 * The dev store's local storefront: pages of the seeded shop, Rassure's app blocks rendered
 * from what the app really published (the adapter's metafieldsSet), gated by `available_if`,
 * placed where the MAIN theme's templates put them, the app embed following settings_data.json,
 * the locale, and the app proxy forwarding signed requests to the app's real /proxy/track route.
 */
import { createHmac } from "node:crypto";
import { request } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ShopifyAdapter } from "../../adapters/shopify";
import { probeStorefront } from "../../app/checklist/storefront-probe/probe";
import { devStorefrontScanOptions } from "../../app/checklist/dev-storefront.server";
import { toPublishedConfig, type StorefrontConfig } from "../../app/storefront/config";
import { sharedLimits } from "../../app/limits/shared-store.server";
import { appProxySignature, readAppProxyConfig, startShopifyDevStore, type ShopifyDevStore } from "../../dev/shopify-dev-store";
import type { RouteServer } from "../support/route-server";
import { startStorefrontHarness, type StorefrontHarness } from "../support/storefront-harness";
import { TEST_APP } from "../support/test-app";
import { fullConfig, HOSTILE, SHIPPING_BACKING } from "../storefront/fixtures";
import prisma from "../../app/db.server";
import { loadStorefrontConfig, saveAndPublishStorefrontConfig } from "../../app/storefront/storefront.server";

let harness: StorefrontHarness;
let app: RouteServer;
let store: ShopifyDevStore;
let adapter: ShopifyAdapter;

beforeAll(async () => {
  harness = await startStorefrontHarness();
  ({ app, store, adapter } = harness);
}, 60_000);

afterAll(() => harness?.close());

beforeEach(() => sharedLimits.clear());

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${store.storefrontUrl}${path}`, { headers, redirect: "manual" });
  return { status: response.status, headers: response.headers, html: await response.text() };
}

function publish(config: StorefrontConfig, enabled = true) {
  return adapter.publishStorefrontConfig({ config: toPublishedConfig(config, 1, new Date(), "Europe/Paris", { shipping: SHIPPING_BACKING }), enabled });
}

const PRODUCT = "/products/bougie-figue-cedre";
const blockIds = (html: string) => [...html.matchAll(/id="shopify-block-([^"]+)"/g)].map((m) => m[1]);
const themeFile = (name: string) => store.state.themes.find((t) => t.role === "MAIN")!.files.find((f) => f.filename === name)!;

function setEmbed(disabled: boolean) {
  const settings = themeFile("config/settings_data.json");
  settings.content = settings.content.replace(/("type": "shopify:\/\/apps\/rassure\/blocks\/trust-bar\/[^"]+",\s*"disabled": )(true|false)/, `$1${disabled}`);
}

describe("storefront pages", () => {
  it("serves home, catalogue, product, cart, pages and policies of the seeded shop on its own origin", async () => {
    expect(store.storefrontUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(store.storefrontUrl).not.toBe(store.url);
    const home = await get("/");
    expect(home.status).toBe(200);
    expect(home.html).toContain('<html lang="fr">');
    expect(home.html).toContain(`href="${PRODUCT}"`);
    expect(home.headers.get("x-content-type-options")).toBe("nosniff");
    for (const path of ["/collections/all", PRODUCT, "/cart", "/pages/contact", "/pages/suivi-de-commande"]) expect((await get(path)).status, path).toBe(200);
    const product = await get(PRODUCT);
    expect(product.html).toContain('<h1 class="product__title">Bougie parfumée Figue &amp; Cèdre</h1>');
    expect(product.html).toContain("29,00 €");
    expect((await get("/products/no-such-thing")).status).toBe(404);
    expect((await get("/products/%3Cscript%3E")).status).toBe(404);
  });

  it("renders each written policy from the store state; a missing one is a 404, and the footer links only the existing ones", async () => {
    const refund = await get("/policies/refund-policy");
    expect(refund.status).toBe(200);
    expect(refund.html).toContain("Nous acceptons les retours pendant 30 jours");
    const terms = await get("/policies/terms-of-service");
    expect(terms.status).toBe(404);
    const footer = refund.html.slice(refund.html.indexOf("<footer"));
    expect(footer).toContain('href="/policies/legal-notice"');
    expect(footer).toContain('href="/policies/privacy-policy"');
    expect(footer).not.toContain("terms-of-service");
    expect(footer).toContain("mailto:contact@atelier-lumiere.fr");
    // A policy the merchant writes later appears at once.
    store.state.policies.push({ ...store.state.policies[0], id: "gid://shopify/ShopPolicy/9", type: "TERMS_OF_SERVICE", title: "Conditions générales de vente", body: "<p>CGV</p>", url: "https://www.atelier-lumiere.fr/policies/terms-of-service" });
    try {
      expect((await get("/policies/terms-of-service")).status).toBe(200);
    } finally {
      store.state.policies.pop();
    }
  });

  it("shows only its password page while the online store is password-protected", async () => {
    store.state.onlineStore.passwordProtection.enabled = true;
    try {
      const home = await get("/");
      expect(home.status).toBe(302);
      expect(home.headers.get("location")).toBe("/password");
      expect((await get(PRODUCT)).status).toBe(302);
      expect((await get("/apps/rassure/track")).status).toBe(302);
      expect((await get("/password")).html).toContain("Ouverture prochaine");
    } finally {
      store.state.onlineStore.passwordProtection.enabled = false;
    }
    expect((await get("/")).status).toBe(200);
  });

  it("keeps a cart in a cookie", async () => {
    const add = await fetch(`${store.storefrontUrl}/cart/add`, { method: "POST", body: new URLSearchParams({ id: "vase-ceramique-rhone", quantity: "2" }), redirect: "manual" });
    expect(add.status).toBe(302);
    const cookie = add.headers.get("set-cookie")!.split(";")[0];
    const cart = await get("/cart", { cookie });
    expect(cart.html).toContain("Vase céramique Rhône");
    expect(cart.html).toContain("116,00 €");
    expect((await get("/cart", { cookie: "cart=%E0%A4%A" })).status).toBe(200); // a broken cookie is an empty cart
  });

  it("speaks English with ?locale=en or an English browser, French (the shop's language) otherwise", async () => {
    expect((await get(`${PRODUCT}?locale=en`)).html).toContain('<h1 class="product__title">Fig &amp; Cedar scented candle</h1>');
    expect((await get(`${PRODUCT}?locale=en`)).html).toContain('href="/cart?locale=en"');
    expect((await get(PRODUCT, { "accept-language": "en-GB,en;q=0.9,fr;q=0.5" })).html).toContain('<html lang="en">');
    expect((await get(PRODUCT, { "accept-language": "de-DE,de;q=0.9" })).html).toContain('<html lang="fr">');
    // A chosen language is remembered, so a form posted without ?locale= (the app proxy's) keeps it.
    const chosen = await get(`${PRODUCT}?locale=en`, { "accept-language": "fr" });
    const cookie = chosen.headers.get("set-cookie")!.split(";")[0];
    expect((await get("/cart", { cookie, "accept-language": "fr" })).html).toContain('<html lang="en">');
  });
});

describe("app blocks from the published configuration", () => {
  it("renders nothing of Rassure before the app has published (available_if is false)", async () => {
    const page = await get(PRODUCT);
    expect(blockIds(page.html)).toEqual([]);
    expect(page.html).not.toContain("rassure.css");
  });

  it("renders the blocks the theme places, in place, with the published texts escaped, once the app publishes with metafieldsSet", async () => {
    const config = fullConfig();
    config.payment.heading = { en: "Pay safely", fr: HOSTILE };
    await publish(config);
    const metafield = store.state.metafields.find((m) => m.key === "config" && m.ownerId === store.state.appInstallation.id)!;
    expect(metafield.namespace).toBe("rassure");

    const page = await get(PRODUCT);
    expect(blockIds(page.html)).toEqual(["rassure_reviews_Rv8kT2", "rassure_delivery_8xQp2L", "rassure_promises_Jd93kA", "rassure_payment_Wm4tZe", "rassure_partners_Hn4cV7", "rassure_contact_Qa71sN", "rassure_legal_Vb28rC"]);
    // Main-product blocks sit after the buy buttons and before the description; contact and legal in the apps section.
    const order = ["product-form", "shopify-block-rassure_delivery", "shopify-block-rassure_payment", "product__description", 'id="shopify-section-apps_rassure"'].map((marker) => page.html.indexOf(marker));
    expect(order.every((index, i) => index > 0 && (i === 0 || index > order[i - 1]))).toBe(true);
    expect(page.html).toContain('<link rel="stylesheet" href="/cdn/shop/extensions/rassure-theme/assets/rassure.css">');
    // Hostile merchant text is text.
    expect(page.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&quot; onmouseover=&quot;alert(1)");
    expect(page.html).not.toContain('<script>alert("x")');
    expect(page.html).not.toMatch(/<[^>]+\sonmouseover=/);
    // Shop facts from the store: the refund policy link, the payment methods, money format.
    expect(page.html).toContain('<a class="rassure__label rassure__link" href="/policies/refund-policy">');
    expect(page.html).toContain('<title id="pi-cartes_bancaires">Cartes Bancaires</title>');
    expect(page.html).toContain("60,00 €");
    // The product's review metafields, as its review app wrote them.
    expect(page.html).toContain('<span class="rassure__label">Noté 4,8/5 sur 37 avis</span>');
    // Settings: the template's values over the schema's defaults.
    expect(page.html).toContain("rassure rassure--promises rassure--tone-soft");
    expect(page.html).toContain("rassure rassure--delivery rassure--tone-plain");
    expect(page.html).toContain("rassure rassure--contact rassure--tone-outline");

    const css = await fetch(`${store.storefrontUrl}/cdn/shop/extensions/rassure-theme/assets/rassure.css`);
    expect(css.headers.get("content-type")).toContain("text/css");
    expect(await css.text()).toContain(".rassure");
  });

  it("follows the visitor's language with the extension's locale files", async () => {
    expect((await get(`${PRODUCT}?locale=en`)).html).toContain(">Pay safely</h2>");
    expect((await get(`${PRODUCT}?locale=en`)).html).toContain("Our promises");
    expect((await get(PRODUCT)).html).toContain("Nos engagements");
  });

  it("leaves out blocks the theme does not place: none without templates/product.json, none of another app's", async () => {
    const theme = store.state.themes.find((t) => t.role === "MAIN")!;
    const template = themeFile("templates/product.json");
    const saved = template.content;
    theme.files.splice(theme.files.indexOf(template), 1);
    try {
      const page = await get(PRODUCT);
      expect(page.status).toBe(200);
      expect(page.html).toContain("Ajouter au panier");
      expect(blockIds(page.html)).toEqual([]);
    } finally {
      theme.files.push(template);
    }
    template.content = saved.replace(/shopify:\/\/apps\/rassure\/blocks\/payment/, "shopify://apps/other-app/blocks/payment").replace(/("rassure_legal_Vb28rC": \{)/, '$1 "disabled": true,');
    try {
      expect(blockIds((await get(PRODUCT)).html)).toEqual(["rassure_reviews_Rv8kT2", "rassure_delivery_8xQp2L", "rassure_promises_Jd93kA", "rassure_partners_Hn4cV7", "rassure_contact_Qa71sN"]);
    } finally {
      template.content = saved;
    }
  });

  it("hides every block when the app publishes enabled=false, and after an uninstall", async () => {
    await publish(fullConfig(), false);
    expect(blockIds((await get(PRODUCT)).html)).toEqual([]);
    await publish(fullConfig(), true);
    expect(blockIds((await get(PRODUCT)).html)).toHaveLength(7);
    store.state.appInstallation.installed = false;
    try {
      expect(blockIds((await get(PRODUCT)).html)).toEqual([]);
    } finally {
      store.state.appInstallation.installed = true;
    }
  });

  it("shows no reviews summary on a product without review metafields", async () => {
    await publish(fullConfig());
    const vase = await get("/products/vase-ceramique-rhone");
    expect(vase.status).toBe(200);
    expect(blockIds(vase.html)).not.toContain("rassure_reviews_Rv8kT2");
    expect(vase.html).not.toContain("rassure--reviews");
  });

  it("shows the shop-wide review aggregate on the home page once Rassure computed and published it, as Shopify renders the app block", async () => {
    await publish(fullConfig());
    const metafields = store.state.metafields;
    const unpublished = metafields.filter((m) => !(m.namespace === "rassure" && m.key === "shop_reviews"));
    store.state.metafields = unpublished;
    expect((await get("/")).html).not.toContain("rassure--reviews");
    await adapter.publishReviewsAggregate(await adapter.readReviewsAggregate());
    const home = await get("/");
    expect(blockIds(home.html)).toContain("rassure_shop_reviews_Hr5dQ1");
    // (4.8×37 + 4.6×12 + 5.0×1 + 4.35×23) / 73 reviews = 4.6, on the 4 products that have reviews.
    expect(home.html).toContain('<span class="rassure__label">Noté 4,6/5 sur 73 avis, pour 4 produits</span>');
    expect((await get("/?locale=en")).html).toContain(">Rated 4.6/5 from 73 reviews on 4 products<");
    // The product page keeps the product's own figure.
    expect((await get(PRODUCT)).html).toContain(">Noté 4,8/5 sur 37 avis<");
  });

  it("draws the trust bar embed at the end of the body only while settings_data.json has it enabled", async () => {
    await publish(fullConfig());
    setEmbed(true);
    expect((await get("/")).html).not.toContain("rassure--bar");
    setEmbed(false);
    try {
      const home = await get("/");
      const bar = home.html.indexOf('<aside class="rassure rassure--bar rassure--tone-soft"');
      expect(bar).toBeGreaterThan(home.html.indexOf("</footer>"));
      expect(home.html).toContain("Livraison offerte dès 60 €");
      expect(home.html).toContain("rassure.css");
      // The embed is on every page, policies included.
      expect((await get("/policies/shipping-policy")).html).toContain("rassure--bar");
    } finally {
      setEmbed(true);
    }
  });

  it("ends the trust bar with a link to the trust page only while the merchant asks for it and the page is on", async () => {
    setEmbed(false);
    try {
      const linked = fullConfig();
      linked.bar.trustPageLink = true;
      await publish(linked);
      expect((await get("/")).html).not.toContain('href="/apps/rassure/trust"'); // the page itself is off
      linked.trustPage.enabled = true;
      const shop = await prisma.shop.findFirstOrThrow({ where: { platform: "shopify", domain: store.shopDomain } });
      await saveAndPublishStorefrontConfig(shop.id, linked, (await loadStorefrontConfig(shop.id)).version, adapter, "Europe/Paris");
      const home = await get("/?locale=fr");
      expect(home.html).toContain('<a class="rassure__label rassure__link" href="/apps/rassure/trust?locale=fr">Pourquoi nous faire confiance</a>');
      const trust = await get("/apps/rassure/trust?locale=fr");
      expect(trust.status).toBe(200);
    } finally {
      setEmbed(true);
    }
  });
});

describe("app proxy", () => {
  /** Shopify's rule, written here from the documentation independently of the store's code. */
  function documentedSignature(url: URL, secret: string): string {
    const grouped = new Map<string, string[]>();
    url.searchParams.forEach((value, key) => key !== "signature" && grouped.set(key, [...(grouped.get(key) ?? []), value]));
    const message = [...grouped.keys()].sort().map((key) => `${key}=${grouped.get(key)!.join(",")}`).join("");
    return createHmac("sha256", secret).update(message).digest("hex");
  }

  it("signs the way Shopify documents it", () => {
    const url = new URL("http://x/proxy/track?shop=a.myshopify.com&logged_in_customer_id=&path_prefix=%2Fapps%2Frassure&timestamp=1700000000&extra=1&extra=2");
    expect(appProxySignature(url.searchParams, "secret")).toBe(documentedSignature(url, "secret"));
  });

  it("shows the Track my order block on its page, posting to the proxy", async () => {
    await publish(fullConfig());
    const page = await get("/pages/suivi-de-commande");
    expect(blockIds(page.html)).toEqual(["rassure_track_order_T5kd0P"]);
    expect(page.html).toContain('<form class="rassure__form" action="/apps/rassure/track" method="post">');
  });

  it("forwards the block's form to the app, which accepts the signature and answers inside the theme", async () => {
    const response = await fetch(`${store.storefrontUrl}/apps/rassure/track`, {
      method: "POST",
      body: new URLSearchParams({ order: "#1001", email: "elodie.marchand@orange.fr", locale: "fr" }),
      headers: { cookie: "secret_session=1" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    const html = await response.text();
    expect(html).toContain('<a class="site-header__logo" href="/">Atelier Lumière</a>');
    expect(html).toContain("https://www.laposte.fr/outils/suivre-vos-envois?code=6A18734592013");
    expect(html).toContain("Suivre avec Colissimo");
    expect(html).toContain("</footer>");
  });

  it("shows the physical store block on the contact page, with the address of the shop's Shopify location", async () => {
    const shop = await prisma.shop.findFirstOrThrow({ where: { platform: "shopify", domain: store.shopDomain } });
    await saveAndPublishStorefrontConfig(shop.id, fullConfig(), (await loadStorefrontConfig(shop.id)).version, adapter, "Europe/Paris");
    const page = await get("/pages/contact");
    expect(blockIds(page.html)).toEqual(["rassure_store_Pz3mW8"]);
    expect(page.html).toContain("5 rue Saint-Jean<br>69005 Lyon");
    expect(page.html).toContain('href="https://www.openstreetmap.org/search?query=');
    expect(page.html).not.toMatch(/<script/);
  });

  it("serves the trust page inside the theme once the merchant switches it on, with only backed facts", async () => {
    expect((await get("/apps/rassure/trust")).status).toBe(404);
    const shop = await prisma.shop.findFirstOrThrow({ where: { platform: "shopify", domain: store.shopDomain } });
    const config = fullConfig();
    config.trustPage = { enabled: true, sections: ["contact", "promises", "policies", "payments", "https", "scan"] };
    config.bar.trustPageLink = true;
    await saveAndPublishStorefrontConfig(shop.id, config, (await loadStorefrontConfig(shop.id)).version, adapter, "Europe/Paris");
    const page = await get("/apps/rassure/trust?locale=fr");
    expect(page.status).toBe(200);
    expect(page.html).toContain('<header class="site-header">'); // inside the theme
    expect(page.html).toContain("</footer>");
    expect(page.html).toContain("À qui vous achetez");
    expect(page.html).toContain('<title id="pi-cartes_bancaires">Cartes Bancaires</title>'); // shop.enabled_payment_types
    expect(page.html).toContain('href="/policies/refund-policy"');
    expect(page.html).toContain("Du lundi au vendredi, 9 h – 18 h");
    // HTTPS and the grade come from the last finished scan (the one run at install), with its date.
    const scan = await prisma.checklistScan.findFirstOrThrow({ where: { shopDomain: store.shopDomain, status: "done" }, orderBy: { startedAt: "desc" } });
    expect(page.html).toContain("La boutique est servie en HTTPS (vérifié le");
    expect(page.html).toContain(`Note ${scan.grade}, vérifiée le`);
    // No register confirmation in that scan: no "company verified".
    expect(page.html).not.toContain("Entreprise vérifiée");
    // Promises the shop's own policies state, linked to them; the custom one is left out.
    expect(page.html).toContain('<a class="rassure__label rassure__link" href="/policies/shipping-policy">Livraison offerte dès 60,00 €</a>');
    expect(page.html).toContain('href="/policies/refund-policy">Retours sous 30 jours</a>');
    expect(page.html).not.toContain("Fait main à Lyon");
  });

  it("gives a wrong e-mail the same answer as an unknown order, and keeps shopper input inert", async () => {
    const post = (fields: Record<string, string>) => fetch(`${store.storefrontUrl}/apps/rassure/track`, { method: "POST", body: new URLSearchParams(fields) }).then((r) => r.text());
    const wrong = await post({ order: "#1001", email: "someone@else.fr", locale: "fr" });
    expect(wrong).toContain('role="alert"');
    const hostile = await post({ order: "{{ shop.email }}<b>x</b>", email: "a@b.fr", locale: "fr" });
    expect(hostile).not.toContain("<b>x</b>");
    // The app escapes Liquid delimiters, so the proxy's Liquid pass prints them instead of evaluating them.
    expect(hostile).toContain("&#123;&#123; shop.email &#125;&#125;&lt;b&gt;x&lt;/b&gt;");
    expect(hostile).not.toMatch(/value="contact@atelier-lumiere\.fr"/);
  });

  it("refuses a forged or tampered request at the app (400), which the storefront never sends", async () => {
    const forwarded = new URL(`${app.url}/proxy/track`);
    for (const [key, value] of Object.entries({ shop: store.shopDomain, logged_in_customer_id: "", path_prefix: "/apps/rassure", timestamp: String(Math.floor(Date.now() / 1000)) })) forwarded.searchParams.set(key, value);
    forwarded.searchParams.set("signature", appProxySignature(forwarded.searchParams, TEST_APP.apiSecret));
    const body = () => new URLSearchParams({ order: "#1001", email: "elodie.marchand@orange.fr" });
    expect((await fetch(forwarded, { method: "POST", body: body() })).status).toBe(200);
    const tampered = new URL(forwarded);
    tampered.searchParams.set("shop", "another-shop.myshopify.com");
    expect((await fetch(tampered, { method: "POST", body: body() })).status).toBe(400);
    const forged = new URL(forwarded);
    forged.searchParams.set("signature", appProxySignature(forged.searchParams, "not-the-app-secret"));
    expect((await fetch(forged, { method: "POST", body: body() })).status).toBe(400);
  });

  it("passes non-Liquid answers through (JSON for a script), and keeps requests inside the proxy's path", async () => {
    const json = await fetch(`${store.storefrontUrl}/apps/rassure/track`, {
      method: "POST",
      body: new URLSearchParams({ order: "#1001", email: "elodie.marchand@orange.fr" }),
      headers: { accept: "application/json" },
    });
    expect(json.headers.get("content-type")).toContain("application/json");
    expect(await json.json()).toMatchObject({ kind: "found" });
    const climb = await new Promise<number>((resolve, reject) => {
      // Raw HTTP: fetch would normalise the dot segments away before sending.
      const { hostname, port } = new URL(store.storefrontUrl);
      const req = request({ host: hostname, port, path: "/apps/rassure/%2e%2e/webhooks/app/uninstalled", method: "POST" }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      req.end();
    });
    // The URL is normalised on arrival: a POST to the storefront's own /webhooks/…, never forwarded.
    expect(climb).toBe(405);
  });

  it("answers with an error page, not a crash, when the app is down", async () => {
    const down = await startShopifyDevStore({
      app: { apiKey: TEST_APP.apiKey, apiSecret: TEST_APP.apiSecret, appUrl: "http://127.0.0.1:9", scopes: TEST_APP.scopes, handle: TEST_APP.handle },
      storefront: { appProxy: readAppProxyConfig("shopify.app.toml") },
    });
    try {
      const response = await fetch(`${down.storefrontUrl}/apps/rassure/track`, { method: "POST", body: new URLSearchParams({ order: "1" }) });
      expect(response.status).toBe(502);
      expect(await response.text()).toContain("Service momentanément indisponible");
    } finally {
      await down.close();
    }
  });

  it("has no proxy when the app declares none", async () => {
    const bare = await startShopifyDevStore({ app: { apiKey: TEST_APP.apiKey, apiSecret: TEST_APP.apiSecret, appUrl: app.url, scopes: TEST_APP.scopes, handle: TEST_APP.handle } });
    try {
      expect((await fetch(`${bare.storefrontUrl}/apps/rassure/track`)).status).toBe(404);
    } finally {
      await bare.close();
    }
  });
});

describe("the checklist's probe on the local storefront", () => {
  it("reaches it through the development option only, and finds the product, cart, contact and legal pages", async () => {
    const options = devStorefrontScanOptions({ RASSURE_DEV_STOREFRONT_URL: store.storefrontUrl, NODE_ENV: "development" });
    expect(options.storefrontUrl).toBe(store.storefrontUrl);
    expect(() => devStorefrontScanOptions({ RASSURE_DEV_STOREFRONT_URL: store.storefrontUrl, NODE_ENV: "production" })).toThrow(/RASSURE_DEV_STOREFRONT_URL.*production/);
    expect(devStorefrontScanOptions({ NODE_ENV: "production" })).toEqual({});

    const facts = await probeStorefront(options.storefrontUrl!, {
      ...options.probeOptions,
      platform: "shopify",
      legalPages: [{ kind: "refund", url: `${store.storefrontUrl}/policies/refund-policy` }],
    });
    expect(facts.status).toBe("ok");
    const kinds = Object.fromEntries(facts.pages.map((p) => [p.kind, p.status]));
    expect(kinds).toMatchObject({ home: 200, product: 200, cart: 200, contact: 200, refund: 200 });
    // Plain http: the HTTPS facts fail, honestly.
    expect(facts.tls).toBeNull();
    expect(facts.httpRedirect?.outcome).toBe("none");
    // Without the option the probe refuses the loopback address.
    expect((await probeStorefront(store.storefrontUrl, { platform: "shopify" })).status).toBe("refused");
  });
});
