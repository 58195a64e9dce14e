/**
 * How Shopify (X-Shopify-Hmac-Sha256, keyed with the app's client secret) and WooCommerce
 * (X-WC-Webhook-Signature, keyed with the webhook's secret) sign a delivery: base64 of the
 * HMAC-SHA256 of the raw request body. One implementation for both receivers and the dev stores.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export function bodySignature(rawBody: string, secret: string): string {
  return createHmac("sha256", secret).update(rawBody, "utf8").digest("base64");
}

/** Constant-time comparison with the signature the request carries (null/absent never matches). */
export function bodySignatureMatches(rawBody: string, secret: string, given: string | null): boolean {
  if (!given) return false;
  const expected = Buffer.from(bodySignature(rawBody, secret));
  const actual = Buffer.from(given.trim());
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
