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
