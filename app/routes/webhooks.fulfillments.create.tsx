import { fulfillmentWebhookAction } from "../tracking/webhook.server";

export const action = fulfillmentWebhookAction("FULFILLMENTS_CREATE");
