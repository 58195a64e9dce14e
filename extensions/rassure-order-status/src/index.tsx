/** @jsxImportSource preact */
/**
 * Entry of the customer-account.order-status.fulfillment-details.render-after target: one
 * instance per fulfillment (shopify.fulfillmentId), rendered into the card with Preact.
 */
import type { Api } from "@shopify/ui-extensions/customer-account.order-status.fulfillment-details.render-after";
import { render } from "preact";
import { FulfillmentTracking } from "./FulfillmentTracking";
import { loadFulfillmentTracking } from "./tracking";

// The host's `shopify` global, typed for this target (the admin app's App Bridge declares its own).
const host = () => (globalThis as unknown as { shopify: Api }).shopify;

export default async () => {
  const shopify = host();
  const orderId = shopify.order.value?.id;
  const parcels = orderId ? await loadFulfillmentTracking(fetch, orderId, shopify.fulfillmentId).catch(() => []) : [];
  render(<FulfillmentTracking parcels={parcels} t={(key, values) => shopify.i18n.translate(key, values)} />, document.body);
};
