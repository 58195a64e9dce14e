import type { LegalPolicyType, ShopProfile } from "../types";
import { runAdminQuery, type AdminGraphql } from "./admin-graphql";

export const SHOP_PROFILE_QUERY = `#graphql
  query RassureShopProfile {
    shop {
      name
      email
      contactEmail
      myshopifyDomain
      currencyCode
      ianaTimezone
      primaryDomain { url sslEnabled }
      billingAddress { countryCodeV2 }
      plan { publicDisplayName }
      shopPolicies { type title url body }
    }
    currentAppInstallation { accessScopes { handle } }
  }
`;

interface ShopProfileData {
  shop: {
    name: string;
    email: string;
    contactEmail: string;
    myshopifyDomain: string;
    currencyCode: string;
    ianaTimezone: string;
    primaryDomain: { url: string; sslEnabled: boolean };
    billingAddress: { countryCodeV2: string | null };
    plan: { publicDisplayName: string };
    shopPolicies: Array<{ type: LegalPolicyType; title: string; url: string; body: string }>;
  };
  currentAppInstallation: { accessScopes: Array<{ handle: string }> };
}

const blankHtml = (html: string) => html.replace(/<[^>]*>/g, "").replace(/&nbsp;/g, " ").trim() === "";

export async function fetchShopifyShopProfile(graphql: AdminGraphql): Promise<ShopProfile> {
  const { data } = await runAdminQuery<ShopProfileData>(graphql, SHOP_PROFILE_QUERY);
  const { shop } = data;
  return {
    platform: "shopify",
    domain: shop.myshopifyDomain,
    name: shop.name,
    email: shop.email || null,
    contactEmail: shop.contactEmail || null,
    countryCode: shop.billingAddress.countryCodeV2,
    currencyCode: shop.currencyCode,
    timezone: shop.ianaTimezone,
    storefrontUrl: shop.primaryDomain.url,
    storefrontHttps: shop.primaryDomain.sslEnabled,
    planName: shop.plan.publicDisplayName,
    policies: shop.shopPolicies.map((p) => ({ type: p.type, title: p.title, url: p.url, isEmpty: blankHtml(p.body) })),
    grantedScopes: data.currentAppInstallation.accessScopes.map((s) => s.handle),
  };
}
