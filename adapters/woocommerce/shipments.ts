/**
 * WooCommerce has no fulfillment objects (core "Order Fulfillments" is still a beta behind a
 * feature flag): a shipped order is the shipment. Its id is the order id; its tracking comes
 * from the Shipment Tracking extension's meta or Rassure's own meta.
 */
import type { Shipment, TrackingUpdate } from "../types";
import { array, parse } from "./parse";
import { orderParser, type WooOrder } from "./resources";
import { WooCommerceApiError, type WooRestClient } from "./rest-client";
import { listExtensionTrackings, TRACKING_META_KEY, trackingItemsOf, writeWooTracking } from "./tracking";

/** Order statuses that mean the parcel left (or is leaving) the shop. */
const SHIPPED_STATUSES = "completed";

export function orderToShipment(order: WooOrder): Shipment {
  const name = `#${order.number || order.id}`;
  return {
    id: String(order.id),
    name,
    orderId: String(order.id),
    orderName: name,
    status: order.status,
    createdAt: order.date_completed || order.date_created,
    destinationCountry: order.shipping?.country || order.billing?.country || null,
    tracking: trackingItemsOf(order).map((entry) => ({ company: entry.carrier || null, number: entry.number, url: entry.url || null })),
  };
}

function orderId(id: string): number | null {
  return /^\d{1,12}$/.test(id) ? Number(id) : null;
}

export async function getWooShipment(client: WooRestClient, id: string, hasShipmentTracking = false): Promise<Shipment | null> {
  const numeric = orderId(id);
  if (numeric === null) return null;
  let order: WooOrder;
  try {
    order = parse(orderParser, (await client.get(`orders/${numeric}`)).data, `orders/${numeric}`);
  } catch (error) {
    if (error instanceof WooCommerceApiError && error.status === 404) return null;
    throw error;
  }
  const shipment = orderToShipment(order);
  if (!hasShipmentTracking) return shipment;
  // The extension resolves its providers' links; its raw meta only names the provider.
  const ours = trackingItemsOf({ ...order, meta_data: (order.meta_data ?? []).filter((meta) => meta.key === TRACKING_META_KEY) });
  const extension = await listExtensionTrackings(client, numeric);
  return { ...shipment, tracking: [...extension, ...ours].map((entry) => ({ company: entry.carrier || null, number: entry.number, url: entry.url || null })) };
}

export async function listRecentWooShipments(client: WooRestClient, count: number): Promise<Shipment[]> {
  const perPage = Math.min(Math.max(Math.floor(count), 1), 100);
  const response = await client.get("orders", { status: SHIPPED_STATUSES, orderby: "modified", order: "desc", per_page: perPage });
  return parse(array(orderParser), response.data, "orders").map(orderToShipment);
}

export async function findWooOrderShipments(client: WooRestClient, orderName: string, email: string): Promise<Shipment[] | null> {
  const number = orderName.trim().replace(/^#/, "");
  if (!number || number.length > 40 || !email.includes("@")) return null;
  const response = await client.get("orders", { search: number, per_page: 20 });
  const match = parse(array(orderParser), response.data, "orders").find(
    (order) => (order.number || String(order.id)) === number && order.billing?.email.trim().toLowerCase() === email.trim().toLowerCase(),
  );
  if (!match) return null;
  return match.status === SHIPPED_STATUSES ? [orderToShipment(match)] : [];
}

export async function updateWooShipmentTracking(client: WooRestClient, id: string, update: TrackingUpdate, options: { hasShipmentTracking: boolean; locale: string }): Promise<Shipment> {
  const numeric = orderId(id);
  if (numeric === null) throw new WooCommerceApiError(`No such order: ${id}`, 404, "woocommerce_rest_shop_order_invalid_id", false);
  await writeWooTracking(client, { orderId: numeric, company: update.company, number: update.number, url: update.url, notifyCustomer: update.notifyCustomer, locale: options.locale }, options.hasShipmentTracking);
  const shipment = await getWooShipment(client, id, options.hasShipmentTracking);
  if (!shipment) throw new WooCommerceApiError(`Order ${id} disappeared while its tracking was written.`, 404, null, false);
  return shipment;
}
