/**
 * Feedback in the merchant's language (issue 16 §5), in Debian's Chromium on the offline demo:
 * one toast per action, only in the language the merchant reads (choosing French in Settings
 * used to toast in English and in French), and the admin at a phone's width (390 px).
 */
import { describe, expect, it } from "vitest";
import { setUpDemoAdmin } from "../support/demo-admin";

const admin = setUpDemoAdmin();
const toasts = () => admin.page.locator("#toasts .toast");

describe("toasts", () => {
  it("says once, in French only, that the settings are saved when the merchant switches to French", async () => {
    await admin.page.goto(admin.demo.adminUrl.replace(/\/app(\?|$)/, "/app/settings$1"));
    const frame = await admin.appFrame();
    const language = () => frame.locator('select[name="locale"]');
    await language().waitFor({ timeout: 30_000 });
    await language().selectOption("fr");
    await admin.page.locator("#save-bar-save").click();
    await frame.getByRole("heading", { name: "Réglages", level: 1 }).waitFor({ timeout: 20_000 });
    await toasts().first().waitFor({ timeout: 20_000 });
    // Re-renders after the answer (the language changed) must not toast again.
    await admin.page.waitForTimeout(1_500);
    await expect(toasts().allInnerTexts()).resolves.toEqual([expect.stringContaining("Réglages enregistrés")]);

    // Back to the automatic language for the next tests.
    await language().selectOption("auto");
    await admin.page.locator("#save-bar-save").click();
    await admin.page.locator("#toasts .toast", { hasText: "Settings saved" }).waitFor({ timeout: 20_000 });
    expect(admin.pageErrors).toEqual([]);
  }, 120_000);
});

describe("at a phone's width", () => {
  it("keeps the blocks editor's tabs inside a 390 px screen", async () => {
    await admin.page.setViewportSize({ width: 390, height: 844 });
    // The phone layout has no sidebar: the page is opened by its address.
    await admin.page.goto(admin.demo.adminUrl.replace(/\/app(\?|$)/, "/app/blocks$1"));
    const frame = await admin.appFrame();
    await frame.getByRole("heading", { name: "Storefront blocks", level: 1 }).waitFor({ timeout: 30_000 });
    await admin.screenshot("admin-blocks-390");
    const overflow = await frame.evaluate(() => {
      const width = document.documentElement.clientWidth;
      return [...document.querySelectorAll<HTMLElement>('[role="tab"], [role="tablist"]')]
        .map((el) => el.getBoundingClientRect())
        .filter((box) => box.width > 0 && (box.right > width + 0.5 || box.left < -0.5))
        .map((box) => `${Math.round(box.left)}–${Math.round(box.right)} of ${width}`);
    });
    expect(overflow).toEqual([]);
    // A select chooses the block instead of the tabs, and the editor is there.
    await frame.getByLabel("Block", { exact: true }).selectOption({ label: "Promises" });
    await frame.getByRole("heading", { name: "Promises" }).first().waitFor();
    await expect(frame.getByLabel("Heading (English)").isVisible()).resolves.toBe(true);
    expect(await frame.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1)).toBe(true);
  }, 120_000);
});
