/**
 * The checklist on a stock French WooCommerce shop (the stand-in serves it as WooCommerce 8.9 with
 * the Storefront theme does): the probe visits the pages the shop's settings name (`/panier/`,
 * `/commande/`, `/mon-compte/`, a product's permalink), an empty cart sends the checkout back to
 * the cart, the Checkout block draws its button in the browser, and Rassure's own blocks, once
 * published, change nothing the checklist says about the shop.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ShopSnapshot } from "../../adapters/checklist-snapshot";
import { WooCommerceAdapter } from "../../adapters/woocommerce";
import { collectSnapshot } from "../../app/checklist/collect";
import { evaluateChecklist } from "../../app/checklist/evaluate";
import { findDeliveryDelay } from "../../app/checklist/policy-lint";
import { withoutRassureBlocks } from "../../adapters/rassure-markup";
import type { Attestation, ChecklistReport } from "../../app/checklist/types";
import { formatDate } from "../../app/i18n";
import { defaultStorefrontConfig, toPublishedConfig } from "../../app/storefront/config";
import { startWooCommerceDevStore, type WooCommerceDevStore } from "../../dev/woocommerce-dev-store";

const NOW = new Date("2026-11-23T12:00:00Z");
const LOCAL = { allowPrivateAddresses: true, minIntervalMs: 0 };

let woo: WooCommerceDevStore;
let adapter: WooCommerceAdapter;

const scan = () => collectSnapshot(adapter, { probeOptions: LOCAL, now: NOW });
const evaluate = (snapshot: ShopSnapshot, attestations: Attestation[] = []) => evaluateChecklist(snapshot, { now: NOW, attestations });
const result = (report: ChecklistReport, id: string) => report.results.find((r) => r.id === id)!;
const path = (url: string) => new URL(url).pathname;

beforeAll(async () => {
  woo = await startWooCommerceDevStore({ outboundFetch: (async () => new Response("ok")) as typeof fetch });
  const { consumerKey, consumerSecret } = woo.createKey("read");
  adapter = new WooCommerceAdapter({ storeUrl: woo.url, consumerKey, consumerSecret }, { allowPrivateAddresses: true, backoffMs: 5, timeoutMs: 5_000 });
}, 60_000);

afterAll(async () => {
  await woo?.close();
});

describe("the probe visits the pages the shop's settings name", () => {
  it("French slugs and a product permalink, with and without the companion plugin; nothing guessed", async () => {
    for (const plugin of [true, false]) {
      woo.state.companionPlugin.active = plugin;
      const snapshot = await scan();
      const pages = snapshot.storefront!.pages.map((p) => [p.kind, path(p.url)]);
      expect(pages, `plugin ${plugin}`).toEqual(
        expect.arrayContaining([
          ["product", "/produit/savon-alep-laurier/"],
          ["cart", "/panier/"],
          ["checkout", "/commande/"],
          ["account", "/mon-compte/"],
        ]),
      );
      // Never the English defaults the shop does not have.
      expect(pages.map(([, p]) => p)).not.toEqual(expect.arrayContaining([expect.stringMatching(/^\/(checkout|cart|my-account)\/?$/)]));
    }
    woo.state.companionPlugin.active = true;
  });

  it("order button: read from the Checkout block's label through the plugin; without it, 'not visible without JavaScript', never a missing button", async () => {
    const viaPlugin = result(evaluate(await scan()), "leg-order-button-wording");
    expect(viaPlugin).toMatchObject({ status: "warning", summary: { en: 'Button says "Commander": use "Commande avec obligation de paiement".' } });
    expect(viaPlugin.evidence).toEqual([{ source: "Checkout block placeOrderButtonLabel", value: "Commander" }]);

    woo.state.companionPlugin.active = false;
    try {
      const snapshot = await scan();
      const checkout = snapshot.storefront!.pages.find((p) => p.kind === "checkout")!;
      expect(path(checkout.finalUrl)).toBe("/panier/"); // an empty cart is sent back to the cart
      const withoutPlugin = result(evaluate(snapshot), "leg-order-button-wording");
      expect(withoutPlugin.status).toBe("error");
      expect(withoutPlugin.summary.en).toMatch(/^Not visible without JavaScript: the block checkout draws its order button in the browser/);
      expect(withoutPlugin.summary.fr).toMatch(/^Invisible sans JavaScript/);
      expect(withoutPlugin.evidence).toEqual([
        { source: "checkout page (shop settings)", value: "WooCommerce Checkout block" },
        { source: checkout.url, value: `redirected to ${checkout.finalUrl} (empty cart)` },
      ]);
    } finally {
      woo.state.companionPlugin.active = true;
    }
  });
});

describe("Rassure's own blocks are never the shop's evidence", () => {
  it("publishing the blocks changes no item of the checklist; the probe records the blocks it cut out", async () => {
    const before = evaluate(await scan());
    expect(result(before, "del-delivery-date").status).toBe("warning");
    woo.state.companionPlugin.config = toPublishedConfig(defaultStorefrontConfig(), 1, NOW, "Europe/Paris") as never;
    woo.state.companionPlugin.enabled = true;
    try {
      const snapshot = await scan();
      const product = snapshot.storefront!.pages.find((p) => p.kind === "product")!;
      expect(product.rassureBlocks).toEqual(expect.arrayContaining(["payment", "promises", "delivery"]));
      // The blocks' own words (their withdrawal promise, their delivery estimate) are not in the page text the checks read.
      expect(product.text).not.toMatch(/rétractation|Livraison estimée|Paiement sécurisé/i);
      const after = evaluate(snapshot);
      expect(after.results.map((r) => [r.id, r.status])).toEqual(before.results.map((r) => [r.id, r.status]));
      expect(result(after, "del-delivery-date").evidence.map((e) => String(e.value)).join(" ")).not.toMatch(/14 jours|14 days/);
    } finally {
      woo.state.companionPlugin.config = null;
    }
  });

  it("a block is cut whole by its class token, nested markup included; the shop's own 'rassure-' classes are not", () => {
    const page = `<main><p>Livraison en 2 à 3 jours ouvrés.</p><section class="rassure rassure--promises"><div><p>Retour sous 14 jours après livraison</p></div></section><div class="rassure-like">kept</div></main>`;
    expect(withoutRassureBlocks(page)).toEqual({ html: `<main><p>Livraison en 2 à 3 jours ouvrés.</p> <div class="rassure-like">kept</div></main>`, blocks: ["promises"] });
  });
  it("every block the theme extension and the plugin print is recognised by its handle", () => {
    const page = [
      `<section class="rassure rassure--payment rassure--tone-plain"><p>Paiement sécurisé</p></section>`,
      `<div class='rassure rassure--bar rassure--tone-dark'><p>Livraison offerte</p></div>`,
      `<section class="rassure rassure--tracking rassure--tone-plain rassure--align-start"><h2>Suivre mon colis</h2></section>`,
      `<section class="rassure rassure--track-order"><form><input name="order"></form></section>`,
      `<p class="rassure rassure__hint">Configure this block in Rassure</p>`,
    ].join("<p>shop</p>");
    expect(withoutRassureBlocks(page)).toEqual({ html: " <p>shop</p> <p>shop</p> <p>shop</p> <p>shop</p> ", blocks: ["payment", "bar", "tracking", "track-order", "hint"] });
  });
});

describe("a withdrawal or return period is not a delivery time", () => {
  it.each([
    "You may return any item within 14 days of delivery.",
    "Vous disposez de 14 jours à compter de la livraison pour exercer votre droit de rétractation.",
    "Remboursement sous 14 jours après réception du colis livré.",
    "Échange gratuit sous 30 jours après la livraison.",
  ])("no delivery time in %j", (sentence) => {
    expect(findDeliveryDelay(sentence)).toBeNull();
  });

  it.each([
    ["Livraison en 2 à 3 jours ouvrés.", "livraison en 2 a 3 jours ouvres"],
    ["Colissimo – livré en 48 h", "colissimo – livre en 48 h"],
    ["Orders ship within 2 business days; returns are free within 30 days.", "orders ship within 2 business days"],
  ])("a delivery time in %j", (sentence, found) => {
    expect(findDeliveryDelay(sentence)).toBe(found);
  });
});

describe("dates are the shop's", () => {
  it("the shop's time zone comes from WordPress; an attestation made at 23:30 UTC is dated the next day in Paris", async () => {
    const snapshot = await scan();
    expect(snapshot.facts.timeZone).toBe("Europe/Paris");
    const report = evaluate(snapshot, [{ checkId: "ops-backups-dr", evidence: "UpdraftPlus, daily, restored 2026-11-01", attestedAt: "2026-11-22T23:30:00Z", expiresAt: "2027-02-20T23:30:00Z" }]);
    expect(report.timeZone).toBe("Europe/Paris");
    expect(result(report, "ops-backups-dr").summary).toEqual({ en: "Confirmed by you on 2026-11-23.", fr: "Confirmé par vous le 2026-11-23." });
    expect(formatDate("en", "2026-11-22T23:30:00Z", report.timeZone)).toBe("23 November 2026");
    expect(formatDate("fr", "2026-11-22T23:30:00Z", "America/New_York")).toBe("22 novembre 2026");
    expect(formatDate("en", "2026-11-22T23:30:00Z", "Not/AZone")).toMatch(/November 2026$/); // an unknown zone never breaks the page
  });
});
