/**
 * `shopPolicyUpdate`, as Shopify answers it: needs `write_legal_policies`, refuses a body over
 * 512 kB with the userError code TOO_BIG, creates the policy when the shop had none (title in
 * the shop's language, URL under /policies/) and keeps its id and creation date otherwise.
 */
import { gid, isoNow, nextNumericId } from "../state";
import type { ShopPolicyRecord, ShopPolicyType } from "../types";
import { assertScopes, optString, type ResolverMap } from "./common";

const MAX_BODY_BYTES = 512 * 1024;

/** Titles and handles Shopify gives each policy type (this shop's language is French). */
const POLICY_NAMES: Record<ShopPolicyType, [title: string, handle: string]> = {
  CONTACT_INFORMATION: ["Coordonnées", "contact-information"],
  LEGAL_NOTICE: ["Mentions légales", "legal-notice"],
  PRIVACY_POLICY: ["Politique de confidentialité", "privacy-policy"],
  REFUND_POLICY: ["Politique de remboursement", "refund-policy"],
  SHIPPING_POLICY: ["Politique d'expédition", "shipping-policy"],
  SUBSCRIPTION_POLICY: ["Politique en matière d'abonnement", "subscription-policy"],
  TERMS_OF_SALE: ["Conditions générales de vente", "terms-of-sale"],
  TERMS_OF_SERVICE: ["Conditions d'utilisation", "terms-of-service"],
};

export const POLICY_WRITE_SCOPES = ["write_legal_policies"] as const;

export const policyResolvers: ResolverMap = {
  Mutation: {
    shopPolicyUpdate: (_root, args, ctx) => {
      assertScopes(ctx, POLICY_WRITE_SCOPES, "shopPolicyUpdate");
      const input = (args.shopPolicy ?? {}) as { type?: unknown; body?: unknown };
      const type = optString(input.type) as ShopPolicyType;
      const body = String(input.body ?? "");
      if (Buffer.byteLength(body) > MAX_BODY_BYTES) {
        return { shopPolicy: null, userErrors: [{ field: ["shopPolicy", "body"], message: "Body is too big (maximum is 512 KB)", code: "TOO_BIG" }] };
      }
      const state = ctx.store.state;
      const now = isoNow();
      let policy = state.policies.find((p) => p.type === type);
      if (policy) {
        policy.body = body;
        policy.updatedAt = now;
      } else {
        const [title, handle] = POLICY_NAMES[type];
        policy = { id: gid("ShopPolicy", nextNumericId(state)), type, title, body, url: `${state.shop.primaryDomain.url}/policies/${handle}`, createdAt: now, updatedAt: now } satisfies ShopPolicyRecord;
        state.policies.push(policy);
      }
      ctx.store.log(`policy ${type} updated (${Buffer.byteLength(body)} bytes)`);
      return { shopPolicy: policy, userErrors: [] };
    },
  },
};
