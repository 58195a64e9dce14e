/**
 * WooCommerce benchmark (prints figures, asserts nothing):
 *  - checklist facts collection against the local dev store, with the companion plugin (one
 *    `wc-rassure/v1/facts` request) and without it (REST calls in parallel): requests counted at
 *    the dev store, answer size and wall time;
 *  - the same with one 429 and one 503 on the way (retries with backoff);
 *  - webhook signature verification cost per delivery (HMAC-SHA256 over a realistic order body);
 *  - companion plugin rendering in php-cli: per-block time and HTML size, and the shared CSS size.
 * Run: npx tsx bench/woocommerce.ts
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { WooCommerceAdapter } from "../adapters/woocommerce";
import { defaultStorefrontConfig, toPublishedConfig } from "../app/storefront/config";
import { wooWebhookSignatureMatches, wooWebhookSignature } from "../adapters/woocommerce/webhook-signature";
import { startWooCommerceDevStore } from "../dev/woocommerce-dev-store";

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const store = await startWooCommerceDevStore({});
const { consumerKey, consumerSecret } = store.createKey("read");

async function collectFigures(label: string) {
  const times: number[] = [];
  let requests = 0;
  for (let i = 0; i < 15; i++) {
    const adapter = new WooCommerceAdapter({ storeUrl: store.url, consumerKey, consumerSecret }, { allowPrivateAddresses: true });
    const before = store.restRequests.length;
    const start = performance.now();
    await adapter.collectChecklistFacts();
    times.push(performance.now() - start);
    requests = store.restRequests.length - before;
  }
  console.log(`checklist facts ${label}: ${requests} request(s) at the dev store, median ${median(times).toFixed(1)} ms over ${times.length} runs (loopback)`);
}

await collectFigures("with the companion plugin");
const probe = new WooCommerceAdapter({ storeUrl: store.url, consumerKey, consumerSecret }, { allowPrivateAddresses: true }).client;
const answer = await probe.get("facts", { orders_after: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 19) }, "wc-rassure/v1");
const answerBytes = Buffer.byteLength(JSON.stringify(answer.data));
console.log(`  facts answer: ${(answerBytes / 1024).toFixed(0)} KiB JSON (${(gzipSync(JSON.stringify(answer.data)).length / 1024).toFixed(0)} KiB gzip), ${store.state.orders.length} orders in the store`);
store.state.companionPlugin.active = false;
await collectFigures("without it (REST calls)");
store.state.companionPlugin.active = true;

store.simulate.throttleNext(1);
store.simulate.serverErrorNext(1);
const degraded = new WooCommerceAdapter({ storeUrl: store.url, consumerKey, consumerSecret }, { allowPrivateAddresses: true, backoffMs: 200 });
const start = performance.now();
const facts = await degraded.collectChecklistFacts();
console.log(`  with one 429 (Retry-After: 1) and one 503 on the way: ${facts.cost.requests} requests, ${(performance.now() - start).toFixed(0)} ms`);
await store.close();

const order = readFileSync("test/contracts/woocommerce/recorded-8.9.1/order.json", "utf8");
const rounds = 20_000;
const hmacStart = performance.now();
const signature = wooWebhookSignature(order, "a-32-byte-webhook-secret-for-the-bench");
for (let i = 0; i < rounds; i++) wooWebhookSignatureMatches(order, "a-32-byte-webhook-secret-for-the-bench", signature);
console.log(`webhook signature check: ${(((performance.now() - hmacStart) / rounds) * 1000).toFixed(1)} µs per delivery (${order.length} B order body)`);

const now = new Date("2026-11-23T10:00:00Z");
const config = toPublishedConfig(defaultStorefrontConfig(), 1, now, "Europe/Paris");
const handles = ["payment", "promises", "delivery", "contact", "legal", "trust-bar"];
const shop = { payment_types: ["cartes_bancaires", "visa", "master", "paypal"], policies: [{ handle: "refund_policy", title: "Retours", url: "/retours" }], money_format: "{{amount_with_comma_separator}} €" };
const one = (handle: string) => ({ handle, config, locale: "fr", shop, settings: {}, block_id: "wc", now: Math.floor(now.getTime() / 1000), timezone: "Europe/Paris" });
const repeat = 200;
const batch = Array.from({ length: repeat }, () => handles.map(one)).flat();
const phpStart = performance.now();
const result = spawnSync("php", ["tests/render.php"], { cwd: "wordpress/rassure-for-woocommerce", input: JSON.stringify(batch), encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
const phpMs = performance.now() - phpStart;
if (result.status !== 0) {
  console.log(`php-cli not available (${result.error?.message ?? result.stderr}): plugin figures skipped`);
} else {
  const html = JSON.parse(result.stdout) as string[];
  console.log(`plugin render (php-cli, ${batch.length} blocks in one process incl. start-up): ${((phpMs / batch.length) * 1000).toFixed(0)} µs per block`);
  for (const [i, handle] of handles.entries()) console.log(`  ${handle.padEnd(9)} ${html[i].length} B HTML (${gzipSync(html[i]).length} B gzip)`);
}
const css = readFileSync("wordpress/rassure-for-woocommerce/assets/rassure.css");
console.log(`plugin stylesheet: ${css.length} B (${gzipSync(css).length} B gzip), no JavaScript`);
