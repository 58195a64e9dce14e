/**
 * The blocks editor is shared by the Shopify admin and the WooCommerce page in wp-admin
 * (app/storefront/components): every text it shows itself must read right on both platforms,
 * so none of them names Shopify, its theme editor or its /pages/ paths. Platform-specific texts
 * belong to the route that frames the editor (app.blocks / woocommerce.admin_.blocks).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { blocksEn } from "../../app/i18n/features/blocks.en";
import { blocksFr } from "../../app/i18n/features/blocks.fr";
import { translator } from "../../app/i18n";
import { freeShippingNote, type ShippingBacking } from "../../app/storefront/shipping-backing";

const COMPONENTS = path.resolve("app/storefront/components");
const SHOPIFY_WORDS = /shopify|theme editor|éditeur de thème|\/pages\//i;

/** Keys the shared components print: literal keys, and every key under a templated prefix (`blocks.help.${block}`). */
function keysShownByTheSharedEditor(): string[] {
  const source = readdirSync(COMPONENTS).map((file) => readFileSync(path.join(COMPONENTS, file), "utf8")).join("\n");
  const literal = [...source.matchAll(/["'`](blocks\.[A-Za-z0-9_.]+)["'`]/g)].map((m) => m[1]);
  const prefixes = [...source.matchAll(/`(blocks\.[A-Za-z0-9_.]*\.)\$\{/g)].map((m) => m[1]);
  return Object.keys(blocksEn).filter((key) => literal.includes(key) || prefixes.some((prefix) => key.startsWith(prefix)));
}

describe("the shared blocks editor speaks neither platform's own words", () => {
  it("no text it shows names Shopify, its theme editor or its /pages/ paths", () => {
    const keys = keysShownByTheSharedEditor();
    expect(keys.length).toBeGreaterThan(40);
    expect(keys).toContain("blocks.help.payment");
    const offending = keys.flatMap((key) => [
      ...(SHOPIFY_WORDS.test(blocksEn[key as keyof typeof blocksEn]) ? [`en ${key}: ${blocksEn[key as keyof typeof blocksEn]}`] : []),
      ...(SHOPIFY_WORDS.test(blocksFr[key as keyof typeof blocksFr]) ? [`fr ${key}: ${blocksFr[key as keyof typeof blocksFr]}`] : []),
    ]);
    expect(offending).toEqual([]);
  });
});

describe("the note under the shipping promise's amount says what the shop's shipping settings offer", () => {
  const euros = (locale: string) => (minor: number) => new Intl.NumberFormat(locale, { style: "currency", currency: "EUR" }).format(minor / 100);
  const note = (locale: "en" | "fr", backing: ShippingBacking | null, promised: number) => {
    const { key, values } = freeShippingNote(backing, promised, euros(locale));
    return translator(locale)(key, values).replace(/\u202f|\u00a0/g, " ");
  };
  const backing = (freeShippingFromMinor: number | null): ShippingBacking => ({ freeShippingFromMinor, checkedAt: "2026-12-01T10:00:00.000Z" });

  it("in English and French: offered from 60 €, offered only above the promise, not offered, not read", () => {
    expect(note("fr", backing(6000), 6000)).toBe("Vos réglages d'expédition offrent la livraison gratuite dès 60,00 €.");
    expect(note("en", backing(6000), 8000)).toBe("Your shipping settings offer free shipping from €60.00.");
    expect(note("en", backing(6000), 5000)).toBe("Your shipping settings offer free shipping only from €60.00: this amount will not be shown.");
    expect(note("fr", backing(6000), 5000)).toBe("Vos réglages d'expédition n'offrent la livraison gratuite qu'à partir de 60,00 € : ce montant ne sera pas affiché.");
    expect(note("en", backing(null), 6000)).toBe("Your shipping settings do not offer free shipping: the amount will not be shown.");
    expect(note("fr", backing(null), 6000)).toBe("Vos réglages d'expédition n'offrent pas la livraison gratuite : le montant ne sera pas affiché.");
    expect(note("en", null, 6000)).toBe("Your shipping settings could not be read: the amount will be shown only once they back it.");
    expect(note("fr", null, 6000)).toContain("n'ont pas pu être lus");
  });
});
