/**
 * WooCommerce's webhook signature (WC_Webhook::generate_signature): base64 of the
 * HMAC-SHA256 of the raw request body, keyed with the webhook's secret, sent as
 * X-WC-Webhook-Signature — the same scheme as Shopify's (adapters/webhook-signature.ts).
 */
export { bodySignature as wooWebhookSignature, bodySignatureMatches as wooWebhookSignatureMatches } from "../webhook-signature";
