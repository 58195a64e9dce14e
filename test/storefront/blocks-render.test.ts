/**
 * Every block of the theme app extension rendered with liquidjs from its real Liquid files,
 * for several configurations and both languages: structure, truthful content, escaping.
 */
import { describe, expect, it } from "vitest";
import { defaultStorefrontConfig } from "../../app/storefront/config";
import { BLOCK_HANDLES, FRENCH_SHOP, fullConfig, HOSTILE, hostileConfig, render, VERIFIED_COMPANY } from "./fixtures";

const LOCALES = ["en", "fr"] as const;

const count = (html: string, needle: string | RegExp) => (typeof needle === "string" ? html.split(needle).length - 1 : (html.match(needle) ?? []).length);

describe.each(LOCALES)("blocks in %s", (locale) => {
  it.each(BLOCK_HANDLES)("%s renders its markup contract with the full configuration", async (handle) => {
    const html = await render(handle, fullConfig(), { locale });
    expect(html).toMatch(/^\s*<(section|nav|aside) class="rassure rassure--/);
    expect(html).not.toContain("translation missing");
    expect(html).not.toMatch(/<script|style=|javascript:/i);
    // Every icon is decorative and sized up front (no layout shift).
    expect(count(html, 'class="rassure__icon"')).toBe(count(html, 'class="rassure__icon" aria-hidden="true" focusable="false" width="20" height="20"'));
    if (handle !== "trust-bar") {
      expect(html).toContain(`aria-labelledby="rassure-${handle}-preview"`);
      expect(html).toContain(`<h2 class="rassure__title" id="rassure-${handle}-preview">`);
    }
  });

  it.each(BLOCK_HANDLES)("%s renders nothing when switched off or never published", async (handle) => {
    const off = fullConfig();
    for (const block of ["payment", "promises", "delivery", "contact", "legal", "bar"] as const) off[block].enabled = false;
    expect((await render(handle, off, { locale })).trim()).toBe("");
    expect((await render(handle, null, { locale })).trim()).toBe("");
  });

  it.each(BLOCK_HANDLES)("%s escapes hostile merchant text", async (handle) => {
    const html = await render(handle, hostileConfig(), { locale });
    expect(html).not.toContain("<script>");
    expect(html).not.toContain('" onmouseover="');
    expect(html).not.toContain("onmouseover=\"alert");
    // The merchant's text is still shown, as text.
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&quot; onmouseover=&quot;alert(1)");
  });
});

describe("block content", () => {
  it("shows only the payment types the shop accepts, each named for screen readers", async () => {
    const html = await render("payment", fullConfig(), { shop: { ...FRENCH_SHOP, enabledPaymentTypes: ["visa", "paypal"] } });
    expect(count(html, '<li class="rassure__payment">')).toBe(2);
    expect(html).toContain('<title id="pi-visa">Visa</title>');
    expect(html).toContain('<title id="pi-paypal">PayPal</title>');
    expect(html).not.toContain("Mastercard");
    const none = await render("payment", fullConfig(), { shop: { ...FRENCH_SHOP, enabledPaymentTypes: [] } });
    expect(none).not.toContain("rassure__payments");
    expect(none).toContain("rassure__detail"); // the secure-checkout line stays
  });

  describe("the payment block claims only what the shop's settings and scheme back", () => {
    const CARDS = ["cartes_bancaires", "visa", "master"];
    const payment = (origin: string, enabledPaymentTypes: string[], locale: "en" | "fr" = "en", config = defaultStorefrontConfig()) =>
      render("payment", config, { locale, shop: { ...FRENCH_SHOP, origin, enabledPaymentTypes } });

    it("https with card payments: an encrypted checkout that keeps card details from the shop", async () => {
      const html = await payment("https://www.atelier-lumiere.fr", CARDS);
      expect(html).toContain("Encrypted checkout: your card details are never shared with the shop.");
      expect(html).toContain(">Secure payment</h2>");
      expect(html).toContain('<rect x="5" y="11"'); // the padlock
    });

    it("plain http: never says encrypted, and no padlock", async () => {
      for (const locale of ["en", "fr"] as const) {
        const html = await payment("http://savonnerie.example", CARDS, locale);
        expect(html).not.toMatch(/encrypt|chiffr|sécuris|secure/i);
        expect(html).not.toContain('<rect x="5" y="11"');
        // Cards still go to the payment provider's form: that much is true.
        expect(html).toContain(locale === "en" ? "Your card details go straight to the payment provider" : "Vos coordonnées bancaires sont transmises directement au prestataire de paiement");
      }
    });

    it("https without any card method (bank transfer, manual payments): the connection is encrypted, nothing about cards", async () => {
      for (const types of [[], ["paypal"]]) {
        const html = await payment("https://www.atelier-lumiere.fr", types);
        expect(html).toContain("Encrypted connection");
        expect(html).not.toMatch(/card/i);
      }
    });

    it("http and no card method (bank transfer only): nothing to promise, the block stays empty, even with the merchant's own line", async () => {
      const config = defaultStorefrontConfig();
      config.payment.note = { en: "100% secure payment", fr: "Paiement 100 % sécurisé" };
      expect((await payment("http://savonnerie.example", [], "en", config)).trim()).toBe("");
      expect((await payment("http://savonnerie.example", [], "fr", config)).trim()).toBe("");
      expect(await render("payment", config, { designMode: true, locale: "en", shop: { ...FRENCH_SHOP, origin: "http://savonnerie.example", enabledPaymentTypes: [] } })).toContain("rassure__hint");
    });

    it("an unknown scheme (no origin) is not taken for https", async () => {
      const html = await render("payment", defaultStorefrontConfig(), { locale: "en", shop: { ...FRENCH_SHOP, origin: undefined } });
      expect(html).not.toMatch(/encrypt/i);
    });
  });

  it("words promises from the shop's settings and links them to its policies", async () => {
    const fr = await render("promises", fullConfig(), { locale: "fr" });
    expect(fr).toContain("Livraison offerte dès 60,00 €");
    expect(fr).toContain('<a class="rassure__label rassure__link" href="/policies/refund-policy">Retours sous 30 jours</a>');
    expect(fr).toContain("Droit de rétractation de 14 jours");
    expect(fr).toContain('<span class="rassure__label">Fait main à Lyon</span>');
    const en = await render("promises", fullConfig(), { locale: "en", shop: { ...FRENCH_SHOP, moneyFormat: "€{{amount}}" } });
    expect(en).toContain("Free shipping from €60.00");
    expect(en).toContain("30-day returns");
    expect(en).toContain("14-day right of withdrawal");
    const withoutPolicies = await render("promises", fullConfig(), { shop: { ...FRENCH_SHOP, policies: [] } });
    expect(withoutPolicies).not.toContain("<a ");
  });

  it("prefers the merchant's text in the shopper's language and falls back to the locale file", async () => {
    const config = defaultStorefrontConfig();
    config.payment.heading = { en: "Pay safely", fr: "" };
    expect(await render("payment", config, { locale: "en" })).toContain(">Pay safely</h2>");
    expect(await render("payment", config, { locale: "fr" })).toContain(">Paiement sécurisé</h2>");
  });

  it("lists contact channels with working links and opening hours", async () => {
    const html = await render("contact", fullConfig(), { locale: "fr" });
    expect(html).toContain('href="mailto:bonjour@atelier-lumiere.fr"');
    expect(html).toContain('href="tel:+33478000000"');
    expect(html).toContain('href="/pages/contact"');
    expect(html).toContain("Du lundi au vendredi, 9 h – 18 h");
  });

  it("links every published policy, the withdrawal form and the merchant's legal pages", async () => {
    const html = await render("legal", fullConfig(), { locale: "fr" });
    for (const policy of FRENCH_SHOP.policies) expect(html).toContain(`<a class="rassure__link" href="${policy.url}">${policy.title.replace("'", "&#39;")}</a>`);
    expect(html).toContain('href="/pages/formulaire-de-retractation">Formulaire de rétractation</a>');
    expect(html).toContain('href="/pages/mentions-legales">Mentions légales</a>');
    expect(html).toMatch(/^\s*<nav /);
    expect(html).not.toContain("rassure__company");
  });

  it("says the company is verified, linking the public directory, only when the published configuration carries it", async () => {
    const fr = await render("legal", fullConfig(), { locale: "fr" }, VERIFIED_COMPANY);
    expect(fr).toContain(
      '<p class="rassure__detail rassure__company">Entreprise vérifiée\u00a0: <a class="rassure__link" href="https://annuaire-entreprises.data.gouv.fr/entreprise/812345676">ATELIER LUMIERE, SIREN 812 345 676</a> (registre des entreprises, consulté le 3 décembre 2026)</p>',
    );
    const en = await render("legal", fullConfig(), { locale: "en" }, VERIFIED_COMPANY);
    expect(en).toContain("Company verified: <a");
    expect(en).toContain("(French company register, checked on 3 December 2026)");
    const hostile = await render("legal", fullConfig(), { locale: "fr" }, { ...VERIFIED_COMPANY, name: HOSTILE });
    expect(hostile).not.toContain("<script>");
  });

  it("shows the delivery estimate as a range of <time> elements, worded as an estimate", async () => {
    const fr = await render("delivery", fullConfig(), { locale: "fr" });
    expect(fr).toContain('Livraison estimée entre le <time datetime="2026-11-26">jeu. 26</time> et le <time datetime="2026-11-28">sam. 28 nov.</time>');
    const en = await render("delivery", fullConfig(), { locale: "en" });
    expect(en).toContain('Estimated delivery between <time datetime="2026-11-26">Thu 26</time> and <time datetime="2026-11-28">Sat 28 Nov</time>');
    expect(en).toContain("Estimate only");
  });

  it("renders a hint only in the theme editor when a block is off", async () => {
    const config = defaultStorefrontConfig();
    config.contact.enabled = false;
    const html = await render("contact", config, { designMode: true, locale: "en" });
    expect(html).toContain('class="rassure rassure__hint"');
    expect(html).toContain("Turn it on in the Rassure app");
  });

  it("applies the theme-editor style settings as modifier classes", async () => {
    const html = await render("promises", fullConfig(), { settings: { tone: "outline", alignment: "center" } });
    expect(html).toContain("rassure--tone-outline rassure--align-center");
  });

  it("keeps the hostile string intact in the data (escaping happens at render)", () => {
    expect(hostileConfig().payment.heading.fr).toBe(HOSTILE);
  });
});
