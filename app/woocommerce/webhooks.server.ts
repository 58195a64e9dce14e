/**
 * The WooCommerce webhook receiver. WooCommerce signs each delivery with the secret we gave
 * the webhook: X-WC-Webhook-Signature = base64(HMAC-SHA256(raw body, secret)). Each event is
 * processed once through the shared ledger, keyed by store, topic and a digest of the signed
 * body — not by X-WC-Webhook-Delivery-ID: WooCommerce computes that id from the webhook id and
 * the current second, so distinct events sent in one second share it, and the same event sent
 * again in another second gets a new one. The body is the resource as it is now (its
 * date_modified included), so equal bodies are the same event. The creation ping
 * (`webhook_id=<id>`, form-encoded, unsigned, no topic) is acknowledged and changes nothing.
 */
import { createHash, randomBytes } from "node:crypto";
import { wooWebhookSignatureMatches } from "../../adapters/woocommerce/webhook-signature";
import { appEnvironment } from "../env.server";
import { readBoundedText, RejectedBody } from "../http/bounded-body.server";
import { loggerFor } from "../logger.server";
import { enqueueTrackingJob, kickTrackingWorker } from "../tracking/jobs.server";
import { busyAnswer, processDeliveryOnce, type DeliveryOutcome, type Transaction } from "../webhooks/ledger.server";
import { findWooShop, openWooCredentials, type WooShopCredentials } from "./credentials.server";

const MAX_BODY_BYTES = 2 * 1024 * 1024;

export function webhookDeliveryUrl(domain: string): string {
  const url = new URL("/woocommerce/webhooks", appEnvironment().appUrl);
  url.searchParams.set("shop", domain);
  return url.href;
}

/** What identifies an event in the ledger: the store, the topic and the signed body's digest. */
function eventKey(domain: string, topic: string, rawBody: string): string {
  return `${domain}:${topic}:${createHash("sha256").update(rawBody, "utf8").digest("base64url")}`;
}

/** Checked when the store is unknown, so that path costs what a real check costs. */
const UNMATCHABLE_SECRET = randomBytes(32).toString("base64url");

/**
 * The secret the store's webhooks are signed with; after a reconnect also the previous one until
 * the store's webhooks carry the new one (connect.server.ts rotates it).
 */
function acceptedSecrets(credentials: WooShopCredentials): string[] {
  return credentials.previousWebhookSecret ? [credentials.webhookSecret, credentials.previousWebhookSecret] : [credentials.webhookSecret];
}

function isPing(request: Request, rawBody: string): boolean {
  return !request.headers.get("x-wc-webhook-topic") && /^webhook_id=\d+$/.test(rawBody.trim());
}

type OrderPayload = { id?: unknown; status?: unknown };

/** order.created / order.updated: a completed order may need its tracking link; the tracking worker decides. */
async function onOrderEvent(tx: Transaction, shopDomain: string, order: OrderPayload): Promise<void> {
  const id = order.id;
  if (typeof id !== "number" || !Number.isSafeInteger(id) || id <= 0 || order.status !== "completed") return;
  await enqueueTrackingJob(tx, { platform: "woocommerce", shopDomain, fulfillmentId: String(id), source: "webhook" });
}

function reply(status: number, text: string, outcome?: string): Response {
  return new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", ...(outcome ? { "X-Rassure-Delivery": outcome } : {}) } });
}

export async function handleWooWebhook(request: Request): Promise<Response> {
  if (request.method !== "POST") return reply(405, "Method not allowed");
  const domain = new URL(request.url).searchParams.get("shop") ?? "";
  const logger = loggerFor(request, { platform: "woocommerce", shop: domain });
  let rawBody: string;
  try {
    // JSON deliveries, and the form-encoded creation ping.
    rawBody = await readBoundedText(request, { maxBytes: MAX_BODY_BYTES, mediaTypes: ["application/json", "application/x-www-form-urlencoded"] });
  } catch (error) {
    if (!(error instanceof RejectedBody)) throw error;
    logger.warn("woocommerce webhook refused before authentication", { status: error.status, reason: error.message });
    return error.toResponse();
  }

  if (isPing(request, rawBody)) return reply(200, "pong", "ping");

  // An unknown store is answered exactly like a bad signature (same check against a secret no
  // delivery can match), so the answers never tell which stores are connected.
  const shop = domain ? await findWooShop(domain) : null;
  const known = Boolean(shop?.credentials && shop.installState === "installed");
  const secrets = known ? acceptedSecrets(openWooCredentials(shop!.credentials)) : [UNMATCHABLE_SECRET];
  const signature = request.headers.get("x-wc-webhook-signature");
  if (!secrets.some((secret) => wooWebhookSignatureMatches(rawBody, secret, signature))) {
    logger.warn(known ? "woocommerce webhook signature mismatch" : "woocommerce webhook for a store not connected");
    return reply(401, "Invalid signature");
  }
  const deliveryId = request.headers.get("x-wc-webhook-delivery-id")?.trim();
  const topic = request.headers.get("x-wc-webhook-topic")?.trim() ?? "";
  if (!deliveryId || deliveryId.length > 200 || !topic) return reply(400, "Missing delivery id or topic");
  let payload: unknown;
  try {
    payload = JSON.parse(rawBody);
  } catch {
    return reply(400, "Malformed JSON");
  }
  let outcome: DeliveryOutcome;
  try {
    outcome = await processDeliveryOnce({ platform: "woocommerce", deliveryId: eventKey(domain, topic, rawBody), topic, shopDomain: domain }, async (tx) => {
      if ((topic === "order.updated" || topic === "order.created") && payload && typeof payload === "object") {
        await onOrderEvent(tx, domain, payload as OrderPayload);
      }
    });
  } catch (error) {
    const busy = busyAnswer(error);
    if (busy) return busy;
    throw error;
  }
  logger.info("woocommerce webhook handled", { topic, outcome, deliveryId });
  if (outcome === "processed") void kickTrackingWorker();
  return reply(200, outcome, outcome);
}
