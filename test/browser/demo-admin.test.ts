/**
 * The offline demo as a newcomer meets it: `dev/demo.ts` runs as a child process (built app,
 * local dev store, real token exchange), Debian's Chromium opens the printed admin URL, and
 * the embedded Rassure admin shows live data from the dev store.
 */
import { describe, expect, it } from "vitest";
import { setUpDemoAdmin } from "../support/demo-admin";

const admin = setUpDemoAdmin();

describe("offline demo in a real browser", () => {
  it("opens the embedded admin with live data from the dev store", async () => {
    await admin.page.goto(admin.demo.adminUrl);
    const frame = await admin.appFrame();
    await frame.getByText("Rassure is connected to Atelier Lumière.").waitFor({ timeout: 20_000 });
    await expect(frame.getByText("Legal pages Shopify holds for your shop").isVisible()).resolves.toBe(true);
    // The seeded shop has no terms of sale: the live policy list says so.
    const policiesCard = frame.locator(".Polaris-ShadowBevel").filter({ hasText: "Legal pages Shopify holds for your shop" });
    const termsRow = policiesCard.locator(".Polaris-InlineStack").filter({ hasText: "Terms of sale" });
    await expect(termsRow.last().innerText()).resolves.toMatch(/^Terms of sale\s+(Critical\s+)?Missing$/); // "Critical": the badge tone read to screen readers
    await expect(frame.getByText("5 of 7 published").isVisible()).resolves.toBe(true);
    // Install started the first checklist scan: Home leads with what matters most.
    await frame.getByText("Terms of sale are missing").first().waitFor({ timeout: 20_000 });
    await admin.screenshot("demo-admin-home-en");
    expect(admin.pageErrors).toEqual([]);
  });

  it("lets only the shop's Shopify admin (and this dev admin) frame the app, with a request id per response", async () => {
    const document = admin.page.waitForResponse((response) => new URL(response.url()).pathname === "/app" && response.request().resourceType() === "document");
    await admin.page.goto(admin.demo.adminUrl);
    const headers = (await document).headers();
    const frameAncestors = headers["content-security-policy"]?.match(/frame-ancestors ([^;]+)/)?.[1].split(/\s+/) ?? [];
    expect(frameAncestors).toEqual(expect.arrayContaining(["https://atelier-lumiere.myshopify.com", "https://admin.shopify.com", new URL(admin.demo.adminUrl).origin]));
    expect(frameAncestors).not.toContain("*");
    expect(headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("draws the app's navigation in the admin sidebar and follows it", async () => {
    const frame = await admin.openNav("Settings");
    await frame.getByRole("heading", { name: "Settings" }).waitFor({ timeout: 20_000 });
    expect(new URL(admin.page.url()).pathname).toMatch(/\/apps\/rassure\/app\/settings$/);
    await admin.screenshot("demo-admin-settings-en");
  });

  it("speaks French when the Shopify admin is in French", async () => {
    const url = new URL(admin.demo.adminUrl);
    url.searchParams.set("locale", "fr");
    await admin.page.goto(url.toString());
    const frame = await admin.appFrame();
    await frame.getByText("Pages légales que Shopify détient pour votre boutique").waitFor({ timeout: 20_000 });
    await expect(admin.page.locator("#app-nav a", { hasText: "Réglages" }).isVisible()).resolves.toBe(true);
    await admin.screenshot("demo-admin-home-fr");
    expect(admin.pageErrors).toEqual([]);
  });
});

describe("language across navigation", () => {
  it("stays in French when the merchant moves between pages of the app", async () => {
    const url = new URL(admin.demo.adminUrl);
    url.searchParams.set("locale", "fr");
    await admin.page.goto(url.toString());
    await (await admin.appFrame()).getByText("Pages légales que Shopify détient pour votre boutique").waitFor({ timeout: 20_000 });
    const frame = await admin.openNav("Réglages");
    await frame.getByRole("heading", { name: "Réglages" }).waitFor({ timeout: 20_000 });
  });
});
