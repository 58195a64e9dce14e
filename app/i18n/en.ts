import { alertsEn } from "./features/alerts.en";
import { blocksEn } from "./features/blocks.en";
import { checklistEn } from "./features/checklist.en";
import { companyEn } from "./features/company.en";
import { jobsEn } from "./features/jobs.en";
import { legalEn } from "./features/legal.en";
import { merchantUxEn } from "./features/merchant-ux.en";
import { storedReadsEn } from "./features/stored-reads.en";
import { trackingEn } from "./features/tracking.en";
import { woocommerceEn } from "./features/woocommerce.en";

/**
 * English admin texts: the shell's here, each feature's in features/<feature>.en.ts so
 * features grow without touching each other. fr.ts must have the same keys (the type says so).
 */
const coreEn = {
  "nav.home": "Home",
  "nav.checklist": "Trust checklist",
  "nav.blocks": "Storefront blocks",
  "nav.tracking": "Order tracking",
  "nav.legal": "Legal texts",
  "nav.settings": "Settings",

  "home.title": "Rassure",
  "errorPage.notFound": "This page does not exist.",
  "errorPage.failed": "Something went wrong on our side. Please try again in a moment.",
  "home.connected": "Rassure is connected to {shop}.",
  "home.apiError": "Shopify did not answer our request: {message}. Reload the page to try again.",
  "home.shop.heading": "Your shop",
  "home.shop.name": "Name",
  "home.shop.domain": "Shopify domain",
  "home.shop.storefront": "Storefront",
  "home.shop.https": "HTTPS",
  "home.shop.noHttps": "No HTTPS",
  "home.shop.country": "Country",
  "home.shop.rules": "Rules applied",
  "home.shop.currency": "Currency",
  "home.shop.plan": "Shopify plan",
  "home.shop.installed": "Rassure installed",
  "home.policies.heading": "Legal pages Shopify holds for your shop",
  "home.policies.intro": "Read from your shop. The trust checklist explains each gap and how to fix it.",
  "home.policies.published": "Published",
  "home.policies.empty": "Empty",
  "home.policies.missing": "Missing",
  "home.policies.summary": "{published} of {total} published",
  "home.policies.edit": "Edit policies in Shopify",
  "home.live.heading": "On your storefront and orders",
  "home.live.barOn": "Trust bar on",
  "home.live.barOff": "Trust bar off",
  "home.live.theme": "Published theme: {theme}",
  "home.live.blocks": "Rassure blocks on the product page: {count}",
  "home.live.noTheme": "No published theme found.",
  "home.live.themeError": "Shopify did not tell us about your theme: {message}",
  "home.live.published": "Blocks last published on {date}.",
  "home.live.notPublished": "Your blocks are not published yet.",
  "home.live.editBlocks": "Edit storefront blocks",
  "home.live.trackingFixes": "Tracking links fixed by Rassure in the last 30 days: {count}",
  "home.live.openTracking": "Open order tracking",

  "policy.CONTACT_INFORMATION": "Contact information",
  "policy.LEGAL_NOTICE": "Legal notice",
  "policy.PRIVACY_POLICY": "Privacy policy",
  "policy.REFUND_POLICY": "Refund and withdrawal policy",
  "policy.SHIPPING_POLICY": "Shipping policy",
  "policy.SUBSCRIPTION_POLICY": "Subscription policy",
  "policy.TERMS_OF_SALE": "Terms of sale",
  "policy.TERMS_OF_SERVICE": "Terms of service",

  "jurisdiction.FR": "French and EU consumer law",
  "jurisdiction.EU": "EU consumer law",
  "jurisdiction.OTHER": "General rules",

  "checklist.title": "Trust checklist",
  "blocks.title": "Storefront blocks",
  "tracking.title": "Order tracking",

  "settings.title": "Settings",
  "settings.rules.heading": "Consumer-law rules",
  "settings.rules.help": "Rassure applies the rules of the country your shop is established in. Change it only if Shopify's address is not where your business is registered.",
  "settings.rules.label": "Rules to apply",
  "settings.rules.auto": "Automatic: {rules} (from your shop's country, {country})",
  "settings.language.heading": "Language",
  "settings.language.label": "Rassure's language",
  "settings.language.auto": "Same as the Shopify admin",
  "settings.connection.heading": "Connection",
  "settings.connection.platform": "Platform",
  "settings.connection.scopes": "Permissions granted",
  "settings.connection.since": "Connected since",
  "settings.save": "Save",
  "settings.saved": "Settings saved",
  "settings.invalid": "That choice is not available.",
  "login.title": "Log in to Rassure",
  "login.shopLabel": "Shop domain",
  "login.submit": "Log in",
  "login.missingShop": "Please enter your shop domain to log in.",
  "login.invalidShop": "Please enter a valid shop domain to log in.",
  "landing.pitch": "Rassure makes your online shop trustworthy and legally complete: a trust checklist, honest reassurance blocks for shoppers, and working tracking links on every order.",
  "landing.open": "Open Rassure from your Shopify admin (Apps › Rassure) or from the Rassure page in your WordPress admin.",
  "landing.login": "Log in with your Shopify shop domain",
  "common.unknown": "Unknown",
} as const;

export const en = { ...coreEn, ...checklistEn, ...blocksEn, ...trackingEn, ...woocommerceEn, ...jobsEn, ...companyEn, ...legalEn, ...alertsEn, ...merchantUxEn, ...storedReadsEn };

export type MessageKey = keyof typeof en;
