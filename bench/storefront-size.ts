/**
 * Storefront weight of the Rassure blocks: bytes of CSS and JS a product page downloads because
 * of them (raw and gzip), and the HTML the blocks add. Budget: CSS ≤ 6 KB, JS ≤ 2 KB.
 * Run: npx tsx bench/storefront-size.ts
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { EXTENSION_DIR } from "../app/storefront/extension-sources.server";
import { productPageHtml } from "../test/storefront/product-page";

const assets = readdirSync(path.join(EXTENSION_DIR, "assets"));
const bytes = (ext: string) => {
  const files = assets.filter((a) => a.endsWith(ext)).map((a) => readFileSync(path.join(EXTENSION_DIR, "assets", a)));
  return { files: files.length, raw: files.reduce((s, f) => s + f.length, 0), gzip: files.reduce((s, f) => s + gzipSync(f).length, 0) };
};
const liquidBytes = ["blocks", "snippets"].flatMap((dir) => readdirSync(path.join(EXTENSION_DIR, dir)).map((f) => readFileSync(path.join(EXTENSION_DIR, dir, f)).length)).reduce((a, b) => a + b, 0);

const css = bytes(".css");
const js = bytes(".js");
const rows: Array<[string, string]> = [
  ["CSS per page (all blocks share one file)", `${css.raw} B raw, ${css.gzip} B gzip (budget 6144 B)`],
  ["JS per page", `${js.raw} B raw, ${js.gzip} B gzip in ${js.files} file(s) (budget 2048 B)`],
  ["Liquid across the extension", `${liquidBytes} B (Shopify limit 100 KB)`],
];
for (const locale of ["en", "fr"] as const) {
  const withBlocks = await productPageHtml({ withBlocks: true, locale });
  const without = await productPageHtml({ withBlocks: false, locale });
  const added = Buffer.byteLength(withBlocks) - Buffer.byteLength(without);
  const addedGzip = gzipSync(withBlocks).length - gzipSync(without).length;
  rows.push([`HTML added to the product page (${locale}, 6 blocks)`, `${added} B raw, ${addedGzip} B gzip`]);
  rows.push([`<script> elements added (${locale})`, String((withBlocks.match(/<script\b/g) ?? []).length - (without.match(/<script\b/g) ?? []).length)]);
}
const width = Math.max(...rows.map(([k]) => k.length));
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
