/** An offline access token from the local Shopify dev store for the test app (same exchange the CLI makes). */
import { devStoreOfflineToken as exchange } from "../../../cli/commands/scan";
import type { ShopifyDevStore } from "../../../dev/shopify-dev-store";
import { TEST_APP } from "../../support/test-app";

export const devStoreOfflineToken = (store: ShopifyDevStore) => exchange(store, TEST_APP);
