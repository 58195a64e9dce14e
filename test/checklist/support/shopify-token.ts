/** An offline access token from the local Shopify dev store, through Shopify's real token-exchange request. */
import type { ShopifyDevStore } from "../../../dev/shopify-dev-store";
import { TEST_APP } from "../../support/test-app";

export async function devStoreOfflineToken(store: ShopifyDevStore): Promise<string> {
  const response = await store.fetch(`https://${store.shopDomain}/admin/oauth/access_token`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({
      client_id: TEST_APP.apiKey,
      client_secret: TEST_APP.apiSecret,
      grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
      subject_token: store.mintSessionToken(),
      subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
      requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
    }),
  });
  if (!response.ok) throw new Error(`token exchange failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}
