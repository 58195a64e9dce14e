/**
 * One factory for every Shopify webhook route: read the body within limits (size, JSON media
 * type, UTF-8), check the HMAC (X-Shopify-Hmac-Sha256 with the app's client secret; bad → 401)
 * before anything touches the database, check the headers and that the topic matches the route,
 * parse safely, then run the handler once per webhook id and answer once that is committed.
 *
 * The path is kept short on purpose (Shopify counts an answer slower than 5 s as a failure): no
 * session is loaded — the library's `authenticate.webhook` loads and may refresh the shop's
 * offline token, which no handler here needs — and deliveries share commits (ledger.server.ts).
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { bodySignatureMatches } from "../../adapters/webhook-signature";
import { appEnvironment } from "../env.server";
import { readBoundedText, RejectedBody } from "../http/bounded-body.server";
import { loggerFor } from "../logger.server";
import { busyAnswer, processDeliveryOnce, type DeliveryOutcome, type Transaction } from "./ledger.server";

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

/** "fulfillments/create" → "FULFILLMENTS_CREATE", Shopify's storage form of a topic. */
export const topicForStorage = (topic: string) => topic.toUpperCase().replace(/[/.]/g, "_");

/** `topic` is Shopify's storage form, e.g. "APP_UNINSTALLED" for app/uninstalled. */
export function shopifyWebhookAction(topic: string, handler: ShopifyWebhookHandler) {
  return async function action({ request }: ActionFunctionArgs) {
    if (request.method !== "POST") return plain(405, "Webhooks are POSTed.");
    const logger = loggerFor(request, { topic });
    let body: string;
    try {
      body = await readBoundedText(request, { maxBytes: MAX_WEBHOOK_BYTES, mediaTypes: ["application/json"] });
    } catch (error) {
      if (!(error instanceof RejectedBody)) throw error;
      logger.warn("webhook refused before authentication", { status: error.status, reason: error.message });
      return error.toResponse();
    }
    const header = (name: string) => request.headers.get(name)?.trim() || null;
    const [signature, shop, deliveredTopic, webhookId] = ["x-shopify-hmac-sha256", "x-shopify-shop-domain", "x-shopify-topic", "x-shopify-webhook-id"].map(header);
    if (!signature || !shop || !deliveredTopic || !webhookId || !header("x-shopify-api-version")) {
      logger.warn("webhook not authenticated", { status: 400, reason: "missing headers" });
      return plain(400, "Missing X-Shopify-Hmac-Sha256, X-Shopify-Shop-Domain, X-Shopify-Topic, X-Shopify-Webhook-Id or X-Shopify-API-Version.");
    }
    if (!bodySignatureMatches(body, appEnvironment().shopifyApiSecret, signature)) {
      logger.warn("webhook not authenticated", { status: 401 });
      return plain(401, "Invalid webhook signature.");
    }
    if (topicForStorage(deliveredTopic) !== topic) {
      return plain(400, `This endpoint receives ${topic} webhooks, not ${topicForStorage(deliveredTopic)}.`);
    }
    let payload: unknown;
    try {
      payload = JSON.parse(body);
    } catch {
      // The signature was valid but the body is not JSON: Shopify would retry forever, so say why and stop it.
      return plain(400, "Malformed JSON body.");
    }
    const webhook: ShopifyWebhook = { shop, topic, payload, webhookId };
    let outcome: DeliveryOutcome;
    try {
      outcome = await processDeliveryOnce({ platform: "shopify", deliveryId: webhookId, topic, shopDomain: shop }, (tx) => handler(tx, webhook));
    } catch (error) {
      const busy = busyAnswer(error);
      if (busy) return busy;
      throw error;
    }
    logger.info("webhook handled", { shop, webhookId, outcome });
    return new Response(null, { status: 200, headers: { "X-Rassure-Delivery": outcome } });
  };
}
