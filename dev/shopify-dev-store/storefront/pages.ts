/**
 * The storefront's pages: home, the catalogue, product pages from the MAIN theme's
 * `templates/product.json` (Dawn's main-product blocks in their order, app blocks where the
 * merchant placed them, "apps" sections after), online-store pages (`templates/page[.suffix].json`),
 * the cart (a cookie, as Shopify's cart token is), the shop's policies and a 404. It imitates a
 * Dawn-like theme; it is not a theme engine: only the section and block types below render.
 */
import { escapeHtml } from "../../../app/storefront/html-escape";
import { formatMoney, type PreviewProduct } from "../../../app/storefront/liquid-preview";
import { productGid } from "../seed";
import type { DevStoreContext } from "../context";
import { productReviews, type AppBlocks } from "./app-blocks";
import { findPage, findProduct, STOREFRONT_PRODUCTS, type StorefrontPage, type StorefrontProduct } from "./catalog";
import { contactLinks, linkTo, policyPath, renderPage } from "./layout";
import { word, type StorefrontLocale } from "./locale";
import { enabledEmbeds, readTemplate, type ThemeBlock, type ThemeSection } from "./theme-files";

const MONEY_FORMAT = "{{amount_with_comma_separator}} €";

export interface PageRequest {
  locale: StorefrontLocale;
  /** Path and query of the request (language links keep the query). */
  path: string;
  /** Scheme and host the request came to (Liquid `request.origin`). */
  origin?: string;
}

export interface PageResult {
  status: number;
  html: string;
  headers?: Record<string, string>;
}

/** Dawn's product page when the theme has no templates/product.json. */
const DEFAULT_PRODUCT_TEMPLATE: ThemeSection[] = [
  {
    id: "main",
    type: "main-product",
    settings: {},
    blocks: ["vendor", "title", "price", "quantity_selector", "buy_buttons", "description"].map((id) => ({ id, type: id === "vendor" ? "text" : id, settings: {} })),
  },
];

const DEFAULT_PAGE_TEMPLATE: ThemeSection[] = [{ id: "main", type: "main-page", settings: {}, blocks: [] }];

const price = (decimal: string) => escapeHtml(formatMoney(Math.round(Number(decimal) * 100), MONEY_FORMAT));

function media(product: StorefrontProduct, lang: StorefrontLocale["lang"]): string {
  return `<span class="media" role="img" aria-label="${escapeHtml(product.title[lang])}" style="--light:${product.palette[0]};--dark:${product.palette[1]}"></span>`;
}

function productGrid(locale: StorefrontLocale): string {
  return `<ul class="product-grid">${STOREFRONT_PRODUCTS.map(
    (p) =>
      `<li><a class="card" href="${escapeHtml(linkTo(locale, `/products/${p.handle}`))}">${media(p, locale.lang)}<span class="card__title">${escapeHtml(p.title[locale.lang])}</span><span class="card__price">${price(p.price)}</span></a></li>`,
  ).join("")}</ul>`;
}

export function createPages(store: DevStoreContext, blocks: AppBlocks) {
  const state = store.state;

  async function page(request: PageRequest, title: string, main: (stylesheets: Set<string>) => Promise<string>, status = 200, description?: string): Promise<PageResult> {
    const stylesheets = new Set<string>();
    const body = await main(stylesheets);
    const embeds = await blocks.renderAll(enabledEmbeds(state), "body", request.locale.lang, stylesheets, request.origin);
    return { status, html: renderPage(state, { locale: request.locale, title, description, main: body, embeds, stylesheets, path: request.path }) };
  }

  /** Sections of a JSON template; app blocks through the extension, theme blocks by `themeBlock`. */
  async function sections(
    template: ThemeSection[],
    request: PageRequest,
    stylesheets: Set<string>,
    main: (section: ThemeSection, renderBlock: (block: ThemeBlock) => Promise<string>) => Promise<string>,
    product?: PreviewProduct | null,
  ): Promise<string> {
    const renderApp = (block: ThemeBlock) => blocks.renderBlock(block, "section", request.locale.lang, stylesheets, request.origin, product);
    let html = "";
    for (const section of template) {
      if (section.type === "apps") {
        const inner = await blocks.renderAll(section.blocks, "section", request.locale.lang, stylesheets, request.origin, product);
        if (inner) html += `<div class="page-width section-apps" id="shopify-section-${escapeHtml(section.id)}">${inner}</div>`;
      } else if (section.type.startsWith("main-")) {
        html += await main(section, renderApp);
      }
    }
    return html;
  }

  function notFound(request: PageRequest): Promise<PageResult> {
    const { lang } = request.locale;
    return page(request, word(lang, "notFoundTitle"), async () => `<div class="page-width rte"><h1>${word(lang, "notFoundTitle")}</h1><p>${word(lang, "notFoundText")}</p><p><a class="button" href="${escapeHtml(linkTo(request.locale, "/collections/all"))}">${word(lang, "continueShopping")}</a></p></div>`, 404);
  }

  return {
    notFound,

    home(request: PageRequest): Promise<PageResult> {
      const { lang } = request.locale;
      return page(
        request,
        state.shop.name,
        async (stylesheets) =>
          `<section class="hero"><div class="page-width"><h1>${word(lang, "heroTitle")}</h1><p>${word(lang, "heroText")}</p><a class="button" href="${escapeHtml(linkTo(request.locale, "/collections/all"))}">${word(lang, "heroCta")}</a></div></section>
<div class="page-width"><h2 class="section-title">${word(lang, "featured")}</h2>${productGrid(request.locale)}</div>
${await sections(readTemplate(state, "index") ?? [], request, stylesheets, async () => "")}`,
      );
    },

    catalog(request: PageRequest): Promise<PageResult> {
      const { lang } = request.locale;
      return page(request, word(lang, "catalog"), async () => `<div class="page-width"><h1 class="section-title">${word(lang, "catalog")}</h1>${productGrid(request.locale)}</div>`);
    },

    async product(request: PageRequest, handle: string): Promise<PageResult> {
      const product = findProduct(handle);
      if (!product) return notFound(request);
      const { lang } = request.locale;
      const themeBlock = (block: ThemeBlock): string => {
        switch (block.type) {
          case "text":
            return `<p class="product__vendor">${escapeHtml(state.shop.name)}</p>`;
          case "title":
            return `<h1 class="product__title">${escapeHtml(product.title[lang])}</h1>`;
          case "price":
            return `<div><p class="product__price">${price(product.price)}</p><p class="product__tax">${word(lang, "taxIncluded")}</p></div>`;
          case "quantity_selector":
            return `<div class="product__form"><label for="Quantity-${escapeHtml(block.id)}">${word(lang, "quantity")}</label><input id="Quantity-${escapeHtml(block.id)}" form="product-form" name="quantity" type="number" min="1" max="99" value="1"></div>`;
          case "buy_buttons":
            return `<form id="product-form" class="product__form" action="${escapeHtml(linkTo(request.locale, "/cart/add"))}" method="post"><input type="hidden" name="id" value="${escapeHtml(product.handle)}"><button class="button button--full" type="submit">${word(lang, "addToCart")}</button></form>`;
          case "description":
            return `<div class="product__description"><p>${escapeHtml(product.description[lang])}</p></div>`;
          default:
            return "";
        }
      };
      return page(
        request,
        product.title[lang],
        async (stylesheets) =>
          sections(readTemplate(state, "product") ?? DEFAULT_PRODUCT_TEMPLATE, request, stylesheets, async (section, renderApp) => {
            let info = "";
            for (const block of section.blocks) info += blocks.isAppBlock(block.type) ? await renderApp(block) : themeBlock(block);
            return `<section class="page-width product" id="shopify-section-${escapeHtml(section.id)}">${media(product, lang)}<div class="product__info">${info}</div></section>`;
          }, productReviews(state, productGid(product.sku))),
        200,
        product.description[lang],
      );
    },

    pageByHandle(request: PageRequest, handle: string): Promise<PageResult> {
      const shopPage = findPage(handle);
      if (!shopPage) return notFound(request);
      return onlineStorePage(request, shopPage);
    },

    cart(request: PageRequest, lines: CartLine[]): Promise<PageResult> {
      const { lang } = request.locale;
      const known = lines.flatMap((line) => {
        const product = findProduct(line.handle);
        return product ? [{ product, quantity: line.quantity }] : [];
      });
      const total = known.reduce((sum, line) => sum + Math.round(Number(line.product.price) * 100) * line.quantity, 0);
      const body = known.length
        ? `<table class="cart-table"><thead><tr><th scope="col">${word(lang, "product")}</th><th scope="col">${word(lang, "quantity")}</th><th scope="col">${word(lang, "total")}</th></tr></thead><tbody>${known
            .map(
              (line) =>
                `<tr><td><a href="${escapeHtml(linkTo(request.locale, `/products/${line.product.handle}`))}">${escapeHtml(line.product.title[lang])}</a></td><td>${line.quantity}</td><td>${escapeHtml(formatMoney(Math.round(Number(line.product.price) * 100) * line.quantity, MONEY_FORMAT))}</td></tr>`,
            )
            .join("")}</tbody></table><p><strong>${word(lang, "subtotal")} : ${escapeHtml(formatMoney(total, MONEY_FORMAT))}</strong></p><p class="product__tax">${word(lang, "taxIncluded")}</p><p><button class="button" type="button" disabled aria-describedby="checkout-offline">${word(lang, "checkout")}</button></p><p id="checkout-offline">${word(lang, "checkoutOffline")}</p>`
        : `<p>${word(lang, "cartEmpty")}</p><p><a class="button" href="${escapeHtml(linkTo(request.locale, "/collections/all"))}">${word(lang, "continueShopping")}</a></p>`;
      return page(request, word(lang, "cart"), async () => `<div class="page-width rte"><h1>${word(lang, "cart")}</h1>${body}</div>`);
    },

    /** `/policies/<handle>`: the policy's HTML as the merchant wrote it; a missing or empty one is a 404. */
    policy(request: PageRequest, handle: string): Promise<PageResult> {
      const policy = state.policies.find((p) => policyPath(p.url) === `/policies/${handle}` && p.body.trim() !== "");
      if (!policy) return notFound(request);
      return page(request, policy.title, async () => `<div class="page-width rte"><h1>${escapeHtml(policy.title)}</h1>${policy.body}</div>`);
    },

    /** A page whose main content is HTML the app proxy returned (already rendered). */
    proxied(request: PageRequest, html: string, status: number): Promise<PageResult> {
      return page(request, state.shop.name, async () => `<div class="page-width rte">${html}</div>`, status);
    },

    /** What a password-protected store shows everyone (there is no password to enter offline). */
    password(request: PageRequest): Promise<PageResult> {
      const { lang } = request.locale;
      return page(request, word(lang, "passwordTitle"), async () => `<div class="page-width rte"><h1>${word(lang, "passwordTitle")}</h1><p>${word(lang, "passwordText")}</p></div>`);
    },

    /** The app behind the proxy did not answer in time or at all. */
    proxyUnavailable(request: PageRequest, status: number): Promise<PageResult> {
      const { lang } = request.locale;
      return page(request, word(lang, "proxyErrorTitle"), async () => `<div class="page-width rte"><h1>${word(lang, "proxyErrorTitle")}</h1><p>${word(lang, "proxyErrorText")}</p></div>`, status);
    },
  };

  function onlineStorePage(request: PageRequest, shopPage: StorefrontPage): Promise<PageResult> {
    const { lang } = request.locale;
    const template = (shopPage.templateSuffix && readTemplate(state, `page.${shopPage.templateSuffix}`)) || readTemplate(state, "page") || DEFAULT_PAGE_TEMPLATE;
    return page(request, shopPage.title[lang], async (stylesheets) =>
      sections(template, request, stylesheets, async (section) => `<div class="page-width rte" id="shopify-section-${escapeHtml(section.id)}"><h1>${escapeHtml(shopPage.title[lang])}</h1><p>${escapeHtml(shopPage.body[lang])}</p>${shopPage.handle === "contact" ? `<p>${contactLinks(state, lang)}</p>` : ""}</div>`),
    );
  }
}

export interface CartLine {
  handle: string;
  quantity: number;
}

export type StorefrontPages = ReturnType<typeof createPages>;
