/**
 * The Order tracking page inside the offline demo's embedded admin, in Chromium: the seeded
 * shipments with their link status, "Fix all links", and a hostile custom-carrier template
 * refused with a clear message. Screenshots go to test-results/screenshots/.
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
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

async function appFrame(): Promise<Frame> {
  const handle = await page.waitForSelector("iframe#app-frame");
  const frame = await handle.contentFrame();
  if (!frame) throw new Error("The admin page has no app iframe");
  return frame;
}

const row = (frame: Frame, name: string) => frame.locator("tr", { hasText: name });

describe("Order tracking admin page", () => {
  it("lists shipments with their link status and fixes them all", async () => {
    await page.setViewportSize({ width: 1440, height: 1100 });
    await page.goto(demo.adminUrl);
    await page.locator("#app-nav a", { hasText: "Order tracking" }).click();
    const frame = await appFrame();
    await frame.getByRole("heading", { name: "Recent shipments" }).waitFor({ timeout: 30_000 });
    await expect(row(frame, "#1003").innerText()).resolves.toContain("Needs a link");
    await expect(row(frame, "#1005").innerText()).resolves.toContain("Unknown carrier");
    await expect(row(frame, "#1006").innerText()).resolves.toContain("Missing number");
    await page.screenshot({ path: `${SCREENSHOTS}/tracking-admin-before-en.png` });

    await frame.getByRole("button", { name: /Fix all links|Writes the carrier link/ }).click();
    await frame.getByText("3 of 3 links fixed.").waitFor({ timeout: 30_000 });
    await expect(row(frame, "#1003").innerText()).resolves.toContain("Fixed by Rassure");
    await expect(row(frame, "#1008").innerText()).resolves.toContain("UPS");
    const link = row(frame, "#1008").getByRole("link");
    expect(await link.getAttribute("href")).toBe("https://www.ups.com/track?tracknum=1Z999AA10123456784");
    await page.screenshot({ path: `${SCREENSHOTS}/tracking-admin-fixed-en.png` });
  });

  it("refuses a custom carrier template that is not https, saying why", async () => {
    const frame = await appFrame();
    await frame.getByLabel("Carrier name", { exact: true }).fill("Martin");
    await frame.getByLabel("Tracking page address").fill("javascript:alert(1)//{number}");
    await frame.getByRole("button", { name: "Add carrier" }).click();
    await frame.getByText("The address must start with https://.").waitFor({ timeout: 20_000 });
    await frame.getByLabel("Tracking page address").fill("https://suivi.martin.example/colis/{number}");
    await frame.getByRole("button", { name: "Add carrier" }).click();
    await frame.getByText("https://suivi.martin.example/colis/{number}").waitFor({ timeout: 20_000 });
    expect(pageErrors).toEqual([]);
  });
});
