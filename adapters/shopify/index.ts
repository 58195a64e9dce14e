import type { PlatformAdapter } from "../types";
import type { AdminGraphql } from "./admin-graphql";
import { collectShopifyChecklistFacts } from "./checklist-facts";
import { fetchShopifyShopProfile } from "./shop-profile";

export { SHOPIFY_ADMIN_API_VERSION } from "./api-version";
export { ShopifyGraphqlError, type AdminGraphql } from "./admin-graphql";

export class ShopifyAdapter implements PlatformAdapter {
  readonly platform = "shopify" as const;

  constructor(private readonly graphql: AdminGraphql) {}

  getShopProfile() {
    return fetchShopifyShopProfile(this.graphql);
  }

  collectChecklistFacts() {
    return collectShopifyChecklistFacts(this.graphql);
  }
}
