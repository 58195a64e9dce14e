import type { LegalTextKind, PlatformAdapter, StorefrontPublication, TrackingUpdate } from "../types";
import type { AdminGraphql } from "./admin-graphql";
import { collectShopifyChecklistFacts } from "./checklist-facts";
import { publishShopifyLegalPolicy, readShopifyLegalPolicy } from "./legal-policies";
import type { ReviewsAggregate } from "../reviews-aggregate";
import { publishShopifyReviewsAggregate, readShopifyReviewsAggregate } from "./product-ratings";
import { readShopifyShippingPromiseFacts } from "./free-shipping";
import { fetchShopifyShopProfile } from "./shop-profile";
import { publishShopifyStorefrontConfig } from "./storefront-config";
import { fetchShopifyStoreLocations } from "./store-locations";
import { fetchShopifyThemeEmbedStatus } from "./storefront-theme-status";
import { findShopifyOrderShipments, findShopifyOrderTracking, getShopifyShipment, listRecentShopifyShipments, updateShopifyShipmentTracking } from "./tracking-fulfillments";

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

  /** The shop's review aggregate from every product's `reviews.*` metafields (read_products). */
  readReviewsAggregate(now = new Date()) {
    return readShopifyReviewsAggregate(this.graphql, now);
  }

  /** Where the reviews block reads it: `app.metafields.rassure.shop_reviews`. */
  publishReviewsAggregate(aggregate: ReviewsAggregate) {
    return publishShopifyReviewsAggregate(this.graphql, aggregate);
  }

  getThemeEmbedStatus(embedHandle: string) {
    return fetchShopifyThemeEmbedStatus(this.graphql, embedHandle);
  }

  listStoreLocations() {
    return fetchShopifyStoreLocations(this.graphql);
  }

  readShippingPromiseFacts() {
    return readShopifyShippingPromiseFacts(this.graphql);
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

  findOrderTracking(orderName: string, email: string) {
    return findShopifyOrderTracking(this.graphql, orderName, email);
  }

  readonly keepsLegalDrafts = false;

  readLegalText(kind: LegalTextKind) {
    return readShopifyLegalPolicy(this.graphql, kind);
  }

  async saveLegalText(kind: LegalTextKind, text: { title: string; html: string }, status: "draft" | "publish") {
    if (status === "draft") throw new Error("Shopify keeps no policy drafts: the draft stays in Rassure until it is published.");
    return publishShopifyLegalPolicy(this.graphql, kind, text.html);
  }
}
