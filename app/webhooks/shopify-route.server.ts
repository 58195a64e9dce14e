/**
 * One factory for every Shopify webhook route: authenticate (HMAC; bad signature → 401
 * from Shopify's library), check the topic matches the route, parse safely, then run the
 * handler once per webhook id.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { authenticate } from "../shopify.server";
import { processDeliveryOnce, type Transaction } from "./ledger.server";

export interface ShopifyWebhook {
  shop: string;
  topic: string;
  payload: unknown;
  webhookId: string;
}

export type ShopifyWebhookHandler = (tx: Transaction, webhook: ShopifyWebhook) => Promise<void>;

const plain = (status: number, message: string) => new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** `topic` is Shopify's storage form, e.g. "APP_UNINSTALLED" for app/uninstalled. */
export function shopifyWebhookAction(topic: string, handler: ShopifyWebhookHandler) {
  return async function action({ request }: ActionFunctionArgs) {
    let webhook: ShopifyWebhook;
    try {
      const context = await authenticate.webhook(request);
      webhook = { shop: context.shop, topic: context.topic, payload: context.payload, webhookId: context.webhookId };
    } catch (error) {
      if (error instanceof Response) throw error; // 401 bad HMAC, 400 missing headers, 405 not POST
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
    return new Response(null, { status: 200, headers: { "X-Rassure-Delivery": outcome } });
  };
}
