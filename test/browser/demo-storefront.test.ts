/**
 * The offline demo end to end in Debian's Chromium: the merchant publishes the blocks from the
 * embedded admin, the dev store's storefront (the URL the demo prints) shows them on the
 * product page at phone and desktop widths (screenshots in test-results/screenshots/, axe-core
 * clean, the blocks fitting the phone), a shopper tracks an order through the "Track my order" block and the app proxy, and
 * the trust checklist's scan has probed that storefront (its HTTPS checks fail, honestly).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { blocksOverflow } from "../support/browser";
import { SCREENSHOTS, setUpDemoAdmin } from "../support/demo-admin";

const admin = setUpDemoAdmin();
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

function storefrontUrl(): string {
  const match = /Its storefront[\s\S]*?(http:\/\/127\.0\.0\.1:\d+)\//.exec(admin.demo.output());
  if (!match) throw new Error(`The demo printed no storefront URL:\n${admin.demo.output()}`);
  return match[1];
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

describe("the demo's storefront", () => {
  it("shows the blocks the merchant publishes from the admin on the product page", async () => {
    const product = `${storefrontUrl()}/products/bougie-figue-cedre`;
    const shopper = await admin.page.context().newPage();
    try {
      // Before publishing, the theme holds the blocks but available_if keeps them out.
      await shopper.goto(product);
      await expect(shopper.locator(".rassure").count()).resolves.toBe(0);

      await admin.page.setViewportSize({ width: 1440, height: 1000 });
      await admin.page.goto(admin.demo.adminUrl);
      const frame = await admin.openNav("Storefront blocks");
      await frame.getByRole("heading", { name: "Payment & security" }).waitFor({ timeout: 30_000 });
      await frame.getByRole("button", { name: "Save and publish" }).first().click();
      await frame.getByText("Published", { exact: true }).waitFor({ timeout: 20_000 });

      for (const width of [390, 1280]) {
        await shopper.setViewportSize({ width, height: width < 500 ? 844 : 900 });
        await shopper.goto(`${product}?locale=fr`);
        await shopper.locator(".rassure--delivery").waitFor();
        for (const selector of [".rassure--delivery", ".rassure--promises", ".rassure--payment", ".rassure--legal"]) {
          await expect(shopper.locator(selector).isVisible(), selector).resolves.toBe(true);
        }
        await expect(shopper.getByRole("heading", { name: "Paiement sécurisé" }).isVisible()).resolves.toBe(true);
        // The extension's stylesheet applies (the blocks are not unstyled markup).
        await expect(shopper.locator(".rassure__icon").first().evaluate((svg) => getComputedStyle(svg).flexShrink)).resolves.toBe("0");
        expect(await blocksOverflow(shopper)).toEqual([]);
        await shopper.screenshot({ path: `${SCREENSHOTS}/demo-storefront-product-fr-${width}.png`, fullPage: true });
        expect(await axeViolations(shopper)).toEqual([]);
      }
      // The visitor switches to English.
      await shopper.goto(`${product}?locale=en`);
      await expect(shopper.getByRole("heading", { name: "Secure payment" }).isVisible()).resolves.toBe(true);
    } finally {
      await shopper.close();
    }
    expect(admin.pageErrors).toEqual([]);
  }, 120_000);

  it("tracks an order through the Track my order block and the app proxy", async () => {
    const shopper = await admin.page.context().newPage();
    try {
      await shopper.setViewportSize({ width: 1280, height: 900 });
      await shopper.goto(`${storefrontUrl()}/pages/suivi-de-commande?locale=fr`);
      await shopper.getByLabel("Numéro de commande").fill("#1001");
      await shopper.getByLabel("Adresse e-mail").first().fill("elodie.marchand@orange.fr");
      await shopper.getByRole("button", { name: "Trouver mes colis" }).click();
      const link = shopper.getByRole("link", { name: "Suivre avec Colissimo" });
      await link.waitFor({ timeout: 20_000 });
      await expect(link.getAttribute("href")).resolves.toBe("https://www.laposte.fr/outils/suivre-vos-envois?code=6A18734592013");
      // The app's answer is drawn inside the shop's theme.
      await expect(shopper.locator("footer.site-footer").isVisible()).resolves.toBe(true);
      await shopper.screenshot({ path: `${SCREENSHOTS}/demo-storefront-track-order-fr.png`, fullPage: true });
    } finally {
      await shopper.close();
    }
  }, 60_000);

  it("is what the trust checklist probed: its HTTPS checks fail on this plain-http storefront instead of being unavailable", async () => {
    await admin.page.goto(admin.demo.adminUrl);
    const frame = await admin.openNav("Trust checklist");
    await frame.getByText("HTTP does not redirect to HTTPS").first().waitFor({ timeout: 60_000 });
    await admin.screenshot("demo-checklist-local-storefront-en");
  }, 90_000);
});
