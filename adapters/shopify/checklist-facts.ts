/**
 * The checklist's Shopify collector: ONE batched Admin GraphQL query (shop, policies,
 * online store lock, recent orders with their fulfillments, the published theme's config
 * files), mapped into the platform-neutral PlatformChecklistFacts. It only uses the scopes
 * the app already holds (read_legal_policies, read_orders, read_themes), plus the review aggregate
 * Rassure's own job published (adapters/shopify/product-ratings.ts); what those cannot
 * see (shipping profiles, privacy settings, staff) stays null and the checks fall
 * back to the storefront probe or to a merchant attestation.
 */
import { htmlToText } from "../html-text";
import { parseReviewsAggregate } from "../reviews-aggregate";
import type { LegalPageFact, LegalPageKind, PaymentMethodFact, PlatformChecklistFacts } from "../checklist-snapshot";
import { shopifyAdminUrl } from "./admin-links";
import type { LegalPolicyType } from "../types";
import { runAdminQuery, type AdminGraphql } from "./admin-graphql";

export const CHECKLIST_FACTS_QUERY = `#graphql
  query RassureChecklistFacts {
    shop {
      name
      contactEmail
      myshopifyDomain
      ianaTimezone
      taxesIncluded
      shipsToCountries
      billingAddress { company address1 city zip countryCodeV2 phone }
      primaryDomain { url sslEnabled }
      shopPolicies { type title body url updatedAt }
    }
    onlineStore { passwordProtection { enabled } }
    currentAppInstallation { shopReviews: metafield(namespace: "rassure", key: "shop_reviews") { value } }
    orders(first: 50, sortKey: CREATED_AT, reverse: true) {
      nodes {
        createdAt
        paymentGatewayNames
        fulfillments(first: 3) { createdAt requiresShipping trackingInfo(first: 1) { url } }
      }
    }
    themes(first: 1, roles: [MAIN]) {
      nodes {
        name
        themeStoreId
        files(first: 2, filenames: ["config/settings_schema.json", "sections/footer-group.json"]) {
          nodes { filename body { ... on OnlineStoreThemeFileBodyText { content } } }
        }
      }
    }
  }
`;

interface ChecklistFactsData {
  shop: {
    name: string;
    contactEmail: string | null;
    myshopifyDomain: string;
    ianaTimezone: string | null;
    taxesIncluded: boolean;
    shipsToCountries: string[];
    billingAddress: { company: string | null; address1: string | null; city: string | null; zip: string | null; countryCodeV2: string | null; phone: string | null };
    primaryDomain: { url: string; sslEnabled: boolean };
    shopPolicies: Array<{ type: LegalPolicyType; title: string; body: string; url: string; updatedAt: string }>;
  };
  onlineStore: { passwordProtection: { enabled: boolean } };
  currentAppInstallation: { shopReviews: { value: string } | null } | null;
  orders: {
    nodes: Array<{
      createdAt: string;
      paymentGatewayNames: string[];
      fulfillments: Array<{ createdAt: string; requiresShipping: boolean; trackingInfo: Array<{ url: string | null }> }>;
    }>;
  };
  themes: {
    nodes: Array<{
      name: string;
      themeStoreId: number | null;
      files: { nodes: Array<{ filename: string; body: { content?: string } }> };
    }>;
  };
}

const POLICY_KIND: Partial<Record<LegalPolicyType, LegalPageKind>> = {
  LEGAL_NOTICE: "legal-notice",
  TERMS_OF_SALE: "terms-of-sale",
  TERMS_OF_SERVICE: "terms-of-sale",
  PRIVACY_POLICY: "privacy",
  REFUND_POLICY: "refund",
  SHIPPING_POLICY: "shipping",
  CONTACT_INFORMATION: "contact",
};

/**
 * Gateway handles seen in Order.paymentGatewayNames, by what they mean for the checks. Kept
 * by hand (Shopify has no "list gateways" query for apps). Shopify Payments and Stripe run
 * 3-D Secure automatically (help.shopify.com, "3D Secure"); for others it cannot be seen.
 */
const GATEWAYS: Record<string, Pick<PaymentMethodFact, "title" | "kind" | "strongAuthentication">> = {
  shopify_payments: { title: "Shopify Payments", kind: "card-psp", strongAuthentication: true },
  stripe: { title: "Stripe", kind: "card-psp", strongAuthentication: true },
  paypal: { title: "PayPal", kind: "card-psp", strongAuthentication: null },
  mollie: { title: "Mollie", kind: "card-psp", strongAuthentication: null },
  adyen: { title: "Adyen", kind: "card-psp", strongAuthentication: null },
  braintree: { title: "Braintree", kind: "card-psp", strongAuthentication: null },
  "checkout.com": { title: "Checkout.com", kind: "card-psp", strongAuthentication: null },
  payplug: { title: "PayPlug", kind: "card-psp", strongAuthentication: null },
  alma: { title: "Alma", kind: "card-psp", strongAuthentication: null },
  manual: { title: "Manual payment", kind: "offline", strongAuthentication: null },
  bank_deposit: { title: "Bank deposit", kind: "offline", strongAuthentication: null },
  cash_on_delivery: { title: "Cash on delivery", kind: "offline", strongAuthentication: null },
  money_order: { title: "Money order", kind: "offline", strongAuthentication: null },
};
const NOT_A_PAYMENT_METHOD = new Set(["gift_card", "shopify_store_credit"]);

function paymentMethods(orders: ChecklistFactsData["orders"]["nodes"]): PaymentMethodFact[] {
  const handles = new Set(orders.flatMap((order) => order.paymentGatewayNames.map((name) => name.trim().toLowerCase())));
  return [...handles]
    .filter((handle) => handle && !NOT_A_PAYMENT_METHOD.has(handle))
    .map((handle) => ({
      id: handle,
      enabled: true,
      source: "recent-orders" as const,
      ...(GATEWAYS[handle] ?? { title: handle, kind: "unknown" as const, strongAuthentication: null }),
    }));
}

const TRACKING_WINDOW_DAYS = 30;

function trackingCoverage(orders: ChecklistFactsData["orders"]["nodes"], now: Date) {
  const since = now.getTime() - TRACKING_WINDOW_DAYS * 86_400_000;
  const shipped = orders.flatMap((order) => order.fulfillments).filter((f) => f.requiresShipping && Date.parse(f.createdAt) >= since);
  return {
    windowDays: TRACKING_WINDOW_DAYS,
    shipments: shipped.length,
    withTrackingUrl: shipped.filter((f) => f.trackingInfo.some((info) => Boolean(info.url))).length,
  };
}

function parseJson(text: string | undefined): unknown {
  if (!text) return null;
  try {
    // Theme JSON files may start with a /* … */ header comment.
    return JSON.parse(text.replace(/^\s*\/\*[\s\S]*?\*\//, ""));
  } catch {
    return null;
  }
}

function themeFacts(themes: ChecklistFactsData["themes"]["nodes"]): PlatformChecklistFacts["theme"] {
  const theme = themes[0];
  if (!theme) return null;
  const file = (name: string) => theme.files.nodes.find((f) => f.filename === name)?.body.content;
  const schema = parseJson(file("config/settings_schema.json"));
  const info = Array.isArray(schema) ? (schema.find((entry) => entry?.name === "theme_info") as { theme_version?: string } | undefined) : undefined;
  const footer = parseJson(file("sections/footer-group.json")) as { sections?: Record<string, { type?: string; settings?: Record<string, unknown> }> } | null;
  const footerSettings = footer?.sections ? Object.values(footer.sections).find((s) => s.type === "footer")?.settings : undefined;
  const setting = (key: string) => (footerSettings && typeof footerSettings[key] === "boolean" ? (footerSettings[key] as boolean) : null);
  return {
    name: theme.name,
    version: info?.theme_version ?? null,
    themeStoreId: theme.themeStoreId,
    footerShowsPolicies: setting("show_policy"),
    footerShowsPaymentIcons: setting("payment_enable"),
  };
}

export async function collectShopifyChecklistFacts(graphql: AdminGraphql, now = new Date()): Promise<PlatformChecklistFacts> {
  const { data, cost } = await runAdminQuery<ChecklistFactsData>(graphql, CHECKLIST_FACTS_QUERY);
  const { shop } = data;
  const legalPages: LegalPageFact[] = shop.shopPolicies.flatMap((policy) => {
    const kind = POLICY_KIND[policy.type];
    if (!kind) return [];
    return [{ kind, source: policy.type, title: policy.title, url: policy.url || null, text: htmlToText(policy.body ?? ""), updatedAt: policy.updatedAt }];
  });
  const address = shop.billingAddress;
  return {
    platform: "shopify",
    shopDomain: shop.myshopifyDomain,
    adminBaseUrl: shopifyAdminUrl(shop.myshopifyDomain, ""),
    name: shop.name,
    countryCode: address.countryCodeV2,
    shipsToCountries: shop.shipsToCountries,
    storefrontUrl: shop.primaryDomain.url,
    storefrontHttps: shop.primaryDomain.sslEnabled,
    storefrontLocked: data.onlineStore.passwordProtection.enabled,
    contact: {
      email: shop.contactEmail || null,
      phone: address.phone || null,
      address: { company: address.company, address1: address.address1, city: address.city, zip: address.zip, countryCode: address.countryCodeV2 },
    },
    legalPages,
    taxesIncluded: shop.taxesIncluded,
    payments: { methods: paymentMethods(data.orders.nodes), hostedCheckout: true },
    shipping: null,
    software: { platformManaged: true, components: [], errorsHidden: null, debugMode: null, scheduledTasksOk: null, updatesCheckedAt: null },
    activePlugins: null,
    administrators: null,
    tracking: trackingCoverage(data.orders.nodes, now),
    products: null,
    // The aggregate Rassure's daily job computed from the products' `reviews.*` metafields (null before its first run).
    ratings: parseReviewsAggregate(data.currentAppInstallation?.shopReviews?.value),
    reviews: null,
    theme: themeFacts(data.themes.nodes),
    cookieBannerEnabled: null,
    retentionConfigured: null,
    cost: { requests: 1, queryCost: cost?.actualQueryCost ?? cost?.requestedQueryCost ?? null },
    timeZone: shop.ianaTimezone || null,
    // Shopify's storefront paths are fixed (/cart, /products/…) and its checkout is hosted: the probe knows them.
    storefrontPages: null,
    orderButton: null,
  };
}
