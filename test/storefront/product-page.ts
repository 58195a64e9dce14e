/**
 * A realistic Dawn-like product page of the seeded shop, with or without the Rassure blocks
 * (rendered from the extension's Liquid) and the trust-bar embed, served over HTTP the way a
 * storefront is. Used by the browser test (screenshots, axe) and bench/storefront-lighthouse.ts.
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { EXTENSION_DIR } from "../../app/storefront/extension-sources.server";
import { escapeHtml } from "../../app/storefront/html-escape";
import { fullConfig, render, SHOP_REVIEWS } from "./fixtures";

export const RASSURE_CSS = readFileSync(path.join(EXTENSION_DIR, "assets/rassure.css"), "utf8");

const THEME_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{font-size:100%}
body{margin:0;font-family:Assistant,"Helvetica Neue",Arial,sans-serif;font-size:1rem;line-height:1.6;color:#2b2420;background:#fbf7f2}
a{color:#6e4526}
.announcement{margin:0;padding:.5rem 1rem;text-align:center;font-size:.875rem;background:#2b2420;color:#fbf7f2}
.header{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem 1rem;padding:1rem 1.25rem;border-bottom:1px solid #e4dcd2}
.header__logo{font-family:Georgia,serif;font-size:1.5rem;font-weight:600;color:#2b2420;text-decoration:none}
.header__nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;list-style:none;margin:0;padding:0}
.header__nav a{color:#2b2420;text-decoration:none}
.product{display:grid;align-items:start;gap:2rem;max-width:1200px;margin:0 auto;padding:1.5rem 1.25rem}
@media (min-width:750px){.product{grid-template-columns:1.2fr 1fr;padding:3rem 2rem}}
.product__media{margin:0;aspect-ratio:1/1;border-radius:.5rem;background:radial-gradient(circle at 50% 38%,#f3d9a4 0 14%,#e9b86c 15% 22%,transparent 23%),linear-gradient(160deg,#e8ddd0,#cdbba6)}
.product__info>*+*{margin-top:1rem}
.product__vendor{margin:0;font-size:.8125rem;letter-spacing:.1em;text-transform:uppercase;color:#5c4f45}
.product__title{margin:.25rem 0 0;font-family:Georgia,serif;font-size:2rem;font-weight:500;line-height:1.2}
.product__price{margin:0;font-size:1.25rem}
.product__form label{display:block;margin-bottom:.25rem;font-size:.875rem}
.product__form select{width:100%;padding:.75rem;font:inherit;color:inherit;background:#fff;border:1px solid #8a7b6e;border-radius:.25rem}
.button{display:block;width:100%;margin-top:1rem;padding:1rem;font:inherit;font-weight:600;color:#fff;background:#6e4526;border:0;border-radius:.25rem;cursor:pointer}
.product__description{color:#3d332c}
.more{max-width:1200px;margin:0 auto;padding:0 1.25rem 2rem;display:grid;gap:1rem}
@media (min-width:750px){.more{grid-template-columns:1fr 1fr;padding:0 2rem 3rem}}
.footer{padding:2rem 1.25rem;border-top:1px solid #e4dcd2;font-size:.875rem}
`;

export interface ProductPageOptions {
  withBlocks: boolean;
  /**
   * Also the blocks a merchant would put elsewhere on the page: the physical store and "Track my
   * order" below the product, the shop-wide reviews summary in the footer (the benches: every
   * block of the extension on one page).
   */
  everyBlock?: boolean;
  locale: "en" | "fr";
  now?: Date;
}

export async function productPageHtml({ withBlocks, everyBlock = false, locale, now = new Date("2026-11-23T10:00:00Z") }: ProductPageOptions): Promise<string> {
  const config = fullConfig();
  const block = (handle: string, settings?: { tone?: string; source?: string }, on = withBlocks) =>
    on ? render(handle, config, { locale, now, settings, blockId: `${handle}-${settings?.source ?? 1}`, shopReviews: SHOP_REVIEWS }) : Promise.resolve("");
  const [store, trackOrder, shopReviews] = await Promise.all([
    block("store", { tone: "outline" }, withBlocks && everyBlock),
    block("track-order", {}, withBlocks && everyBlock),
    block("reviews", { source: "shop" }, withBlocks && everyBlock),
  ]);
  const [delivery, promises, payment, contact, legal, bar, partners, reviews] = await Promise.all([
    block("delivery"),
    block("promises", { tone: "soft" }),
    block("payment"),
    block("contact", { tone: "outline" }),
    block("legal", { tone: "outline" }),
    block("trust-bar", { tone: "soft" }),
    block("partners"),
    block("reviews"),
  ]);
  const fr = locale === "fr";
  const text = (en: string, frText: string) => escapeHtml(fr ? frText : en);
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${text("Beeswax candle “Lumière” – Atelier Lumière", "Bougie à la cire d'abeille « Lumière » – Atelier Lumière")}</title>
<meta name="description" content="${text("Hand-poured beeswax candle made in Lyon.", "Bougie en cire d'abeille coulée à la main à Lyon.")}">
<style>${THEME_CSS}</style>
${withBlocks ? '<link rel="stylesheet" href="/assets/rassure.css">' : ""}
</head>
<body>
<header>
  <p class="announcement">${text("Free shipping from €60", "Livraison offerte dès 60 € d'achat")}</p>
  <div class="header">
    <a class="header__logo" href="/">Atelier Lumière</a>
    <nav class="header__nav" aria-label="${text("Main menu", "Menu principal")}"><ul><li><a href="/collections/bougies">${text("Candles", "Bougies")}</a></li><li><a href="/collections/ceramiques">${text("Ceramics", "Céramiques")}</a></li><li><a href="/cart">${text("Cart", "Panier")}</a></li></ul></nav>
  </div>
</header>
<main id="MainContent">
  <section class="product">
    <div class="product__media" role="img" aria-label="${text("Beeswax candle in a ceramic pot", "Bougie en cire d'abeille dans un pot en céramique")}"></div>
    <div class="product__info">
      <p class="product__vendor">Atelier Lumière</p>
      <h1 class="product__title">${text("Beeswax candle “Lumière”", "Bougie à la cire d'abeille « Lumière »")}</h1>
      <p class="product__price">34,00 €</p>
      ${reviews}
      <form class="product__form" action="/cart/add" method="post">
        <label for="size">${text("Size", "Taille")}</label>
        <select id="size" name="id"><option>180 g</option><option>320 g</option></select>
        <button class="button" type="submit">${text("Add to cart", "Ajouter au panier")}</button>
      </form>
      ${delivery}
      ${promises}
      ${payment}
      ${partners}
      <div class="product__description"><p>${text("Hand-poured in our Lyon workshop from French beeswax and a cotton wick. About 45 hours of burning.", "Coulée à la main dans notre atelier lyonnais, cire d'abeille française et mèche en coton. Environ 45 heures de combustion.")}</p></div>
    </div>
  </section>
  <div class="more">${contact}${legal}${store}${trackOrder}</div>
</main>
<footer class="footer">${shopReviews}<p>© 2026 Atelier Lumière</p></footer>
${bar}
</body>
</html>`;
}

/** Serves pages by path and the extension's CSS at /assets/rassure.css. */
export async function serveProductPages(pages: Record<string, string>) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/assets/rassure.css") {
      res.writeHead(200, { "content-type": "text/css; charset=utf-8", "cache-control": "public, max-age=31536000" });
      res.end(RASSURE_CSS);
      return;
    }
    const page = pages[url.pathname];
    res.writeHead(page ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
    res.end(page ?? "Not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
