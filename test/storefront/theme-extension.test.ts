/**
 * The theme app extension as Shopify would deploy it: theme-check (theme app extension rules)
 * reports nothing, every schema label is a t: key present in en and fr, storefront locales
 * match, and the assets stay within the storefront budget.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { check } from "@shopify/theme-check-node";
import { describe, expect, it } from "vitest";
import { EXTENSION_DIR } from "../../app/storefront/extension-sources.server";

const read = (file: string) => readFileSync(path.join(EXTENSION_DIR, file), "utf8");
const readJson = (file: string) => JSON.parse(read(file)) as Record<string, unknown>;
const liquidFiles = ["blocks", "snippets"].flatMap((dir) => readdirSync(path.join(EXTENSION_DIR, dir)).map((f) => `${dir}/${f}`));

function keys(tree: unknown, prefix = ""): string[] {
  if (!tree || typeof tree !== "object") return [prefix];
  return Object.entries(tree).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function schemaOf(file: string): Record<string, unknown> {
  const match = /\{%\s*schema\s*%\}([\s\S]*?)\{%\s*endschema\s*%\}/.exec(read(file));
  return JSON.parse(match![1]) as Record<string, unknown>;
}

describe("theme app extension", () => {
  it("passes theme-check with zero offences", async () => {
    const offenses = await check(EXTENSION_DIR);
    expect(offenses.map((o) => `${o.check} ${o.uri} ${o.message}`)).toEqual([]);
  }, 120_000);

  it("theme-check does flag a broken block (the check can fail)", async () => {
    const copy = mkdtempSync(path.join(os.tmpdir(), "rassure-tae-"));
    try {
      cpSync(EXTENSION_DIR, copy, { recursive: true });
      writeFileSync(path.join(copy, "blocks/broken.liquid"), `{% include 'nope' %}\n{% schema %}{"name":"Broken","target":"section"}{% endschema %}\n`);
      const offenses = await check(copy);
      expect(offenses.map((o) => o.check)).toContain("AppBlockValidTags");
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }, 120_000);

  it("is declared as a theme extension", () => {
    expect(read("shopify.extension.toml")).toMatch(/^type = "theme"$/m);
  });

  it("has French storefront and schema locales with exactly the English keys", () => {
    expect(keys(readJson("locales/fr.json")).sort()).toEqual(keys(readJson("locales/en.default.json")).sort());
    expect(keys(readJson("locales/fr.schema.json")).sort()).toEqual(keys(readJson("locales/en.default.schema.json")).sort());
  });

  it("uses only translation keys that exist, and only t: keys in schemas", () => {
    const storefront = new Set(keys(readJson("locales/en.default.json")));
    const editor = new Set(keys(readJson("locales/en.default.schema.json")));
    for (const file of liquidFiles) {
      for (const [, key] of read(file).matchAll(/'(rassure\.[a-z_.]+)'\s*\|\s*t\b/g)) expect(storefront, `${file}: ${key}`).toContain(key);
      for (const [, key] of read(file).matchAll(/fallback: '(rassure\.[a-z_.]+)'/g)) expect(storefront, `${file}: ${key}`).toContain(key);
    }
    for (const file of liquidFiles.filter((f) => f.startsWith("blocks/"))) {
      const schema = schemaOf(file);
      const labels = JSON.stringify(schema).match(/"(name|label|content)":"([^"]*)"/g) ?? [];
      expect(labels.length).toBeGreaterThan(0);
      for (const label of labels) {
        const value = label.split('":"')[1].slice(0, -1);
        expect(value, `${file}: ${label}`).toMatch(/^t:/);
        expect(editor, `${file}: ${value}`).toContain(value.slice(2));
      }
      expect(schema.available_if).toBe("{{ app.metafields.rassure.enabled }}");
      expect(schema.stylesheet).toBe("rassure.css");
    }
  });

  it("declares eight section blocks, the track-order block and one body embed", () => {
    const targets = liquidFiles.filter((f) => f.startsWith("blocks/")).map((f) => [path.basename(f, ".liquid"), schemaOf(f).target]);
    expect(Object.fromEntries(targets)).toEqual({ payment: "section", promises: "section", delivery: "section", contact: "section", legal: "section", partners: "section", reviews: "section", store: "section", "track-order": "section", "trust-bar": "body" });
  });

  it("stays within the storefront budget: CSS ≤ 6 KB, JS ≤ 2 KB, no script tags in Liquid", () => {
    const assets = readdirSync(path.join(EXTENSION_DIR, "assets"));
    const size = (ext: string) => assets.filter((a) => a.endsWith(ext)).reduce((sum, a) => sum + statSync(path.join(EXTENSION_DIR, "assets", a)).size, 0);
    expect(size(".css")).toBeGreaterThan(0);
    expect(size(".css")).toBeLessThanOrEqual(6 * 1024);
    expect(size(".js")).toBeLessThanOrEqual(2 * 1024);
    for (const file of liquidFiles) expect(read(file), file).not.toMatch(/<script|\{%-?\s*javascript|style=/);
  });
});
