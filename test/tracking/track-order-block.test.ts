/**
 * The "Track my order" theme block: rendered from the extension's own Liquid (liquidjs with
 * Shopify's `t` semantics) into a storefront stand-in that plays Shopify's app proxy — it signs
 * the forwarded request and renders the app's Liquid answer in the page — and used in real
 * Chromium the way a shopper would, with no JavaScript on the page at all.
 */
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as proxyAction } from "../../app/routes/proxy.track";
import { readExtensionSources } from "../../app/storefront/extension-sources.server";
import { createPreviewRenderer } from "../../app/storefront/liquid-preview";
import { lookupLimits } from "../../app/tracking/storefront-lookup.server";
import { launchChromium } from "../support/browser";
import { TEST_APP } from "../support/test-app";
import { startTrackingHarness, type TrackingHarness } from "./support";

let harness: TrackingHarness;
let storefront: Server;
let storefrontUrl: string;
let browser: BrowserContext;

const renderer = createPreviewRenderer(readExtensionSources());
const SHOP_STUB = { enabledPaymentTypes: [], policies: [], moneyFormat: "{{amount}} €" };

function renderBlock(locale: "en" | "fr") {
  return renderer.render({ handle: "track-order", config: null, locale, shop: SHOP_STUB, timeZone: "Europe/Paris", now: new Date(), blockId: "b1" });
}

/** What Shopify's app proxy adds to a forwarded request (see shopify.dev "Authenticate app proxies"). */
function signedProxyUrl(shop: string): URL {
  const params: Record<string, string> = { shop, logged_in_customer_id: "", path_prefix: "/apps/rassure", timestamp: String(Math.floor(Date.now() / 1000)) };
  const message = Object.keys(params).sort().map((k) => `${k}=${params[k]}`).join("");
  const url = new URL(`${TEST_APP.appUrl}/proxy/track`);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  url.searchParams.set("signature", createHmac("sha256", TEST_APP.apiSecret).update(message).digest("hex"));
  return url;
}

const page = (body: string, lang: string) => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Atelier Lumière</title></head><body><main>${body}</main></body></html>`;

beforeAll(async () => {
  harness = await startTrackingHarness();
  const shop = harness.store.shopDomain;
  storefront = createServer(async (req, res) => {
    const lang = req.url?.startsWith("/fr") ? "fr" : "en";
    if (req.method === "POST" && req.url === "/apps/rassure/track") {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const forwarded = new Request(signedProxyUrl(shop), {
        method: "POST",
        body: Buffer.concat(chunks),
        headers: { "content-type": String(req.headers["content-type"]), "x-forwarded-for": "203.0.113.50" },
      });
      const answer = await proxyAction({ request: forwarded, params: {}, context: {} });
      // The answer is Liquid rendered in the theme layout; ours holds no Liquid tags to evaluate.
      res.writeHead(answer.status, { "content-type": "text/html; charset=utf-8" });
      res.end(page(await answer.text(), lang));
      return;
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(page(await renderBlock(lang), lang));
  });
  await new Promise<void>((resolve) => storefront.listen(0, "127.0.0.1", resolve));
  storefrontUrl = `http://127.0.0.1:${(storefront.address() as AddressInfo).port}`;
  browser = await launchChromium({ locale: "fr-FR" });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => storefront?.close(resolve));
  await harness?.close();
});

describe("track-order block markup", () => {
  it("is a plain, labelled form posting to the app proxy, with no script", async () => {
    const html = await renderBlock("fr");
    expect(html).toContain('<form class="rassure__form" action="/apps/rassure/track" method="post">');
    expect(html).toContain('<label class="rassure__label" for="rassure-track-order-b1">Numéro de commande</label>');
    expect(html).toContain('<input id="rassure-track-email-b1" name="email" type="email" required');
    expect(html).toContain('<input type="hidden" name="locale" value="fr">');
    expect(html).toContain('aria-labelledby="rassure-track-b1"');
    expect(html).not.toMatch(/<script|translation missing/);
    expect(await renderBlock("en")).toContain("Track my order");
  });
});

describe("track-order block in a browser", () => {
  it("a shopper finds their parcel link by order number and e-mail, without JavaScript", async () => {
    Object.values(lookupLimits).forEach((l) => l.reset());
    const email = harness.store.state.orders.find((o) => o.name === "#1010")!.email!;
    const tab = await browser.newPage();
    await tab.goto(`${storefrontUrl}/fr`);
    await tab.getByLabel("Numéro de commande").fill("1010");
    await tab.getByLabel("Adresse e-mail").fill(email);
    await tab.getByRole("button", { name: "Trouver mes colis" }).click();
    await tab.waitForURL(`${storefrontUrl}/apps/rassure/track`);
    await expect(tab.getByRole("heading", { name: "Colis de la commande #1010" }).count()).resolves.toBe(1);
    const link = tab.getByRole("link", { name: "Suivre avec Colissimo" });
    expect(await link.getAttribute("href")).toBe("https://www.laposte.fr/outils/suivre-vos-envois?code=8R41526378901");

    // A wrong e-mail gets the neutral answer, and the form is there to try again.
    await tab.getByLabel("Adresse e-mail").fill("not.me@example.com");
    await tab.getByRole("button", { name: "Trouver mes colis" }).click();
    await expect(tab.getByRole("alert").textContent()).resolves.toContain("Nous n'avons pas trouvé de commande");
    await tab.close();
  });
});
