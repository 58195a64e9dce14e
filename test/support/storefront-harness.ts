/**
 * The app's routes over HTTP behind a dev store whose storefront has Rassure's app proxy and
 * the demo's block placements, with Rassure installed through the real token exchange: what
 * a storefront test needs to publish (adapter) and visit (store.storefrontUrl).
 */
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { ShopifyAdapter } from "../../adapters/shopify";
import { authenticate, unauthenticated } from "../../app/shopify.server";
import { placeDemoAppBlocks, readAppProxyConfig, readAppWebhookSubscriptions, startShopifyDevStore, type ShopifyDevStore } from "../../dev/shopify-dev-store";
import { startRouteServer, type RouteServer } from "./route-server";
import { TEST_APP } from "./test-app";

export interface StorefrontHarness {
  app: RouteServer;
  store: ShopifyDevStore;
  adapter: ShopifyAdapter;
  close(): Promise<void>;
}

export async function startStorefrontHarness(): Promise<StorefrontHarness> {
  const app = await startRouteServer();
  const store = await startShopifyDevStore({
    app: { apiKey: TEST_APP.apiKey, apiSecret: TEST_APP.apiSecret, appUrl: app.url, scopes: TEST_APP.scopes, handle: TEST_APP.handle },
    webhookSubscriptions: readAppWebhookSubscriptions("shopify.app.toml"),
    storefront: { appProxy: readAppProxyConfig("shopify.app.toml") },
  });
  setAbstractFetchFunc(store.fetch);
  await authenticate.admin(new Request(store.embeddedAppUrl("/app"))); // install: offline token stored
  const adapter = new ShopifyAdapter((await unauthenticated.admin(store.shopDomain)).admin.graphql);
  placeDemoAppBlocks(store.state, TEST_APP.handle);
  return {
    app,
    store,
    adapter,
    close: async () => {
      await store.close();
      await app.close();
    },
  };
}
