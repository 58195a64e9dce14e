/**
 * Every block of the theme app extension rendered with liquidjs from its real Liquid files,
 * for several configurations and both languages: structure, truthful content, escaping.
 */
import { describe, expect, it } from "vitest";
import { BLOCKS, defaultStorefrontConfig } from "../../app/storefront/config";
import { BLOCK_HANDLES, FRENCH_SHOP, fullConfig, HOSTILE, hostileConfig, PARTNER_FACTS, render, SHOP_REVIEWS, VERIFIED_COMPANY } from "./fixtures";

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
    for (const block of BLOCKS) off[block].enabled = false;
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

  it("partners: the checkout's payment methods, Cartes Bancaires added for a French shop taking cards", async () => {
    const shop = { ...FRENCH_SHOP, enabledPaymentTypes: ["visa", "paypal"] };
    const fr = await render("partners", fullConfig(), { shop });
    expect(fr).toContain('<title id="pi-cartes_bancaires">Cartes Bancaires</title>');
    expect(count(fr, '<li class="rassure__payment">')).toBe(3);
    const abroad = await render("partners", fullConfig(), { shop: { ...shop, countryCode: "BE" } });
    expect(abroad).not.toContain("Cartes Bancaires");
    const noCards = await render("partners", fullConfig(), { shop: { ...shop, enabledPaymentTypes: ["paypal"] } });
    expect(noCards).not.toContain("Cartes Bancaires");
    // Already listed by the platform: shown once.
    expect(count(await render("partners", fullConfig()), "<title id=\"pi-cartes_bancaires\">")).toBe(1);
  });

  it("partners: only the carriers seen on shipments, minus the hidden ones, escaped", async () => {
    const html = await render("partners", fullConfig(), { locale: "en" });
    expect(html).toContain('<span class="rassure__label">Colissimo</span>');
    expect(html).toContain('<span class="rassure__label">Chronopost</span>');
    expect(html).not.toContain("Mondial Relay"); // hidden by the merchant
    const none = await render("partners", fullConfig(), { locale: "en" }, null, { carriers: [], host: "Shopify" });
    expect(none).not.toContain(">Delivery</h3>");
    const hostile = await render("partners", fullConfig(), { locale: "en" }, null, { carriers: [HOSTILE], host: HOSTILE });
    expect(hostile).not.toContain("<script>");
    expect(hostile).toContain("&lt;script&gt;");
  });

  it("partners: hosted by the platform the publication names", async () => {
    expect(await render("partners", fullConfig(), { locale: "en" })).toContain('<span class="rassure__label">Hosted by Shopify</span>');
    expect(await render("partners", fullConfig(), { locale: "fr" })).toContain("Hébergé par Shopify");
    expect(await render("partners", fullConfig(), { locale: "en" }, null, { ...PARTNER_FACTS, host: "" })).not.toContain("Hosted by");
  });

  it("partners: attested labels link their proof and disappear by themselves after their expiry date", async () => {
    const en = await render("partners", fullConfig(), { locale: "en" });
    expect(en).toContain('<a class="rassure__label rassure__link" href="https://www.fia-net.com/marchands/atelier-lumiere">FIA-Net</a>');
    expect(en).toContain('Valid until <time datetime="2027-06-30">30 Jun 2027</time>');
    expect(en).toContain("Consumer mediator: CM2C");
    expect(en).not.toContain("Fevad"); // expired on 2026-11-22, the clock says 2026-11-23
    const fr = await render("partners", fullConfig(), { locale: "fr" });
    expect(fr).toContain("Valable jusqu&#39;au <time datetime=\"2027-01-15\">15 janv. 2027</time>");
    // The last valid day still shows it (in the shop's time zone), the next day hides it.
    const lastDay = await render("partners", fullConfig(), { locale: "en", now: new Date("2027-01-15T22:30:00Z") });
    expect(lastDay).toContain("CM2C");
    const after = await render("partners", fullConfig(), { locale: "en", now: new Date("2027-01-15T23:30:00Z") });
    expect(after).not.toContain("CM2C");
    expect(after).toContain("FIA-Net");
    const allExpired = await render("partners", fullConfig(), { locale: "en", now: new Date("2027-07-01T10:00:00Z") });
    expect(allExpired).not.toContain("Labels and memberships");
  });

  it("reviews: the product's rating metafields as a summary linking the reviews, hidden without reviews", async () => {
    const fr = await render("reviews", fullConfig(), { locale: "fr" });
    expect(fr).toContain('<span class="rassure__label">Noté 4,7/5 sur 128 avis</span>');
    expect(fr).toContain('<a class="rassure__detail rassure__link" href="/pages/avis">Lire les avis</a>');
    expect(count(fr, 'class="rassure__icon" aria-hidden="true"')).toBe(1);
    expect(await render("reviews", fullConfig(), { locale: "en", product: { rating: 4, scaleMax: 5, ratingCount: 1 } })).toContain("Rated 4.0/5 from 1 review<");
    expect((await render("reviews", fullConfig(), { product: { rating: 0, scaleMax: 5, ratingCount: 0 } })).trim()).toBe("");
    expect((await render("reviews", fullConfig(), { product: null })).trim()).toBe("");
    const noLink = fullConfig();
    noLink.reviews.url = "";
    expect(await render("reviews", noLink)).not.toContain("<a ");
  });

  it("reviews at shop level: the published shop-wide aggregate off product pages (or when the merchant picks it), hidden without reviews", async () => {
    const home = { product: undefined, shopReviews: SHOP_REVIEWS };
    const fr = await render("reviews", fullConfig(), { locale: "fr", ...home });
    expect(fr).toContain('<span class="rassure__label">Noté 4,6/5 sur 128 avis, pour 12 produits</span>');
    expect(fr).toContain('href="/pages/avis"');
    expect(await render("reviews", fullConfig(), { locale: "en", ...home })).toContain('<span class="rassure__label">Rated 4.6/5 from 128 reviews on 12 products</span>');
    const oneProduct = { ...SHOP_REVIEWS, ratingTenths: 45, reviews: 2, products: 1 };
    expect(await render("reviews", fullConfig(), { locale: "en", product: undefined, shopReviews: oneProduct })).toContain(">Rated 4.5/5 from 2 reviews on 1 product<");
    expect(await render("reviews", fullConfig(), { locale: "en", product: undefined, shopReviews: { ...oneProduct, reviews: 1, ratingTenths: 50 } })).toContain(">Rated 5.0/5 from 1 review<");
    // On a product page the product's own figure, unless the merchant asks for the shop's.
    expect(await render("reviews", fullConfig(), { locale: "en", shopReviews: SHOP_REVIEWS })).toContain(">Rated 4.7/5 from 128 reviews<");
    expect(await render("reviews", fullConfig(), { locale: "en", shopReviews: SHOP_REVIEWS, settings: { source: "shop" } })).toContain(">Rated 4.6/5 from 128 reviews on 12 products<");
    // Not computed yet, or no review anywhere: nothing at all.
    expect((await render("reviews", fullConfig(), { product: undefined })).trim()).toBe("");
    expect((await render("reviews", fullConfig(), { product: undefined, shopReviews: { ...SHOP_REVIEWS, ratingTenths: null, scaleMax: null, reviews: 0, products: 0 } })).trim()).toBe("");
    const off = fullConfig();
    off.reviews.enabled = false;
    expect((await render("reviews", off, home)).trim()).toBe("");
  });

  it("store: the platform's address, the merchant's hours and photo (sized up front), an OpenStreetMap link, no map script", async () => {
    const fr = await render("store", fullConfig(), { locale: "fr" });
    expect(fr).toContain('<span class="rassure__label">Atelier Lumière — boutique</span>');
    expect(fr).toContain('<span class="rassure__detail">5 rue Saint-Jean<br>69005 Lyon</span>');
    expect(fr).toContain('href="https://www.openstreetmap.org/search?query=5%20rue%20Saint-Jean%2C%2069005%20Lyon%2C%20FR">Itinéraire (OpenStreetMap)</a>');
    expect(fr).toContain('<img class="rassure__photo" src="https://cdn.shopify.com/s/files/1/atelier/boutique.jpg" alt="La devanture rue Saint-Jean" width="480" height="320" loading="lazy" decoding="async">');
    expect(fr).toContain("Du mardi au samedi, 10 h – 19 h");
    expect(fr).not.toMatch(/<script|<iframe/);
    const noAlt = fullConfig();
    noAlt.store.photoAlt = { en: "", fr: "" };
    expect(await render("store", noAlt, { locale: "en" })).toContain('alt="Our shop, Atelier Lumière — boutique"');
  });

  it("store: nothing unless the merchant says there is a store and the platform has its address", async () => {
    const noStore = fullConfig();
    noStore.store.hasStore = false;
    expect((await render("store", noStore)).trim()).toBe("");
    expect((await render("store", fullConfig(), {}, null, PARTNER_FACTS, null)).trim()).toBe("");
  });
});
