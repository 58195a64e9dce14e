/**
 * Shared set-up for the tracking suites: the app's routes served over HTTP, the local dev store
 * delivering real signed webhooks to them, Shopify's fetch pointed at the store, and Rassure
 * installed through the real token exchange.
 */
import { readFileSync } from "node:fs";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { authenticate } from "../../app/shopify.server";
import type { FulfillmentRecord, OrderRecord, ShopifyDevStore } from "../../dev/shopify-dev-store";
import { startTestDevStore } from "../support/dev-store";
import { startRouteServer, type RouteServer } from "../support/route-server";

export interface TrackingHarness {
  app: RouteServer;
  store: ShopifyDevStore;
  close(): Promise<void>;
}

export async function startTrackingHarness(): Promise<TrackingHarness> {
  const app = await startRouteServer();
  const store = await startTestDevStore(app.url);
  setAbstractFetchFunc(store.fetch);
  await authenticate.admin(new Request(store.embeddedAppUrl("/app"))); // install: offline token stored
  return {
    app,
    store,
    close: async () => {
      await store.close();
      await app.close();
    },
  };
}

export function findSeededFulfillment(store: ShopifyDevStore, orderName: string): { order: OrderRecord; fulfillment: FulfillmentRecord } {
  const order = store.state.orders.find((o) => o.name === orderName);
  if (!order?.fulfillments[0]) throw new Error(`seed has no fulfilled order ${orderName}`);
  return { order, fulfillment: order.fulfillments[0] };
}

const CONTRACT_EXAMPLE = JSON.parse(readFileSync("test/contracts/shopify/webhook-payloads-2026-01/metadata/fulfillments/update.json", "utf8")).response as Record<string, unknown>;

/** The documented fulfillments/update example, carrying this fulfillment's ids and tracking. */
export function fulfillmentPayload(order: OrderRecord, fulfillment: FulfillmentRecord): Record<string, unknown> {
  const tracking = fulfillment.trackingInfo;
  const numeric = (gid: string) => Number(gid.split("/").pop());
  return {
    ...CONTRACT_EXAMPLE,
    id: numeric(fulfillment.id),
    admin_graphql_api_id: fulfillment.id,
    order_id: numeric(order.id),
    name: fulfillment.name,
    status: fulfillment.status.toLowerCase(),
    tracking_company: tracking[0]?.company ?? null,
    tracking_number: tracking[0]?.number ?? null,
    tracking_numbers: tracking.map((t) => t.number).filter(Boolean),
    tracking_url: tracking[0]?.url ?? null,
    tracking_urls: tracking.map((t) => t.url).filter(Boolean),
    destination: { ...(CONTRACT_EXAMPLE.destination as object), country_code: order.shippingAddress?.countryCodeV2 ?? null },
  };
}
