/**
 * The WooCommerce adapter: the PlatformAdapter contract over a store's REST API (keys from
 * the /wc-auth flow). Framework-free; the app builds one per request from the shop's
 * decrypted credentials.
 */
import type { LegalTextKind, PlatformAdapter, StorefrontPublication, TrackingUpdate } from "../types";
import { collectWooChecklistFacts } from "./checklist-facts";
import { readWooLegalPage, saveWooLegalPage } from "./legal-texts";
import { fetchSiteIndex, fetchSystemStatus, type SiteIndex } from "./resources";
import { WooRestClient, type WooClientOptions, type WooCredentials } from "./rest-client";
import { findWooOrderShipments, getWooShipment, listRecentWooShipments, updateWooShipmentTracking } from "./shipments";
import { fetchWooShopProfile } from "./shop-profile";
import { linkWooCompanion, publishWooStorefrontConfig, wooEmbedStatus, type CompanionLink } from "./storefront";
import { fetchWooStoreLocation } from "./store-location";
import { SHIPMENT_TRACKING_NAMESPACE } from "./tracking";
import { ensureWooWebhooks, removeWooWebhooks, type WebhookSetup } from "./webhooks";

export { WooCommerceApiError, WooRestClient, type WooCredentials, type WooClientOptions } from "./rest-client";
export { normalizeStoreUrl, storeDomain, StoreUrlError } from "./store-url";
export { RASSURE_WEBHOOK_TOPICS, type WebhookSetup } from "./webhooks";
export { TRACKING_META_KEY } from "./tracking";
export { COMPANION_NAMESPACE } from "./storefront";

export class WooCommerceAdapter implements PlatformAdapter {
  readonly platform = "woocommerce" as const;
  readonly client: WooRestClient;
  private index: Promise<SiteIndex> | null = null;

  constructor(
    private readonly credentials: WooCredentials,
    private readonly options: WooClientOptions & { grantedScopes?: string[] } = {},
  ) {
    this.client = new WooRestClient(credentials, options);
  }

  /** The REST index, read once per adapter (namespaces tell which plugins are active). */
  private siteIndex(): Promise<SiteIndex> {
    this.index ??= fetchSiteIndex(this.client).catch((error: unknown) => {
      this.index = null;
      throw error;
    });
    return this.index;
  }

  private async trackingOptions() {
    const [index, status] = await Promise.all([this.siteIndex(), fetchSystemStatus(this.client)]);
    return { hasShipmentTracking: index.namespaces.includes(SHIPMENT_TRACKING_NAMESPACE), locale: status.environment.language || "en_US" };
  }

  getShopProfile() {
    return fetchWooShopProfile(this.client, this.options.grantedScopes ?? []);
  }

  collectChecklistFacts() {
    return collectWooChecklistFacts(this.client);
  }

  async publishStorefrontConfig(publication: StorefrontPublication) {
    return publishWooStorefrontConfig(this.client, await this.siteIndex(), publication);
  }

  async getThemeEmbedStatus(embedHandle: string) {
    const [index, status] = await Promise.all([this.siteIndex(), fetchSystemStatus(this.client)]);
    return wooEmbedStatus(index, status, embedHandle);
  }

  listStoreLocations() {
    return fetchWooStoreLocation(this.client);
  }

  listRecentShipments(orders: number) {
    return listRecentWooShipments(this.client, orders);
  }

  async getShipment(id: string) {
    return getWooShipment(this.client, id, (await this.siteIndex()).namespaces.includes(SHIPMENT_TRACKING_NAMESPACE));
  }

  async updateShipmentTracking(id: string, update: TrackingUpdate) {
    return updateWooShipmentTracking(this.client, id, update, await this.trackingOptions());
  }

  findOrderShipments(orderName: string, email: string) {
    return findWooOrderShipments(this.client, orderName, email);
  }

  readonly keepsLegalDrafts = true;

  readLegalText(kind: LegalTextKind) {
    return readWooLegalPage(this.client, kind);
  }

  saveLegalText(kind: LegalTextKind, text: { title: string; html: string }, status: "draft" | "publish") {
    return saveWooLegalPage(this.client, this.credentials.storeUrl, kind, text, status);
  }

  ensureWebhooks(setup: WebhookSetup) {
    return ensureWooWebhooks(this.client, setup);
  }

  removeWebhooks(deliveryUrl: string) {
    return removeWooWebhooks(this.client, deliveryUrl);
  }

  async linkCompanion(link: CompanionLink) {
    return linkWooCompanion(this.client, await this.siteIndex(), link);
  }
}
