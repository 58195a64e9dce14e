/**
 * The public trust page: only facts Rassure can back, each with its source and date — the
 * register-confirmed company, the contact channels the merchant published, the delivery and
 * returns promises a policy of the shop states, the shop's policies and payment methods, HTTPS
 * as the platform reported it on the last scan, and that scan's date and grade. A fact not
 * observed is left out, never assumed. The merchant picks the sections (config.trustPage).
 *
 * One markup for both platforms: this module writes it as Liquid for Shopify's app proxy (the
 * policies, payment methods and money amounts are Shopify's own Liquid objects, filled in when
 * Shopify renders the page inside the theme); the WooCommerce plugin writes the same HTML from
 * the same published configuration (Rassure_Renderer::trust_page, held to it by
 * test/woocommerce/plugin.test.ts). Strings come from the storefront locale files both share.
 */
import type { Lang, PublishedStorefrontConfig } from "../storefront/config";
import { readBlockStylesheet, storefrontLocales } from "../storefront/extension-sources.server";
import { storefrontString } from "../storefront/liquid-preview";
import { escapeForLiquid as e } from "../tracking/storefront-lookup.server";

/** The parts of the published configuration the page reads. */
export type TrustPageSource = Pick<PublishedStorefrontConfig, "trust_page" | "company" | "contact" | "promises">;

/** The page's strings: the storefront locale files' `rassure.*` keys, placeholders filled in (not escaped). */
function translator(locale: Lang) {
  const locales = storefrontLocales();
  return (key: string, vars: Record<string, string | number> = {}) => storefrontString(locales, locale, `rassure.${key}`, vars);
}

const section = (id: string, title: string, body: string) =>
  `<section class="rassure__section" aria-labelledby="rassure-trust-${id}"><h2 class="rassure__title" id="rassure-trust-${id}">${e(title)}</h2>${body}</section>`;

/** Stands for a Liquid expression inside a translated sentence until the sentence is escaped. */
const SLOT = "\u0000";

/**
 * Promises a policy of the shop states: shipping with the shipping policy, returns and the
 * withdrawal right with the refund policy, each linking to it. A free-shipping amount the shop's
 * shipping settings back (published only then, with the day they were read) is shown with or
 * without a shipping policy, citing the settings; a custom promise has nothing behind it and
 * stays on the product page only.
 */
function promisesSection(promises: TrustPageSource["promises"], locale: Lang, t: ReturnType<typeof translator>): string {
  if (!promises.enabled) return "";
  const policyOf = { shipping: "shipping_policy", returns: "refund_policy", withdrawal: "refund_policy" } as const;
  const items = promises.items.map((item) => {
    if (item.kind === "custom") return "";
    const policy = policyOf[item.kind];
    let label = e(item.title[locale].trim());
    let detail = e(item.text[locale].trim());
    if (label === "") {
      if (item.kind === "shipping" && item.free_from > 0) label = e(t("promises.shipping_free", { amount: SLOT })).replace(SLOT, `{{ ${item.free_from} | money }}`);
      else if (item.kind === "shipping") label = e(t("promises.shipping"));
      else label = e(t(`promises.${item.kind}`, { days: item.days }));
    }
    if (detail === "" && item.kind === "withdrawal") detail = e(t("promises.withdrawal_detail", { days: item.days }));
    const settingsCheckedOn = item.kind === "shipping" && item.free_from > 0 ? item.free_from_checked_on?.[locale] : undefined;
    if (settingsCheckedOn) detail = e(t("trust.shipping_settings", { date: settingsCheckedOn }));
    const li = (labelMarkup: string) => `<li class="rassure__item"><span class="rassure__body">${labelMarkup}${detail ? `<span class="rassure__detail">${detail}</span>` : ""}</span></li>`;
    const linked = li(`<a class="rassure__label rassure__link" href="{{ shop.${policy}.url }}">${label}</a>`);
    // Backed by the settings: shown without a policy too, its label then not a link.
    const withoutPolicy = settingsCheckedOn ? li(`<span class="rassure__label">${label}</span>`) : "";
    return `{%- if shop.${policy} -%}${linked}${withoutPolicy && `{%- else -%}${withoutPolicy}`}{%- endif -%}`;
  });
  return `{%- capture rassure_promises -%}${items.join("")}{%- endcapture -%}{%- if rassure_promises != blank -%}${section("promises", t("trust.promises"), `<ul class="rassure__list">{{ rassure_promises }}</ul>`)}{%- endif -%}`;
}

function contactSection(contact: TrustPageSource["contact"], locale: Lang, t: ReturnType<typeof translator>): string {
  if (!contact.enabled) return "";
  const item = (body: string) => `<li class="rassure__item"><span class="rassure__body">${body}</span></li>`;
  const hours = contact.hours[locale].trim();
  const items = [
    contact.email && item(`<span class="rassure__label">${e(t("contact.email"))}</span><a class="rassure__link" href="mailto:${e(contact.email)}">${e(contact.email)}</a>`),
    contact.phone && item(`<span class="rassure__label">${e(t("contact.phone"))}</span><a class="rassure__link" href="tel:${e(contact.phone.replace(/ /g, ""))}">${e(contact.phone)}</a>`),
    contact.chat_url && item(`<a class="rassure__label rassure__link" href="${e(contact.chat_url)}">${e(t("contact.chat"))}</a>`),
    contact.form_url && item(`<a class="rassure__label rassure__link" href="${e(contact.form_url)}">${e(t("contact.form"))}</a>`),
    hours && item(`<span class="rassure__label">${e(t("contact.hours"))}</span><span class="rassure__detail">${e(hours)}</span>`),
  ].filter(Boolean);
  return items.length ? section("contact", t("trust.contact"), `<ul class="rassure__list">${items.join("")}</ul>`) : "";
}

/** The page's markup as Liquid (Shopify fills in its own objects); "" when the page is off. */
export function trustPageLiquid(source: TrustPageSource, locale: Lang): string {
  const page = source.trust_page;
  if (!page.enabled) return "";
  const t = translator(locale);
  const show = new Set(page.sections);
  const parts: string[] = [];
  const company = source.company;
  if (show.has("identity") && company) {
    const checked = company.checked_on[locale] || company.checked_on.en;
    parts.push(section("identity", t("trust.identity"), `<p class="rassure__detail rassure__company">${e(t("legal.company_verified"))} <a class="rassure__link" href="${e(company.lookup_url)}">${e(company.name)}, SIREN ${e(company.siren_display)}</a> (${e(t("legal.company_register"))} ${e(checked)})</p>`));
  }
  if (show.has("contact")) parts.push(contactSection(source.contact, locale, t));
  if (show.has("promises")) parts.push(promisesSection(source.promises, locale, t));
  if (show.has("policies")) {
    parts.push(`{%- if shop.policies.size > 0 -%}${section("policies", t("trust.policies"), `<ul class="rassure__list rassure__list--inline">{%- for policy in shop.policies -%}<li class="rassure__item"><a class="rassure__link" href="{{ policy.url }}">{{ policy.title | escape }}</a></li>{%- endfor -%}</ul>`)}{%- endif -%}`);
  }
  if (show.has("payments")) {
    parts.push(`{%- if shop.enabled_payment_types.size > 0 -%}${section("payments", t("trust.payments"), `<ul class="rassure__payments">{%- for type in shop.enabled_payment_types -%}<li class="rassure__payment">{{ type | payment_type_svg_tag: class: 'rassure__payment-icon' }}</li>{%- endfor -%}</ul>`)}{%- endif -%}`);
  }
  if (show.has("https") && page.https_checked_on) {
    parts.push(section("https", t("trust.https"), `<p class="rassure__detail">${e(t("trust.https_on", { date: page.https_checked_on[locale] }))}</p>`));
  }
  if (show.has("scan") && page.scan) {
    parts.push(section("scan", t("trust.scan"), `<p class="rassure__detail">${e(t("trust.scan_grade", { grade: page.scan.grade, date: page.scan.checked_on[locale] }))}</p>`));
  }
  return `<div class="rassure rassure--page"><h1 class="rassure__title rassure__page-title">${e(t("trust.title"))}</h1><p class="rassure__detail">${e(t("trust.intro"))}</p>${parts.join("")}</div>`;
}

/** The Shopify app proxy's answer: the page with the blocks' stylesheet (the extension's assets do not load there); null when off. */
export function renderTrustPage(source: TrustPageSource, locale: Lang): string | null {
  const body = trustPageLiquid(source, locale);
  return body === "" ? null : `<style>${readBlockStylesheet()}</style>\n${body}`;
}
