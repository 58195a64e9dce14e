/**
 * The dev store's public storefront, as a stock French WooCommerce 8.9 shop with the Storefront
 * theme serves it (platform-facts.md §4.5): page slugs in the site's language (`/panier/`,
 * `/commande/`, `/mon-compte/`, products under `/produit/`), the block-based Cart and Checkout
 * whose buttons are drawn in the browser (the HTML is only their frame), `/commande/` with an
 * empty cart redirecting to the cart, and the Rassure companion plugin's blocks printed where the
 * theme lets it print them: under the add-to-cart form on product pages (classic hook, or the
 * add-to-cart-form block in a block theme; a custom theme may fire neither), after the cart's
 * proceed-to-checkout block, and at wp_footer. The blocks are the extension's markup rendered by
 * the app's Liquid renderer (the plugin prints the same HTML: test/woocommerce/plugin.test.ts).
 * The plugin's trust page answers at /rassure-confiance/ (and /rassure-trust/) inside the theme
 * once published with the page on, the theme's 404 otherwise; its stylesheet is linked in the
 * head whenever something is published, as the plugin's wp_enqueue_style does.
 */
import { readFileSync } from "node:fs";
import { aggregateRatings } from "../../adapters/reviews-aggregate";
import { readExtensionSources } from "../../app/storefront/extension-sources.server";
import { createPreviewRenderer, type PreviewShop } from "../../app/storefront/liquid-preview";
import type { PublishedStorefrontConfig } from "../../app/storefront/config";
import { trustPageLiquid } from "../../app/trust-page/trust-page.server";
import type { WooStoreContext } from "./context";
import { escapeHtml, html } from "./responses";
import { productPermalink } from "./rest";
import type { JsonObject, WooProduct, WpPage } from "./types";

/** The plugin's places and the blocks each shows (class-rassure-storefront.php PLACES). */
const PLACES = { product: ["payment", "promises", "delivery", "partners", "reviews"], cart: ["promises"], footer: ["contact", "store", "reviews", "legal", "trust-bar"] } as const;
type Place = keyof typeof PLACES;

/**
 * Card brands shown for the seeded shop's enabled gateways. The plugin's own table
 * (Rassure_Shop_Context::GATEWAY_PAYMENT_TYPES) is the reference; the stand-in only needs Stripe's.
 */
const GATEWAY_ICONS: Record<string, string[]> = { stripe: ["cartes_bancaires", "visa", "master", "american_express"] };

let renderer: ReturnType<typeof createPreviewRenderer> | null = null;
const previewRenderer = () => (renderer ??= createPreviewRenderer(readExtensionSources()));

/** The plugin's trust page addresses (Rassure_Trust_Page::SLUGS); this French site links the French one. */
const TRUST_PAGE_SLUGS = ["rassure-trust", "rassure-confiance"];
const trustPageUrl = (store: WooStoreContext) => `${store.homeUrl}/rassure-confiance/`;
const PLUGIN_STYLESHEET = "/wp-content/plugins/rassure-for-woocommerce/assets/rassure.css";
/** The plugin's copy of the shared stylesheet, as WordPress serves it from the plugin folder. */
const PLUGIN_STYLESHEET_FILE = "wordpress/rassure-for-woocommerce/assets/rassure.css";

/** What the app last published to the plugin, while the plugin is on. */
function publishedConfig(store: WooStoreContext): PublishedStorefrontConfig | null {
  const { config, enabled } = store.state.companionPlugin;
  return enabled && config && typeof config === "object" ? (config as unknown as PublishedStorefrontConfig) : null;
}

function pageSetting(store: WooStoreContext, id: string): number {
  const option = store.state.settings.advanced?.find((o) => o.id === id);
  return Number(option?.value ?? 0);
}

/** The page ids WooCommerce's settings name (woocommerce_cart_page_id…). */
export function wooPageIds(store: WooStoreContext) {
  return {
    cart: pageSetting(store, "woocommerce_cart_page_id"),
    checkout: pageSetting(store, "woocommerce_checkout_page_id"),
    account: pageSetting(store, "woocommerce_myaccount_page_id"),
  };
}

export function pageLink(store: WooStoreContext, page: WpPage): string {
  return `${store.homeUrl}/${page.slug}/`;
}

function publishedPage(store: WooStoreContext, id: number): WpPage | undefined {
  return store.state.pages.find((p) => p.id === id && p.status === "publish");
}

/** The checkout page is WooCommerce's Checkout block (default since 8.3). */
export function isBlockCheckout(store: WooStoreContext): boolean {
  return publishedPage(store, wooPageIds(store).checkout)?.content.includes("wp:woocommerce/checkout") ?? false;
}

function previewShop(store: WooStoreContext): PreviewShop {
  const enabled = store.state.paymentGateways.filter((g) => g.enabled === true).map((g) => String(g.id));
  const refund = store.state.pages.find((p) => p.status === "publish" && p.slug === "remboursements-et-retours");
  return {
    origin: store.homeUrl,
    enabledPaymentTypes: [...new Set(enabled.flatMap((id) => GATEWAY_ICONS[id] ?? []))],
    policies: refund ? [{ handle: "refund_policy", title: refund.title, url: pageLink(store, refund) }] : [],
    moneyFormat: "{{amount_with_comma_separator}} €",
  };
}

async function place(store: WooStoreContext, where: Place): Promise<string> {
  const config = publishedConfig(store);
  if (!config) return "";
  const parts = await Promise.all(
    PLACES[where].map((handle) =>
      previewRenderer().render({
        handle,
        config,
        locale: "fr",
        shop: previewShop(store),
        timeZone: "Europe/Paris",
        now: new Date(),
        blockId: "wc",
        // As the plugin: the footer's reviews summary is the whole shop's, computed from native ratings.
        ...(where === "footer" ? { settings: { source: "shop" }, shopReviews: shopReviewsAggregate(store) } : {}),
        // A product page's own rating is not simulated: its reviews summary stays empty, never the shop's figure.
        ...(where === "product" ? { product: null } : {}),
      }),
    ),
  );
  // The Liquid bar links Shopify's app proxy address; the plugin links its own page (Rassure_Trust_Page::url()).
  return parts.join("").replace(/href="\/apps\/rassure\/trust[^"]*"/g, `href="${trustPageUrl(store)}"`);
}

/** wp_footer: the plugin's footer blocks in their own container (Rassure_Storefront::echo_footer). */
async function footerPlace(store: WooStoreContext): Promise<string> {
  const blocks = await place(store, "footer");
  return blocks === "" ? "" : `<div class="rassure-footer">${blocks}</div>`;
}

/** The plugin's trust page content (Rassure_Renderer::trust_page prints the same markup); "" while off. */
async function trustPage(store: WooStoreContext): Promise<string> {
  const config = publishedConfig(store);
  const liquid = config?.trust_page ? trustPageLiquid(config, "fr") : "";
  return liquid === "" ? "" : previewRenderer().renderLiquid(liquid, { config: null, locale: "fr", shop: previewShop(store), timeZone: "Europe/Paris", now: new Date() });
}

/** A little of the Storefront theme's look (fonts, width, header, footer), so the demo pages read like a shop. */
const THEME_STYLE = `body{margin:0;font-family:sans-serif;color:#43454b;line-height:1.6;background:#fff}
.site-header{display:flex;flex-wrap:wrap;gap:.5rem 2rem;align-items:center;padding:1.25rem max(1rem,calc((100% - 66rem)/2));border-bottom:1px solid #eee}
.site-title{font-size:1.5rem;font-weight:700;color:#333;text-decoration:none}.main-navigation a{margin-right:1rem;color:#333}
.site-main{padding:1.5rem max(1rem,calc((100% - 66rem)/2))}.site-footer{padding:1.5rem max(1rem,calc((100% - 66rem)/2));background:#f0f0f0;font-size:.9rem}
.footer-links{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem}a{color:#2c2d33}`;

const euros = (cents: number) => `${(cents / 100).toFixed(2).replace(".", ",")}&nbsp;€`;

async function layout(store: WooStoreContext, title: string, bodyClass: string, main: string): Promise<string> {
  const ids = wooPageIds(store);
  const link = (id: number, label: string) => {
    const page = publishedPage(store, id);
    return page ? `<a href="${pageLink(store, page)}">${label}</a>` : "";
  };
  const special = new Set([ids.cart, ids.checkout, ids.account, 5]);
  const footerLinks = store.state.pages
    .filter((p) => p.status === "publish" && !special.has(p.id))
    .map((p) => `<li><a href="${pageLink(store, p)}">${escapeHtml(p.title)}</a></li>`)
    .join("");
  const stylesheet = publishedConfig(store) ? `<link rel="stylesheet" id="rassure-css" href="${store.homeUrl}${PLUGIN_STYLESHEET}?ver=1.1.0">` : "";
  return `<!DOCTYPE html><html lang="fr-FR"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} – ${escapeHtml(store.state.siteName)}</title><style>${THEME_STYLE}</style>${stylesheet}</head>
<body class="${bodyClass} theme-storefront woocommerce-js">
<header id="masthead" class="site-header"><a class="site-title" href="${store.homeUrl}/">${escapeHtml(store.state.siteName)}</a>
<nav class="main-navigation"><a href="${store.homeUrl}/boutique/">Boutique</a> ${link(ids.cart, "Panier")} ${link(ids.account, "Mon compte")}</nav></header>
<main id="main" class="site-main">${main}</main>
<footer id="colophon" class="site-footer" role="contentinfo"><ul class="footer-links">${footerLinks}</ul><p>© ${escapeHtml(store.state.siteName)} – Propulsé par WooCommerce</p></footer>
${await footerPlace(store)}
</body></html>`;
}

function productGrid(store: WooStoreContext): string {
  const items = store.state.products
    .filter((p) => p.status === "publish")
    .map((p) => `<li class="product"><a href="${productPermalink(store, p.slug)}" class="woocommerce-LoopProduct-link"><h2 class="woocommerce-loop-product__title">${escapeHtml(p.name)}</h2><span class="price">${euros(p.price)}</span></a></li>`)
    .join("");
  return `<ul class="products columns-3">${items}</ul>`;
}

async function productPage(store: WooStoreContext, product: WooProduct): Promise<string> {
  const jsonLd = JSON.stringify({
    "@context": "https://schema.org/",
    "@type": "Product",
    name: product.name,
    sku: product.sku,
    offers: [{ "@type": "Offer", price: (product.price / 100).toFixed(2), priceCurrency: "EUR", availability: "http://schema.org/InStock", url: productPermalink(store, product.slug) }],
  });
  const form = `<form class="cart" action="${productPermalink(store, product.slug)}" method="post" enctype="multipart/form-data"><div class="quantity"><input type="number" class="input-text qty text" name="quantity" value="1" min="1"></div><button type="submit" name="add-to-cart" value="${product.id}" class="single_add_to_cart_button button alt">Ajouter au panier</button></form>`;
  const hooks = store.state.theme.productHooks;
  const blocks = hooks === "none" ? "" : await place(store, "product");
  // A classic theme prints the summary hooks; a block theme renders the add-to-cart-form block and the plugin appends after it.
  const buy = hooks === "blocks" ? `<div class="wp-block-woocommerce-add-to-cart-form">${form}</div>${blocks}` : `${form}${blocks}`;
  const summary = `<div class="summary entry-summary"><h1 class="product_title entry-title">${escapeHtml(product.name)}</h1><p class="price">${euros(product.price)}</p><div class="woocommerce-product-details__short-description"><p>${escapeHtml(product.shortDescription)}</p></div>${buy}<div class="product_meta"><span class="sku_wrapper">UGS : <span class="sku">${escapeHtml(product.sku)}</span></span></div></div>`;
  return layout(store, product.name, "product-template-default single single-product", `<div class="product type-product">${summary}</div><script type="application/ld+json">${jsonLd}</script>`);
}

/** The Cart block's server HTML: frames that the browser fills; the plugin appends after the proceed-to-checkout block. */
async function cartPage(store: WooStoreContext, page: WpPage): Promise<string> {
  const main = `<h1 class="entry-title">${escapeHtml(page.title)}</h1><div class="wp-block-woocommerce-cart alignwide is-loading"><div class="wp-block-woocommerce-filled-cart-block"><div class="wp-block-woocommerce-cart-items-block"></div><div class="wp-block-woocommerce-cart-totals-block"><div class="wp-block-woocommerce-cart-order-summary-block"></div><div class="wp-block-woocommerce-proceed-to-checkout-block"></div>${await place(store, "cart")}<div class="wp-block-woocommerce-cart-accepted-payment-methods-block"></div></div></div><div class="wp-block-woocommerce-empty-cart-block"><h2 class="wp-block-heading has-text-align-center with-empty-cart-icon wc-block-cart__empty-cart__title">Votre panier est actuellement vide !</h2></div></div>`;
  return layout(store, page.title, "page woocommerce-cart", main);
}

function accountPage(store: WooStoreContext, page: WpPage): Promise<string> {
  const main = `<h1 class="entry-title">${escapeHtml(page.title)}</h1><div class="woocommerce"><h2>Se connecter</h2><form class="woocommerce-form woocommerce-form-login login" method="post"><p><label for="username">Identifiant ou e-mail</label><input type="text" name="username" id="username" autocomplete="username"></p><p><label for="password">Mot de passe</label><input type="password" name="password" id="password" autocomplete="current-password"></p><button type="submit" class="woocommerce-button button woocommerce-form-login__submit" name="login" value="Se connecter">Se connecter</button></form></div>`;
  return layout(store, page.title, "page woocommerce-account", main);
}

/** GET of a storefront path; null when the path is not the storefront's (REST, wp-admin…). */
export async function storefrontRoute(store: WooStoreContext, url: URL): Promise<Response | null> {
  const path = url.pathname;
  if (path === PLUGIN_STYLESHEET) return new Response(readFileSync(PLUGIN_STYLESHEET_FILE, "utf8"), { headers: { "Content-Type": "text/css; charset=utf-8" } });
  if (TRUST_PAGE_SLUGS.some((slug) => path === `/${slug}/` || path === `/${slug}`) || (path === "/" && url.searchParams.get("rassure_trust") === "1")) {
    const content = await trustPage(store);
    return content === "" ? null : html(await layout(store, "À qui vous achetez", "page rassure-trust-page", content));
  }
  if (path === "/") return html(await layout(store, "Accueil", "home", `<h1>${escapeHtml(store.state.siteName)}</h1>${productGrid(store)}`));
  const product = /^\/produit\/([a-z0-9-]+)\/?$/.exec(path);
  if (product) {
    const found = store.state.products.find((p) => p.slug === product[1] && p.status === "publish");
    return found ? html(await productPage(store, found)) : null;
  }
  const slug = /^\/([a-z0-9-]+)\/?$/.exec(path)?.[1];
  const page = slug ? store.state.pages.find((p) => p.slug === slug && p.status === "publish") : undefined;
  if (!page) return null;
  const ids = wooPageIds(store);
  if (page.id === ids.checkout) {
    // WooCommerce sends an empty cart from the checkout to the cart page (this stand-in keeps no cart session).
    const cart = publishedPage(store, ids.cart);
    return new Response(null, { status: 302, headers: { Location: cart ? pageLink(store, cart) : `${store.homeUrl}/` } });
  }
  if (page.id === ids.cart) return html(await cartPage(store, page));
  if (page.id === ids.account) return html(await accountPage(store, page));
  if (page.id === 5) return html(await layout(store, page.title, "archive post-type-archive-product", `<h1>${escapeHtml(page.title)}</h1>${productGrid(store)}`));
  return html(await layout(store, page.title, `page page-id-${page.id}`, `<h1 class="entry-title">${escapeHtml(page.title)}</h1><div class="entry-content">${page.content}</div>`));
}

/** What the companion plugin reports from inside WordPress (facts v2 `site`), for the stand-in's pages and settings. */
export function companionSiteFacts(store: WooStoreContext): JsonObject {
  const ids = wooPageIds(store);
  const linkOf = (id: number) => {
    const page = publishedPage(store, id);
    return page ? pageLink(store, page) : null;
  };
  const block = isBlockCheckout(store);
  const updates = store.state.wordpressUpdates;
  const status = store.state.systemStatus;
  const environment = status.environment as JsonObject;
  const theme = status.theme as JsonObject;
  // update_plugins lists plugins hosted on WordPress.org (with or without an update); others stay unknown.
  const plugins = (status.active_plugins as JsonObject[]).map((plugin) => ({ plugin: String(plugin.plugin), version: String(plugin.version), latest: updates.plugins[String(plugin.plugin)] ?? null }));
  return {
    pages: { cart: linkOf(ids.cart), checkout: linkOf(ids.checkout), account: linkOf(ids.account) },
    block_checkout: block,
    // fr_FR translation of WooCommerce's default label in both checkouts ("Place order" / "Place Order").
    order_button: { label: "Commander", source: block ? "Checkout block placeOrderButtonLabel" : "woocommerce_order_button_text" },
    updates: {
      checked_at: updates.lastChecked,
      core: { version: String(environment.wp_version), latest: updates.coreLatest },
      theme: { name: String(theme.name), version: String(theme.version), latest: updates.themeLatest },
      plugins,
    },
    ratings: shopRatings(store),
  };
}

/** What the plugin's Rassure_Shop_Context::shop_reviews() computes: published products' ratings, weighted by their counts. */
function shopReviewsAggregate(store: WooStoreContext) {
  const published = store.state.products.filter((p) => p.status === "publish");
  return aggregateRatings(
    published.map((p) => ({ rating: Number(p.averageRating), scaleMax: 5, count: p.ratingCount })),
    published.length,
    new Date(),
  );
}

/** The plugin's facts answer carries the same figures (class-rassure-facts.php `site()`). */
function shopRatings(store: WooStoreContext): JsonObject {
  const { ratingTenths, scaleMax, reviews, products } = shopReviewsAggregate(store);
  return { ratingTenths, scaleMax, reviews, products };
}
