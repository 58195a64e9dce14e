/**
 * One factory for every Shopify webhook route: read the body within limits (size, JSON media
 * type, UTF-8), verify it (HMAC; bad signature → 401), check the topic matches the route, parse
 * safely, check the signed body names the shop the header does, then run the handler once per
 * webhook id, in one transaction with the ledger entry, and answer once that is committed.
 *
 * The path is kept short on purpose (Shopify counts an answer slower than 5 s as a failure): no
 * session is loaded, and deliveries share commits (ledger.server.ts).
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { readBoundedText, RejectedBody } from "../http/bounded-body.server";
import { loggerFor } from "../logger.server";
import { busyAnswer, processDeliveryOnce, type DeliveryOutcome, type Transaction } from "./ledger.server";
import { verifyShopifyWebhook } from "./shopify-signature.server";

export interface ShopifyWebhook {
  shop: string;
  topic: string;
  payload: unknown;
  webhookId: string;
  /** When Shopify says the event happened (X-Shopify-Triggered-At); a retry keeps it. */
  triggeredAt: Date | null;
}

export type ShopifyWebhookHandler = (tx: Transaction, webhook: ShopifyWebhook) => Promise<void>;

export interface ShopifyWebhookOptions {
  /**
   * The topic undoes an install (app/uninstalled, shop/redact): a delivery triggered before the
   * shop's current install — Shopify's late retry, or a captured delivery replayed — is
   * acknowledged and changes nothing ("stale"). It must say when it was triggered.
   */
  undoesInstall?: boolean;
}

/** Shopify's largest payloads (orders with hundreds of lines) stay well under this. */
export const MAX_WEBHOOK_BYTES = 5 * 1024 * 1024;

const plain = (status: number, message: string) => new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/**
 * The shop a signed body names: compliance topics say `shop_domain`, the Shop resource
 * (app/uninstalled, shop/update) `myshopify_domain`. Undefined when the body names none.
 */
function shopNamedByBody(payload: unknown): unknown {
  if (typeof payload !== "object" || payload === null) return undefined;
  const body = payload as Record<string, unknown>;
  return body.shop_domain ?? body.myshopify_domain ?? undefined;
}

/** "2023-03-29T18:00:27.877041743Z" (Shopify writes nanoseconds) → Date; null when not such a time. */
export function parseTriggeredAt(value: string | undefined): Date | null {
  const match = value?.trim().match(/^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
  if (!match) return null;
  const date = new Date(`${match[1]}${(match[2] ?? "").slice(0, 4)}${match[3]}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Whether the shop was (re)installed after the event: then the event is about an install that is gone. */
async function olderThanInstall(tx: Transaction, shop: string, triggeredAt: Date): Promise<boolean> {
  const record = await tx.shop.findUnique({ where: { platform_domain: { platform: "shopify", domain: shop } }, select: { installedAt: true } });
  return record !== null && triggeredAt < record.installedAt;
}

/** `topic` is Shopify's storage form, e.g. "APP_UNINSTALLED" for app/uninstalled. */
export function shopifyWebhookAction(topic: string, handler: ShopifyWebhookHandler, options: ShopifyWebhookOptions = {}) {
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
    let verified: Awaited<ReturnType<typeof verifyShopifyWebhook>>;
    try {
      verified = await verifyShopifyWebhook(request, body);
    } catch (error) {
      if (error instanceof Response) logger.warn("webhook not authenticated", { status: error.status }); // 401 bad HMAC, 400 missing headers, 405 not POST
      throw error;
    }
    if (verified.topic !== topic) {
      return plain(400, `This endpoint receives ${topic} webhooks, not ${verified.topic}.`);
    }
    let payload: unknown;
    try {
      payload = JSON.parse(body);
    } catch {
      // The signature was valid but the body is not JSON: Shopify would retry forever, so say why and stop it.
      return plain(400, "Malformed JSON body.");
    }
    const webhook: ShopifyWebhook = { shop: verified.domain, topic: verified.topic, payload, webhookId: verified.webhookId, triggeredAt: parseTriggeredAt(verified.triggeredAt) };
    const named = shopNamedByBody(payload);
    if (named !== undefined && named !== webhook.shop) {
      logger.warn("webhook body names another shop than its header", { shop: webhook.shop, webhookId: webhook.webhookId });
      return plain(400, "The shop named in the signed body is not the shop in X-Shopify-Shop-Domain.");
    }
    if (options.undoesInstall && !webhook.triggeredAt) {
      return plain(400, "X-Shopify-Triggered-At is missing or is not a time: cannot tell whether this event predates the current install.");
    }
    let stale = false;
    let outcome: DeliveryOutcome;
    try {
      outcome = await processDeliveryOnce({ platform: "shopify", deliveryId: webhook.webhookId, topic: webhook.topic, shopDomain: webhook.shop }, async (tx) => {
        stale = Boolean(options.undoesInstall && webhook.triggeredAt && (await olderThanInstall(tx, webhook.shop, webhook.triggeredAt)));
        if (!stale) await handler(tx, webhook);
      });
    } catch (error) {
      const busy = busyAnswer(error); // the backlog is full: 503 + Retry-After, Shopify retries
      if (busy) return busy;
      throw error;
    }
    const reported = outcome === "processed" && stale ? "stale" : outcome;
    if (reported === "stale") logger.warn("webhook older than the shop's current install: ignored", { shop: webhook.shop, webhookId: webhook.webhookId, triggeredAt: webhook.triggeredAt?.toISOString() });
    else logger.info("webhook handled", { shop: webhook.shop, webhookId: webhook.webhookId, outcome });
    return new Response(null, { status: 200, headers: { "X-Rassure-Delivery": reported } });
  };
}
