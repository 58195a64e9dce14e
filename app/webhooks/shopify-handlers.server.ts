/** What each Shopify webhook topic does to our data. Runs inside the delivery's transaction. */
import { eraseShopCompletely, eraseShopOnUninstall } from "../shops.server";
import type { ShopifyWebhookHandler } from "./shopify-route.server";

const asRecord = (value: unknown): Record<string, unknown> => (typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {});

export const onAppUninstalled: ShopifyWebhookHandler = async (tx, { shop }) => {
  await eraseShopOnUninstall(tx, "shopify", shop);
};

export const onScopesUpdate: ShopifyWebhookHandler = async (tx, { shop, payload }) => {
  const current = asRecord(payload).current;
  const scopes = Array.isArray(current) ? current.filter((s): s is string => typeof s === "string").join(",") : null;
  if (scopes === null) return;
  await tx.session.updateMany({ where: { shop }, data: { scope: scopes } });
  await tx.shop.updateMany({ where: { platform: "shopify", domain: shop }, data: { grantedScopes: scopes } });
};

function customerRef(payload: unknown): string | null {
  const id = asRecord(asRecord(payload).customer).id;
  return typeof id === "number" || typeof id === "string" ? String(id) : null;
}

// Rassure keeps no customer personal data (no names, emails or addresses): the answer to
// a data request or a redaction is "nothing held", recorded for the merchant's audit trail.
export const onCustomersDataRequest: ShopifyWebhookHandler = async (tx, { shop, topic, payload }) => {
  await tx.complianceRequest.create({
    data: { platform: "shopify", topic, shopDomain: shop, customerRef: customerRef(payload), summary: "No customer personal data is stored by Rassure for this shop." },
  });
};

export const onCustomersRedact: ShopifyWebhookHandler = async (tx, { shop, topic, payload }) => {
  await tx.complianceRequest.create({
    data: { platform: "shopify", topic, shopDomain: shop, customerRef: customerRef(payload), summary: "Nothing to redact: Rassure stores no customer personal data." },
  });
};

export const onShopRedact: ShopifyWebhookHandler = async (tx, { shop, topic }) => {
  await eraseShopCompletely(tx, "shopify", shop);
  await tx.complianceRequest.create({
    data: { platform: "shopify", topic, shopDomain: shop, summary: "All data held for the shop was erased." },
  });
};
