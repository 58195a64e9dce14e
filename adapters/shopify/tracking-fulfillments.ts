/**
 * Fulfillments and their tracking info, read and written through the Admin API. Shopify's
 * fulfillment is the platform-neutral Shipment; the tracking decisions are made elsewhere
 * (app/tracking), this module only moves data.
 */
import type { OrderItemLine, OrderTracking, Shipment, TrackingUpdate } from "../types";
import { runAdminQuery, ShopifyGraphqlError, type AdminGraphql } from "./admin-graphql";

// One orders query for both uses: the admin's recent shipments and the storefront lookup. Sizes keep
// 25 orders under Shopify's 1,000-point single-query cost (25 × (2 + 5 × (1 + 3))).
export const ORDERS_WITH_FULFILLMENTS_QUERY = `#graphql
  query RassureOrdersWithFulfillments($first: Int!, $query: String!) {
    orders(first: $first, sortKey: UPDATED_AT, reverse: true, query: $query) {
      nodes {
        id
        name
        shippingAddress { countryCodeV2 }
        fulfillments(first: 5) {
          id
          name
          status
          createdAt
          trackingInfo(first: 3) { company number url }
        }
      }
    }
  }
`;

// The storefront lookup's view of one order: its items, each parcel's items, tracking and
// delivery, cancellation and refund. About 290 cost points (2 × (1 + 12 + 5 × (1 + 3 + 22))).
export const ORDER_TRACKING_QUERY = `#graphql
  query RassureOrderTracking($query: String!) {
    orders(first: 2, query: $query) {
      nodes {
        id
        name
        cancelledAt
        displayFinancialStatus
        shippingAddress { countryCodeV2 }
        lineItems(first: 10) { nodes { id name quantity } }
        fulfillments(first: 5) {
          id
          name
          status
          displayStatus
          createdAt
          deliveredAt
          trackingInfo(first: 3) { company number url }
          fulfillmentLineItems(first: 10) { nodes { quantity lineItem { id name } } }
        }
      }
    }
  }
`;

export const FULFILLMENT_QUERY = `#graphql
  query RassureFulfillment($id: ID!) {
    fulfillment(id: $id) {
      id
      name
      status
      createdAt
      trackingInfo(first: 2) { company number url }
      order { id name shippingAddress { countryCodeV2 } }
    }
  }
`;

// Two tracking entries are enough to tell a one-parcel fulfillment (the only kind rewritten)
// from a several-parcel one, and keep each job to a few cost points.
// Only the id comes back: the answer is not needed and every selected field costs bucket points.
// 2026-07 signature: fulfillmentTrackingInfoUpdate(fulfillmentId: ID!, notifyCustomer: Boolean,
// trackingInfoInput: FulfillmentTrackingInput!) — one number with one url and one company.
export const FULFILLMENT_TRACKING_UPDATE_MUTATION = `#graphql
  mutation RassureFulfillmentTrackingUpdate($fulfillmentId: ID!, $notifyCustomer: Boolean, $trackingInfoInput: FulfillmentTrackingInput!) {
    fulfillmentTrackingInfoUpdate(fulfillmentId: $fulfillmentId, notifyCustomer: $notifyCustomer, trackingInfoInput: $trackingInfoInput) {
      fulfillment { id }
      userErrors { field message }
    }
  }
`;

interface FulfillmentNode {
  id: string;
  name: string;
  status: string;
  createdAt: string;
  trackingInfo: Array<{ company: string | null; number: string | null; url: string | null }>;
}
interface OrderNode {
  id: string;
  name: string;
  shippingAddress: { countryCodeV2: string | null } | null;
}

function toShipment(f: FulfillmentNode, order: OrderNode): Shipment {
  return {
    id: f.id,
    name: f.name,
    orderId: order.id,
    orderName: order.name,
    status: f.status,
    createdAt: f.createdAt,
    destinationCountry: order.shippingAddress?.countryCodeV2 ?? null,
    tracking: f.trackingInfo.map((t) => ({ company: t.company, number: t.number, url: t.url })),
  };
}

function ordersToShipments(orders: Array<OrderNode & { fulfillments: FulfillmentNode[] }>): Shipment[] {
  return orders.flatMap((order) => order.fulfillments.map((f) => toShipment(f, order)));
}

type OrdersData = { orders: { nodes: Array<OrderNode & { fulfillments: FulfillmentNode[] }> } };

function fetchOrders(graphql: AdminGraphql, first: number, query: string) {
  return runAdminQuery<OrdersData>(graphql, ORDERS_WITH_FULFILLMENTS_QUERY, { first, query });
}

export async function listRecentShopifyShipments(graphql: AdminGraphql, orders: number): Promise<Shipment[]> {
  // Everything but unshipped orders: fully and partly fulfilled ones (no OR needed, which search handles poorly).
  const { data } = await fetchOrders(graphql, orders, "-fulfillment_status:unshipped");
  return ordersToShipments(data.orders.nodes);
}

export async function getShopifyShipment(graphql: AdminGraphql, id: string): Promise<Shipment | null> {
  const { data } = await runAdminQuery<{ fulfillment: (FulfillmentNode & { order: OrderNode }) | null }>(graphql, FULFILLMENT_QUERY, { id });
  return data.fulfillment ? toShipment(data.fulfillment, data.fulfillment.order) : null;
}

/** Order names are "#1001"; the search quotes both values so a shopper's input stays one term each. */
function searchValue(value: string): string {
  return `"${value.replace(/["\\]/g, "")}"`;
}

// The storefront lookup: Shopify's own search matches the order number and e-mail together,
// so the shopper's e-mail is compared by Shopify and never read back by the app.
export async function findShopifyOrderShipments(graphql: AdminGraphql, orderName: string, email: string): Promise<Shipment[] | null> {
  const name = orderName.trim().replace(/^#?/, "#");
  const query = `name:${searchValue(name)} AND email:${searchValue(email.trim())}`;
  const { data } = await fetchOrders(graphql, 2, query);
  // Exactly one order with exactly this name, or nothing: a loose search must never reveal another order.
  const matches = data.orders.nodes.filter((order) => order.name === name);
  return matches.length === 1 ? ordersToShipments(matches) : null;
}

type TrackingOrderNode = OrderNode & {
  cancelledAt: string | null;
  displayFinancialStatus: string | null;
  lineItems: { nodes: Array<{ id: string; name: string; quantity: number }> };
  fulfillments: Array<
    FulfillmentNode & {
      displayStatus: string | null;
      deliveredAt: string | null;
      fulfillmentLineItems: { nodes: Array<{ quantity: number; lineItem: { id: string; name: string } }> };
    }
  >;
};

export async function findShopifyOrderTracking(graphql: AdminGraphql, orderName: string, email: string): Promise<OrderTracking | null> {
  const name = orderName.trim().replace(/^#?/, "#");
  const { data } = await runAdminQuery<{ orders: { nodes: TrackingOrderNode[] } }>(graphql, ORDER_TRACKING_QUERY, {
    query: `name:${searchValue(name)} AND email:${searchValue(email.trim())}`,
  });
  const matches = data.orders.nodes.filter((order) => order.name === name);
  if (matches.length !== 1) return null;
  const order = matches[0];
  const sent = order.fulfillments.filter((f) => f.status !== "CANCELLED" && f.status !== "ERROR" && f.status !== "FAILURE");
  const shippedQuantity = new Map<string, number>();
  for (const f of sent) for (const item of f.fulfillmentLineItems.nodes) shippedQuantity.set(item.lineItem.id, (shippedQuantity.get(item.lineItem.id) ?? 0) + item.quantity);
  const unshipped: OrderItemLine[] = order.lineItems.nodes
    .map((item) => ({ name: item.name, quantity: item.quantity - (shippedQuantity.get(item.id) ?? 0) }))
    .filter((item) => item.quantity > 0);
  return {
    orderName: order.name,
    cancelled: order.cancelledAt !== null,
    refunded: order.displayFinancialStatus === "REFUNDED",
    unshipped,
    shipments: sent.map((f) => ({
      ...toShipment(f, order),
      items: f.fulfillmentLineItems.nodes.map((item) => ({ name: item.lineItem.name, quantity: item.quantity })),
      delivered: f.displayStatus === "DELIVERED" || f.deliveredAt !== null,
    })),
  };
}

export async function updateShopifyShipmentTracking(graphql: AdminGraphql, id: string, update: TrackingUpdate): Promise<void> {
  const { data } = await runAdminQuery<{
    fulfillmentTrackingInfoUpdate: { fulfillment: { id: string } | null; userErrors: Array<{ field: string[] | null; message: string }> } | null;
  }>(graphql, FULFILLMENT_TRACKING_UPDATE_MUTATION, {
    fulfillmentId: id,
    notifyCustomer: update.notifyCustomer,
    trackingInfoInput: { company: update.company, number: update.number, url: update.url },
  });
  const payload = data.fulfillmentTrackingInfoUpdate;
  if (!payload?.fulfillment || payload.userErrors.length > 0) {
    const errors = payload?.userErrors.map((e) => ({ message: e.message, extensions: { code: "USER_ERROR", field: e.field } })) ?? [];
    throw new ShopifyGraphqlError(`Shopify refused the tracking update: ${errors.map((e) => e.message).join("; ") || "no fulfillment returned"}`, errors);
  }
}
