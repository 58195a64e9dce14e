import { describe, expect, it } from "vitest";
import { en } from "../app/i18n/en";
import { fr } from "../app/i18n/fr";
import { negotiateLocale, translator } from "../app/i18n";
import { effectiveJurisdiction, jurisdictionForCountry } from "../app/jurisdiction";

describe("admin texts", () => {
  it("has every English key in French, each translated and keeping its placeholders", () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
      expect(placeholders(fr[key]), key).toEqual(placeholders(en[key]));
      expect(fr[key].trim(), key).not.toBe("");
    }
  });

  it("negotiates: merchant choice, then Shopify admin locale, then browser, then English", () => {
    expect(negotiateLocale({ chosen: "fr", adminLocale: "en" })).toBe("fr");
    expect(negotiateLocale({ adminLocale: "fr-FR", acceptLanguage: "en" })).toBe("fr");
    expect(negotiateLocale({ acceptLanguage: "de-DE,fr;q=0.8" })).toBe("fr");
    expect(negotiateLocale({ adminLocale: "ja" })).toBe("en");
  });

  it("fills placeholders", () => {
    expect(translator("fr")("home.connected", { shop: "Atelier" })).toBe("Rassure est connecté à Atelier.");
  });
});

describe("jurisdiction", () => {
  it("derives FR, EU or OTHER from the shop's country", () => {
    expect(jurisdictionForCountry("FR")).toBe("FR");
    expect(jurisdictionForCountry("re")).toBe("FR");
    expect(jurisdictionForCountry("DE")).toBe("EU");
    expect(jurisdictionForCountry("NO")).toBe("EU");
    expect(jurisdictionForCountry("US")).toBe("OTHER");
    expect(jurisdictionForCountry(null)).toBe("OTHER");
  });

  it("lets the merchant override it", () => {
    expect(effectiveJurisdiction({ countryCode: "US", jurisdictionOverride: "EU" })).toBe("EU");
    expect(effectiveJurisdiction({ countryCode: "FR", jurisdictionOverride: "bogus" })).toBe("FR");
  });
});
