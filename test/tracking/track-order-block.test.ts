/**
 * The "Track my order" theme block as a shopper meets it: the local dev store's storefront
 * renders the block from the extension's Liquid on its "Suivre ma commande" page, and its app
 * proxy signs and forwards the form to the app's real /proxy/track route, rendering the answer
 * in the theme — used in real Chromium, with no JavaScript on the page.
 */
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readExtensionSources } from "../../app/storefront/extension-sources.server";
import { toPublishedConfig } from "../../app/storefront/config";
import { createPreviewRenderer } from "../../app/storefront/liquid-preview";
import { sharedLimits } from "../../app/limits/shared-store.server";
import type { ShopifyDevStore } from "../../dev/shopify-dev-store";
import { launchChromium } from "../support/browser";
import { startStorefrontHarness, type StorefrontHarness } from "../support/storefront-harness";
import { fullConfig } from "../storefront/fixtures";

let harness: StorefrontHarness;
let store: ShopifyDevStore;
let browser: BrowserContext;

const renderer = createPreviewRenderer(readExtensionSources());
const renderBlock = (locale: "en" | "fr") =>
  renderer.render({ handle: "track-order", config: null, locale, shop: { enabledPaymentTypes: [], policies: [], moneyFormat: "{{amount}} €" }, timeZone: "Europe/Paris", now: new Date(), blockId: "b1" });

beforeAll(async () => {
  harness = await startStorefrontHarness();
  store = harness.store;
  await harness.adapter.publishStorefrontConfig({ config: toPublishedConfig(fullConfig(), 1, new Date(), "Europe/Paris"), enabled: true });
  browser = await launchChromium({ locale: "fr-FR" });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

describe("track-order block markup", () => {
  it("is a plain, labelled form posting to the app proxy, with no script", async () => {
    const html = await renderBlock("fr");
    expect(html).toContain('<form class="rassure__form" action="/apps/rassure/track" method="post">');
    expect(html).toContain('<label class="rassure__label" for="rassure-track-order-b1">Numéro de commande</label>');
    expect(html).toContain('<input id="rassure-track-email-b1" name="email" type="email" required');
    expect(html).toContain('<input type="hidden" name="locale" value="fr">');
    expect(html).toContain('aria-labelledby="rassure-track-b1"');
    expect(html).not.toMatch(/<script|translation missing/);
    expect(await renderBlock("en")).toContain("Track my order");
  });
});

describe("track-order block on the storefront, in a browser", () => {
  it("a shopper finds their parcel link by order number and e-mail, without JavaScript", async () => {
    await sharedLimits.clear();
    const email = store.state.orders.find((o) => o.name === "#1010")!.email!;
    const tab = await browser.newPage();
    await tab.goto(`${store.storefrontUrl}/pages/suivi-de-commande?locale=fr`);
    await tab.getByLabel("Numéro de commande").fill("1010");
    await tab.getByLabel("Adresse e-mail").fill(email);
    await tab.getByRole("button", { name: "Trouver mes colis" }).click();
    await tab.waitForURL(`${store.storefrontUrl}/apps/rassure/track`);
    await expect(tab.getByRole("heading", { name: "Colis de la commande #1010" }).count()).resolves.toBe(1);
    const link = tab.getByRole("link", { name: "Suivre avec Colissimo" });
    expect(await link.getAttribute("href")).toBe("https://www.laposte.fr/outils/suivre-vos-envois?code=8R41526378901");
    await expect(tab.getByRole("contentinfo").count()).resolves.toBeGreaterThan(0); // answered inside the shop's theme

    // A wrong e-mail gets the neutral answer, and the form is there to try again.
    await tab.getByLabel("Adresse e-mail").fill("not.me@example.com");
    await tab.getByRole("button", { name: "Trouver mes colis" }).click();
    await expect(tab.getByRole("alert").textContent()).resolves.toContain("Nous n'avons pas trouvé de commande");
    await tab.close();
  });
});
