/** What the admin preview knows about the shop, from the live shop profile. */
import type { LegalPolicyType, ShopProfile } from "../../adapters/types";
import type { PreviewShop } from "./liquid-preview";

/**
 * The Admin API does not list the wallets and card brands the checkout shows, so the preview
 * uses an example set; the storefront block itself reads `shop.enabled_payment_types`.
 */
export const EXAMPLE_PAYMENT_TYPES = ["visa", "master", "american_express", "paypal", "apple_pay"];

const MONEY_FORMATS: Record<string, string> = {
  EUR: "{{amount_with_comma_separator}} €",
  GBP: "£{{amount}}",
  USD: "${{amount}}",
  CAD: "${{amount}}",
  CHF: "CHF {{amount_with_apostrophe_separator}}",
};

/** Liquid `shop.<handle>` names of the policies that have one. */
const POLICY_HANDLES: Partial<Record<LegalPolicyType, string>> = {
  REFUND_POLICY: "refund_policy",
  SHIPPING_POLICY: "shipping_policy",
  PRIVACY_POLICY: "privacy_policy",
  TERMS_OF_SERVICE: "terms_of_service",
  SUBSCRIPTION_POLICY: "subscription_policy",
};

/** The storefront's scheme and host as the platform reports them ("" when unknown: no https claim in the preview). */
function storefrontOrigin(profile: Partial<Pick<ShopProfile, "storefrontUrl" | "storefrontHttps">> | null): string {
  if (!profile?.storefrontUrl) return "";
  try {
    const url = new URL(profile.storefrontUrl);
    return `${profile.storefrontHttps && url.protocol === "https:" ? "https" : "http"}://${url.host}`;
  } catch {
    return "";
  }
}

export function previewShopFromProfile(profile: (Pick<ShopProfile, "currencyCode" | "policies" | "countryCode"> & Partial<Pick<ShopProfile, "storefrontUrl" | "storefrontHttps">>) | null): PreviewShop {
  const currency = profile?.currencyCode ?? "EUR";
  return {
    origin: storefrontOrigin(profile),
    enabledPaymentTypes: EXAMPLE_PAYMENT_TYPES,
    countryCode: profile?.countryCode ?? null,
    moneyFormat: MONEY_FORMATS[currency] ?? `{{amount}} ${currency}`,
    policies: (profile?.policies ?? [])
      .filter((p) => !p.isEmpty)
      .map((p) => ({ handle: POLICY_HANDLES[p.type] ?? p.type.toLowerCase(), title: p.title, url: new URL(p.url, "https://shop.invalid").pathname })),
  };
}
