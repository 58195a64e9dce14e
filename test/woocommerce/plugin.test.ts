/**
 * The companion plugin from the Node side: the same published configuration renders the same
 * normalised HTML through the theme extension's Liquid blocks (liquidjs) and through the
 * plugin's PHP renderer (php-cli); the plugin ships the extension's stylesheet and storefront
 * strings unchanged; its wp-admin tokens open the app; every PHP file passes `php -l`; and
 * Debian's phpunit runs the plugin's own tests.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BLOCKS, defaultStorefrontConfig, toPublishedConfig, type StorefrontConfig } from "../../app/storefront/config";
import type { CompanyBadge } from "../../app/legal/company-badge.server";
import { createPreviewRenderer, type PreviewProduct, type PreviewShop } from "../../app/storefront/liquid-preview";
import { readExtensionSources } from "../../app/storefront/extension-sources.server";
import type { TrustScan } from "../../app/trust-page/published";
import { trustPageLiquid } from "../../app/trust-page/trust-page.server";
import { verifyAdminToken } from "../../app/woocommerce/admin-token.server";
import type { ReviewsAggregate } from "../../adapters/reviews-aggregate";
import { BLOCK_HANDLES, FRENCH_SHOP, PARTNER_FACTS, REVIEWED_PRODUCT, SHOP_REVIEWS, STORE_LOCATION, fullConfig, HOSTILE, hostileConfig, PARIS, render, SHIPPING_BACKING, VERIFIED_COMPANY } from "../storefront/fixtures";
import type { ShippingBacking } from "../../app/storefront/shipping-backing";

const PLUGIN = path.resolve("wordpress/rassure-for-woocommerce");

function php(args: string[], input?: string): string {
  const result = spawnSync("php", args, { input, encoding: "utf8", cwd: PLUGIN, timeout: 60_000 });
  if (result.error) throw new Error(`php-cli is needed for the plugin tests (scripts/system-deps.sh installs it): ${result.error.message}`);
  if (result.status !== 0) throw new Error(`php ${args.join(" ")} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

interface Case {
  handle: string;
  config: StorefrontConfig | null;
  locale: "en" | "fr";
  shop: PreviewShop;
  now: Date;
  company?: CompanyBadge;
  product?: PreviewProduct | null;
  /** The last scan the trust page states. */
  scan?: TrustScan | null;
  /** Off product pages (the reviews block then shows the shop-wide aggregate). */
  offProductPage?: boolean;
  shopReviews?: ReviewsAggregate | null;
  source?: "auto" | "shop";
  /** The shop's shipping settings as last read (default: free from 60 €, backing the fixtures' promise). */
  shipping?: ShippingBacking | null;
}

/** Where the trust bar's link goes: Shopify's app proxy address (with the shopper's language), given to the plugin as its own page's URL. */
const trustPageUrl = (locale: string) => `/apps/rassure/trust?locale=${locale}`;
const liquidPage = createPreviewRenderer(readExtensionSources());

/** Whitespace between tags and equivalent entity spellings (WordPress &#039;/&#038;, Ruby &#39;/&amp;) are not differences. */
function normalise(html: string): string {
  return html
    .replace(/&#0?39;/g, "&#39;")
    .replace(/&#0?38;/g, "&amp;")
    // The Liquid answer also turns merchant braces into entities so Shopify cannot evaluate them.
    .replace(/&#123;/g, "{")
    .replace(/&#125;/g, "}")
    .replace(/>\s+</g, "><")
    .replace(/\s+/g, " ")
    .trim();
}

/** The Liquid `product`: absent off product pages; on one, the reviewed product unless the case names another (null: no review metafields). */
const liquidProductOf = (c: Case) => (c.offProductPage ? undefined : c.product === undefined ? REVIEWED_PRODUCT : c.product);

/** The same for the plugin: null off product pages; a product without ratings has none. */
const productOf = (c: Case) => {
  if (c.offProductPage) return null;
  const product = liquidProductOf(c);
  return product ? { rating: product.rating, rating_count: product.ratingCount, scale_max: product.scaleMax } : { rating: null, rating_count: 0, scale_max: 5 };
};

async function renderBoth(cases: Case[]): Promise<Array<{ liquid: string; php: string; label: string }>> {
  const published = (c: Case) => (c.config ? toPublishedConfig(c.config, 1, c.now, PARIS, { company: c.company, partners: PARTNER_FACTS, store: STORE_LOCATION, trustScan: c.scan, shipping: c.shipping === undefined ? SHIPPING_BACKING : c.shipping }) : null);
  const requests = cases.map((c) => ({
    handle: c.handle,
    config: published(c),
    trust_page_url: trustPageUrl(c.locale),
    locale: c.locale,
    shop: { payment_types: c.shop.enabledPaymentTypes, policies: c.shop.policies, money_format: c.shop.moneyFormat, origin: c.shop.origin ?? null, country: c.shop.countryCode ?? "" },
    settings: { tone: "soft", alignment: "center", source: c.source ?? "auto" },
    block_id: "wc",
    now: Math.floor(c.now.getTime() / 1000),
    timezone: PARIS,
    product: productOf(c),
    shop_reviews: c.shopReviews ?? null,
  }));
  const phpOut = JSON.parse(php(["tests/render.php"], JSON.stringify(requests))) as string[];
  return Promise.all(
    cases.map(async (c, i) => ({
      label: `${c.handle} ${c.locale} ${c.now.toISOString()}`,
      liquid:
        c.handle === "trust-page"
          ? await liquidPage.renderLiquid(trustPageLiquid(published(c)!, c.locale), { config: null, locale: c.locale, shop: c.shop, timeZone: PARIS, now: c.now })
          : await render(
              c.handle,
              c.config,
              { locale: c.locale, shop: c.shop, now: c.now, settings: { tone: "soft", alignment: "center", source: c.source ?? "auto" }, blockId: "wc", product: liquidProductOf(c), shopReviews: c.shopReviews ?? null },
              c.company ?? null,
            ),
      php: phpOut[i],
    })),
  );
}

const NOW = new Date("2026-11-23T10:00:00Z");

describe("parity: Liquid blocks and the PHP plugin render the same HTML", () => {
  it("every block, both languages, full and default configurations", async () => {
    const cases: Case[] = [];
    for (const handle of BLOCK_HANDLES) {
      for (const locale of ["en", "fr"] as const) {
        for (const config of [fullConfig(), defaultStorefrontConfig()]) cases.push({ handle, config, locale, shop: FRENCH_SHOP, now: NOW });
      }
    }
    for (const pair of await renderBoth(cases)) expect(normalise(pair.php), pair.label).toBe(normalise(pair.liquid));
  });

  it("the legal block's verified company, both languages, and a hostile name", async () => {
    const cases: Case[] = [
      ...(["en", "fr"] as const).map((locale) => ({ handle: "legal", config: fullConfig(), locale, shop: FRENCH_SHOP, now: NOW, company: VERIFIED_COMPANY })),
      { handle: "legal", config: fullConfig(), locale: "fr", shop: FRENCH_SHOP, now: NOW, company: { ...VERIFIED_COMPANY, name: HOSTILE } },
    ];
    for (const pair of await renderBoth(cases)) {
      expect(pair.php, pair.label).toContain("rassure__company");
      expect(normalise(pair.php), pair.label).toBe(normalise(pair.liquid));
    }
  });

  it("the reviews summary: rounding, one review, no review, no product, both languages", async () => {
    const products: Array<PreviewProduct | null> = [
      { rating: 4.66, scaleMax: 5, ratingCount: 128 },
      { rating: 4.95, scaleMax: 5, ratingCount: 2 },
      { rating: 5, scaleMax: 5, ratingCount: 1 },
      { rating: 3.04, scaleMax: 10, ratingCount: 7 },
      { rating: 0, scaleMax: 5, ratingCount: 0 },
      null,
    ];
    const cases: Case[] = products.flatMap((product) => (["en", "fr"] as const).map((locale) => ({ handle: "reviews", config: fullConfig(), locale, shop: FRENCH_SHOP, now: NOW, product })));
    const pairs = await renderBoth(cases);
    for (const pair of pairs) expect(normalise(pair.php), pair.label).toBe(normalise(pair.liquid));
    expect(pairs[1].php).toContain("Noté 4,7/5 sur 128 avis");
    expect(pairs[2].php).toContain("Rated 5.0/5 from 2 reviews");
    expect(pairs[4].php).toContain("Rated 5.0/5 from 1 review<");
    expect(pairs[8].php.trim()).toBe("");
    expect(pairs[10].php.trim()).toBe("");
  });

  it("the shop-wide reviews summary: several products, one product, one review, none, not computed, the shop's figure asked for on a product page, both languages", async () => {
    const aggregates: Array<ReviewsAggregate | null> = [
      SHOP_REVIEWS,
      { ...SHOP_REVIEWS, ratingTenths: 45, reviews: 2, products: 1 },
      { ...SHOP_REVIEWS, ratingTenths: 50, reviews: 1, products: 1 },
      { ...SHOP_REVIEWS, ratingTenths: null, scaleMax: null, reviews: 0, products: 0 },
      null,
    ];
    const cases: Case[] = [
      ...aggregates.flatMap((shopReviews) => (["en", "fr"] as const).map((locale) => ({ handle: "reviews", config: fullConfig(), locale, shop: FRENCH_SHOP, now: NOW, offProductPage: true, shopReviews }))),
      { handle: "reviews", config: fullConfig(), locale: "en", shop: FRENCH_SHOP, now: NOW, shopReviews: SHOP_REVIEWS, source: "shop" },
      { handle: "reviews", config: fullConfig(), locale: "en", shop: FRENCH_SHOP, now: NOW, product: null, shopReviews: SHOP_REVIEWS },
    ];
    const pairs = await renderBoth(cases);
    for (const pair of pairs) expect(normalise(pair.php), pair.label).toBe(normalise(pair.liquid));
    expect(pairs[0].php).toContain("Rated 4.6/5 from 128 reviews on 12 products");
    expect(pairs[1].php).toContain("Noté 4,6/5 sur 128 avis, pour 12 produits");
    expect(pairs[2].php).toContain("Rated 4.5/5 from 2 reviews on 1 product<");
    expect(pairs[4].php).toContain("Rated 5.0/5 from 1 review<");
    for (const empty of [6, 7, 8, 9]) expect(pairs[empty].php.trim(), pairs[empty].label).toBe("");
    expect(pairs[10].php).toContain("Rated 4.6/5 from 128 reviews on 12 products");
    // A product page whose product has no rating shows nothing, not the shop's figure.
    expect(pairs[11].php.trim()).toBe("");
  });

  it("hostile merchant text is escaped the same way", async () => {
    const cases = BLOCK_HANDLES.map((handle) => ({ handle, config: hostileConfig(), locale: "fr" as const, shop: FRENCH_SHOP, now: NOW }));
    for (const pair of await renderBoth(cases)) {
      expect(normalise(pair.php), pair.label).toBe(normalise(pair.liquid));
      expect(pair.php).not.toContain("<script");
    }
  });

  it("delivery dates agree around cut-offs, weekends, month ends and the DST change", async () => {
    const instants = ["2026-11-23T07:59:00Z", "2026-11-23T15:30:00Z", "2026-11-27T18:00:00Z", "2026-11-28T09:00:00Z", "2026-12-30T10:00:00Z", "2027-03-26T16:00:00Z", "2027-10-29T23:30:00Z"];
    const zero = fullConfig();
    zero.delivery.processingDays = 0;
    const cases = instants.flatMap((iso) => [fullConfig(), zero].map((config) => ({ handle: "delivery", config, locale: "fr" as const, shop: FRENCH_SHOP, now: new Date(iso) })));
    for (const pair of await renderBoth(cases)) expect(normalise(pair.php), pair.label).toBe(normalise(pair.liquid));
  });

  it("payment claims agree for every scheme and set of payment methods", async () => {
    const origins = ["https://savonnerie.example", "http://savonnerie.example", undefined];
    const types = [["cartes_bancaires", "visa", "master"], ["paypal"], []];
    const withNote = fullConfig();
    withNote.payment.note = { en: "Pay with confidence", fr: "Payez en confiance" };
    const cases: Case[] = origins.flatMap((origin) =>
      types.flatMap((enabledPaymentTypes) =>
        [defaultStorefrontConfig(), withNote].flatMap((config) => (["en", "fr"] as const).map((locale) => ({ handle: "payment", config, locale, shop: { ...FRENCH_SHOP, origin, enabledPaymentTypes }, now: NOW }))),
      ),
    );
    for (const pair of await renderBoth(cases)) expect(normalise(pair.php), pair.label).toBe(normalise(pair.liquid));
  });

  it("disabled blocks and shops without payment types or policies", async () => {
    const off = fullConfig();
    for (const key of BLOCKS) off[key].enabled = false;
    const bare: PreviewShop = { enabledPaymentTypes: [], policies: [], moneyFormat: "€{{amount}}" };
    const cases: Case[] = BLOCK_HANDLES.flatMap((handle) => [
      { handle, config: off, locale: "en" as const, shop: FRENCH_SHOP, now: NOW },
      { handle, config: null, locale: "en" as const, shop: FRENCH_SHOP, now: NOW },
      { handle, config: fullConfig(), locale: "en" as const, shop: bare, now: NOW },
    ]);
    for (const pair of await renderBoth(cases)) expect(normalise(pair.php), pair.label).toBe(normalise(pair.liquid));
  });
});

describe("parity: the trust page (Shopify's Liquid answer and the plugin's page)", () => {
  const SCAN: TrustScan = { finishedAt: new Date("2026-12-03T23:30:00Z"), grade: "B", https: true, timeZone: PARIS };
  const trustConfig = () => {
    const config = fullConfig();
    config.trustPage = { enabled: true, sections: ["identity", "contact", "promises", "policies", "payments", "https", "scan"] };
    return config;
  };
  const noShippingPolicy: PreviewShop = { ...FRENCH_SHOP, policies: FRENCH_SHOP.policies.filter((p) => p.handle !== "shipping_policy") };
  const bare: PreviewShop = { enabledPaymentTypes: [], policies: [], moneyFormat: "€{{amount}}" };

  it("every section, both languages, with and without the company, the scan, the shop's policies and shipping settings backing free shipping", async () => {
    const scans: Array<TrustScan | null> = [SCAN, { ...SCAN, https: false, grade: null }, null];
    const cases: Case[] = [];
    for (const locale of ["en", "fr"] as const) {
      for (const scan of scans) {
        for (const shop of [FRENCH_SHOP, noShippingPolicy, bare]) {
          for (const company of [VERIFIED_COMPANY, undefined]) {
            for (const shipping of [SHIPPING_BACKING, null]) cases.push({ handle: "trust-page", config: trustConfig(), locale, shop, now: NOW, company, scan, shipping });
          }
        }
      }
    }
    const pairs = await renderBoth(cases);
    for (const pair of pairs) expect(normalise(pair.php), pair.label).toBe(normalise(pair.liquid));
    const full = pairs[0].php;
    expect(full).toContain('<h1 class="rassure__title rassure__page-title">Who you are buying from</h1>');
    expect(full).toContain("ATELIER LUMIERE, SIREN 812 345 676");
    expect(full).toContain("The shop is served over HTTPS (checked on 4 December 2026).");
    expect(full).toContain("Grade B, checked on 4 December 2026.");
    // Free shipping from 60: the settings back it (cited with the day they were read), linked to the shipping policy where there is one.
    const citation = '<span class="rassure__detail">Stated by the shop&#39;s shipping settings (checked on 20 November 2026).</span>';
    expect(normalise(full)).toContain(`href="/policies/shipping-policy">Free shipping from 60,00 €</a>${citation}`);
    expect(full).not.toContain("Handmade in Lyon");
    expect(normalise(pairs[4].php)).toContain(`<span class="rassure__label">Free shipping from 60,00 €</span>${citation}`); // no shipping policy: the settings alone
    expect(normalise(pairs[8].php)).toContain("rassure-trust-promises"); // no policy at all, the settings still back it
    // Settings that do not back it: the amount is not published, the plain promise needs the shipping policy.
    expect(pairs[1].php).toContain('href="/policies/shipping-policy">Shipping</a>');
    expect(pairs[1].php).not.toContain("Free shipping");
    expect(pairs[5].php).not.toContain("Free shipping");
    expect(pairs[5].php).not.toContain(">Shipping<");
    expect(pairs[9].php).not.toContain("rassure-trust-promises"); // no policy, no backing
  });

  it("the merchant's sections only, and nothing while the page is off", async () => {
    const some = trustConfig();
    some.trustPage.sections = ["contact", "scan"];
    const off = trustConfig();
    off.trustPage.enabled = false;
    const pairs = await renderBoth([
      { handle: "trust-page", config: some, locale: "fr", shop: FRENCH_SHOP, now: NOW, company: VERIFIED_COMPANY, scan: SCAN },
      { handle: "trust-page", config: off, locale: "fr", shop: FRENCH_SHOP, now: NOW, company: VERIFIED_COMPANY, scan: SCAN },
    ]);
    expect(normalise(pairs[0].php)).toBe(normalise(pairs[0].liquid));
    expect(pairs[0].php).toContain("Note B, vérifiée le 4 décembre 2026.");
    expect(pairs[0].php).not.toContain("Entreprise vérifiée");
    expect(pairs[1].php).toBe("");
    expect(pairs[1].liquid.trim()).toBe("");
  });

  it("hostile merchant text is escaped the same way", async () => {
    const hostile = hostileConfig();
    hostile.trustPage = { enabled: true, sections: ["identity", "contact", "promises", "policies", "payments", "https", "scan"] };
    const pairs = await renderBoth([{ handle: "trust-page", config: hostile, locale: "fr", shop: FRENCH_SHOP, now: NOW, company: { ...VERIFIED_COMPANY, name: HOSTILE }, scan: SCAN }]);
    expect(normalise(pairs[0].php)).toBe(normalise(pairs[0].liquid));
    expect(pairs[0].php).not.toContain("<script");
  });

  it("the trust bar's link to the trust page, only while the page is on", async () => {
    const linked = fullConfig();
    linked.bar.trustPageLink = true;
    const pageOn = fullConfig();
    pageOn.bar.trustPageLink = true;
    pageOn.trustPage.enabled = true;
    const pairs = await renderBoth(
      [linked, pageOn].flatMap((config) => (["en", "fr"] as const).map((locale) => ({ handle: "trust-bar", config, locale, shop: FRENCH_SHOP, now: NOW }))),
    );
    for (const pair of pairs) expect(normalise(pair.php), pair.label).toBe(normalise(pair.liquid));
    expect(pairs[0].php).not.toContain("/apps/rassure/trust");
    expect(pairs[2].php).toContain('<a class="rassure__label rassure__link" href="/apps/rassure/trust?locale=en">Why you can trust us</a>');
    expect(pairs[3].php).toContain(">Pourquoi nous faire confiance</a>");
  });
});

describe("the plugin ships the storefront contract unchanged", () => {
  it("same stylesheet and storefront strings as the theme extension (scripts/sync-plugin-assets.mjs writes them)", () => {
    const check = spawnSync(process.execPath, ["scripts/sync-plugin-assets.mjs", "--check"], { encoding: "utf8" });
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
  });

  it("a token minted by the plugin opens the app's wp-admin page; altered or foreign ones do not", () => {
    const secret = "k".repeat(43);
    const now = Math.floor(Date.now() / 1000);
    const mint = (s: string, shop: string, at: number) => php(["-r", `require 'tests/bootstrap.php'; echo Rassure_Admin::token(${JSON.stringify(s)}, ${JSON.stringify(shop)}, 3, ${at});`]);
    const token = mint(secret, "savonnerie.example", now);
    expect(verifyAdminToken(secret, token, "savonnerie.example")).toMatchObject({ shop: "savonnerie.example", user: 3 });
    expect(verifyAdminToken(secret, token, "other.example")).toBeNull();
    expect(verifyAdminToken("x".repeat(43), token, "savonnerie.example")).toBeNull();
    expect(verifyAdminToken(secret, mint(secret, "savonnerie.example", now - 600), "savonnerie.example")).toBeNull();
  });
});

describe("PHP checks", () => {
  it("php -l passes on every PHP file", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (name.endsWith(".php")) files.push(full);
      }
    };
    walk(PLUGIN);
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const file of files) expect(php(["-l", file])).toContain("No syntax errors");
  });

  it("Debian's phpunit runs the plugin's tests", () => {
    const output = execFileSync("phpunit", ["-c", "phpunit.xml"], { cwd: PLUGIN, encoding: "utf8", timeout: 120_000 });
    expect(output).toMatch(/OK \(\d+ tests, \d+ assertions\)/);
  });
});
