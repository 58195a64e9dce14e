/**
 * Is this webhook from Shopify? Shopify's own check (@shopify/shopify-api `webhooks.validate`):
 * the HMAC-SHA256 of the raw body with the app secret, and the headers every delivery carries.
 *
 * Not `authenticate.webhook` from the Remix package: after the same check it loads and opens the
 * shop's offline session, so a session sealed under a key no longer configured made every webhook
 * of that shop fail with 500 — erasure included — and every delivery paid for a database read and
 * a decryption none of our handlers uses.
 *
 * Only the body is signed. The headers (shop domain, webhook id, X-Shopify-Triggered-At) are
 * not: whoever holds a captured delivery can change them, which is why the route compares the
 * shop the signed body names with the header.
 */
import "@shopify/shopify-api/adapters/web-api";
import { LogSeverity, shopifyApi, type ApiVersion, type WebhookValidationValid } from "@shopify/shopify-api";
import { SHOPIFY_ADMIN_API_VERSION } from "../../adapters/shopify/api-version";
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
  const check = await webhookValidator().validate({ rawBody, rawRequest: request });
  if (check.valid) return check;
  const status = check.reason === "invalid_hmac" ? 401 : 400;
  throw new Response(undefined, { status, statusText: status === 401 ? "Unauthorized" : "Bad Request" });
}
