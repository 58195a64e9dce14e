/**
 * Checklist benchmark (prints figures, asserts nothing):
 *  - platform requests per scan: Shopify (1 GraphQL query, its requested/actual cost from the
 *    dev store's cost model) and WooCommerce (requests the adapter made against its dev store);
 *  - time to evaluate every check on a snapshot (goal < 5 ms) and evaluations per second;
 *  - shops per hour a background scheduler can scan, simulated under Shopify's GraphQL
 *    leaky bucket and the probe's one-request-per-second politeness.
 * Run: npx tsx bench/checklist-evaluate.ts
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ShopifyAdapter } from "../adapters/shopify";
import { tokenAdminGraphql } from "../adapters/shopify/checklist-token-graphql";
import { WooCommerceAdapter } from "../adapters/woocommerce";
import { evaluateChecklist } from "../app/checklist/evaluate";
import { pageFactsFromHtml } from "../app/checklist/storefront-probe/html-facts";
import { probeStorefront } from "../app/checklist/storefront-probe/probe";
import { devStoreOfflineToken } from "../cli/commands/scan";
import { startShopifyDevStore } from "../dev/shopify-dev-store";
import { startWooCommerceDevStore } from "../dev/woocommerce-dev-store";

const app = { apiKey: "bench", apiSecret: "bench-secret-development-only", appUrl: "http://127.0.0.1:9", handle: "rassure", scopes: ["read_legal_policies", "read_orders", "read_themes"] };

// --- Shopify: one query, its cost ------------------------------------------------------
const shopify = await startShopifyDevStore({ port: 0, app });
type Cost = { requestedQueryCost: number; actualQueryCost: number | null; throttleStatus: { maximumAvailable: number; restoreRate: number } };
const seen: { cost: Cost | null } = { cost: null };
const countingFetch: typeof fetch = async (input, init) => {
  const response = await shopify.fetch(input, init);
  if (String(input).includes("/graphql.json")) {
    const body = (await response.clone().json()) as { extensions?: { cost?: Cost } };
    seen.cost = body.extensions?.cost ?? null;
  }
  return response;
};
const token = await devStoreOfflineToken(shopify, app);
const facts = await new ShopifyAdapter(tokenAdminGraphql(shopify.shopDomain, token, countingFetch)).collectChecklistFacts();
console.log(`Shopify collector: ${facts.cost.requests} GraphQL request, requested cost ${seen.cost?.requestedQueryCost}, actual cost ${seen.cost?.actualQueryCost} (bucket ${seen.cost?.throttleStatus.maximumAvailable}, restore ${seen.cost?.throttleStatus.restoreRate}/s)`);

// --- WooCommerce: requests per collection ----------------------------------------------
const woo = await startWooCommerceDevStore({ outboundFetch: (async () => new Response("ok")) as typeof fetch });
const { consumerKey, consumerSecret } = woo.createKey();
const wooFacts = await new WooCommerceAdapter({ storeUrl: woo.url, consumerKey, consumerSecret }, { allowPrivateAddresses: true }).collectChecklistFacts();
woo.state.companionPlugin.active = false;
const wooRestFacts = await new WooCommerceAdapter({ storeUrl: woo.url, consumerKey, consumerSecret }, { allowPrivateAddresses: true }).collectChecklistFacts();
console.log(`WooCommerce collector: ${wooFacts.cost.requests} request with the companion plugin (wc-rassure/v1/facts), ${wooRestFacts.cost.requests} REST requests without it`);

// --- Storefront probe on a local fixture (plain HTTP, no politeness delay) -------------
const pageHtml = `<!doctype html><html lang="fr"><body><a href="/products/p">p</a><footer><a href="/policies/legal-notice">Mentions légales</a></footer></body></html>`;
const server = http.createServer((_req, res) => res.writeHead(200, { "Content-Type": "text/html" }).end(pageHtml));
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const probeStart = performance.now();
const storefront = await probeStorefront(origin, { platform: "shopify", allowPrivateAddresses: true, minIntervalMs: 0 });
const probeMs = performance.now() - probeStart;
console.log(`Storefront probe: ${storefront.requests} requests, ${probeMs.toFixed(0)} ms on loopback without the 1 request/s politeness (${storefront.requests} s with it)`);

// --- Evaluation speed ------------------------------------------------------------------
const snapshot = { platform: facts.platform, collectedAt: new Date().toISOString(), facts, storefront };
for (let i = 0; i < 200; i++) evaluateChecklist(snapshot); // warm-up
const runs = 2000;
const start = performance.now();
for (let i = 0; i < runs; i++) evaluateChecklist(snapshot);
const perRun = (performance.now() - start) / runs;
const results = evaluateChecklist(snapshot).results.length;
console.log(`Evaluate: ${results} checks in ${perRun.toFixed(3)} ms per snapshot (goal < 5 ms), ${Math.round(1000 / perRun)} evaluations/s`);

// --- Page parsing at the byte cap, ordinary and hostile ----------------------------------
const ordinary = `<html lang="fr"><body>${"<p>Bougie parfumée, 29 € TTC. <a href=\"/products/x\">Voir</a></p>".repeat(30_000)}<footer><a href="/policies/legal-notice">Mentions</a></footer></body></html>`.slice(0, 2 * 1024 * 1024);
const hostile: Record<string, string> = {
  ordinary,
  "unclosed JSON-LD": '<script type="application/ld+json">x'.repeat(60_000).slice(0, 2 * 1024 * 1024),
  "only '<'": "<".repeat(2 * 1024 * 1024),
  "unclosed forms": "<form><input>".repeat(160_000).slice(0, 2 * 1024 * 1024),
};
for (const [name, html] of Object.entries(hostile)) {
  const t = performance.now();
  pageFactsFromHtml(html, "https://shop.example/");
  console.log(`Parse 2 MB page (${name}): ${(performance.now() - t).toFixed(0)} ms`);
}

// --- Scheduler capacity (simulated) ----------------------------------------------------
// Shopify's bucket is per app per shop, so one query per shop per scan never waits on another shop's
// bucket; the limits that bind are per shop (bucket refill) and our own probe politeness.
const cost = seen.cost?.requestedQueryCost ?? 0;
const restore = seen.cost?.throttleStatus.restoreRate ?? 100;
const perShopSeconds = storefront.requests * 1 + probeMs / 1000 + 0.5; // 1 request/s + transfer + one API round trip
for (const concurrency of [1, 8, 32]) {
  const perHour = Math.floor((3600 / perShopSeconds) * concurrency);
  console.log(`Scheduler: ${concurrency} concurrent scan(s) → ~${perHour} shops/hour (each scan ≈ ${perShopSeconds.toFixed(1)} s; Shopify bucket refill for one scan: ${(cost / restore).toFixed(1)} s per shop, not shared across shops)`);
}

server.close();
await shopify.close();
await woo.close();
