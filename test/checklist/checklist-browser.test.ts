/**
 * The checklist page in the offline demo, in Debian's Chromium: the first visit scans the
 * seeded shop, the page follows the scan to its report, items expand with why / evidence /
 * fix, the merchant attests an item, filters by status, and reads it all in French.
 * Screenshots go to test-results/screenshots/.
 */
import type { Frame } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SCREENSHOTS, setUpDemoAdmin } from "../support/demo-admin";

const admin = setUpDemoAdmin();

function item(frame: Frame, title: string) {
  return frame.locator(".Polaris-Box").filter({ has: frame.getByRole("heading", { name: title, exact: true }) }).last();
}

describe("checklist page in a real browser", () => {
  it("scans on the first visit and shows the report", async () => {
    await admin.page.goto(admin.demo.adminUrl);
    await admin.page.locator("#app-nav a", { hasText: "Trust checklist" }).click();
    const frame = await admin.appFrame();
    // Home shows the score too: wait for what only the checklist page shows.
    await frame.getByText("Needs attention", { exact: true }).waitFor({ timeout: 30_000 });
    await expect(frame.getByText(/\d+\/100 · grade [A-F]/).first().isVisible()).resolves.toBe(true);
    await expect(frame.getByRole("heading", { name: "Legal & compliance" }).isVisible()).resolves.toBe(true);
    const terms = item(frame, "Terms of sale are missing");
    await expect(terms.getByText("To fix").first().isVisible()).resolves.toBe(true);
    await admin.page.screenshot({ path: `${SCREENSHOTS}/checklist-en.png`, fullPage: true });
    expect(admin.pageErrors).toEqual([]);
  });

  it("expands an item with why, evidence and a fix link into the Shopify admin", async () => {
    const frame = await admin.appFrame();
    const terms = item(frame, "Terms of sale are missing");
    const toggle = terms.getByRole("button", { name: "Details" });
    await toggle.focus();
    await admin.page.keyboard.press("Enter"); // keyboard works
    await terms.getByText("Why it matters").waitFor();
    await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("true");
    await expect(terms.getByRole("link", { name: "Fix it" }).getAttribute("href")).resolves.toBe("https://admin.shopify.com/store/atelier-lumiere/settings/legal");
  });

  it("records an attestation for what no API can see", async () => {
    const frame = await admin.appFrame();
    const twoFactor = item(frame, "Two-factor authentication on every staff account");
    await twoFactor.getByRole("button", { name: "Details" }).click();
    await twoFactor.getByLabel("Evidence (link, date or short statement)").fill("Two-step required for all staff since March 2026");
    await twoFactor.getByRole("button", { name: "Confirm", exact: true }).click();
    await frame.getByText("Thanks, your confirmation is recorded.").waitFor({ timeout: 15_000 });
    await item(frame, "Two-factor authentication on every staff account").getByText("Confirmed by you", { exact: true }).waitFor({ timeout: 15_000 });
    await admin.page.screenshot({ path: `${SCREENSHOTS}/checklist-attested-en.png`, fullPage: true });
  });

  it("each category's counter counts exactly the Done and Confirmed badges below it", async () => {
    const frame = await admin.appFrame();
    const cards = frame.locator(".Polaris-ShadowBevel").filter({ has: frame.locator("h2[id^='checklist-category-']") });
    expect(await cards.count()).toBe(7);
    let confirmed = 0;
    for (const card of await cards.all()) {
      const [, done, total] = /(\d+) of (\d+) done/.exec(await card.getByText(/^\d+ of \d+ done$/).innerText())!;
      // A badge reads its tone for screen readers first ("Success\nDone"): the visible label is the last line.
      const badges = (await card.locator(".Polaris-Badge").allInnerTexts()).map((b) => b.trim().split("\n").pop()!.trim());
      const doneBadges = badges.filter((b) => b === "Done" || b === "Confirmed by you");
      confirmed += badges.filter((b) => b === "Confirmed by you").length;
      expect(Number(done)).toBe(doneBadges.length);
      expect(Number(total)).toBeGreaterThanOrEqual(Number(done));
    }
    expect(confirmed).toBe(1); // the attestation just recorded counts as done in its category
  });

  it("filters by status", async () => {
    const frame = await admin.appFrame();
    await frame.getByLabel("Show").selectOption("fail");
    await expect(frame.getByRole("heading", { name: "Terms of sale are missing" }).isVisible()).resolves.toBe(true);
    await expect(frame.getByRole("heading", { name: "Privacy policy gives the GDPR information" }).count()).resolves.toBe(0);
  });

  it("speaks French", async () => {
    // Opened directly on the checklist, in a French admin.
    const url = new URL(admin.demo.adminUrl);
    url.pathname = url.pathname.replace(/\/app$/, "/app/checklist");
    url.searchParams.set("locale", "fr");
    await admin.page.goto(url.toString());
    const frame = await admin.appFrame();
    await frame.getByText(/\d+\/100 · note [A-F]/).waitFor({ timeout: 30_000 });
    await expect(frame.getByRole("heading", { name: "Les conditions générales de vente sont absentes" }).isVisible()).resolves.toBe(true);
    await admin.page.screenshot({ path: `${SCREENSHOTS}/checklist-fr.png`, fullPage: true });
    expect(admin.pageErrors).toEqual([]);
  });
});
