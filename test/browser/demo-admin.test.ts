/**
 * The offline demo as a newcomer meets it: `dev/demo.ts` runs as a child process (built app,
 * local dev store, real token exchange), Debian's Chromium opens the printed admin URL, and
 * the embedded Rassure admin shows live data from the dev store. Screenshots go to
 * test-results/screenshots/.
 */
import { mkdirSync } from "node:fs";
import type { BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser";
import { startDemoProcess, type DemoProcess } from "../support/demo-process";

const SCREENSHOTS = "test-results/screenshots";
let demo: DemoProcess;
let browser: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  demo = await startDemoProcess();
  browser = await launchChromium();
  page = await browser.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

/** The embedded app's iframe (the admin page around it belongs to the dev store). */
async function appFrame(): Promise<Frame> {
  const handle = await page.waitForSelector("iframe#app-frame");
  const frame = await handle.contentFrame();
  if (!frame) throw new Error("The admin page has no app iframe");
  return frame;
}

describe("offline demo in a real browser", () => {
  it("opens the embedded admin with live data from the dev store", async () => {
    await page.goto(demo.adminUrl);
    const frame = await appFrame();
    await frame.getByText("Rassure is connected to Atelier Lumière.").waitFor({ timeout: 20_000 });
    await expect(frame.getByText("Legal pages Shopify holds for your shop").isVisible()).resolves.toBe(true);
    // The seeded shop has no terms of sale: the live policy list says so.
    const termsRow = frame.locator(".Polaris-InlineStack").filter({ hasText: "Terms of sale" });
    await expect(termsRow.last().innerText()).resolves.toMatch(/^Terms of sale\s+(Critical\s+)?Missing$/); // "Critical": the badge tone read to screen readers
    await expect(frame.getByText("5 of 7 published").isVisible()).resolves.toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/demo-admin-home-en.png` });
    expect(pageErrors).toEqual([]);
  });

  it("draws the app's navigation in the admin sidebar and follows it", async () => {
    await page.locator("#app-nav a", { hasText: "Settings" }).click();
    const frame = await appFrame();
    await frame.getByRole("heading", { name: "Settings" }).waitFor({ timeout: 20_000 });
    expect(new URL(page.url()).pathname).toMatch(/\/apps\/rassure\/app\/settings$/);
    await page.screenshot({ path: `${SCREENSHOTS}/demo-admin-settings-en.png` });
  });

  it("speaks French when the Shopify admin is in French", async () => {
    const url = new URL(demo.adminUrl);
    url.searchParams.set("locale", "fr");
    await page.goto(url.toString());
    const frame = await appFrame();
    await frame.getByText("Pages légales que Shopify détient pour votre boutique").waitFor({ timeout: 20_000 });
    await expect(page.locator("#app-nav a", { hasText: "Réglages" }).isVisible()).resolves.toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/demo-admin-home-fr.png` });
    expect(pageErrors).toEqual([]);
  });
});
