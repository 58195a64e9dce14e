/**
 * Alerts in the offline demo, in a real browser: the Settings section shows where alerts go
 * (the dev store's shop e-mail, read through the Admin API), saves the merchant's choices,
 * refuses a malformed address, sends a test e-mail that arrives in the demo's local mail
 * catcher (its page printed by `npm run demo`), lists it among the recent alerts; the dev
 * store's storefront taken down for two scans sends one alert there; axe-core finds nothing in
 * the section (EN, FR); and the link an alert e-mail carries opens its checklist item. Needs
 * `npm run build`.
 */
import type { Frame } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations } from "../support/axe";
import { SCREENSHOTS, setUpDemoAdmin } from "../support/demo-admin";

const admin = setUpDemoAdmin();

function mailboxUrl(): string {
  const match = /Alert e-mails Rassure sent[^\n]*\n\s+(http:\/\/127\.0\.0\.1:\d+\/)/.exec(admin.demo.output());
  if (!match) throw new Error(`the demo did not print the mail catcher's page:\n${admin.demo.output()}`);
  return match[1];
}

/**
 * Screenshots of the section, on a desktop and on a 390 px phone, scrolled to its heading; at each
 * width the app's page must not scroll sideways. On a phone the admin folds its navigation away
 * and the app gets the whole width (the dev store's admin hides its sidebar below 768 px, as the
 * real admin does), and the phone screenshot is of the frame alone.
 */
async function screenshotSection(frame: Frame, heading: string, name: string) {
  const appFrame = admin.page.locator("iframe#app-frame");
  try {
    for (const [width, height, suffix] of [[1280, 1000, "desktop"], [390, 844, "390"]] as const) {
      await admin.page.setViewportSize({ width, height });
      // The dev admin keeps a 16 px gutter: the app gets 374 px of a 390 px phone.
      if (suffix === "390") await expect(frame.evaluate(() => window.innerWidth)).resolves.toBeLessThanOrEqual(390);
      await frame.getByRole("heading", { name: heading }).evaluate((element) => element.scrollIntoView({ block: "start" }));
      await expect(frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).resolves.toBeLessThanOrEqual(0);
      if (suffix === "390") await appFrame.screenshot({ path: `${SCREENSHOTS}/${name}-${suffix}.png` });
      else await admin.screenshot(`${name}-${suffix}`);
    }
  } finally {
    await admin.page.setViewportSize({ width: 1280, height: 860 });
  }
}

// Each test drives the demo through page loads and scans: on a busy machine, longer than the default 30 s.
describe("alerts in Settings (offline demo)", { timeout: 120_000 }, () => {
  it("shows the shop's e-mail, sends a test e-mail that the demo's mail catcher shows, and lists it", async () => {
    await admin.page.goto(admin.demo.adminUrl);
    const frame = await admin.openNav("Settings");
    await frame.getByRole("heading", { name: "Alerts by e-mail" }).waitFor({ timeout: 20_000 });
    await frame.getByText("Leave empty to use your shop's e-mail in Shopify: camille@atelier-lumiere.fr").waitFor();
    await expect(frame.getByText("Sending e-mail is not set up").count()).resolves.toBe(0); // the demo has its catcher
    await frame.getByText("Sends an e-mail to camille@atelier-lumiere.fr now, to check that alerts reach you.").waitFor();

    await frame.getByRole("button", { name: "Send a test e-mail" }).click();
    await admin.page.locator("#toasts .toast", { hasText: "Test e-mail sent to camille@atelier-lumiere.fr" }).waitFor({ timeout: 20_000 }); // drawn by the admin, outside the app's frame
    await frame.getByText("Sent to camille@atelier-lumiere.fr").waitFor({ timeout: 20_000 });
    await expect(frame.getByText("Test e-mail", { exact: true }).isVisible()).resolves.toBe(true);
    await screenshotSection(frame, "Alerts by e-mail", "alerts-settings-en");
    await expect(frame.locator("#alerts-settings").count()).resolves.toBe(1);
    await expect(axeViolations(frame, "#alerts-settings")).resolves.toEqual([]);

    const mailbox = await admin.page.context().newPage();
    await mailbox.goto(mailboxUrl());
    const row = mailbox.locator("tr", { hasText: "Atelier Lumière: test e-mail from Rassure" });
    await expect(row.locator("td").nth(1).innerText()).resolves.toBe("camille@atelier-lumiere.fr");
    await expect(row.locator("td").nth(3).innerText()).resolves.toBe("en"); // the admin's language
    await row.getByRole("link").click();
    await mailbox.getByRole("heading", { name: "Text part" }).waitFor();
    await expect(mailbox.locator("pre").innerText()).resolves.toContain("/admin/apps/rassure-offline-demo/app/settings");
    const html = mailbox.frameLocator("iframe[title='HTML part']");
    await expect(html.getByRole("heading", { level: 1 }).innerText()).resolves.toBe("Atelier Lumière: test e-mail from Rassure");
    await mailbox.screenshot({ path: `${SCREENSHOTS}/alerts-mailbox.png`, fullPage: true });
    await mailbox.close();
    expect(admin.pageErrors).toEqual([]);
  });

  it("a storefront down on two scans in a row: one e-mail in the mail catcher, linking to the uptime item", async () => {
    const storefrontSwitch = (online: boolean) =>
      fetch(`${new URL(admin.demo.adminUrl).origin}/_dev/storefront`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ online }) }).then((response) => response.json());
    const mailbox = await admin.page.context().newPage();
    const downRows = () => mailbox.goto(mailboxUrl()).then(() => mailbox.locator("tr", { hasText: "cannot be reached" }));
    await admin.page.goto(admin.demo.adminUrl);
    const frame = await admin.openNav("Trust checklist");
    const scanNow = frame.getByRole("button", { name: "Scan now" });
    await scanNow.waitFor({ timeout: 30_000 });
    await expect.poll(() => scanNow.getAttribute("aria-busy"), { timeout: 60_000 }).not.toBe("true"); // the install's scan, storefront up

    await expect(storefrontSwitch(false)).resolves.toEqual({ online: false });
    try {
      for (const probe of [1, 2]) {
        const posted = admin.page.waitForResponse((response) => response.request().method() === "POST" && new URL(response.url()).pathname.endsWith("/app/checklist"));
        await scanNow.click();
        await posted;
        await expect.poll(() => scanNow.getAttribute("aria-busy"), { timeout: 60_000 }).not.toBe("true");
        await expect(frame.getByText("Scan in progress").count()).resolves.toBe(0);
        // The first unreachable probe may be a blip: nothing is sent until the second.
        await expect.poll(async () => (await downRows()).count(), { timeout: probe === 1 ? 3_000 : 20_000 }).toBe(probe === 1 ? 0 : 1);
      }
    } finally {
      await storefrontSwitch(true);
    }

    const row = await downRows();
    await expect(row.locator("td").nth(1).innerText()).resolves.toBe("camille@atelier-lumiere.fr");
    await row.getByRole("link").click();
    await mailbox.getByRole("heading", { name: "Text part" }).waitFor();
    await expect(mailbox.locator("pre").innerText()).resolves.toContain("/admin/apps/rassure-offline-demo/app/checklist?item=ops-uptime-monitoring");
    await mailbox.close();

    // A third scan, storefront back: no new e-mail (the condition cleared; it would alert again only if it came back).
    const posted = admin.page.waitForResponse((response) => response.request().method() === "POST" && new URL(response.url()).pathname.endsWith("/app/checklist"));
    await scanNow.click();
    await posted;
    await expect.poll(() => scanNow.getAttribute("aria-busy"), { timeout: 60_000 }).not.toBe("true");
    const settings = await admin.openNav("Settings");
    await settings.getByText("The storefront cannot be reached on two checks in a row").last().waitFor({ timeout: 20_000 });
    await expect(settings.locator("li", { hasText: "The storefront cannot be reached on two checks in a row" }).count()).resolves.toBe(1);
    expect(admin.pageErrors).toEqual([]);
  });

  it("saves the recipient, the alerts turned off and quiet hours, and refuses a malformed address", async () => {
    await admin.page.goto(admin.demo.adminUrl);
    let frame = await admin.openNav("Settings");
    await frame.getByRole("heading", { name: "Alerts by e-mail" }).waitFor({ timeout: 20_000 });
    const recipient = frame.getByLabel("Send alerts to");

    await recipient.fill("not an address");
    await frame.getByRole("button", { name: "Save alert settings" }).click();
    await frame.getByText("Enter one e-mail address, like name@example.com.").waitFor({ timeout: 20_000 });

    await recipient.fill("alerts@atelier-lumiere.fr");
    await frame.getByLabel("The trust grade drops").uncheck();
    await frame.getByLabel("Quiet hours").check();
    await frame.getByLabel("From", { exact: true }).selectOption("1320");
    await frame.getByLabel("To", { exact: true }).selectOption("420");
    await frame.getByRole("button", { name: "Save alert settings" }).click();
    await admin.page.locator("#toasts .toast", { hasText: "Alert settings saved" }).waitFor({ timeout: 20_000 });

    await admin.page.reload();
    frame = await admin.appFrame();
    await frame.getByRole("heading", { name: "Alerts by e-mail" }).waitFor({ timeout: 20_000 });
    await expect(frame.getByLabel("Send alerts to").inputValue()).resolves.toBe("alerts@atelier-lumiere.fr");
    await expect(frame.getByLabel("The trust grade drops").isChecked()).resolves.toBe(false);
    await expect(frame.getByLabel("The storefront cannot be reached on two checks in a row").isChecked()).resolves.toBe(true);
    await expect(frame.getByLabel("From", { exact: true }).inputValue()).resolves.toBe("1320");
    await expect(frame.getByLabel("To", { exact: true }).inputValue()).resolves.toBe("420");
    await frame.getByText("Times are in your shop's time zone (Europe/Paris)").waitFor();
    expect(admin.pageErrors).toEqual([]);
  });

  it("in French, and the link an alert carries opens its checklist item", async () => {
    const url = new URL(admin.demo.adminUrl);
    url.searchParams.set("locale", "fr");
    await admin.page.goto(url.toString());
    const frame = await admin.openNav("Réglages");
    await frame.getByRole("heading", { name: "Alertes par e-mail" }).waitFor({ timeout: 20_000 });
    await frame.getByRole("button", { name: "Envoyer un e-mail de test" }).waitFor();
    await screenshotSection(frame, "Alertes par e-mail", "alerts-settings-fr");
    await expect(frame.locator("#alerts-settings").count()).resolves.toBe(1);
    await expect(axeViolations(frame, "#alerts-settings")).resolves.toEqual([]);

    const item = new URL(admin.demo.adminUrl);
    item.pathname = item.pathname.replace(/\/app$/, "/app/checklist");
    item.searchParams.set("item", "sec-tls-expiry");
    await admin.page.goto(item.toString());
    const checklist = await admin.appFrame();
    const target = checklist.locator("#checklist-item-sec-tls-expiry");
    await target.waitFor({ timeout: 20_000 });
    await expect(target.getByRole("button", { expanded: true }).count()).resolves.toBe(1);
    await expect(checklist.locator("[id^=checklist-item-] button[aria-expanded=true]").count()).resolves.toBe(1);
    expect(admin.pageErrors).toEqual([]);
  });
});
