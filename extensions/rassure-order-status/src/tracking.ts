/**
 * The fulfillment's tracking, read through the Customer Account API (the extension's own
 * authenticated endpoint: no app server, no customer data leaving Shopify). Pure apart from the
 * fetch it is given, so it runs the same in the extension and in tests.
 */
export const CUSTOMER_ACCOUNT_API_URL = "shopify://customer-account/api/2026-07/graphql.json";

export const FULFILLMENT_TRACKING_QUERY = `query RassureFulfillmentTracking($orderId: ID!) {
  order(id: $orderId) {
    fulfillments(first: 20) {
      nodes { id trackingInformation { company number url } }
    }
  }
}`;

export interface ParcelTracking {
  carrier: string | null;
  number: string;
  /** Only https/http links are kept: anything else is shown as text, never as a link. */
  url: string | null;
}

interface TrackingData {
  order: { fulfillments: { nodes: Array<{ id: string; trackingInformation: Array<{ company: string | null; number: string; url: string | null }> }> } } | null;
}

const safeUrl = (url: string | null) => (url && /^https?:\/\//i.test(url) ? url : null);

export async function loadFulfillmentTracking(fetchFn: typeof fetch, orderId: string, fulfillmentId: string): Promise<ParcelTracking[]> {
  const response = await fetchFn(CUSTOMER_ACCOUNT_API_URL, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ query: FULFILLMENT_TRACKING_QUERY, variables: { orderId } }),
  });
  if (!response.ok) return [];
  const body = (await response.json()) as { data?: TrackingData };
  const fulfillment = body.data?.order?.fulfillments.nodes.find((f) => f.id === fulfillmentId);
  return (fulfillment?.trackingInformation ?? [])
    .filter((t) => t.number)
    .map((t) => ({ carrier: t.company && t.company !== "Other" ? t.company : null, number: t.number, url: safeUrl(t.url) }));
}
