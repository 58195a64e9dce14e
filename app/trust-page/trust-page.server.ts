/**
 * The public trust page (Shopify app proxy /apps/rassure/trust): only facts Rassure can back,
 * each with its source and date — the register-confirmed company, the contact channels the
 * merchant published, the shop's policies and payment methods (Liquid objects Shopify fills in
 * when it renders the page inside the theme), HTTPS as the platform reported it on the last
 * scan, and that scan's date and grade. A fact not observed is left out, never assumed.
 * The merchant picks the sections (config.trustPage); the page is off until switched on.
 */
import type { ShopSnapshot } from "../../adapters/checklist-snapshot";
import prisma from "../db.server";
import { translator, type Locale } from "../i18n";
import { latestCompanyBadge, type CompanyBadge } from "../legal/company-badge.server";
import type { StorefrontConfig } from "../storefront/config";
import { readBlockStylesheet } from "../storefront/extension-sources.server";
import { loadStorefrontConfig } from "../storefront/storefront.server";
import { escapeForLiquid as e } from "../tracking/storefront-lookup.server";

export interface TrustFacts {
  config: StorefrontConfig;
  company: CompanyBadge | null;
  /** The last finished scan: when, its grade, and HTTPS as the platform reported it then. */
  scan: { finishedAt: Date; grade: string | null; https: boolean | null } | null;
}

export async function loadTrustFacts(platform: string, shopDomain: string): Promise<TrustFacts | null> {
  const shop = await prisma.shop.findUnique({ where: { platform_domain: { platform, domain: shopDomain } } });
  if (!shop) return null;
  const [stored, company, latest] = await Promise.all([
    loadStorefrontConfig(shop.id),
    latestCompanyBadge(prisma, shop.id),
    prisma.checklistScan.findFirst({ where: { platform, shopDomain, status: "done" }, orderBy: { startedAt: "desc" }, select: { finishedAt: true, grade: true, snapshot: true } }),
  ]);
  let https: boolean | null = null;
  try {
    https = latest?.snapshot ? ((JSON.parse(latest.snapshot) as ShopSnapshot).facts.storefrontHttps ?? null) : null;
  } catch {
    https = null; // an unreadable snapshot backs nothing
  }
  const scan = latest?.finishedAt ? { finishedAt: latest.finishedAt, grade: latest.grade, https } : null;
  return { config: stored.config, company, scan };
}

const dateIn = (locale: Locale, date: Date) => new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(date);

/** The page as Liquid for Shopify to render in the theme; null when the merchant has not switched it on. */
export function renderTrustPage(facts: TrustFacts, locale: Locale): string | null {
  const options = facts.config.trustPage;
  if (!options.enabled) return null;
  const t = translator(locale);
  const show = new Set(options.sections);
  const parts: string[] = [];
  const section = (id: string, title: string, body: string) =>
    parts.push(`<section class="rassure" aria-labelledby="rassure-trust-${id}"><h2 class="rassure__title" id="rassure-trust-${id}">${e(title)}</h2>${body}</section>`);

  if (show.has("identity") && facts.company) {
    const c = facts.company;
    section("identity", t("trust.identity"), `<p class="rassure__detail">${e(t("trust.companyVerified"))} <a class="rassure__link" href="${e(c.lookup_url)}">${e(c.name)}, SIREN ${e(c.siren_display)}</a> (${e(t("trust.checkedOn", { date: c.checked_on[locale] }))})</p>`);
  }
  const contact = facts.config.contact;
  if (show.has("contact") && contact.enabled) {
    const items = [
      contact.email && `<li class="rassure__item"><span class="rassure__label">${e(t("trust.email"))}</span> <a class="rassure__link" href="mailto:${e(contact.email)}">${e(contact.email)}</a></li>`,
      contact.phone && `<li class="rassure__item"><span class="rassure__label">${e(t("trust.phone"))}</span> <a class="rassure__link" href="tel:${e(contact.phone.replace(/ /g, ""))}">${e(contact.phone)}</a></li>`,
      contact.formUrl && `<li class="rassure__item"><a class="rassure__link" href="${e(contact.formUrl)}">${e(t("trust.form"))}</a></li>`,
      contact.hours[locale] && `<li class="rassure__item"><span class="rassure__label">${e(t("trust.hours"))}</span> ${e(contact.hours[locale])}</li>`,
    ].filter(Boolean);
    if (items.length) section("contact", t("trust.contact"), `<ul class="rassure__list">${items.join("")}</ul>`);
  }
  // Policies and payment methods: Shopify's own Liquid objects, filled in when it renders the page.
  if (show.has("policies")) {
    parts.push(
      `{%- if shop.policies.size > 0 -%}<section class="rassure" aria-labelledby="rassure-trust-policies"><h2 class="rassure__title" id="rassure-trust-policies">${e(t("trust.policies"))}</h2><ul class="rassure__list rassure__list--inline">{%- for policy in shop.policies -%}<li class="rassure__item"><a class="rassure__link" href="{{ policy.url }}">{{ policy.title | escape }}</a></li>{%- endfor -%}</ul></section>{%- endif -%}`,
    );
  }
  if (show.has("payments")) {
    parts.push(
      `{%- if shop.enabled_payment_types.size > 0 -%}<section class="rassure" aria-labelledby="rassure-trust-payments"><h2 class="rassure__title" id="rassure-trust-payments">${e(t("trust.payments"))}</h2><ul class="rassure__payments">{%- for type in shop.enabled_payment_types -%}<li class="rassure__payment">{{ type | payment_type_svg_tag: class: 'rassure__payment-icon' }}</li>{%- endfor -%}</ul></section>{%- endif -%}`,
    );
  }
  if (show.has("https") && facts.scan?.https === true) {
    section("https", t("trust.https"), `<p class="rassure__detail">${e(t("trust.httpsOn", { date: dateIn(locale, facts.scan.finishedAt) }))}</p>`);
  }
  if (show.has("scan") && facts.scan?.grade) {
    section("scan", t("trust.scan"), `<p class="rassure__detail">${e(t("trust.scanGrade", { grade: facts.scan.grade, date: dateIn(locale, facts.scan.finishedAt) }))}</p>`);
  }
  return `<style>${readBlockStylesheet()}</style>
<div class="rassure rassure--trust-page"><h1 class="rassure__title">${e(t("trust.title"))}</h1><p class="rassure__detail">${e(t("trust.intro"))}</p></div>
${parts.join("\n")}`;
}
