/**
 * One factory for every Shopify webhook route: read the body within limits (size, JSON media
 * type, UTF-8), authenticate (HMAC; bad signature → 401 from Shopify's library), check the
 * topic matches the route, parse safely, then run the handler once per webhook id.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { readBoundedText, RejectedBody, withBody } from "../http/bounded-body.server";
import { loggerFor } from "../logger.server";
import { authenticate } from "../shopify.server";
import { processDeliveryOnce, type Transaction } from "./ledger.server";

export interface ShopifyWebhook {
  shop: string;
  topic: string;
  payload: unknown;
  webhookId: string;
}

export type ShopifyWebhookHandler = (tx: Transaction, webhook: ShopifyWebhook) => Promise<void>;

/** Shopify's largest payloads (orders with hundreds of lines) stay well under this. */
export const MAX_WEBHOOK_BYTES = 5 * 1024 * 1024;

const plain = (status: number, message: string) => new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** `topic` is Shopify's storage form, e.g. "APP_UNINSTALLED" for app/uninstalled. */
export function shopifyWebhookAction(topic: string, handler: ShopifyWebhookHandler) {
  return async function action({ request }: ActionFunctionArgs) {
    const logger = loggerFor(request, { topic });
    let body: string;
    try {
      body = await readBoundedText(request, { maxBytes: MAX_WEBHOOK_BYTES, mediaTypes: ["application/json"] });
    } catch (error) {
      if (!(error instanceof RejectedBody)) throw error;
      logger.warn("webhook refused before authentication", { status: error.status, reason: error.message });
      return error.toResponse();
    }
    let webhook: ShopifyWebhook;
    try {
      const context = await authenticate.webhook(withBody(request, body));
      webhook = { shop: context.shop, topic: context.topic, payload: context.payload, webhookId: context.webhookId };
    } catch (error) {
      if (error instanceof Response) {
        logger.warn("webhook not authenticated", { status: error.status }); // 401 bad HMAC, 400 missing headers, 405 not POST
        throw error;
      }
      // The signature was valid but the body is not JSON: Shopify would retry forever, so say why and stop it.
      if (error instanceof SyntaxError) return plain(400, "Malformed JSON body.");
      throw error;
    }
    if (webhook.topic !== topic) {
      return plain(400, `This endpoint receives ${topic} webhooks, not ${webhook.topic}.`);
    }
    const outcome = await processDeliveryOnce(
      { platform: "shopify", deliveryId: webhook.webhookId, topic: webhook.topic, shopDomain: webhook.shop },
      (tx) => handler(tx, webhook),
    );
    logger.info("webhook handled", { shop: webhook.shop, webhookId: webhook.webhookId, outcome });
    return new Response(null, { status: 200, headers: { "X-Rassure-Delivery": outcome } });
  };
}
