import type { PlatformAdapter, StorefrontPublication, TrackingUpdate } from "../types";
import type { AdminGraphql } from "./admin-graphql";
import { collectShopifyChecklistFacts } from "./checklist-facts";
import { fetchShopifyShopProfile } from "./shop-profile";
import { publishShopifyStorefrontConfig } from "./storefront-config";
import { fetchShopifyThemeEmbedStatus } from "./storefront-theme-status";
import { findShopifyOrderShipments, getShopifyShipment, listRecentShopifyShipments, updateShopifyShipmentTracking } from "./tracking-fulfillments";

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

  publishStorefrontConfig(publication: StorefrontPublication) {
    return publishShopifyStorefrontConfig(this.graphql, publication);
  }

  getThemeEmbedStatus(embedHandle: string) {
    return fetchShopifyThemeEmbedStatus(this.graphql, embedHandle);
  }

  listRecentShipments(orders: number) {
    return listRecentShopifyShipments(this.graphql, orders);
  }

  getShipment(id: string) {
    return getShopifyShipment(this.graphql, id);
  }

  updateShipmentTracking(id: string, update: TrackingUpdate) {
    return updateShopifyShipmentTracking(this.graphql, id, update);
  }

  findOrderShipments(orderName: string, email: string) {
    return findShopifyOrderShipments(this.graphql, orderName, email);
  }
}
