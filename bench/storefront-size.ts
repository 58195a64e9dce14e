/**
 * Storefront weight of the Rassure blocks: bytes of CSS and JS a page downloads because of them
 * (raw and gzip), and the HTML they add to a product page carrying every block of the extension.
 * Budgets (issue 14): the whole stylesheet < 5 KB, no JavaScript at all.
 * Run: npx tsx bench/storefront-size.ts
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { EXTENSION_DIR } from "../app/storefront/extension-sources.server";
import { productPageHtml } from "../test/storefront/product-page";

const CSS_BUDGET = 5 * 1024;
const JS_BUDGET = 0;

const assets = readdirSync(path.join(EXTENSION_DIR, "assets"));
const bytes = (ext: string) => {
  const files = assets.filter((a) => a.endsWith(ext)).map((a) => readFileSync(path.join(EXTENSION_DIR, "assets", a)));
  return { files: files.length, raw: files.reduce((s, f) => s + f.length, 0), gzip: files.reduce((s, f) => s + gzipSync(f).length, 0) };
};
const liquidBytes = ["blocks", "snippets"].flatMap((dir) => readdirSync(path.join(EXTENSION_DIR, dir)).map((f) => readFileSync(path.join(EXTENSION_DIR, dir, f)).length)).reduce((a, b) => a + b, 0);
/** The extension's blocks (app blocks and embeds), counted from its files rather than a figure kept by hand. */
const blockFiles = readdirSync(path.join(EXTENSION_DIR, "blocks")).filter((f) => f.endsWith(".liquid"));

const verdict = (value: number, budget: number) => `${((value / Math.max(1, budget)) * 100).toFixed(0)}% of budget${value > budget ? " — OVER BUDGET" : ""}`;
const css = bytes(".css");
const js = bytes(".js");
const rows: Array<[string, string]> = [
  ["Blocks in the extension", `${blockFiles.length} (${blockFiles.map((f) => f.replace(/\.liquid$/, "")).join(", ")})`],
  ["CSS per page (all blocks share one file)", `${css.raw} B raw, ${css.gzip} B gzip (budget < ${CSS_BUDGET} B raw: ${verdict(css.raw, CSS_BUDGET)})`],
  ["JS per page", `${js.raw} B raw in ${js.files} file(s) (budget ${JS_BUDGET} B${js.raw > JS_BUDGET ? " — OVER BUDGET" : ""})`],
  ["Liquid across the extension", `${liquidBytes} B (Shopify limit 100 KB)`],
];
for (const locale of ["en", "fr"] as const) {
  const withBlocks = await productPageHtml({ withBlocks: true, everyBlock: true, locale });
  const without = await productPageHtml({ withBlocks: false, locale });
  const added = Buffer.byteLength(withBlocks) - Buffer.byteLength(without);
  const addedGzip = gzipSync(withBlocks).length - gzipSync(without).length;
  const rendered = (withBlocks.match(/<(?:section|nav|aside|div) class="rassure rassure--/g) ?? []).length;
  rows.push([`HTML added to the product page (${locale}, ${rendered} blocks rendered)`, `${added} B raw, ${addedGzip} B gzip`]);
  rows.push([`<script> elements added (${locale})`, String((withBlocks.match(/<script\b/g) ?? []).length - (without.match(/<script\b/g) ?? []).length)]);
}
const width = Math.max(...rows.map(([k]) => k.length));
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
