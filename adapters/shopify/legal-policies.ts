/**
 * Legal texts on Shopify are the shop's policies (Settings → Policies). Rassure reads them and
 * publishes a reviewed draft with `shopPolicyUpdate` (scope write_legal_policies). Shopify has
 * no draft state for policies: drafts stay in Rassure until the merchant publishes.
 */
import type { LegalTextKind, PublishedLegalText, SavedLegalText } from "../types";
import { runAdminQuery, ShopifyGraphqlError, type AdminGraphql } from "./admin-graphql";

export const POLICY_TYPE_OF: Record<LegalTextKind, string> = {
  "legal-notice": "LEGAL_NOTICE",
  "terms-of-sale": "TERMS_OF_SALE",
  refund: "REFUND_POLICY",
  privacy: "PRIVACY_POLICY",
  contact: "CONTACT_INFORMATION",
};

export const SHOP_POLICIES_QUERY = `#graphql
  query RassureShopPolicies {
    shop { shopPolicies { type title body url } }
  }
`;

export const SHOP_POLICY_UPDATE_MUTATION = `#graphql
  mutation RassureShopPolicyUpdate($shopPolicy: ShopPolicyInput!) {
    shopPolicyUpdate(shopPolicy: $shopPolicy) {
      shopPolicy { type title url body }
      userErrors { field message code }
    }
  }
`;

interface PolicyNode {
  type: string;
  title: string;
  body: string;
  url: string;
}

export async function readShopifyLegalPolicy(graphql: AdminGraphql, kind: LegalTextKind): Promise<PublishedLegalText | null> {
  const { data } = await runAdminQuery<{ shop: { shopPolicies: PolicyNode[] } }>(graphql, SHOP_POLICIES_QUERY);
  const policy = data.shop.shopPolicies.find((p) => p.type === POLICY_TYPE_OF[kind]);
  return policy ? { kind, title: policy.title, html: policy.body ?? "", url: policy.url || null, ref: policy.type } : null;
}

export async function publishShopifyLegalPolicy(graphql: AdminGraphql, kind: LegalTextKind, html: string): Promise<SavedLegalText> {
  const previous = await readShopifyLegalPolicy(graphql, kind);
  const { data } = await runAdminQuery<{ shopPolicyUpdate: { shopPolicy: PolicyNode | null; userErrors: Array<{ field: string[] | null; message: string; code: string | null }> } }>(
    graphql,
    SHOP_POLICY_UPDATE_MUTATION,
    { shopPolicy: { type: POLICY_TYPE_OF[kind], body: html } },
  );
  const { shopPolicy, userErrors } = data.shopPolicyUpdate;
  if (userErrors.length || !shopPolicy) {
    // Shopify refused the text itself (e.g. TOO_BIG): the same text would be refused again.
    throw new ShopifyGraphqlError(
      `Shopify refused the policy: ${userErrors.map((e) => e.message).join("; ") || "no policy returned"}`,
      userErrors.map((e) => ({ message: e.message, extensions: { code: e.code ?? "USER_ERROR" } })),
    );
  }
  return { url: shopPolicy.url || null, ref: shopPolicy.type, previousHtml: previous?.html ?? "", draftUrl: null };
}
