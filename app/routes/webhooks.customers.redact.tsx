import { onCustomersRedact } from "../webhooks/shopify-handlers.server";
import { shopifyWebhookAction } from "../webhooks/shopify-route.server";

export const action = shopifyWebhookAction("CUSTOMERS_REDACT", onCustomersRedact);
