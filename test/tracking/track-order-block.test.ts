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

describe("track-order answers in every state of an order, in a browser (EN and FR)", () => {
  const FORM = {
    en: { page: "?locale=en", order: "Order number", email: "E-mail address", submit: "Find my parcels", heading: "Parcels for order" },
    fr: { page: "?locale=fr", order: "Numéro de commande", email: "Adresse e-mail", submit: "Trouver mes colis", heading: "Colis de la commande" },
  } as const;
  const itemsOf = (name: string, indexes: number[]) => {
    const order = store.state.orders.find((o) => o.name === name)!;
    return indexes.map((i) => `${order.lineItems[i].quantity} × ${order.lineItems[i].name}`).join(", ");
  };
  // The seeded dev store has an order in each state (dev/shopify-dev-store/seed.ts).
  const STATES: Array<{ state: string; order: string; text: Record<"en" | "fr", string[]>; links?: Array<{ name: Record<"en" | "fr", string>; href: string }> }> = [
    { state: "not-shipped", order: "#1007", text: { en: ["This order has not been shipped yet."], fr: ["Cette commande n'a pas encore été expédiée."] } },
    {
      state: "partly-shipped",
      order: "#1011",
      text: {
        en: ["Part of this order has been shipped; the rest will follow.", "Sent without a tracking number", `Not shipped yet: ${"{1011:1}"}`],
        fr: ["Une partie de cette commande a été expédiée ; le reste suivra.", "Envoyé sans numéro de suivi", `Pas encore expédié : ${"{1011:1}"}`],
      },
    },
    { state: "shipped-without-tracking", order: "#1006", text: { en: ["Your order has been shipped.", "Sent without a tracking number: the shop did not give one."], fr: ["Votre commande a été expédiée.", "Envoyé sans numéro de suivi : la boutique n'en a pas donné."] } },
    {
      state: "several-parcels",
      order: "#1013",
      text: { en: ["Parcel 1 of 2 · Delivered", "Parcel 2 of 2 · Sent", "Contains: {1013:1}"], fr: ["Colis 1 sur 2 · Livré", "Colis 2 sur 2 · Expédié", "Contenu : {1013:1}"] },
      links: [
        { name: { en: "Track with Colissimo", fr: "Suivre avec Colissimo" }, href: "https://www.laposte.fr/outils/suivre-vos-envois?code=6A20394857162" },
        { name: { en: "Track with Chronopost", fr: "Suivre avec Chronopost" }, href: "https://www.chronopost.fr/tracking-no-cms/suivi-page?listeNumerosLT=XY987654321FR" },
      ],
    },
    {
      state: "delivered",
      order: "#1001",
      text: { en: ["Your order has been delivered.", "Delivered"], fr: ["Votre commande a été livrée.", "Livré"] },
      links: [{ name: { en: "Track with Colissimo", fr: "Suivre avec Colissimo" }, href: "https://www.laposte.fr/outils/suivre-vos-envois?code=6A18734592013" }],
    },
    { state: "cancelled-refunded", order: "#1014", text: { en: ["This order was cancelled and refunded: nothing more will be shipped."], fr: ["Cette commande a été annulée et remboursée : rien d'autre ne sera expédié."] } },
  ];
  /** "{1011:1}" in an expected text stands for the items at those indexes of that order. */
  const expand = (text: string) => text.replace(/\{(\d+):([\d,]+)\}/g, (_m, order: string, indexes: string) => itemsOf(`#${order}`, indexes.split(",").map(Number)));

  for (const lang of ["en", "fr"] as const) {
    it.each(STATES)(`${lang}: $state ($order)`, async ({ state, order, text, links }) => {
      await sharedLimits.clear(); // one browser, one address: the lookups of this suite must not hit the per-client limit
      const form = FORM[lang];
      const email = store.state.orders.find((o) => o.name === order)!.email!;
      const tab = await browser.newPage();
      await tab.goto(`${store.storefrontUrl}/pages/suivi-de-commande${form.page}`);
      await tab.getByLabel(form.order).fill(order.slice(1));
      await tab.getByLabel(form.email).fill(email);
      await tab.getByRole("button", { name: form.submit }).click();
      await tab.waitForURL(`${store.storefrontUrl}/apps/rassure/track`);
      await expect(tab.getByRole("heading", { name: `${form.heading} ${order}` }).count()).resolves.toBe(1);
      const answer = (await tab.locator('[aria-live="polite"]').innerText()).replace(/\s+/g, " ");
      for (const expected of text[lang]) expect(answer).toContain(expand(expected));
      for (const link of links ?? []) expect(await tab.getByRole("link", { name: link.name[lang] }).getAttribute("href")).toBe(link.href);
      await tab.screenshot({ path: `test-results/screenshots/track-order-${state}-${lang}.png`, fullPage: true });
      await tab.close();
    });
  }
});
