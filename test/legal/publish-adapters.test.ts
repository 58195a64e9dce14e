/**
 * Publishing legal texts through each platform's adapter, against the local stand-ins:
 * Shopify's shopPolicyUpdate (scope, size limit, creation and replacement) and the companion
 * plugin's legal-pages route on WooCommerce (draft page, then publication into the page the
 * shop's settings name, or as a new page set there).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ShopifyAdapter, ShopifyGraphqlError } from "../../adapters/shopify";
import { tokenAdminGraphql } from "../../adapters/shopify/checklist-token-graphql";
import { WooCommerceAdapter, WooCommerceApiError } from "../../adapters/woocommerce";
import { startShopifyDevStore, type ShopifyDevStore } from "../../dev/shopify-dev-store";
import { startWooCommerceDevStore, type WooCommerceDevStore } from "../../dev/woocommerce-dev-store";
import { devStoreOfflineToken } from "../checklist/support/shopify-token";
import { startTestDevStore } from "../support/dev-store";
import { TEST_APP } from "../support/test-app";

let shopify: ShopifyDevStore;
let woo: WooCommerceDevStore;
let shopifyAdapter: ShopifyAdapter;
let wooAdapter: WooCommerceAdapter;

beforeAll(async () => {
  shopify = await startTestDevStore();
  shopifyAdapter = new ShopifyAdapter(tokenAdminGraphql(shopify.shopDomain, await devStoreOfflineToken(shopify), shopify.fetch));
  woo = await startWooCommerceDevStore({ outboundFetch: (async () => new Response("ok")) as typeof fetch });
  const { consumerKey, consumerSecret } = woo.createKey();
  wooAdapter = new WooCommerceAdapter({ storeUrl: woo.url, consumerKey, consumerSecret }, { backoffMs: 5, timeoutMs: 5_000 });
});
afterAll(async () => {
  await shopify.close();
  await woo.close();
});

describe("Shopify policies", () => {
  it("creates the missing terms of sale, then replaces them and hands back what they replaced", async () => {
    expect(shopifyAdapter.keepsLegalDrafts).toBe(false);
    expect(await shopifyAdapter.readLegalText("terms-of-sale")).toBeNull();
    const first = await shopifyAdapter.saveLegalText("terms-of-sale", { title: "CGV", html: "<h2>1. Vendeur</h2>" }, "publish");
    expect(first).toMatchObject({ ref: "TERMS_OF_SALE", previousHtml: "", url: "https://www.atelier-lumiere.fr/policies/terms-of-sale" });
    const second = await shopifyAdapter.saveLegalText("terms-of-sale", { title: "CGV", html: "<h2>v2</h2>" }, "publish");
    expect(second.previousHtml).toBe("<h2>1. Vendeur</h2>");
    expect(await shopifyAdapter.readLegalText("terms-of-sale")).toMatchObject({ html: "<h2>v2</h2>", title: "Conditions générales de vente" });
    // The storefront serves it and lists it in its footer, as Shopify does for a written policy.
    const page = await fetch(`${shopify.storefrontUrl}/policies/terms-of-sale`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<h2>v2</h2>");
  });

  it("refuses a text over 512 kB with Shopify's TOO_BIG, and keeps the published one", async () => {
    const error = await shopifyAdapter.saveLegalText("legal-notice", { title: "x", html: "x".repeat(513 * 1024) }, "publish").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShopifyGraphqlError);
    expect((error as ShopifyGraphqlError).errors[0].extensions?.code).toBe("TOO_BIG");
    expect((await shopifyAdapter.readLegalText("legal-notice"))?.html).toContain("Mentions légales");
  });

  it("is refused without write_legal_policies (an app that only asked to read policies)", async () => {
    const readOnlyStore = await startShopifyDevStore({ port: 0, app: { ...TEST_APP, scopes: ["read_legal_policies", "read_orders", "read_themes"] } });
    try {
      const readOnly = new ShopifyAdapter(tokenAdminGraphql(readOnlyStore.shopDomain, await devStoreOfflineToken(readOnlyStore), readOnlyStore.fetch));
      expect(await readOnly.readLegalText("legal-notice")).not.toBeNull();
      const error = await readOnly.saveLegalText("privacy", { title: "x", html: "<p>x</p>" }, "publish").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ShopifyGraphqlError);
      expect((error as ShopifyGraphqlError).errors[0].extensions?.code).toBe("ACCESS_DENIED");
    } finally {
      await readOnlyStore.close();
    }
  });
});

describe("WooCommerce pages through the companion plugin", () => {
  it("saves a draft page, then publishes it as the shop's terms page", async () => {
    expect(wooAdapter.keepsLegalDrafts).toBe(true);
    expect(await wooAdapter.readLegalText("terms-of-sale")).toBeNull();
    const draft = await wooAdapter.saveLegalText("terms-of-sale", { title: "Conditions générales de vente", html: "<h2>CGV</h2><script>x()</script>" }, "draft");
    expect(draft).toMatchObject({ url: null, previousHtml: null, draftUrl: `${woo.url}/wp-admin/post.php?post=${draft.ref}&action=edit` });
    expect(await wooAdapter.readLegalText("terms-of-sale")).toBeNull();
    const published = await wooAdapter.saveLegalText("terms-of-sale", { title: "Conditions générales de vente", html: "<h2>CGV</h2>" }, "publish");
    expect(published).toMatchObject({ ref: draft.ref, previousHtml: "", url: `${woo.url}/conditions-generales-de-vente/` });
    expect(woo.state.settings.advanced.find((s) => s.id === "woocommerce_terms_page_id")?.value).toBe(draft.ref);
    // Public like any published page: the checklist's REST read finds it as the terms page.
    const pages = (await (await fetch(`${woo.url}/wp-json/wp/v2/pages?slug=conditions-generales-de-vente`)).json()) as Array<{ content: { rendered: string } }>;
    expect(pages[0].content.rendered).toBe("<h2>CGV</h2>");
  });

  it("publishes into the refund page the shop already has, returning its old text", async () => {
    const before = await wooAdapter.readLegalText("refund");
    expect(before).toMatchObject({ ref: "11", html: expect.stringContaining("14 jours") });
    const saved = await wooAdapter.saveLegalText("refund", { title: "Retours et remboursements", html: "<h2>Rétractation</h2>" }, "publish");
    expect(saved).toMatchObject({ ref: "11", previousHtml: before!.html });
  });

  it("tells the merchant to activate the plugin when it is not active", async () => {
    woo.state.companionPlugin.active = false;
    try {
      const error = await wooAdapter.readLegalText("privacy").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WooCommerceApiError);
      expect((error as WooCommerceApiError).code).toBe("rassure_plugin_missing");
    } finally {
      woo.state.companionPlugin.active = true;
    }
  });
});
