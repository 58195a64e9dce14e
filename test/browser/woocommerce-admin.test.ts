/**
 * The WooCommerce side of the offline demo in Debian's Chromium: the demo connects its local
 * WooCommerce store through /wc-auth, and the wp-admin "Rassure" page (the companion plugin's
 * page, played by the dev store) frames the app with a plugin-signed token. The merchant scans
 * the store, publishes the blocks, and edits them with the live preview from inside wp-admin,
 * in French.
 */
import { describe, expect, it } from "vitest";
import { setUpDemoAdmin, SCREENSHOTS } from "../support/demo-admin";
import { rassureFrame as frameIn, wpAdminUrl as wpAdminUrlOf } from "../support/wp-admin";

const admin = setUpDemoAdmin();
const wpAdminUrl = () => wpAdminUrlOf(admin);
const rassureFrame = () => frameIn(admin);

describe("WooCommerce in the offline demo", () => {
  it("opens Rassure inside wp-admin, scans the store and publishes the blocks", async () => {
    await admin.page.goto(wpAdminUrl());
    let frame = await rassureFrame();
    await frame.getByText("Savonnerie du Vieux-Port", { exact: false }).first().waitFor({ timeout: 20_000 });
    await expect(frame.getByText("Connectée").isVisible()).resolves.toBe(true);
    // The store is on plain http: the page says so.
    await expect(frame.getByText("Boutique sans https").isVisible()).resolves.toBe(true);

    await frame.getByRole("button", { name: "Analyser ma boutique" }).click();
    frame = await rassureFrame();
    await frame.getByText(/\d+\/100 \([A-F]\)/).waitFor({ timeout: 30_000 });

    await frame.getByRole("button", { name: "Publier les blocs" }).click();
    frame = await rassureFrame();
    await frame.getByText(/^Publiés le /).waitFor({ timeout: 20_000 });
    await admin.page.screenshot({ path: `${SCREENSHOTS}/woocommerce-wp-admin-fr.png` });
    expect(admin.pageErrors).toEqual([]);
  });

  it("edits a block in wp-admin with the live preview and publishes it to the plugin", async () => {
    await admin.page.setViewportSize({ width: 1440, height: 1100 });
    await admin.page.goto(wpAdminUrl());
    let frame = await rassureFrame();
    await frame.getByRole("link", { name: "Modifier les blocs" }).click();
    frame = await rassureFrame();
    await frame.getByRole("heading", { name: "Blocs de réassurance", level: 1 }).waitFor({ timeout: 30_000 });
    await expect(frame.getByText("Extension Rassure for WooCommerce active").isVisible()).resolves.toBe(true);

    await frame.getByRole("tab", { name: "Engagements" }).click();
    const preview = frame.frameLocator('iframe[data-testid="rassure-preview"]');
    // Typing updates the preview rendered from the blocks' Liquid; hostile text stays text.
    await frame.getByLabel("Titre (Français)", { exact: true }).first().fill("Nos engagements <b>artisanaux</b>");
    await preview.getByRole("heading", { name: "Nos engagements <b>artisanaux</b>" }).waitFor({ timeout: 20_000 });
    await expect(preview.locator("b").count()).resolves.toBe(0);
    await expect(frame.locator(".rassure-unsaved-bar").getByText("Modifications non enregistrées").isVisible()).resolves.toBe(true);

    await frame.getByRole("button", { name: "Enregistrer et publier" }).first().click();
    await frame.getByText("Publiés sur votre boutique").waitFor({ timeout: 20_000 });
    await admin.page.screenshot({ path: `${SCREENSHOTS}/woocommerce-blocks-editor-fr.png` });
    // What the plugin received through its wc-rassure/v1/config route.
    const state = (await (await fetch(new URL("/_dev/state", wpAdminUrl()))).json()) as { companionPlugin: { enabled: boolean; config: { promises: { heading: { fr: string } } } } };
    expect(state.companionPlugin.enabled).toBe(true);
    expect(state.companionPlugin.config.promises.heading.fr).toBe("Nos engagements <b>artisanaux</b>");

    // Back to the overview with the same session.
    await frame.getByRole("link", { name: "Rassure", exact: true }).click();
    frame = await rassureFrame();
    await frame.getByRole("heading", { name: "Connexion" }).waitFor({ timeout: 20_000 });
    expect(admin.pageErrors).toEqual([]);
  }, 120_000);

  it("the connect page checks where keys would be sent: the demo app is on plain http, so it says so", async () => {
    await admin.page.goto(`http://127.0.0.1:${admin.demo.appPort}/woocommerce/connect?locale=fr`);
    // Typed without https:// as merchants do: the form must accept it (no browser URL validation).
    await admin.page.getByLabel("Adresse de la boutique").fill("boutique.example");
    await admin.page.getByRole("button", { name: "Connecter" }).click();
    await admin.page.getByText("WooCommerce n’envoie les clés qu’à une adresse https").waitFor({ timeout: 20_000 });
    expect(admin.pageErrors).toEqual([]);
  });

  it("refuses the app page without a valid token", async () => {
    await admin.page.goto(wpAdminUrl());
    const frameUrl = new URL((await (await admin.page.waitForSelector('iframe[title="Rassure"]')).getAttribute("src"))!);
    frameUrl.searchParams.set("token", "forged.token");
    await admin.page.goto(frameUrl.href);
    await admin.page.getByText("Cette page a expiré").waitFor({ timeout: 20_000 });
  });
});
