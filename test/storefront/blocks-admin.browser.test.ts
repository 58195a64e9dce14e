/**
 * The storefront blocks page inside the offline demo's embedded admin, in Chromium: the live
 * preview renders the extension's Liquid in the browser and follows the merchant's typing,
 * saving publishes, and the theme status shows the embed as off. Screenshots go to
 * test-results/screenshots/.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SCREENSHOTS, setUpDemoAdmin } from "../support/demo-admin";

const admin = setUpDemoAdmin();

describe("storefront blocks admin page", () => {
  it("previews the blocks live from their Liquid and publishes them", async () => {
    await admin.page.setViewportSize({ width: 1440, height: 1100 });
    await admin.page.goto(admin.demo.adminUrl);
    await admin.page.locator("#app-nav a", { hasText: "Storefront blocks" }).click();
    const frame = await admin.appFrame();
    await frame.getByRole("heading", { name: "Payment & security" }).waitFor({ timeout: 30_000 });
    const preview = frame.frameLocator('iframe[data-testid="rassure-preview"]');
    await preview.getByText("Secure payment").waitFor({ timeout: 20_000 });
    await expect(preview.locator("svg title").first().textContent()).resolves.toBe("Visa");

    // Typing updates the preview; hostile text stays text.
    await frame.getByLabel("Heading (English)").fill('Pay <b>safely</b>');
    await preview.getByRole("heading", { name: "Pay <b>safely</b>" }).waitFor({ timeout: 10_000 });
    await expect(preview.locator("b").count()).resolves.toBe(0);

    await frame.getByRole("tab", { name: "Delivery estimate" }).click();
    await preview.getByText(/Estimated delivery (between|on)/).waitFor({ timeout: 10_000 });
    await expect(preview.locator("time").count()).resolves.toBeGreaterThan(0);

    await expect(frame.getByText("Trust bar off").isVisible()).resolves.toBe(true);
    await admin.page.screenshot({ path: `${SCREENSHOTS}/admin-blocks-delivery-en.png` });

    await frame.getByRole("button", { name: "Save and publish" }).first().click();
    await frame.getByText("Published", { exact: true }).waitFor({ timeout: 20_000 });
    await admin.page.screenshot({ path: `${SCREENSHOTS}/admin-blocks-published-en.png` });
    expect(admin.pageErrors).toEqual([]);
  }, 120_000);

  it("a save another tab beat gets a conflict, keeps the merchant's edit, and replaces the other only when asked", async () => {
    const openBlocks = async (page: Page) => {
      await page.goto(admin.demo.adminUrl);
      await page.locator("#app-nav a", { hasText: "Storefront blocks" }).click();
      const frame = await (await page.waitForSelector("iframe#app-frame")).contentFrame();
      if (!frame) throw new Error("no app frame");
      await frame.getByLabel("Heading (English)").waitFor({ timeout: 30_000 });
      return frame;
    };
    const first = await openBlocks(admin.page);
    const otherPage = await admin.page.context().newPage();
    otherPage.on("pageerror", (error) => admin.pageErrors.push(error.message));
    const second = await openBlocks(otherPage);

    await first.getByLabel("Heading (English)").fill("Saved in the first tab");
    await first.getByRole("button", { name: "Save and publish" }).first().click();
    await first.getByText("Published", { exact: true }).waitFor({ timeout: 20_000 });

    await second.getByLabel("Heading (English)").fill("Typed in the second tab");
    await second.getByRole("button", { name: "Save and publish" }).first().click();
    await second.getByText("These blocks were saved elsewhere meanwhile").waitFor({ timeout: 20_000 });
    await expect(second.getByLabel("Heading (English)").inputValue()).resolves.toBe("Typed in the second tab");
    await otherPage.screenshot({ path: `${SCREENSHOTS}/admin-blocks-conflict-en.png` });

    // Nothing was overwritten: the first tab's version is the stored one.
    const reopened = await openBlocks(admin.page);
    await expect(reopened.getByLabel("Heading (English)").inputValue()).resolves.toBe("Saved in the first tab");

    await second.getByRole("button", { name: "Keep my edits, then save them over it" }).click();
    await second.getByRole("button", { name: "Save and publish" }).first().click();
    await second.getByText("Published", { exact: true }).waitFor({ timeout: 20_000 });
    const latest = await openBlocks(admin.page);
    await expect(latest.getByLabel("Heading (English)").inputValue()).resolves.toBe("Typed in the second tab");
    await otherPage.close();
    expect(admin.pageErrors).toEqual([]);
  }, 180_000);
});
