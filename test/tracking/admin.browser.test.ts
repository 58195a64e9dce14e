/**
 * The Order tracking page inside the offline demo's embedded admin, in Chromium: the seeded
 * shipments with their link status, "Fix all links", and a hostile custom-carrier template
 * refused with a clear message. Screenshots go to test-results/screenshots/.
 */
import type { Frame } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SCREENSHOTS, setUpDemoAdmin } from "../support/demo-admin";

const admin = setUpDemoAdmin();

const row = (frame: Frame, name: string) => frame.locator("tr", { hasText: name });

describe("Order tracking admin page", () => {
  it("lists shipments with their link status and fixes them all", async () => {
    await admin.page.setViewportSize({ width: 1440, height: 1100 });
    await admin.page.goto(admin.demo.adminUrl);
    await admin.page.locator("#app-nav a", { hasText: "Order tracking" }).click();
    const frame = await admin.appFrame();
    await frame.getByRole("heading", { name: "Recent shipments" }).waitFor({ timeout: 30_000 });
    await expect(row(frame, "#1003").innerText()).resolves.toContain("Needs a link");
    await expect(row(frame, "#1005").innerText()).resolves.toContain("Unknown carrier");
    await expect(row(frame, "#1006").innerText()).resolves.toContain("Missing number");
    await admin.page.screenshot({ path: `${SCREENSHOTS}/tracking-admin-before-en.png` });

    await frame.getByRole("button", { name: /Fix all links|Writes the carrier link/ }).click();
    await frame.getByText("3 of 3 links fixed.").waitFor({ timeout: 30_000 });
    // The banner comes with the action's answer; the rows with the reload that follows it.
    await row(frame, "#1003").getByText("Fixed by Rassure").waitFor({ timeout: 30_000 });
    await expect(row(frame, "#1008").innerText()).resolves.toContain("UPS");
    const link = row(frame, "#1008").getByRole("link");
    expect(await link.getAttribute("href")).toBe("https://www.ups.com/track?tracknum=1Z999AA10123456784");
    await admin.page.screenshot({ path: `${SCREENSHOTS}/tracking-admin-fixed-en.png` });
  });

  it("describes the automatic fixing as the box says it is, and follows the box", async () => {
    await admin.page.goto(admin.demo.adminUrl);
    await admin.page.locator("#app-nav a", { hasText: "Order tracking" }).click();
    const frame = await admin.appFrame();
    await frame.getByRole("heading", { name: "Automatic fixing" }).waitFor({ timeout: 30_000 });
    const box = frame.getByLabel("Fix links automatically when you fulfill an order");
    const section = frame.locator(".Polaris-Layout__AnnotatedSection", { hasText: "Automatic fixing" });
    const described = async () => (await section.innerText()).match(/\b(On|Off):/)?.[1];
    expect(await described()).toBe((await box.isChecked()) ? "On" : "Off");
    await box.click();
    expect(await described()).toBe((await box.isChecked()) ? "On" : "Off");
    await box.click();
    expect(await described()).toBe((await box.isChecked()) ? "On" : "Off");
  });

  it("refuses a custom carrier template that is not https, saying why", async () => {
    const frame = await admin.appFrame();
    await frame.getByLabel("Carrier name", { exact: true }).fill("Martin");
    await frame.getByLabel("Tracking page address").fill("javascript:alert(1)//{number}");
    await frame.getByRole("button", { name: "Add carrier" }).click();
    await frame.getByText("The address must start with https://.").waitFor({ timeout: 20_000 });
    await frame.getByLabel("Tracking page address").fill("https://suivi.martin.example/colis/{number}");
    await frame.getByRole("button", { name: "Add carrier" }).click();
    await frame.getByText("https://suivi.martin.example/colis/{number}").waitFor({ timeout: 20_000 });
    expect(admin.pageErrors).toEqual([]);
  });
});
