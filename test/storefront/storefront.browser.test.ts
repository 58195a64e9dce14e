/**
 * The blocks inside a realistic product page in Debian's Chromium: screenshots at phone and
 * desktop widths (test-results/screenshots/), axe-core with zero violations, no layout shift,
 * Rassure's blocks fitting a phone's width (the fonts are fixed: test/support/browser.ts), hostile
 * merchant text shown as text.
 */
import { mkdirSync } from "node:fs";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "../support/axe";
import { blocksOverflow, launchChromium, layoutShift, openWatchingLayoutShift } from "../support/browser";
import { fullConfig, hostileConfig, render } from "./fixtures";
import { productPageHtml, serveProductPages } from "./product-page";

const SCREENSHOTS = "test-results/screenshots";

let context: BrowserContext;
let site: Awaited<ReturnType<typeof serveProductPages>>;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const hostile = hostileConfig();
  const hostileBlocks = await Promise.all(["promises", "contact", "legal", "trust-bar"].map((h) => render(h, hostile, { locale: "fr" })));
  site = await serveProductPages({
    "/products/bougie-lumiere": await productPageHtml({ withBlocks: true, locale: "fr" }),
    "/en/products/bougie-lumiere": await productPageHtml({ withBlocks: true, locale: "en" }),
    "/hostile": `<!doctype html><html lang="fr"><head><title>x</title><link rel="stylesheet" href="/assets/rassure.css"></head><body><main>${hostileBlocks.join("")}</main></body></html>`,
  });
  context = await launchChromium();
}, 120_000);

afterAll(async () => {
  await context?.close();
  await site?.close();
});

async function open(path: string, width: number): Promise<Page> {
  return (await openWatchingLayoutShift(context, site.url + path, width)).page;
}

describe.each([
  ["fr", "/products/bougie-lumiere"],
  ["en", "/en/products/bougie-lumiere"],
])("product page with the blocks (%s)", (locale, path) => {
  it.each([390, 1280])("at %ipx: screenshot, zero axe violations, no layout shift, the blocks fit", async (width) => {
    const page = await open(path, width);
    try {
      await page.screenshot({ path: `${SCREENSHOTS}/storefront-product-${locale}-${width}.png`, fullPage: true });
      expect(await page.locator(".rassure").count()).toBe(8);
      expect(await axeViolations(page)).toEqual([]);
      expect(await layoutShift(page)).toBe(0);
      expect(await blocksOverflow(page)).toEqual([]);
      // The blocks inherit the theme's font and text colour.
      const styles = await page.evaluate(() => {
        const body = getComputedStyle(document.body);
        const label = getComputedStyle(document.querySelector(".rassure--promises .rassure__label")!);
        return { same: body.fontFamily === label.fontFamily && body.color === label.color };
      });
      expect(styles.same).toBe(true);
    } finally {
      await page.close();
    }
  }, 60_000);
});

describe("the blocks' fit", () => {
  it("is measured on the blocks themselves: a block wider than a phone is caught", async () => {
    const page = await open("/products/bougie-lumiere", 390);
    try {
      // A block wider than the phone, and a part pushed out of its block without moving anything else.
      await page.addStyleTag({ content: ".rassure--promises{min-width:480px}.rassure--legal a{position:relative;left:600px}" });
      const problems = await blocksOverflow(page);
      expect(problems.some((p) => p.startsWith("section.rassure.rassure--promises") && p.includes("of a 390px window"))).toBe(true);
      expect(problems.some((p) => / in nav\.rassure\.rassure--legal\S* sticks out/.test(p))).toBe(true);
    } finally {
      await page.close();
    }
  }, 60_000);
});

describe("keyboard", () => {
  it("reaches the blocks' links with Tab and shows where the focus is", async () => {
    const page = await open("/products/bougie-lumiere", 1280);
    try {
      let inBlock = false;
      for (let i = 0; i < 40 && !inBlock; i++) {
        await page.keyboard.press("Tab");
        inBlock = await page.evaluate(() => !!document.activeElement?.closest(".rassure"));
      }
      expect(inBlock).toBe(true);
      const focus = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement!);
        return { tag: document.activeElement!.tagName, outline: style.outlineStyle, width: style.outlineWidth };
      });
      expect(focus).toEqual({ tag: "A", outline: "solid", width: "2px" });
    } finally {
      await page.close();
    }
  }, 60_000);
});

describe("hostile merchant text in the browser", () => {
  it("is displayed as text and runs nothing", async () => {
    const page = await open("/hostile", 1280);
    try {
      const dialogs: string[] = [];
      page.on("dialog", (d) => void (dialogs.push(d.message()), d.dismiss()));
      expect(await page.locator("main script").count()).toBe(0);
      expect(await page.locator("[onmouseover]").count()).toBe(0);
      await page.locator(".rassure__label").first().hover();
      expect(await page.locator(".rassure--promises .rassure__title").innerText()).toContain('<script>alert("x")</script>');
      expect(dialogs).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);

  it("keeps the full configuration unchanged by the hostile fixture", () => {
    expect(fullConfig().contact.email).toBe("bonjour@atelier-lumiere.fr");
  });
});
