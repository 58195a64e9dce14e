/**
 * The checklist never claims what it did not see: every check, on both platforms, with the
 * storefront reached (the platform's own local storefront, a well-kept HTTPS fixture, a bare HTTP
 * one), unreachable, or not visited. A pass always names its evidence (a platform guarantee
 * written down as one); zero observations and unreached sources are "not checked", never done;
 * counters count what the badges show; each platform reads its own texts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ShopifyAdapter } from "../../adapters/shopify";
import { tokenAdminGraphql } from "../../adapters/shopify/checklist-token-graphql";
import { WooCommerceAdapter } from "../../adapters/woocommerce";
import { collectSnapshot } from "../../app/checklist/collect";
import { evaluateChecklist } from "../../app/checklist/evaluate";
import { CHECKS } from "../../app/checklist/registry";
import { categoryProgress } from "../../app/checklist/scoring";
import type { PlatformChecklistFacts, ShopSnapshot, StorefrontFacts } from "../../adapters/checklist-snapshot";
import { plainHttpUrl, probeStorefront } from "../../app/checklist/storefront-probe/probe";
import type { CheckResult, ChecklistReport } from "../../app/checklist/types";
import { main } from "../../cli/index";
import type { ShopifyDevStore } from "../../dev/shopify-dev-store";
import { startWooCommerceDevStore, type WooCommerceDevStore } from "../../dev/woocommerce-dev-store";
import { startTestDevStore } from "../support/dev-store";
import { generateTestCertificates, type TestCertificates } from "./support/certs";
import { html, startHttpFixture, startHttpsFixture, type FixtureServer } from "./support/fixture-storefront";
import { devStoreOfflineToken } from "./support/shopify-token";
import { snapshotOf, unreachableStorefront } from "./support/snapshots";
import { GOOD_HEADERS, GOOD_PAGES } from "./support/storefront-pages";

const NOW = new Date("2026-11-23T12:00:00Z");
const LOCAL = { allowPrivateAddresses: true, minIntervalMs: 0 };

let shopify: ShopifyDevStore;
let woo: WooCommerceDevStore;
let certs: TestCertificates;
let good: FixtureServer;
let bare: FixtureServer;
const facts: Record<"shopify" | "woocommerce" | "woocommerce-rest", PlatformChecklistFacts> = {} as never;
const reached: Record<"shopify" | "woocommerce" | "good" | "bare", StorefrontFacts> = {} as never;

beforeAll(async () => {
  shopify = await startTestDevStore();
  const shopifyAdapter = new ShopifyAdapter(tokenAdminGraphql(shopify.shopDomain, await devStoreOfflineToken(shopify), shopify.fetch));
  const shopifySnapshot = await collectSnapshot(shopifyAdapter, { storefrontUrl: shopify.storefrontUrl, probeOptions: LOCAL, now: NOW });
  facts.shopify = shopifySnapshot.facts;
  reached.shopify = shopifySnapshot.storefront!;

  woo = await startWooCommerceDevStore({ outboundFetch: (async () => new Response("ok")) as typeof fetch });
  const { consumerKey, consumerSecret } = woo.createKey("read");
  const wooAdapter = new WooCommerceAdapter({ storeUrl: woo.url, consumerKey, consumerSecret }, { allowPrivateAddresses: true, backoffMs: 5, timeoutMs: 5_000 });
  const wooSnapshot = await collectSnapshot(wooAdapter, { probeOptions: LOCAL, now: NOW });
  facts.woocommerce = wooSnapshot.facts;
  reached.woocommerce = wooSnapshot.storefront!;
  woo.state.companionPlugin.active = false;
  facts["woocommerce-rest"] = await wooAdapter.collectChecklistFacts();
  woo.state.companionPlugin.active = true;

  certs = generateTestCertificates();
  good = await startHttpsFixture(certs.valid, {
    "/": html(GOOD_PAGES.home, GOOD_HEADERS),
    "/products/bougie-figue": html(GOOD_PAGES.product),
    "/cart": html(GOOD_PAGES.cart),
    "/pages/contact": html(GOOD_PAGES.contact),
  });
  reached.good = await probeStorefront(good.url, { ...LOCAL, platform: "shopify", ca: certs.caPem, now: NOW });
  bare = await startHttpFixture({ "/": html(`<!doctype html><html lang="fr"><head><title>Bientôt</title></head><body><p>Ouverture prochaine.</p></body></html>`) });
  reached.bare = await probeStorefront(bare.url, { ...LOCAL, platform: "woocommerce", now: NOW });
}, 90_000);

afterAll(async () => {
  await shopify?.close();
  await woo?.close();
  await good?.close();
  await bare?.close();
  certs?.cleanup();
});

type Case = { label: string; snapshot: ShopSnapshot; storefrontSeen: boolean };

function cases(): Case[] {
  const all: Case[] = [];
  for (const [name, shopFacts] of Object.entries(facts)) {
    const own = name === "shopify" ? reached.shopify : reached.woocommerce;
    const states: Array<[string, StorefrontFacts | null, boolean]> = [
      ["its own storefront reached", own, true],
      ["a well-kept https storefront reached", reached.good, true],
      ["a bare http storefront reached", reached.bare, true],
      ["storefront unreachable", unreachableStorefront(shopFacts.storefrontUrl), false],
      ["storefront not visited", null, false],
    ];
    for (const [state, storefront, seen] of states) all.push({ label: `${name}, ${state}`, snapshot: { ...snapshotOf(shopFacts, storefront), collectedAt: NOW.toISOString() }, storefrontSeen: seen });
  }
  return all;
}

const evaluate = (snapshot: ShopSnapshot) => evaluateChecklist(snapshot, { now: NOW });

describe("no pass without evidence", () => {
  it("every check, both platforms, storefront reached / unreachable / not visited", () => {
    const problems: string[] = [];
    let passes = 0;
    for (const { label, snapshot, storefrontSeen } of cases()) {
      const report = evaluate(snapshot);
      expect(report.results.length, label).toBe(CHECKS.filter((c) => c.platforms.includes(snapshot.platform) && report.results.some((r) => r.id === c.id)).length);
      for (const result of report.results.filter((r) => r.status === "pass")) {
        passes++;
        if (!result.evidence.length) problems.push(`${label}: ${result.id} passes with no evidence`);
        for (const e of result.evidence) if (e.value === null || e.value === undefined || e.value === "") problems.push(`${label}: ${result.id} has empty evidence ${e.source}`);
        // Zero observations are never a pass ("no problem on 0 pages", "0 cookies").
        const said = [result.summary.en, ...result.evidence.map((e) => (typeof e.value === "string" ? e.value : ""))].join(" | ");
        if (/(?<![\d.,])0 (?:page|cookie|link|order|item|product|script)s?\b|\bno (?:page|cookie)s? (?:was |were )?(?:seen|visited|read)\b/i.test(said)) problems.push(`${label}: ${result.id} passes on zero observations: ${said}`);
        // Without a storefront visit, no pass rests on a storefront page.
        const origin = snapshot.storefront?.origin ?? "\u0000";
        if (!storefrontSeen && result.evidence.some((e) => e.source.startsWith(origin))) problems.push(`${label}: ${result.id} passes on an unvisited storefront`);
      }
    }
    expect(problems).toEqual([]);
    expect(passes).toBeGreaterThan(40); // the matrix really produced passes to inspect
  });

  it("the five items that passed with nothing now write the platform's guarantee down (Shopify) or are not passes", () => {
    for (const storefront of [null, unreachableStorefront(facts.shopify.storefrontUrl)]) {
      const report = evaluate(snapshotOf(facts.shopify, storefront));
      for (const id of ["pay-pci-scope", "sec-debug-off", "leg-order-button-wording", "ops-ddos-waf"]) {
        const result = report.results.find((r) => r.id === id)!;
        expect([id, result.status]).toEqual([id, "pass"]);
        expect(result.evidence[0]).toMatchObject({ source: "platform guarantee", value: { en: expect.stringMatching(/Shopify/), fr: expect.stringMatching(/Shopify/) } });
      }
      expect(report.results.find((r) => r.id === "pay-pci-scope")!.evidence[0].value).toMatchObject({ en: expect.stringContaining("PCI DSS Level 1 service provider") });
      // The ODR item cannot pass on legal pages alone: the footers were not seen.
      expect(report.results.find((r) => r.id === "leg-odr-link-removed")!.status).toBe("error");
    }
  });

  it("`rassure scan --shopify-dev-store --json`, with and without --no-storefront, has no pass without evidence", async () => {
    for (const flags of [["--no-storefront"], []]) {
      let out = "";
      expect(await main(["scan", "--shopify-dev-store", "--json", ...flags], (t) => (out += t), () => undefined)).toBe(0);
      const report = JSON.parse(out) as { results: Array<{ id: string; status: string; evidence: unknown[] }> };
      expect(report.results.filter((r) => r.status === "pass" && r.evidence.length === 0).map((r) => r.id)).toEqual([]);
    }
  }, 60_000);
});

describe("zero observations and unreached sources are 'not checked', never done", () => {
  const result = (report: ChecklistReport, id: string) => report.results.find((r) => r.id === id)!;

  it("no cookie seen is not a pass; no https page is not 'no mixed content on 0 pages'", () => {
    const report = evaluate(snapshotOf(facts.woocommerce, reached.bare));
    expect(reached.bare.cookies).toEqual([]);
    expect(result(report, "sec-cookie-flags")).toMatchObject({ status: "not_applicable", summary: { en: "No cookie was set on the 1 page(s) visited: nothing to check." } });
    expect(result(report, "sec-mixed-content")).toMatchObject({ status: "error", summary: { en: "Not checked: no page was served over HTTPS." } });
  });

  it("TLS: a reached http storefront has no certificate (never 'could not be reached (ok)'); a pass gives the expiry date", () => {
    for (const report of [evaluate(snapshotOf(facts.shopify, reached.shopify)), evaluate(snapshotOf(facts.woocommerce, reached.woocommerce))]) {
      expect(result(report, "sec-tls-expiry")).toMatchObject({ status: "fail", summary: { en: "No certificate: the storefront answered over plain HTTP." } });
      for (const r of report.results) expect([r.id, r.summary.en]).not.toEqual([r.id, expect.stringContaining("(ok)")]);
    }
    const withTls = evaluate(snapshotOf(facts.shopify, reached.good));
    const validTo = reached.good.tls!.validTo!.slice(0, 10);
    expect(result(withTls, "sec-tls-expiry").summary.en).toMatch(new RegExp(`^Valid until \\d{4}-\\d{2}-\\d{2} \\(\\d+ days\\), TLSv1\\.[23]\\.$`));
    expect(Math.abs(Date.parse(result(withTls, "sec-tls-expiry").summary.en.slice(12, 22)) - Date.parse(validTo))).toBeLessThanOrEqual(86_400_000);
    expect(result(withTls, "sec-https").summary.en).toMatch(/^Valid certificate until \d{4}-\d{2}-\d{2}, TLSv1\.[23]\.$/);
  });

  it("dates are the shop's: the certificate's last day in the shop's time zone, not the server's", () => {
    expect(facts.shopify.timeZone).toBe("Europe/Paris"); // Shopify's ianaTimezone
    // A certificate ending at 23:30 UTC ends the next day in Paris, the same day in New York.
    const late: StorefrontFacts = { ...reached.good, tls: { ...reached.good.tls!, validTo: "2027-03-01T23:30:00.000Z" } };
    expect(result(evaluate(snapshotOf(facts.shopify, late)), "sec-tls-expiry").summary.en).toMatch(/^Valid until 2027-03-02 /);
    const newYork = { ...facts.shopify, timeZone: "America/New_York" };
    expect(result(evaluate(snapshotOf(newYork, late)), "sec-tls-expiry").summary.en).toMatch(/^Valid until 2027-03-01 /);
  });

  it("HSTS is scored on Shopify too", () => {
    const hsts = result(evaluate(snapshotOf(facts.shopify, reached.good)), "sec-hsts");
    expect(hsts).toMatchObject({ status: "pass", informative: false });
  });

  it("the phone number is 'not checked: storefront unreachable', never 'displayed', when the storefront was not reached", () => {
    for (const storefront of [unreachableStorefront(facts.shopify.storefrontUrl), null]) {
      const phone = result(evaluate(snapshotOf(facts.shopify, storefront)), "con-phone");
      expect(phone.status).toBe("error");
      expect(phone.summary.en).toMatch(/^Not checked: (storefront unreachable|the storefront was not visited)/);
      expect(phone.summary.en).not.toMatch(/displayed/);
      // What the API does say is kept as evidence.
      expect(phone.evidence[0]).toMatchObject({ source: "CONTACT_INFORMATION (from the API)" });
    }
    // Reached: the number and the hours are quoted from the published pages, with their addresses.
    const seen = result(evaluate(snapshotOf(facts.shopify, reached.shopify)), "con-phone");
    expect(seen.status).toBe("pass");
    expect(seen.evidence.map((e) => e.source)).toEqual([expect.stringMatching(/^https?:\/\//), expect.stringMatching(/^https?:\/\//)]);
  });

  it("software updates: an unknown latest version is 'not checked', never 'everything is on its latest version'", () => {
    const rest = result(evaluate(snapshotOf(facts["woocommerce-rest"], null)), "sec-software-updates");
    expect(rest.status).toBe("warning"); // the theme's newer version is known from wordpress.org
    const unknownTheme: PlatformChecklistFacts = { ...facts["woocommerce-rest"], software: { ...facts["woocommerce-rest"].software, components: facts["woocommerce-rest"].software.components.map((c) => ({ ...c, latestVersion: null })) } };
    const unknown = result(evaluate(snapshotOf(unknownTheme, null)), "sec-software-updates");
    expect(unknown.status).toBe("error");
    expect(unknown.summary.en).toMatch(/^Not checked: WordPress did not tell Rassure the latest version of WordPress, WooCommerce, Storefront/);

    const viaPlugin = result(evaluate(snapshotOf(facts.woocommerce, null)), "sec-software-updates");
    expect(viaPlugin).toMatchObject({ status: "warning", summary: { en: "Updates pending: WordPress, WooCommerce, Storefront." } });
    const current: PlatformChecklistFacts = {
      ...facts.woocommerce,
      software: { ...facts.woocommerce.software, components: facts.woocommerce.software.components.map((c) => ({ ...c, latestVersion: c.kind === "php" ? null : c.version })) },
    };
    const upToDate = result(evaluate({ ...snapshotOf(current, null), collectedAt: NOW.toISOString() }), "sec-software-updates");
    expect(upToDate.status).toBe("pass");
    expect(upToDate.summary.en).toMatch(/^Everything is on its latest version \(WordPress checked on \d{4}-\d{2}-\d{2}\)\.$/);
    // An update check older than a week says nothing about today.
    const stale = { ...current, software: { ...current.software, updatesCheckedAt: "2026-10-01T00:00:00" } };
    expect(result(evaluate({ ...snapshotOf(stale, null), collectedAt: NOW.toISOString() }), "sec-software-updates").status).toBe("error");
  });

  it("the plain-HTTP redirect test goes to port 80, not to the https URL's port", () => {
    expect(plainHttpUrl(new URL("https://shop.example:8443/"))).toBe("http://shop.example/");
    expect(plainHttpUrl(new URL("https://www.atelier-lumiere.fr"))).toBe("http://www.atelier-lumiere.fr/");
    // A development stand-in already on plain HTTP is its own answer.
    expect(plainHttpUrl(new URL("http://127.0.0.1:3101"))).toBe("http://127.0.0.1:3101/");
  });
});

describe("counters, badges and texts", () => {
  it("category counters count exactly the items whose badge says done", () => {
    for (const { label, snapshot } of cases()) {
      const report = evaluate(snapshot);
      for (const category of report.byCategory) {
        const items = report.results.filter((r) => r.category === category.category);
        const badgesDone = items.filter((r) => r.status === "pass" || r.status === "manual_attested").length;
        expect([label, category.category, category.done], "done = Done badges").toEqual([label, category.category, badgesDone]);
        expect([label, category.category, category.total]).toEqual([label, category.category, items.filter((r) => r.status !== "not_applicable").length]);
        expect(categoryProgress(items)).toEqual({ done: category.done, total: category.total });
      }
    }
  });

  it("the CLI table prints the same counts as its PASS marks", async () => {
    let out = "";
    await main(["scan", "--shopify-dev-store", "--no-storefront"], (t) => (out += t), () => undefined);
    // Category headings ("Payment security — 2/4 (67)") start a line; items are indented.
    const blocks = out.split(/\n(?=\S[^\n]* — \d+\/\d+)/).slice(1);
    expect(blocks.length).toBe(7);
    for (const block of blocks) {
      const [, done] = /^[^\n]* — (\d+)\/\d+/.exec(block)!;
      expect(Number(done)).toBe((block.match(/^ {2}(PASS|OK\*) /gm) ?? []).length);
    }
  }, 60_000);

  it("Shopify merchants read no PHP/WordPress advice, WooCommerce merchants no Shopify help pages", () => {
    const shopify = evaluate(snapshotOf(facts.shopify, reached.shopify));
    const wooReport = evaluate(snapshotOf(facts.woocommerce, reached.woocommerce));
    const wordpressy = /\bPHP\b|WordPress|wp-admin|\bplugin|extension WordPress/i;
    for (const r of shopify.results) {
      const check = CHECKS.find((c) => c.id === r.id)!;
      const why = check.whyOn?.shopify ?? check.why;
      for (const words of [r.title, r.summary, why]) expect([r.id, words.en, words.fr].join(" | ")).not.toMatch(wordpressy);
      expect([r.id, r.fix.docsUrl]).not.toEqual([r.id, expect.stringMatching(/wordpress\.org|woocommerce\.com/)]);
    }
    for (const r of wooReport.results) {
      expect([r.id, r.fix.docsUrl]).not.toEqual([r.id, expect.stringMatching(/help\.shopify\.com/)]);
      expect([r.id, r.summary.en]).not.toEqual([r.id, expect.stringMatching(/Shopify/)]);
    }
  });

  it("English texts carry no French typography (no spaces before : ; ! ?, no non-breaking spaces, no guillemets)", () => {
    const french = /[\u00a0\u202f«»]| [:;!?](?=\s|$)/;
    const english = (r: CheckResult) => [r.title.en, r.summary.en, ...r.evidence.map((e) => (typeof e.value === "object" && e.value && "en" in e.value ? String((e.value as { en: string }).en) : ""))];
    for (const { label, snapshot } of cases()) {
      for (const r of evaluate(snapshot).results) for (const line of english(r)) expect([label, r.id, line]).not.toEqual([label, r.id, expect.stringMatching(french)]);
    }
    for (const check of CHECKS) for (const line of [check.title.en, check.failureTitle.en, check.why.en]) expect([check.id, line]).not.toEqual([check.id, expect.stringMatching(french)]);
  });
});
