/**
 * The public trust page shows only backed facts, only the sections the merchant chose, and
 * escapes Liquid. The Liquid is rendered here as Shopify would (liquidjs with the shop's objects),
 * so what a shopper reads is what is asserted.
 */
import { describe, expect, it } from "vitest";
import { toPublishedConfig, type StorefrontConfig } from "../../app/storefront/config";
import { readExtensionSources } from "../../app/storefront/extension-sources.server";
import { createPreviewRenderer, type PreviewShop } from "../../app/storefront/liquid-preview";
import type { TrustScan } from "../../app/trust-page/published";
import { renderTrustPage, trustPageLiquid } from "../../app/trust-page/trust-page.server";
import type { CompanyBadge } from "../../app/legal/company-badge.server";
import type { ShippingBacking } from "../../app/storefront/shipping-backing";
import { FRENCH_SHOP, fullConfig, PARIS, SHIPPING_BACKING, VERIFIED_COMPANY } from "../storefront/fixtures";

const SCAN: TrustScan = { finishedAt: new Date("2026-12-03T23:30:00Z"), grade: "B", https: true, timeZone: "Europe/Paris" };
const NOW = new Date("2026-12-04T08:00:00Z");

function trustConfig(): StorefrontConfig {
  const config = fullConfig();
  config.trustPage = { enabled: true, sections: ["identity", "contact", "promises", "policies", "payments", "https", "scan"] };
  return config;
}

const source = (config = trustConfig(), company: CompanyBadge | null = VERIFIED_COMPANY, scan: TrustScan | null = SCAN, shipping: ShippingBacking | null = null) =>
  toPublishedConfig(config, 1, NOW, PARIS, { company, trustScan: scan, shipping });
const renderer = createPreviewRenderer(readExtensionSources());
const shopperSees = (liquid: string, locale: "en" | "fr" = "en", shop: PreviewShop = FRENCH_SHOP) => renderer.renderLiquid(liquid, { config: null, locale, shop, timeZone: PARIS, now: NOW });

describe("trust page", () => {
  it("is off until the merchant switches it on", () => {
    const off = trustConfig();
    off.trustPage.enabled = false;
    expect(renderTrustPage(source(off), "en")).toBeNull();
  });

  it("states each backed fact with its source and the day it was checked, in the shop's time zone", async () => {
    const html = await shopperSees(renderTrustPage(source(), "en")!);
    expect(html).toContain('<h1 class="rassure__title rassure__page-title">Who you are buying from</h1>');
    expect(html).toContain('Company verified: <a class="rassure__link" href="https://annuaire-entreprises.data.gouv.fr/entreprise/812345676">ATELIER LUMIERE, SIREN 812 345 676</a> (French company register, checked on 3 December 2026)');
    // 23:30 UTC on the 3rd is the 4th in Paris.
    expect(html).toContain("The shop is served over HTTPS (checked on 4 December 2026).");
    expect(html).toContain("Grade B, checked on 4 December 2026.");
    expect(html).toContain('<a class="rassure__link" href="/policies/privacy-policy">Politique de confidentialité</a>');
    expect(html).toContain('<title id="pi-cartes_bancaires">Cartes Bancaires</title>');
    expect(html).toContain('<span class="rassure__label">Opening hours</span><span class="rassure__detail">Mon–Fri, 9am–6pm</span>');
    expect(html).not.toMatch(/\{%|\{\{/);
  });

  it("lists only the delivery and returns promises a policy of the shop states, linked to it", async () => {
    const config = trustConfig();
    config.promises.items.push({ kind: "custom", icon: "gift", title: { en: "Free gift wrap", fr: "Emballage offert" }, text: { en: "", fr: "" }, freeFrom: 0, days: 0 });
    const liquid = renderTrustPage(source(config), "fr")!;
    const all = await shopperSees(liquid, "fr");
    // Settings never read: the amount is not published, the plain shipping promise stands on the policy.
    expect(all).toContain('<a class="rassure__label rassure__link" href="/policies/shipping-policy">Livraison</a>');
    expect(all).not.toContain("Livraison offerte");
    expect(all).toContain('href="/policies/refund-policy">Retours sous 30 jours</a>');
    expect(all).toContain("Droit de rétractation de 14 jours");
    expect(all).not.toContain("Emballage offert"); // a custom promise has nothing behind it
    const noShippingPolicy = await shopperSees(liquid, "fr", { ...FRENCH_SHOP, policies: FRENCH_SHOP.policies.filter((p) => p.handle !== "shipping_policy") });
    expect(noShippingPolicy).not.toContain(">Livraison<");
    expect(noShippingPolicy).toContain("Retours sous 30 jours");
    const noPolicy = await shopperSees(liquid, "fr", { ...FRENCH_SHOP, policies: [] });
    expect(noPolicy).not.toContain("Livraison et retours");
  });

  it("states free shipping the shop's shipping settings back, citing them, with or without a shipping policy (WooCommerce has none)", async () => {
    const liquid = renderTrustPage(source(trustConfig(), VERIFIED_COMPANY, SCAN, SHIPPING_BACKING), "fr")!;
    const citation = '<span class="rassure__detail">Selon les réglages d&#39;expédition de la boutique (vérifié le 20 novembre 2026).</span>';
    const withPolicy = await shopperSees(liquid, "fr");
    expect(withPolicy).toContain(`<a class="rassure__label rassure__link" href="/policies/shipping-policy">Livraison offerte dès 60,00 €</a>${citation}`);
    const noPolicy = await shopperSees(liquid, "fr", { ...FRENCH_SHOP, policies: [] });
    expect(noPolicy).toContain(`<span class="rassure__label">Livraison offerte dès 60,00 €</span>${citation}`);
    expect(noPolicy).not.toContain("Retours sous 30 jours"); // returns still need the refund policy
    // Settings offering free shipping only from 80 €: a promise from 60 is not backed, nothing states it without a policy.
    const stingy = await shopperSees(renderTrustPage(source(trustConfig(), VERIFIED_COMPANY, SCAN, { ...SHIPPING_BACKING, freeShippingFromMinor: 8000 }), "fr")!, "fr", { ...FRENCH_SHOP, policies: [] });
    expect(stingy).not.toContain("Livraison");
  });

  it("leaves out what was not observed and what the merchant hides", async () => {
    const unseen = await shopperSees(renderTrustPage(source(trustConfig(), null, { ...SCAN, grade: null, https: null }), "en")!);
    expect(unseen).not.toContain("Company verified");
    expect(unseen).not.toContain("HTTPS");
    expect(unseen).not.toContain("Grade");
    expect(await shopperSees(renderTrustPage(source(trustConfig(), null, null), "en")!)).not.toContain("HTTPS");
    expect(await shopperSees(renderTrustPage(source(trustConfig(), null, { ...SCAN, https: false }), "en")!)).not.toContain("HTTPS");
    const chosen = trustConfig();
    chosen.trustPage.sections = ["contact"];
    const html = await shopperSees(renderTrustPage(source(chosen), "fr")!, "fr");
    expect(html).toContain("bonjour@atelier-lumiere.fr");
    expect(html).not.toContain("rassure-trust-policies");
    expect(html).not.toContain("Entreprise vérifiée");
    expect(html).not.toContain("Livraison et retours");
  });

  it("keeps merchant text inert for both HTML and Liquid", async () => {
    const hostile = trustConfig();
    hostile.contact.hours.en = "{{ shop.email }} <script>alert(1)</script> {% layout none %}";
    hostile.promises.items[0].title.en = "{{ 1 | plus: 1 }}<b>x</b>";
    const liquid = trustPageLiquid(source(hostile), "en");
    expect(liquid).not.toContain("<script>alert");
    expect(liquid).not.toContain("{{ shop.email }}");
    expect(liquid).not.toContain("{% layout");
    const html = await shopperSees(liquid);
    expect(html).toContain("&#123;&#123; shop.email &#125;&#125;");
    expect(html).toContain("&#123;&#123; 1 | plus: 1 &#125;&#125;&lt;b&gt;x&lt;/b&gt;");
  });
});
