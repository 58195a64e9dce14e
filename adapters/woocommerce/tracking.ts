/**
 * Tracking on WooCommerce orders. With the official Shipment Tracking extension the link
 * goes through its API (shown in My Account and the Completed email by the extension);
 * without it, Rassure keeps the link in its own order meta (`rassure_tracking`, which the
 * companion plugin renders) and adds a customer note, which WooCommerce emails to the buyer.
 * Writing the same number twice changes nothing.
 */
import { array, object, optional, parse, text } from "./parse";
import type { WooOrder } from "./resources";
import { orderParser } from "./resources";
import { SHIPMENT_TRACKING_NAMESPACE } from "./namespaces";
import { WooCommerceApiError, type WooRestClient } from "./rest-client";

export { SHIPMENT_TRACKING_NAMESPACE };
export const TRACKING_META_KEY = "rassure_tracking";

/** What Rassure writes on an order: the carrier's name, the number and the https link the app built. */
export interface TrackingWrite {
  orderId: number;
  company: string;
  number: string;
  url: string;
  /** Add a customer note (WooCommerce e-mails it to the buyer) instead of a private one. */
  notifyCustomer: boolean;
  /** Store language (WordPress locale, e.g. "fr_FR") for the note's wording. */
  locale: string;
  shippedAt?: Date;
}

export interface TrackingWriteResult {
  via: "shipment-tracking" | "order-note";
  /** false when the same number was already on the order. */
  written: boolean;
}

export interface TrackingEntry {
  number: string;
  carrier: string;
  url: string;
}

const shipmentItemParser = object({ tracking_number: text, tracking_provider: text, custom_tracking_provider: optional(text), custom_tracking_link: optional(text) });
const rassureItemParser = object({ number: text, carrier: text, url: text });

/** Tracking numbers already on an order, from either storage. */
export function trackingItemsOf(order: WooOrder): TrackingEntry[] {
  const entries: TrackingEntry[] = [];
  for (const meta of order.meta_data ?? []) {
    if (!Array.isArray(meta.value)) continue;
    try {
      if (meta.key === "_wc_shipment_tracking_items") {
        for (const item of parse(array(shipmentItemParser), meta.value, meta.key)) {
          entries.push({ number: item.tracking_number, carrier: item.custom_tracking_provider || item.tracking_provider, url: item.custom_tracking_link ?? "" });
        }
      } else if (meta.key === TRACKING_META_KEY) {
        entries.push(...parse(array(rassureItemParser), meta.value, meta.key));
      }
    } catch {
      // Meta written by someone else in another shape is not ours to read.
    }
  }
  return entries.filter((entry) => entry.number);
}

/** The note buyers receive by e-mail: written in the store's language (French or English). */
export function trackingNoteText(input: Pick<TrackingWrite, "company" | "number" | "url" | "locale">): string {
  return input.locale.toLowerCase().startsWith("fr")
    ? `Votre commande a été expédiée avec ${input.company}. Numéro de suivi : ${input.number}. Suivre le colis : ${input.url}`
    : `Your order has shipped with ${input.company}. Tracking number: ${input.number}. Track your parcel: ${input.url}`;
}

function validate(input: TrackingWrite): void {
  if (!Number.isInteger(input.orderId) || input.orderId <= 0) throw new WooCommerceApiError("Invalid order id.", null, "rassure_invalid_input", false);
  if (!input.number.trim() || input.number.length > 100 || !input.company.trim()) throw new WooCommerceApiError("Invalid tracking number.", null, "rassure_invalid_input", false);
  if (!/^https:\/\/[^\s"'<>]+$/i.test(input.url)) throw new WooCommerceApiError("A tracking link must be https.", null, "rassure_invalid_input", false);
}

const extensionItemParser = object({ tracking_id: text, tracking_provider: text, tracking_link: text, tracking_number: text });

/** The order's trackings as the Shipment Tracking extension resolves them (provider links filled in). */
export async function listExtensionTrackings(client: WooRestClient, orderId: number): Promise<Array<TrackingEntry & { id: string }>> {
  const response = await client.request("get", `orders/${orderId}/shipment-trackings`, { namespace: SHIPMENT_TRACKING_NAMESPACE });
  return parse(array(extensionItemParser), response.data, "shipment-trackings").map((item) => ({ id: item.tracking_id, number: item.tracking_number, carrier: item.tracking_provider, url: item.tracking_link }));
}

async function writeThroughExtension(client: WooRestClient, input: TrackingWrite, number: string): Promise<boolean> {
  const existing = (await listExtensionTrackings(client, input.orderId)).filter((entry) => entry.number === number);
  if (existing.some((entry) => entry.url === input.url)) return false;
  // The same parcel without a working link (unknown provider): replace it with ours.
  for (const entry of existing) {
    await client.request("delete", `orders/${input.orderId}/shipment-trackings/${entry.id}`, { namespace: SHIPMENT_TRACKING_NAMESPACE });
  }
  await client.request("post", `orders/${input.orderId}/shipment-trackings`, {
    namespace: SHIPMENT_TRACKING_NAMESPACE,
    data: { custom_tracking_provider: input.company, custom_tracking_link: input.url, tracking_number: number, date_shipped: (input.shippedAt ?? new Date()).toISOString().slice(0, 10) },
  });
  return true;
}

export async function writeWooTracking(client: WooRestClient, input: TrackingWrite, hasShipmentTracking: boolean): Promise<TrackingWriteResult> {
  validate(input);
  const number = input.number.trim();
  if (hasShipmentTracking) return { via: "shipment-tracking", written: await writeThroughExtension(client, input, number) };

  const order = parse(orderParser, (await client.get(`orders/${input.orderId}`)).data, `orders/${input.orderId}`);
  if (trackingItemsOf(order).some((entry) => entry.number === number && entry.url === input.url)) return { via: "order-note", written: false };
  // Like Shopify's tracking update, the new number replaces the one Rassure wrote before.
  await client.request("put", `orders/${input.orderId}`, {
    data: { meta_data: [{ key: TRACKING_META_KEY, value: [{ number, carrier: input.company, url: input.url }] }] },
  });
  await client.request("post", `orders/${input.orderId}/notes`, { data: { note: trackingNoteText(input), customer_note: input.notifyCustomer } });
  return { via: "order-note", written: true };
}
