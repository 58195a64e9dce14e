/**
 * WooCommerce's webhook signature (WC_Webhook::generate_signature): base64 of the
 * HMAC-SHA256 of the raw request body, keyed with the webhook's secret, sent as
 * X-WC-Webhook-Signature. Shared by the app's receiver and the dev store that signs deliveries.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export function wooWebhookSignature(rawBody: string, secret: string): string {
  return createHmac("sha256", secret).update(rawBody, "utf8").digest("base64");
}

/** Constant-time comparison with the signature the request carries (null/absent never matches). */
export function wooWebhookSignatureMatches(rawBody: string, secret: string, given: string | null): boolean {
  if (!given) return false;
  const expected = Buffer.from(wooWebhookSignature(rawBody, secret));
  const actual = Buffer.from(given.trim());
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
