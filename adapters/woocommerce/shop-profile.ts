/** The Home card of a WooCommerce shop, read live: the REST index's fields, system status, settings and pages. */
import type { LegalPolicySummary, LegalPolicyType, ShopProfile } from "../types";
import type { LegalPageKind } from "../checklist-snapshot";
import { legalPagesFrom } from "./legal-pages";
import { COMPANION_NAMESPACE } from "./namespaces";
import { fetchPublishedPages, fetchSettings, fetchSiteIndex, fetchSystemStatus, settingText } from "./resources";
import type { WooReader } from "./rest-client";
import { storeDomain } from "./store-url";

const POLICY_TYPE: Record<LegalPageKind, LegalPolicyType> = {
  "legal-notice": "LEGAL_NOTICE",
  "terms-of-sale": "TERMS_OF_SALE",
  privacy: "PRIVACY_POLICY",
  refund: "REFUND_POLICY",
  shipping: "SHIPPING_POLICY",
  contact: "CONTACT_INFORMATION",
};

export async function fetchWooShopProfile(reader: WooReader, storeUrl: string, grantedScopes: string[]): Promise<ShopProfile> {
  const indexed = fetchSiteIndex(reader);
  const [index, status, general, advanced, email, pages] = await Promise.all([
    indexed,
    fetchSystemStatus(reader),
    fetchSettings(reader, "general"),
    fetchSettings(reader, "advanced"),
    fetchSettings(reader, "email"),
    // Through the plugin when it is there: the anonymous route may be closed.
    indexed.then((found) => fetchPublishedPages(reader, found.namespaces.includes(COMPANION_NAMESPACE))),
  ]);
  const termsId = Number(settingText(advanced, "woocommerce_terms_page_id"));
  const policies: LegalPolicySummary[] = legalPagesFrom(pages, Number.isInteger(termsId) && termsId > 0 ? termsId : null).map((page) => ({
    type: POLICY_TYPE[page.kind],
    title: page.title,
    url: page.url ?? "",
    isEmpty: page.text.trim() === "",
  }));
  const fromAddress = settingText(email, "woocommerce_email_from_address");
  return {
    platform: "woocommerce",
    domain: storeDomain(storeUrl),
    name: index.name || storeDomain(storeUrl),
    email: fromAddress,
    contactEmail: fromAddress,
    countryCode: settingText(general, "woocommerce_default_country")?.split(":")[0] ?? null,
    currencyCode: settingText(general, "woocommerce_currency") ?? "USD",
    timezone: index.timezone_string || null,
    storefrontUrl: status.environment.home_url,
    storefrontHttps: status.security.secure_connection,
    planName: null,
    policies,
    grantedScopes,
  };
}
