/**
 * Is this webhook from Shopify? Shopify's own check (@shopify/shopify-api `webhooks.validate`):
 * the HMAC-SHA256 of the raw body with the app secret, and the headers every delivery carries.
 *
 * Not `authenticate.webhook` from the Remix package: after the same check it loads and opens the
 * shop's offline session, so a session sealed under a key no longer configured made every webhook
 * of that shop fail with 500 — erasure included — and every delivery paid for a database read and
 * a decryption none of our handlers uses.
 *
 * Classic deliveries (X-Shopify-* headers, all Shopify sends to HTTPS subscriptions) are checked
 * here with node:crypto (adapters/webhook-signature.ts), by the library's rules (HMAC-SHA256 of the raw body, base64, compared in
 * constant time; the same required headers; the topic in storage form): the library's check
 * converts every header of the request and signs through Web Crypto, which under a burst was a
 * tenth of the webhook path's CPU. Anything else (Shopify's newer Events headers, no signature
 * at all) goes to the library, which answers as before. test/shopify/webhook-signature.test.ts
 * holds both to the same verdicts.
 *
 * Only the body is signed. The headers (shop domain, webhook id, X-Shopify-Triggered-At) are
 * not: whoever holds a captured delivery can change them, which is why the route compares the
 * shop the signed body names with the header.
 */
import "@shopify/shopify-api/adapters/web-api";
import { LogSeverity, shopifyApi, WebhookType, type ApiVersion, type WebhookValidationValid } from "@shopify/shopify-api";
import { SHOPIFY_ADMIN_API_VERSION } from "../../adapters/shopify/api-version";
import { bodySignatureMatches } from "../../adapters/webhook-signature";
import { appEnvironment } from "../env.server";

let api: ReturnType<typeof shopifyApi> | null = null;

function webhookValidator() {
  if (!api) {
    const env = appEnvironment();
    api = shopifyApi({
      apiKey: env.shopifyApiKey,
      apiSecretKey: env.shopifyApiSecret,
      hostName: new URL(env.appUrl).host,
      apiVersion: SHOPIFY_ADMIN_API_VERSION as ApiVersion,
      isEmbeddedApp: true,
      logger: { level: LogSeverity.Error },
    });
  }
  return api.webhooks;
}

/** Resolves with the verified headers, or throws the answer: 405 not POST, 401 bad HMAC, 400 headers missing. */
export async function verifyShopifyWebhook(request: Request, rawBody: string): Promise<WebhookValidationValid> {
  if (request.method !== "POST") throw new Response(undefined, { status: 405, statusText: "Method not allowed" });
  const header = (name: string) => request.headers.get(name);
  if (isClassicDelivery(header)) return verifyClassicDelivery(header, rawBody);
  const check = await webhookValidator().validate({ rawBody, rawRequest: request });
  if (check.valid) return check;
  const status = check.reason === "invalid_hmac" ? 401 : 400;
  throw new Response(undefined, { status, statusText: status === 401 ? "Unauthorized" : "Bad Request" });
}

/** A request header's value by name (any case), or null when absent. */
export type HeaderReader = (name: string) => string | null;

const CLASSIC = {
  hmac: "X-Shopify-Hmac-Sha256",
  topic: "X-Shopify-Topic",
  domain: "X-Shopify-Shop-Domain",
  apiVersion: "X-Shopify-API-Version",
  webhookId: "X-Shopify-Webhook-Id",
  name: "X-Shopify-Name",
  triggeredAt: "X-Shopify-Triggered-At",
  eventId: "X-Shopify-Event-Id",
} as const;
/** Present on Shopify's Events deliveries: those are the library's to check. */
const EVENTS_HMAC = "Shopify-Hmac-Sha256";

/** The library's topic storage form: "fulfillments/create" → "FULFILLMENTS_CREATE". */
const topicForStorage = (topic: string) => topic.toUpperCase().replace(/\/|\./g, "_");

/** Signed the classic way (X-Shopify-Hmac-Sha256) and not an Events delivery: ours to check, not the library's. */
export function isClassicDelivery(header: HeaderReader): boolean {
  return Boolean(header(CLASSIC.hmac)) && header(EVENTS_HMAC) === null;
}

/** As verifyShopifyWebhook, for a delivery isClassicDelivery accepted (Node's server reads headers its own way). */
export function verifyClassicDelivery(header: HeaderReader, rawBody: string): WebhookValidationValid {
  const hmac = header(CLASSIC.hmac) ?? "";
  // Header values arrive trimmed (Fetch and Node's parser both), so the shared comparison's trim changes nothing here.
  if (!bodySignatureMatches(rawBody, appEnvironment().shopifyApiSecret, hmac)) throw new Response(undefined, { status: 401, statusText: "Unauthorized" });
  const [topic, domain, apiVersion, webhookId] = [CLASSIC.topic, CLASSIC.domain, CLASSIC.apiVersion, CLASSIC.webhookId].map((name) => header(name));
  if (!topic || !domain || !apiVersion || !webhookId) throw new Response(undefined, { status: 400, statusText: "Bad Request" });
  const optional = Object.fromEntries((["name", "triggeredAt", "eventId"] as const).flatMap((field) => (header(CLASSIC[field]) ? [[field, header(CLASSIC[field])!]] : [])));
  return { valid: true, webhookType: WebhookType.Webhooks, hmac, topic: topicForStorage(topic), domain, apiVersion, webhookId, ...optional };
}
