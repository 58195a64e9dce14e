/**
 * Every check evaluated against snapshots built from the real contracts: the Shopify facts
 * come from the batched query answered by the local dev store (validated against the 2026-07
 * schema), the WooCommerce facts from the WooCommerce adapter against its dev store (REST v3
 * contract recordings); storefront facts from the probe of local fixture storefronts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ShopifyAdapter, ShopifyGraphqlError } from "../../adapters/shopify";
import { collectShopifyChecklistFacts } from "../../adapters/shopify/checklist-facts";
import { tokenAdminGraphql } from "../../adapters/shopify/checklist-token-graphql";
import { WooCommerceAdapter } from "../../adapters/woocommerce";
import { evaluateChecklist } from "../../app/checklist/evaluate";
import { CHECKS } from "../../app/checklist/registry";
import type { PlatformChecklistFacts, ShopSnapshot, StorefrontFacts } from "../../adapters/checklist-snapshot";
import { probeStorefront } from "../../app/checklist/storefront-probe/probe";
import { CATEGORIES, type ChecklistReport, type Status } from "../../app/checklist/types";
import type { ShopifyDevStore } from "../../dev/shopify-dev-store";
import { startWooCommerceDevStore, type WooCommerceDevStore } from "../../dev/woocommerce-dev-store";
import { startTestDevStore } from "../support/dev-store";
import { generateTestCertificates, type TestCertificates } from "./support/certs";
import { html, startHttpFixture, startHttpsFixture, type FixtureServer } from "./support/fixture-storefront";
import { devStoreOfflineToken } from "./support/shopify-token";
import { snapshotOf, unreachableStorefront } from "./support/snapshots";
import { GOOD_HEADERS, GOOD_PAGES } from "./support/storefront-pages";

let shopify: ShopifyDevStore;
let woo: WooCommerceDevStore;
let certs: TestCertificates;
let fixture: FixtureServer;
let plainFixture: FixtureServer;
let shopifyFacts: PlatformChecklistFacts;
let wooFacts: PlatformChecklistFacts;
let goodStorefront: StorefrontFacts;
const NOW = new Date("2026-11-23T12:00:00Z");

const statusOf = (report: ChecklistReport, id: string) => report.results.find((r) => r.id === id)?.status;

beforeAll(async () => {
  shopify = await startTestDevStore();
  const graphql = tokenAdminGraphql(shopify.shopDomain, await devStoreOfflineToken(shopify), shopify.fetch);
  shopifyFacts = await new ShopifyAdapter(graphql).collectChecklistFacts();

  woo = await startWooCommerceDevStore({ outboundFetch: (async () => new Response("ok")) as typeof fetch });
  const { consumerKey, consumerSecret } = woo.createKey();
  wooFacts = await new WooCommerceAdapter({ storeUrl: woo.url, consumerKey, consumerSecret }, { allowPrivateAddresses: true, backoffMs: 5, timeoutMs: 5000 }).collectChecklistFacts();

  certs = generateTestCertificates();
  fixture = await startHttpsFixture(certs.valid, {
    "/": html(GOOD_PAGES.home, GOOD_HEADERS),
    "/products/bougie-figue": html(GOOD_PAGES.product),
    "/cart": html(GOOD_PAGES.cart),
    "/pages/contact": html(GOOD_PAGES.contact),
  });
  plainFixture = await startHttpFixture({ "/": (_q, r) => r.writeHead(301, { Location: `${fixture.url}/` }).end() });
  goodStorefront = await probeStorefront(fixture.url, { platform: "shopify", allowPrivateAddresses: true, ca: certs.caPem, minIntervalMs: 0, httpUrl: `${plainFixture.url}/` });
}, 60_000);

afterAll(async () => {
  await shopify?.close();
  await woo?.close();
  await fixture?.close();
  await plainFixture?.close();
  certs?.cleanup();
});

describe("Shopify collector (one batched query against the dev store)", () => {
  it("maps the seeded shop into platform-neutral facts and reports the query cost", () => {
    expect(shopifyFacts).toMatchObject({
      platform: "shopify",
      shopDomain: "atelier-lumiere.myshopify.com",
      adminBaseUrl: "https://admin.shopify.com/store/atelier-lumiere/",
      countryCode: "FR",
      storefrontUrl: "https://www.atelier-lumiere.fr",
      storefrontHttps: true,
      storefrontLocked: false,
      taxesIncluded: true,
      shipsToCountries: ["FR", "BE", "LU", "CH", "DE"],
    });
    expect(shopifyFacts.legalPages.map((p) => p.kind).sort()).toEqual(["contact", "legal-notice", "privacy", "refund", "shipping"]);
    expect(shopifyFacts.legalPages.find((p) => p.kind === "privacy")?.text).toContain("responsable du traitement");
    expect(shopifyFacts.payments.methods.map((m) => [m.id, m.kind, m.strongAuthentication])).toEqual([["shopify_payments", "card-psp", true], ["paypal", "card-psp", null]]);
    expect(shopifyFacts.theme).toEqual({ name: "Dawn", version: "15.2.0", themeStoreId: 887, footerShowsPolicies: null, footerShowsPaymentIcons: null });
    expect(shopifyFacts.tracking?.shipments).toBeGreaterThan(0);
    expect(shopifyFacts.tracking!.withTrackingUrl).toBeLessThan(shopifyFacts.tracking!.shipments);
    expect(shopifyFacts.cost.requests).toBe(1);
    expect(shopifyFacts.cost.queryCost).toBeGreaterThan(0);
    console.info(`[checklist] Shopify collector: 1 request, query cost ${shopifyFacts.cost.queryCost}`);
  });

  it("surfaces throttling and a revoked token as ShopifyGraphqlError", async () => {
    const graphql = tokenAdminGraphql(shopify.shopDomain, await devStoreOfflineToken(shopify), shopify.fetch);
    shopify.simulate.throttleNext(1);
    const throttled = await collectShopifyChecklistFacts(graphql).catch((e: unknown) => e);
    expect(throttled).toBeInstanceOf(ShopifyGraphqlError);
    expect((throttled as ShopifyGraphqlError).isThrottled).toBe(true);
    const denied = await collectShopifyChecklistFacts(tokenAdminGraphql(shopify.shopDomain, "shpat_not_a_token", shopify.fetch)).catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(ShopifyGraphqlError);
    expect((denied as Error).message).toMatch(/401/);
  });
});

describe("the seeded French shop, storefront unreachable offline", () => {
  let report: ChecklistReport;
  beforeAll(() => {
    report = evaluateChecklist(snapshotOf(shopifyFacts, unreachableStorefront(shopifyFacts.storefrontUrl)), { now: NOW });
  });

  it("evaluates every Shopify check (FR rules apply) in the 7 categories", () => {
    expect(report.jurisdiction).toBe("FR");
    expect(report.results.map((r) => r.id).sort()).toEqual(CHECKS.filter((c) => c.platforms.includes("shopify")).map((c) => c.id).sort());
    expect(new Set(report.results.map((r) => r.category))).toEqual(new Set(CATEGORIES));
    for (const result of report.results) {
      expect(result.title.en).toBeTruthy();
      expect(result.title.fr).toBeTruthy();
      expect(result.summary.en).toBeTruthy();
      expect(result.summary.fr).toBeTruthy();
    }
  });

  it("finds the gaps the seed was built with", () => {
    expect(statusOf(report, "leg-terms-of-sale")).toBe("fail"); // no terms of sale
    expect(statusOf(report, "leg-legal-notice")).toBe("warning"); // no SIREN/RCS/VAT
    expect(report.results.find((r) => r.id === "leg-legal-notice")?.summary.en).toMatch(/SIREN\/SIRET.*RCS\/RM.*VAT number/);
    expect(statusOf(report, "leg-withdrawal-right")).toBe("warning"); // refund policy without the 14-day right
    expect(statusOf(report, "leg-refund-14-days")).toBe("warning");
    expect(statusOf(report, "leg-mediator")).toBe("warning");
    expect(statusOf(report, "pay-trusted-psp")).toBe("pass");
    expect(statusOf(report, "pay-sca-3ds")).toBe("manual_pending"); // PayPal's 3DS cannot be seen
    expect(statusOf(report, "sec-https")).toBe("pass"); // from the API
    // "Displayed" needs the storefront: set in the settings, but not seen.
    expect(statusOf(report, "con-postal-address")).toBe("error");
    expect(statusOf(report, "con-email")).toBe("error");
    expect(statusOf(report, "leg-price-display")).toBe("pass");
    expect(statusOf(report, "del-tracking-link")).toMatch(/warning|fail/);
  });

  it("checks the legal notice names the company and email the shop declares", () => {
    const other = { ...shopifyFacts, contact: { ...shopifyFacts.contact, email: "hello@autre.example", address: { ...shopifyFacts.contact.address!, company: "Autre Maison SARL" } } };
    const result = evaluateChecklist(snapshotOf(other, null), { now: NOW }).results.find((r) => r.id === "leg-legal-notice")!;
    expect(result.status).toBe("warning");
    expect(result.summary.en).toContain('legal name "Autre Maison"');
    expect(result.summary.en).toContain("email hello@autre.example");
  });

  it("says honestly what the offline storefront prevented", () => {
    for (const id of ["sec-http-redirect", "sec-tls-expiry", "sec-hsts", "sec-mixed-content", "con-contact-form", "con-phone", "con-postal-address"]) {
      const result = report.results.find((r) => r.id === id)!;
      expect(result.status).toBe("error");
      expect(result.summary.en).toMatch(/^Not checked: storefront unreachable \(getaddrinfo/);
      expect(result.summary.fr).toMatch(/^Non vérifié : vitrine injoignable/);
    }
  });

  it("never shows Good while a critical item fails, and caps the grade at C", () => {
    expect(report.label).toBe("needs-attention");
    expect(["C", "D", "F"]).toContain(report.grade);
    expect(report.byCategory).toHaveLength(7);
  });

  it("gives fix links into the Shopify admin", () => {
    expect(report.results.find((r) => r.id === "leg-terms-of-sale")?.fix.adminUrl).toBe("https://admin.shopify.com/store/atelier-lumiere/settings/legal");
  });
});

describe("the seeded shop with a well-kept storefront", () => {
  it("turns storefront checks into passes", () => {
    const report = evaluateChecklist(snapshotOf(shopifyFacts, goodStorefront), { now: NOW });
    expect(goodStorefront.status).toBe("ok");
    for (const id of ["sec-http-redirect", "sec-hsts", "sec-mixed-content", "sec-tls-expiry", "leg-cookie-consent", "con-contact-form", "con-social-links", "tru-customer-reviews", "pay-psp-logos", "leg-accessibility", "del-stock-availability"]) {
      expect([id, statusOf(report, id)]).toEqual([id, "pass"]);
    }
    expect(statusOf(report, "sec-security-headers")).toBe("pass");
    expect(report.results.find((r) => r.id === "sec-security-headers")?.informative).toBe(true); // not merchant-configurable on Shopify
  });
});

describe("WooCommerce facts from the WooCommerce dev store", () => {
  it("evaluates the Woo-specific evidence", () => {
    const report = evaluateChecklist(snapshotOf(wooFacts, null), { now: NOW });
    expect(report.platform).toBe("woocommerce");
    expect(report.results.find((r) => r.id === "ops-backups-dr")?.severity).toBe("critical");
    expect(statusOf(report, "sec-debug-off")).toBe("fail"); // hide_errors false in the recording
    expect(statusOf(report, "sec-https")).toBe("fail"); // secure_connection false
    expect(statusOf(report, "pay-trusted-psp")).toBe("pass"); // stripe enabled
    expect(statusOf(report, "leg-data-retention")).toBe("warning");
    expect(report.results.find((r) => r.id === "sec-software-updates")?.evidence.length).toBeGreaterThan(0);
    expect(report.results.find((r) => r.id === "leg-terms-of-sale")?.fix.adminUrl).toBe(`${woo.url}/wp-admin/admin.php?page=wc-settings&tab=advanced`);
  });
});

describe("rules every result follows", () => {
  const snapshots = (): Array<[string, ShopSnapshot]> => [
    ["shopify offline", snapshotOf(shopifyFacts, unreachableStorefront(shopifyFacts.storefrontUrl))],
    ["shopify good storefront", snapshotOf(shopifyFacts, goodStorefront)],
    ["woocommerce", snapshotOf(wooFacts, null)],
  ];

  it("a critical item never fails on low-confidence (keyword) evidence", () => {
    for (const [, snapshot] of snapshots()) {
      for (const result of evaluateChecklist(snapshot, { now: NOW }).results) {
        if (result.severity === "critical" && result.status === "fail") expect([result.id, result.confidence]).not.toEqual([result.id, "low"]);
      }
    }
  });

  it("maps statuses to Site Health as the spec says", () => {
    const mapping: Record<Status, string[]> = { pass: ["good"], manual_attested: ["good"], warning: ["recommended"], manual_pending: ["recommended"], fail: ["critical", "recommended"], not_applicable: ["recommended"], error: ["recommended"] };
    for (const [, snapshot] of snapshots()) {
      for (const r of evaluateChecklist(snapshot, { now: NOW }).results) {
        expect(mapping[r.status]).toContain(r.siteHealthStatus);
        if (r.status === "fail") expect(r.siteHealthStatus).toBe(r.severity === "critical" ? "critical" : "recommended");
      }
    }
  });

  it("locks storefront checks when the storefront is password-protected", () => {
    const report = evaluateChecklist(snapshotOf({ ...shopifyFacts, storefrontLocked: true }, { ...unreachableStorefront(shopifyFacts.storefrontUrl), status: "locked" }), { now: NOW });
    expect(statusOf(report, "sec-hsts")).toBe("not_applicable");
    expect(statusOf(report, "ops-uptime-monitoring")).toBe("not_applicable");
  });
});

describe("jurisdiction", () => {
  const us = (ships: string[]): PlatformChecklistFacts => ({ ...shopifyFacts, countryCode: "US", shipsToCountries: ships });

  it("a US shop selling in the US gets only the rules that apply everywhere", () => {
    const report = evaluateChecklist(snapshotOf(us(["US"]), null), { now: NOW });
    expect(report.jurisdiction).toBe("OTHER");
    const ids = report.results.map((r) => r.id);
    expect(ids).not.toContain("leg-withdrawal-right");
    expect(ids).not.toContain("leg-legal-notice");
    expect(ids).toContain("sec-https");
  });

  it("EU rules follow the consumer: a US shop shipping to Germany gets them; FR rules need a French storefront", () => {
    const toGermany = evaluateChecklist(snapshotOf(us(["US", "DE"]), null), { now: NOW }).results.map((r) => r.id);
    expect(toGermany).toContain("leg-withdrawal-right");
    expect(toGermany).not.toContain("leg-mediator");
    const frenchStorefront = { ...goodStorefront };
    const toFrance = evaluateChecklist(snapshotOf(us(["US", "FR"]), frenchStorefront), { now: NOW }).results.map((r) => r.id);
    expect(toFrance).toContain("leg-mediator");
  });

  it("the merchant's jurisdiction choice wins", () => {
    const report = evaluateChecklist(snapshotOf(shopifyFacts, null), { now: NOW, jurisdiction: "OTHER" });
    expect(report.results.map((r) => r.id)).toContain("leg-withdrawal-right"); // still ships into the EU
    expect(report.jurisdiction).toBe("OTHER");
  });
});
