/**
 * The checklist's reviews item reads the same facts as the reviews block: on Shopify the
 * aggregate Rassure's job published from the products' `reviews.*` metafields, on WooCommerce
 * the native ratings read at the scan. It passes with the figures as evidence only when the data
 * shows reviews, says "not checked" when no source could be read, and never counts Rassure's blocks.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlatformChecklistFacts } from "../../adapters/checklist-snapshot";
import { aggregateRatings } from "../../adapters/reviews-aggregate";
import { ShopifyAdapter } from "../../adapters/shopify";
import { tokenAdminGraphql } from "../../adapters/shopify/checklist-token-graphql";
import { WooCommerceAdapter } from "../../adapters/woocommerce";
import { evaluateChecklist } from "../../app/checklist/evaluate";
import { probeStorefront } from "../../app/checklist/storefront-probe/probe";
import type { ShopifyDevStore } from "../../dev/shopify-dev-store";
import { startWooCommerceDevStore, type WooCommerceDevStore } from "../../dev/woocommerce-dev-store";
import { fullConfig, render } from "../storefront/fixtures";
import { startTestDevStore } from "../support/dev-store";
import { html, startHttpFixture, type FixtureServer } from "./support/fixture-storefront";
import { devStoreOfflineToken } from "./support/shopify-token";
import { snapshotOf, unreachableStorefront } from "./support/snapshots";

const NOW = new Date("2026-12-04T08:00:00Z");
let shopify: ShopifyDevStore;
let woo: WooCommerceDevStore;
let fixture: FixtureServer;
let shopOwnFixture: FixtureServer;
let rassureBlock: string;
const JUDGE_ME_PAGE = "https://judge.me/reviews/stores/atelier-lumiere";
let shopifyAdapter: ShopifyAdapter;

const reviewsItem = (facts: PlatformChecklistFacts, storefront: Parameters<typeof snapshotOf>[1]) =>
  evaluateChecklist(snapshotOf(facts, storefront), { now: NOW }).results.find((r) => r.id === "tru-customer-reviews")!;

beforeAll(async () => {
  shopify = await startTestDevStore();
  shopifyAdapter = new ShopifyAdapter(tokenAdminGraphql(shopify.shopDomain, await devStoreOfflineToken(shopify), shopify.fetch));
  woo = await startWooCommerceDevStore({ outboundFetch: (async () => new Response("ok")) as typeof fetch });
  // A storefront whose only reviews markup is Rassure's own block, with a rating and a link to a
  // review app's page the probe would count as a review widget on the shop's own markup.
  const config = fullConfig();
  config.reviews.url = JUDGE_ME_PAGE;
  rassureBlock = await render("reviews", config, { locale: "en" });
  const page = (body: string) => html(`<!doctype html><html lang="en"><head><title>Shop</title></head><body><main><h1>Shop</h1>${body}</main></body></html>`);
  fixture = await startHttpFixture({ "/": page(rassureBlock) });
  // The same markup without the class that marks it as Rassure's: the shop's own, so it counts.
  shopOwnFixture = await startHttpFixture({ "/": page(rassureBlock.replace(/class="rassure /g, 'class="')) });
}, 60_000);

afterAll(async () => {
  await shopify?.close();
  await woo?.close();
  await fixture?.close();
  await shopOwnFixture?.close();
});

describe("Shopify", () => {
  it("is 'not checked' before Rassure computed the aggregate and with the storefront unreachable", async () => {
    const facts = await shopifyAdapter.collectChecklistFacts();
    expect(facts.ratings).toBeNull();
    expect(reviewsItem(facts, unreachableStorefront("https://shop.example")).status).toBe("error");
  });

  it("passes with the published aggregate as evidence: '4.6/5 from 73 reviews on 4 products'", async () => {
    await shopifyAdapter.publishReviewsAggregate(await shopifyAdapter.readReviewsAggregate(NOW));
    const facts = await shopifyAdapter.collectChecklistFacts();
    expect(facts.ratings).toMatchObject({ ratingTenths: 46, reviews: 73, products: 4 });
    const item = reviewsItem(facts, unreachableStorefront("https://shop.example"));
    expect(item.status).toBe("pass");
    expect(item.evidence).toEqual([
      { source: "products' reviews.rating / reviews.rating_count (Rassure's daily aggregate)", value: { en: "4.6/5 from 73 reviews on 4 products", fr: "4,6/5 sur 73 avis, pour 4 produits" } },
    ]);
  });

  it("does not pass on an aggregate without reviews, nor on Rassure's own reviews block on the storefront", async () => {
    const none = aggregateRatings([], 6, NOW);
    await shopifyAdapter.publishReviewsAggregate(none);
    const facts = await shopifyAdapter.collectChecklistFacts();
    expect(facts.ratings).toMatchObject({ reviews: 0, ratingTenths: null });
    // The probe had something to count: Rassure's block states a rating and links to a review app.
    expect(rassureBlock).toContain("4.7");
    expect(rassureBlock).toContain(JUDGE_ME_PAGE);
    const probe = (url: string) => probeStorefront(url, { platform: "shopify", allowPrivateAddresses: true, minIntervalMs: 0 });
    // Control: the same markup as the shop's own is evidence, so the check below can fail.
    const shopOwn = reviewsItem(facts, await probe(shopOwnFixture.url));
    expect(shopOwn.status).toBe("pass");
    expect(shopOwn.evidence).toContainEqual({ source: "storefront", value: "review-widget:judge.me" });
    const storefront = await probe(fixture.url);
    expect(storefront.pages.flatMap((p) => p.rassureBlocks)).toContain("reviews");
    const item = reviewsItem(facts, storefront);
    expect(item.status).toBe("warning");
    expect(JSON.stringify(item.evidence ?? [])).not.toContain("4.7");
    expect(JSON.stringify(item.evidence ?? [])).not.toContain("judge.me");
    expect(reviewsItem(facts, unreachableStorefront("https://shop.example")).status).toBe("warning");
  });
});

describe("WooCommerce", () => {
  it("passes on the native ratings of the published products (4.5 × 8 and 4.83 × 6 → 4.6/5 from 14 reviews on 2 products)", async () => {
    const { consumerKey, consumerSecret } = woo.createKey();
    const facts = await new WooCommerceAdapter({ storeUrl: woo.url, consumerKey, consumerSecret }, { allowPrivateAddresses: true, backoffMs: 5, timeoutMs: 5000 }).collectChecklistFacts();
    expect(facts.ratings).toMatchObject({ ratingTenths: 46, scaleMax: 5, reviews: 14, products: 2, productsRead: 2 });
    const item = reviewsItem(facts, unreachableStorefront("https://shop.example"));
    expect(item.status).toBe("pass");
    expect(item.evidence?.[0]).toEqual({ source: "products' average_rating / rating_count", value: { en: "4.6/5 from 14 reviews on 2 products", fr: "4,6/5 sur 14 avis, pour 2 produits" } });
  });

  it("is 'not checked' when the products could not be read and the storefront was not reached", async () => {
    const { consumerKey, consumerSecret } = woo.createKey();
    const facts = await new WooCommerceAdapter({ storeUrl: woo.url, consumerKey, consumerSecret }, { allowPrivateAddresses: true, backoffMs: 5, timeoutMs: 5000 }).collectChecklistFacts();
    expect(reviewsItem({ ...facts, ratings: null }, unreachableStorefront("https://shop.example")).status).toBe("error");
  });
});
