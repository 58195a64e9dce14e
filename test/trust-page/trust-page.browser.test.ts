/**
 * The public trust page in Debian's Chromium, on both demo storefronts: Shopify's app proxy
 * answer rendered inside the dev store's theme (/apps/rassure/trust) and the WooCommerce
 * plugin's page on the stand-in (/rassure-confiance/). Screenshots at 390 px and desktop
 * (test-results/screenshots/trust-page-*.png); the page's structure and backed facts, a title
 * clearly larger than the text, zero axe violations in the page, no layout shift, nothing wider
 * than a phone, no script of ours, and the trust bar's link leading to the page.
 */
import { mkdirSync } from "node:fs";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { toPublishedConfig, TRUST_PAGE_SECTIONS, type StorefrontConfig } from "../../app/storefront/config";
import { loadStorefrontConfig, saveAndPublishStorefrontConfig } from "../../app/storefront/storefront.server";
import { startWooCommerceDevStore, type WooCommerceDevStore } from "../../dev/woocommerce-dev-store";
import { axeViolations } from "../support/axe";
import { blocksOverflow, launchChromium, layoutShift, openWatchingLayoutShift } from "../support/browser";
import { startStorefrontHarness, type StorefrontHarness } from "../support/storefront-harness";
import { fullConfig, SHIPPING_BACKING, VERIFIED_COMPANY } from "../storefront/fixtures";

const SCREENSHOTS = "test-results/screenshots";
/** The scan the pages state: finished just now, grade B, HTTPS reported on. */
const SCAN_GRADE = "B";

let context: BrowserContext;
let harness: StorefrontHarness;
let woo: WooCommerceDevStore;

function trustConfig(): StorefrontConfig {
  const config = fullConfig();
  config.trustPage = { enabled: true, sections: [...TRUST_PAGE_SECTIONS] };
  config.bar.trustPageLink = true;
  return config;
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  harness = await startStorefrontHarness();
  const { store, adapter } = harness;
  const shop = await prisma.shop.findFirstOrThrow({ where: { platform: "shopify", domain: store.shopDomain } });
  // The latest finished scan is the one the page states. The install's own scan runs in the
  // background and, when it completes, clears older scans' snapshots: wait for it, then add ours.
  const deadline = Date.now() + 60_000;
  const installScanDone = () => prisma.checklistScan.count({ where: { shopDomain: store.shopDomain, status: { in: ["done", "failed"] } } });
  while ((await installScanDone()) === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
  await prisma.checklistScan.create({
    data: {
      platform: "shopify",
      shopDomain: store.shopDomain,
      trigger: "manual",
      status: "done",
      grade: SCAN_GRADE,
      startedAt: new Date(),
      finishedAt: new Date(),
      snapshot: JSON.stringify({ facts: { storefrontHttps: true, timeZone: "Europe/Paris" } }),
    },
  });
  await saveAndPublishStorefrontConfig(shop.id, trustConfig(), (await loadStorefrontConfig(shop.id)).version, adapter, "Europe/Paris");
  // The trust bar embed switched on in the published theme.
  const settings = store.state.themes.find((t) => t.role === "MAIN")!.files.find((f) => f.filename === "config/settings_data.json")!;
  settings.content = settings.content.replace(/("type": "shopify:\/\/apps\/rassure\/blocks\/trust-bar\/[^"]+",\s*"disabled": )true/, "$1false");

  woo = await startWooCommerceDevStore();
  const scan = { finishedAt: new Date(), grade: SCAN_GRADE, https: true, timeZone: "Europe/Paris" };
  Object.assign(woo.state.companionPlugin, { active: true, enabled: true, config: toPublishedConfig(trustConfig(), 1, new Date(), "Europe/Paris", { company: VERIFIED_COMPANY, trustScan: scan, shipping: SHIPPING_BACKING }) });
  context = await launchChromium();
}, 180_000);

afterAll(async () => {
  await context?.close();
  await harness?.close();
  await woo?.close();
});

async function open(url: string, width: number): Promise<Page> {
  const { page, status } = await openWatchingLayoutShift(context, url, width);
  expect(status).toBe(200);
  return page;
}

const platforms = [
  { name: "shopify", page: () => `${harness.store.storefrontUrl}/apps/rassure/trust?locale=fr`, home: () => `${harness.store.storefrontUrl}/?locale=fr`, address: /\/apps\/rassure\/trust/ },
  { name: "woocommerce", page: () => `${woo.url}/rassure-confiance/`, home: () => `${woo.url}/`, address: /\/rassure-confiance\/$/ },
];

describe.each(platforms)("the trust page on the $name demo storefront", (platform) => {
  it.each([390, 1280])("at %ipx: screenshot, the backed facts in their sections, a real page title, axe, no shift, fits", async (width) => {
    const page = await open(platform.page(), width);
    try {
      await page.screenshot({ path: `${SCREENSHOTS}/trust-page-${platform.name}-${width}.png`, fullPage: true });
      const trust = page.locator(".rassure--page");
      expect(await trust.count()).toBe(1);
      // Inside the theme: its header before the page, its footer after.
      const order = await page.evaluate(() => {
        const at = (el: Element | null) => (el ? el.getBoundingClientRect().top + window.scrollY : NaN);
        return { header: at(document.querySelector("header")), page: at(document.querySelector(".rassure--page")), footer: at(document.querySelector("footer")) };
      });
      expect(order.header).toBeLessThan(order.page);
      expect(order.page).toBeLessThan(order.footer);
      expect(await trust.locator("h1").innerText()).toBe("À qui vous achetez");
      const sections = await trust.locator("section h2").allInnerTexts();
      const expected = ["Contact", "Livraison et retours", "Conditions et politiques", "Moyens de paiement", "Connexion sécurisée", "Dernière vérification"];
      expect(sections.filter((title) => title !== "Identité légale")).toEqual(expected);
      const text = await trust.innerText();
      expect(text).toContain("bonjour@atelier-lumiere.fr");
      expect(text).toContain("Retours sous 30 jours");
      // Free shipping from 60 €: backed by the shop's shipping settings on both platforms (WooCommerce has no shipping policy), citing them.
      expect(text).toMatch(/Livraison offerte dès 60,00\s€/);
      expect(text).toMatch(/Selon les réglages d'expédition de la boutique \(vérifié le \d{1,2} \S+ \d{4}\)\./);
      expect(text).not.toContain("Fait main à Lyon"); // a custom promise has no policy behind it
      expect(text).toMatch(new RegExp(`Note ${SCAN_GRADE}, vérifiée le \\d{1,2} \\S+ \\d{4}\\.`));
      expect(text).toMatch(/La boutique est servie en HTTPS \(vérifié le \d{1,2} \S+ \d{4}\)\./);
      if (platform.name === "woocommerce") expect(text).toContain("ATELIER LUMIERE, SIREN 812 345 676");
      // The title reads as a page title: well above the text and the section titles.
      const sizes = await page.evaluate(() => {
        const px = (selector: string) => parseFloat(getComputedStyle(document.querySelector(selector)!).fontSize);
        return { h1: px(".rassure--page h1"), h2: px(".rassure--page h2"), text: px(".rassure--page .rassure__detail") };
      });
      expect(sizes.h1).toBeGreaterThanOrEqual(1.6 * sizes.text);
      expect(sizes.h1).toBeGreaterThan(sizes.h2);
      expect(await trust.locator("script").count()).toBe(0);
      expect(await axeViolations(page, ".rassure--page")).toEqual([]);
      expect(await layoutShift(page)).toBe(0);
      expect(await blocksOverflow(page, ".rassure--page")).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);

  it("is reached from the trust bar's link", async () => {
    const page = await open(platform.home(), 390);
    try {
      await page.locator(".rassure--bar a", { hasText: "Pourquoi nous faire confiance" }).click();
      await page.waitForURL(platform.address);
      expect(await page.locator(".rassure--page h1").innerText()).toBe("À qui vous achetez");
    } finally {
      await page.close();
    }
  }, 60_000);
});
