/**
 * fulfillments/create and fulfillments/update: the webhook only records a job (in the
 * delivery's transaction, so exactly once per webhook id) and answers; the worker does the
 * platform calls in the background. Payloads that already carry a good link, or no number,
 * need no job — which also makes the fulfillments/update Shopify sends after our own fix a no-op.
 */
import { shopifyWebhookAction, type ShopifyWebhookHandler } from "../webhooks/shopify-route.server";
import { enqueueTrackingJob, kickTrackingWorker } from "./jobs.server";
import { NO_CHOICES, planTracking } from "./plan";

const asRecord = (value: unknown): Record<string, unknown> => (typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {});
const text = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value : null);

export function fulfillmentGid(payload: Record<string, unknown>): string | null {
  const gid = text(payload.admin_graphql_api_id);
  if (gid && /^gid:\/\/shopify\/Fulfillment\/\d+$/.test(gid)) return gid;
  const id = payload.id;
  return (typeof id === "number" && Number.isSafeInteger(id) && id > 0) || (typeof id === "string" && /^\d+$/.test(id)) ? `gid://shopify/Fulfillment/${id}` : null;
}

/** Whether the payload alone proves there is nothing to fix (merchant overrides can only add fixes to "unknown carrier"). */
function clearlyNothingToDo(payload: Record<string, unknown>): boolean {
  if (text(payload.status)?.toLowerCase() === "cancelled") return true;
  const numbers = Array.isArray(payload.tracking_numbers) ? payload.tracking_numbers : [];
  const number = text(payload.tracking_number) ?? text(numbers[0]);
  if (numbers.length > 1) return true; // several parcels: not rewritten (see planShipment)
  const urls = Array.isArray(payload.tracking_urls) ? payload.tracking_urls : [];
  const country = text(asRecord(payload.destination).country_code);
  const plan = planTracking({ company: text(payload.tracking_company), number, url: text(payload.tracking_url) ?? text(urls[0]) }, NO_CHOICES, { country });
  return plan.action === "none" && (plan.status === "ok" || plan.status === "missing-number");
}

export const onFulfillmentEvent: ShopifyWebhookHandler = async (tx, { shop, payload }) => {
  const body = asRecord(payload);
  const fulfillmentId = fulfillmentGid(body);
  if (!fulfillmentId || clearlyNothingToDo(body)) return;
  await enqueueTrackingJob(tx, { platform: "shopify", shopDomain: shop, fulfillmentId, source: "webhook" });
};

export function fulfillmentWebhookAction(topic: "FULFILLMENTS_CREATE" | "FULFILLMENTS_UPDATE") {
  return shopifyWebhookAction(topic, onFulfillmentEvent, { onProcessed: () => void kickTrackingWorker() });
}
