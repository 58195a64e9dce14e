/** What each Shopify webhook topic does to our data. Runs inside the delivery's transaction. */
import { grantsProductReads, scheduleReviewsAggregate } from "../reviews/aggregate-job.server";
import { eraseShopCompletely, forgetShopAccess } from "../shops.server";
import { eraseTrackingDataForOrders, trackingDataForOrders, type OrderTrackingRecord } from "../tracking/erase.server";
import type { ShopifyWebhookHandler } from "./shopify-route.server";

const asRecord = (value: unknown): Record<string, unknown> => (typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {});

// The merchant's settings stay until shop/redact (48 hours later, unless they reinstall).
export const onAppUninstalled: ShopifyWebhookHandler = async (tx, { shop }) => {
  await forgetShopAccess(tx, "shopify", shop);
};

export const onScopesUpdate: ShopifyWebhookHandler = async (tx, { shop, payload }) => {
  const current = asRecord(payload).current;
  const scopes = Array.isArray(current) ? current.filter((s): s is string => typeof s === "string").join(",") : null;
  if (scopes === null) return;
  await tx.session.updateMany({ where: { shop }, data: { scope: scopes } });
  await tx.shop.updateMany({ where: { platform: "shopify", domain: shop }, data: { grantedScopes: scopes } });
  // A shop installed before read_products was asked for: its review aggregate can start once the merchant approves it.
  if (grantsProductReads(scopes.split(","))) await scheduleReviewsAggregate(shop, { tx });
};

function customerRef(payload: unknown): string | null {
  const id = asRecord(asRecord(payload).customer).id;
  return typeof id === "number" || typeof id === "string" ? String(id) : null;
}

/**
 * The orders a request names (Shopify's numeric ids), as Rassure stores them: Admin API gids.
 * Shopify holds a customer's orders for redaction until six months after the last one, so the
 * list can be long; anything that is not an order id is left out.
 */
function namedOrders(payload: unknown, field: "orders_requested" | "orders_to_redact"): string[] {
  const ids = asRecord(payload)[field];
  if (!Array.isArray(ids)) return [];
  return ids.filter((id) => (typeof id === "number" && Number.isSafeInteger(id) && id > 0) || (typeof id === "string" && /^\d{1,20}$/.test(id))).map((id) => `gid://shopify/Order/${id}`);
}

const NOT_HELD = "Rassure keeps no customer names, e-mails, phone numbers or addresses.";

function describeFix(fix: OrderTrackingRecord): string {
  const order = fix.orderName ? `${fix.orderName} (${fix.orderId})` : fix.orderId;
  return `- ${fix.createdAt.toISOString()} order ${order}, fulfillment ${fix.fulfillmentId}: tracking number ${fix.number}; carrier ${fix.previousCompany ?? "(none)"} → ${fix.company}; link ${fix.previousUrl ?? "(none)"} → ${fix.url}`;
}

// Shopify does not relay the answer: the report is kept for the merchant, who sends it to the
// customer. It lists what Rassure holds for the orders named: the tracking changes it made.
export const onCustomersDataRequest: ShopifyWebhookHandler = async (tx, { shop, topic, payload }) => {
  const orders = namedOrders(payload, "orders_requested");
  const fixes = orders.length ? await trackingDataForOrders(tx, { platform: "shopify", shopDomain: shop }, orders) : [];
  const summary = fixes.length
    ? [`Tracking changes Rassure made on ${new Set(fixes.map((f) => f.orderId)).size} of the ${orders.length} order(s) named:`, ...fixes.map(describeFix), NOT_HELD].join("\n")
    : `Nothing stored for the ${orders.length} order(s) named. ${NOT_HELD}`;
  await tx.complianceRequest.create({ data: { platform: "shopify", topic, shopDomain: shop, customerRef: customerRef(payload), summary } });
};

// Erases the tracking changes and checks of the orders named, and the numbers an earlier data
// request reported for this customer; the audit line says what went, not what it was.
export const onCustomersRedact: ShopifyWebhookHandler = async (tx, { shop, topic, payload }) => {
  const orders = namedOrders(payload, "orders_to_redact");
  const ref = customerRef(payload);
  const erased = orders.length ? await eraseTrackingDataForOrders(tx, { platform: "shopify", shopDomain: shop }, orders) : { fixes: 0, checks: 0 };
  const earlierReports = ref ? { platform: "shopify", shopDomain: shop, topic: "CUSTOMERS_DATA_REQUEST", customerRef: ref } : null;
  const scrubbed = earlierReports ? (await tx.complianceRequest.updateMany({ where: earlierReports, data: { summary: `Report erased by customers/redact on ${new Date().toISOString()}.` } })).count : 0;
  const summary =
    erased.fixes + erased.checks + scrubbed > 0
      ? `Erased for the ${orders.length} order(s) named: ${erased.fixes} tracking change(s), ${erased.checks} tracking check(s), ${scrubbed} earlier data report(s). ${NOT_HELD}`
      : `Nothing stored for the ${orders.length} order(s) named. ${NOT_HELD}`;
  await tx.complianceRequest.create({ data: { platform: "shopify", topic, shopDomain: shop, customerRef: ref, summary } });
};

export const onShopRedact: ShopifyWebhookHandler = async (tx, { shop, topic }) => {
  await eraseShopCompletely(tx, "shopify", shop);
  await tx.complianceRequest.create({
    data: { platform: "shopify", topic, shopDomain: shop, summary: "All data held for the shop was erased." },
  });
};
