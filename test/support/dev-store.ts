/** Starts the local Shopify dev store for a test file, delivering webhooks to `appUrl`. */
import { readAppWebhookSubscriptions, startShopifyDevStore } from "../../dev/shopify-dev-store";
import { TEST_APP } from "./test-app";

export function startTestDevStore(appUrl: string = TEST_APP.appUrl) {
  return startShopifyDevStore({
    port: 0,
    app: { apiKey: TEST_APP.apiKey, apiSecret: TEST_APP.apiSecret, appUrl, scopes: TEST_APP.scopes, handle: TEST_APP.handle },
    webhookSubscriptions: readAppWebhookSubscriptions("shopify.app.toml"),
  });
}

