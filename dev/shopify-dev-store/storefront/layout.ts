/**
 * The theme layout around every storefront page (Dawn-like `layout/theme.liquid`): head with the
 * theme CSS and the stylesheets of the app blocks on the page, announcement bar, header and
 * navigation, the page, a footer with the legal links, contact and payment icons, then the
 * app embeds (target "body"), as Shopify places them before </body>.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { escapeHtml } from "../../../app/storefront/html-escape";
import { paymentTypeSvg } from "../../../app/storefront/liquid-preview";
import type { DevStoreState } from "../types";
import { ENABLED_PAYMENT_TYPES } from "./catalog";
import { STOREFRONT_LANGS, word, type StorefrontLang, type StorefrontLocale } from "./locale";

export const THEME_CSS = readFileSync(fileURLToPath(new URL("./theme.css", import.meta.url)), "utf8");
export const THEME_CSS_PATH = "/cdn/shop/t/1/assets/base.css";
export const EXTENSION_ASSETS_PATH = "/cdn/shop/extensions/rassure-theme/assets/";

/** Internal link: carries `?locale=` on when the visitor chose the language that way. */
export function linkTo(locale: StorefrontLocale, path: string): string {
  if (!locale.explicit) return path;
  return `${path}${path.includes("?") ? "&" : "?"}locale=${locale.lang}`;
}

/** Storefront path of a policy (`/policies/refund-policy`), from the URL the Admin API gives. */
export function policyPath(url: string): string {
  return new URL(url, "https://shop.invalid").pathname;
}

export interface PageInput {
  locale: StorefrontLocale;
  title: string;
  description?: string;
  main: string;
  /** App embeds (target "body"). */
  embeds: string;
  /** Extension stylesheets the rendered app blocks declared. */
  stylesheets: Set<string>;
  /** The path of this page, for the language links. */
  path: string;
}

function header(state: DevStoreState, locale: StorefrontLocale): string {
  const link = (path: string, label: string) => `<li><a href="${escapeHtml(linkTo(locale, path))}">${label}</a></li>`;
  return `<a class="skip-link" href="#MainContent">${word(locale.lang, "skip")}</a>
<header class="site-header">
  <p class="announcement-bar">${word(locale.lang, "announcement")}</p>
  <div class="page-width site-header__inner">
    <a class="site-header__logo" href="${escapeHtml(linkTo(locale, "/"))}">${escapeHtml(state.shop.name)}</a>
    <nav class="site-nav" aria-label="${word(locale.lang, "menu")}"><ul>${[
      link("/", word(locale.lang, "home")),
      link("/collections/all", word(locale.lang, "catalog")),
      link("/pages/suivi-de-commande", word(locale.lang, "trackOrder")),
      link("/pages/contact", word(locale.lang, "contact")),
      link("/cart", word(locale.lang, "cart")),
    ].join("")}</ul></nav>
  </div>
</header>`;
}

/** The shop's e-mail and phone as links (footer, contact page). */
export function contactLinks(state: DevStoreState, lang: StorefrontLang): string {
  const { contactEmail } = state.shop;
  const phone = state.shop.billingAddress.phone;
  const mail = `${word(lang, "email")} : <a href="mailto:${escapeHtml(contactEmail)}">${escapeHtml(contactEmail)}</a>`;
  return phone ? `${mail}<br>${word(lang, "phone")} : <a href="tel:${escapeHtml(phone.replace(/[^+\d]/g, ""))}">${escapeHtml(phone)}</a>` : mail;
}

/** Shopify's payment icon, with ids of its own: the payment block on the same page draws the same icons. */
function footerPaymentIcon(type: string): string {
  return paymentTypeSvg(type, "icon icon--full-color").replace(/(id|aria-labelledby)="pi-/g, '$1="footer-pi-');
}

function footer(state: DevStoreState, input: PageInput): string {
  const { lang } = input.locale;
  const policies = state.policies
    .filter((p) => p.body.trim() !== "")
    .map((p) => `<li><a href="${escapeHtml(linkTo(input.locale, policyPath(p.url)))}">${escapeHtml(p.title)}</a></li>`)
    .join("");
  const address = state.shop.billingAddress;
  const languages = STOREFRONT_LANGS.map((l) =>
    l === lang
      ? `<span aria-current="true">${l.toUpperCase()}</span>`
      : `<a href="${escapeHtml(`${input.path}${input.path.includes("?") ? "&" : "?"}locale=${l}`)}" hreflang="${l}" lang="${l}">${l.toUpperCase()}</a>`,
  ).join(" · ");
  return `<footer class="site-footer">
  <div class="page-width">
    <div class="site-footer__grid">
      <nav aria-labelledby="footer-legal"><h2 id="footer-legal">${word(lang, "legal")}</h2><ul>${policies}<li><a href="${escapeHtml(linkTo(input.locale, "/pages/suivi-de-commande"))}">${word(lang, "trackOrder")}</a></li></ul></nav>
      <div><h2>${word(lang, "contactUs")}</h2><address>${escapeHtml(address.company ?? state.shop.name)}<br>${escapeHtml(address.address1 ?? "")}<br>${escapeHtml(`${address.zip ?? ""} ${address.city ?? ""}`.trim())}<br>${contactLinks(state, lang)}</address><p><a href="${escapeHtml(linkTo(input.locale, "/pages/contact"))}">${word(lang, "contact")}</a></p></div>
      <div><h2 id="footer-payments">${word(lang, "payments")}</h2><ul class="payment-icons" aria-labelledby="footer-payments">${ENABLED_PAYMENT_TYPES.map((type) => `<li>${footerPaymentIcon(type)}</li>`).join("")}</ul></div>
    </div>
    <div class="site-footer__bottom"><p>© ${new Date().getFullYear()} ${escapeHtml(state.shop.name)}</p><p>${word(lang, "languages")} : ${languages}</p></div>
  </div>
</footer>`;
}

export function renderPage(state: DevStoreState, input: PageInput): string {
  const title = input.title === state.shop.name ? state.shop.name : `${input.title} – ${state.shop.name}`;
  const stylesheets = [...input.stylesheets].map((name) => `<link rel="stylesheet" href="${EXTENSION_ASSETS_PATH}${escapeHtml(name)}">`).join("\n");
  return `<!doctype html>
<html lang="${input.locale.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title>
<meta name="description" content="${escapeHtml(input.description ?? state.shop.description ?? state.shop.name)}">
<link rel="stylesheet" href="${THEME_CSS_PATH}">
${stylesheets}
</head>
<body>
${header(state, input.locale)}
<main id="MainContent" tabindex="-1">
${input.main}
</main>
${footer(state, input)}
${input.embeds}
</body>
</html>
`;
}
