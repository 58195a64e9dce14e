/**
 * Unsaved work is never lost silently (issue 16 §1), in Debian's Chromium on the offline demo:
 * in the Shopify admin, editing a form shows the admin's contextual save bar (App Bridge
 * <ui-save-bar>, drawn by the dev store's admin as Shopify's does), leaving while it shows asks
 * first, and Save keeps the change across a reload; in wp-admin, the page shows its own
 * "unsaved changes" bar and the browser asks before the window leaves.
 */
import type { Dialog, Frame } from "playwright-core";
import { describe, expect, it } from "vitest";
import { setUpDemoAdmin } from "../support/demo-admin";
import { rassureFrame, wpAdminUrl } from "../support/wp-admin";

const admin = setUpDemoAdmin();

const saveBar = () => admin.page.locator("#save-bar");
const leaveDialog = () => admin.page.locator("#leave-dialog");

async function openApp(locale: "en" | "fr" = "en") {
  const url = new URL(admin.demo.adminUrl);
  if (locale === "fr") url.searchParams.set("locale", "fr");
  await admin.page.goto(url.toString());
  await (await admin.appFrame()).locator(".Polaris-Page").first().waitFor({ timeout: 30_000 });
}

/** Reloads the whole admin and waits for the app's page to be back. */
async function reloadPage(heading: string): Promise<Frame> {
  await admin.page.reload();
  const frame = await admin.appFrame();
  await frame.getByRole("heading", { name: heading, level: 1 }).waitFor({ timeout: 30_000 });
  return frame;
}

async function openPage(nav: string, heading: string): Promise<Frame> {
  const frame = await admin.openNav(nav);
  await frame.getByRole("heading", { name: heading, level: 1 }).waitFor({ timeout: 30_000 });
  return frame;
}

describe("Shopify admin: contextual save bar and leave confirmation", () => {
  it("asks before leaving an edited block, keeps the edit when the merchant stays, and saves it for good", async () => {
    await admin.page.setViewportSize({ width: 1440, height: 1000 });
    await openApp();
    let frame = await openPage("Storefront blocks", "Storefront blocks");
    await expect(saveBar().isVisible()).resolves.toBe(false);

    await frame.getByLabel("Heading (English)").fill("Paid safely, always");
    await saveBar().waitFor({ state: "visible", timeout: 10_000 });
    await expect(saveBar().innerText()).resolves.toContain("Unsaved changes");

    // The admin's own navigation while the bar shows: Shopify asks first.
    await admin.page.locator("#app-nav a", { hasText: "Settings" }).click();
    await leaveDialog().waitFor({ state: "visible" });
    await expect(leaveDialog().innerText()).resolves.toContain("Leave page with unsaved changes?");
    await admin.screenshot("unsaved-leave-dialog-en");
    await leaveDialog().getByRole("button", { name: "Stay" }).click();
    await leaveDialog().waitFor({ state: "hidden" });
    await expect(frame.getByLabel("Heading (English)").inputValue()).resolves.toBe("Paid safely, always");
    expect(new URL(admin.page.url()).pathname).toMatch(/\/app\/blocks$/);

    // Save from the admin's bar: the block is published, the bar goes.
    await saveBar().getByRole("button", { name: "Save" }).click();
    await admin.page.locator("#toasts .toast", { hasText: "Published to your storefront" }).waitFor({ timeout: 30_000 });
    await saveBar().waitFor({ state: "hidden" });

    frame = await reloadPage("Storefront blocks");
    await expect(frame.getByLabel("Heading (English)").inputValue()).resolves.toBe("Paid safely, always");
    expect(admin.pageErrors).toEqual([]);
  }, 180_000);

  it("leaves without saving when the merchant confirms, and Discard puts the form back", async () => {
    await openApp();
    let frame = await openPage("Settings", "Settings");
    const rules = () => frame.getByLabel("Rules to apply");
    const saved = await rules().inputValue();
    await rules().selectOption("EU");
    await saveBar().waitFor({ state: "visible", timeout: 10_000 });

    await admin.page.locator("#app-nav a", { hasText: "Order tracking" }).click();
    await leaveDialog().getByRole("button", { name: "Leave page" }).click();
    frame = await admin.appFrame();
    await frame.getByRole("heading", { name: "Order tracking", level: 1 }).waitFor({ timeout: 30_000 });
    await expect(saveBar().isVisible()).resolves.toBe(false);

    frame = await openPage("Settings", "Settings");
    await expect(rules().inputValue()).resolves.toBe(saved);

    await rules().selectOption("EU");
    await saveBar().getByRole("button", { name: "Discard" }).click();
    await saveBar().waitFor({ state: "hidden" });
    await expect(rules().inputValue()).resolves.toBe(saved);
    expect(admin.pageErrors).toEqual([]);
  }, 180_000);

  it("guards the tracking settings in French and keeps a saved setting after a reload", async () => {
    await openApp("fr");
    let frame = await openPage("Suivi des commandes", "Suivi des commandes");
    const notify = () => frame.getByLabel(/Envoyer au client l'e-mail/);
    const before = await notify().isChecked();
    await notify().click({ force: true });
    await saveBar().waitFor({ state: "visible", timeout: 10_000 });
    await expect(saveBar().innerText()).resolves.toContain("Modifications non enregistrées");

    await admin.page.locator("#app-nav a", { hasText: "Réglages" }).click();
    await expect(leaveDialog().innerText()).resolves.toContain("Quitter la page avec des modifications non enregistrées ?");
    await admin.screenshot("unsaved-leave-dialog-fr");
    await leaveDialog().getByRole("button", { name: "Rester" }).click();

    await saveBar().getByRole("button", { name: "Enregistrer" }).click();
    await admin.page.locator("#toasts .toast", { hasText: "Réglages du suivi enregistrés" }).waitFor({ timeout: 20_000 });
    await saveBar().waitFor({ state: "hidden" });

    frame = await reloadPage("Suivi des commandes");
    await expect(notify().isChecked()).resolves.toBe(!before);
    expect(admin.pageErrors).toEqual([]);
  }, 180_000);
});

describe("Shopify admin: links inside the app while a form is dirty", () => {
  it("asks before a link of the legal texts page leaves an edited draft, and keeps a saved draft", async () => {
    await openApp();
    let frame = await openPage("Legal texts", "Legal texts");
    await frame.getByRole("link", { name: "Prepare a draft" }).first().click();
    const editor = () => frame.getByLabel("Text (HTML)");
    await editor().waitFor({ timeout: 30_000 });
    const draftUrl = admin.page.url();
    const edited = `${await editor().inputValue()}\n<p>Hand-written by the merchant.</p>`;
    await editor().fill(edited);
    await saveBar().waitFor({ state: "visible", timeout: 10_000 });

    // A link inside the app (another language of the draft): App Bridge's leave confirmation.
    await frame.getByRole("link", { name: "English" }).click();
    await leaveDialog().waitFor({ state: "visible" });
    await leaveDialog().getByRole("button", { name: "Stay" }).click();
    await expect(editor().inputValue()).resolves.toBe(edited);
    expect(admin.page.url()).toBe(draftUrl);

    await saveBar().getByRole("button", { name: "Save" }).click();
    await admin.page.locator("#toasts .toast", { hasText: "Draft saved" }).waitFor({ timeout: 30_000 });
    await saveBar().waitFor({ state: "hidden" });
    frame = await reloadPage("Legal texts");
    // Kept as the sanitiser stores it (entities for quotes), the merchant's paragraph included.
    await expect(editor().inputValue()).resolves.toContain("<p>Hand-written by the merchant.</p>");

    // Edited again, then left on purpose: the other language opens.
    await editor().fill(`${await editor().inputValue()}\n<p>Not kept.</p>`);
    await saveBar().waitFor({ state: "visible", timeout: 10_000 });
    await frame.getByRole("link", { name: "English" }).click();
    await leaveDialog().getByRole("button", { name: "Leave page" }).click();
    await expect.poll(() => new URL(frame.url()).searchParams.get("lang"), { timeout: 20_000 }).toBe("en");
    await expect.poll(() => editor().inputValue(), { timeout: 20_000 }).toMatch(/^<h2>1\. Seller/);
    await expect(saveBar().isVisible()).resolves.toBe(false);
    expect(admin.pageErrors).toEqual([]);
  }, 180_000);
});

describe("wp-admin: unsaved changes state and the browser's leave prompt", () => {
  async function openEditor() {
    await admin.page.goto(wpAdminUrl(admin));
    let frame = await rassureFrame(admin);
    await frame.getByRole("link", { name: "Modifier les blocs" }).click();
    frame = await rassureFrame(admin);
    await frame.getByRole("heading", { name: "Blocs de réassurance", level: 1 }).waitFor({ timeout: 30_000 });
    return frame;
  }

  it("shows the unsaved state, asks before wp-admin's menu leaves, and saves for good", async () => {
    await admin.page.setViewportSize({ width: 1440, height: 1000 });
    let frame = await openEditor();
    const heading = () => frame.getByLabel("Titre (Français)", { exact: true }).first();
    const bar = () => frame.locator(".rassure-unsaved-bar");
    await expect(bar().count()).resolves.toBe(0);
    await heading().fill("Payez en toute confiance");
    await bar().waitFor({ state: "visible" });
    await expect(bar().innerText()).resolves.toContain("Modifications non enregistrées");

    const dialogs: string[] = [];
    const dismiss = (dialog: Dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    };
    admin.page.on("dialog", dismiss);
    await admin.page.getByRole("link", { name: "Tableau de bord" }).click();
    await expect.poll(() => dialogs, { timeout: 10_000 }).toEqual(["beforeunload"]);
    admin.page.off("dialog", dismiss);
    // The merchant stayed: the page and the edit are still there.
    expect(new URL(admin.page.url()).searchParams.get("page")).toBe("rassure");
    await expect(heading().inputValue()).resolves.toBe("Payez en toute confiance");
    await admin.screenshot("unsaved-wp-admin-fr");

    await bar().getByRole("button", { name: "Enregistrer" }).click();
    await frame.getByText("Publiés sur votre boutique").waitFor({ timeout: 30_000 });
    await expect(bar().count()).resolves.toBe(0);

    frame = await openEditor();
    await expect(heading().inputValue()).resolves.toBe("Payez en toute confiance");
    expect(admin.pageErrors).toEqual([]);
  }, 180_000);
});
