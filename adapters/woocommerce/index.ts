/**
 * The WooCommerce adapter: the PlatformAdapter contract over a store's REST API (keys from
 * the /wc-auth flow). Framework-free; the app builds one per request from the shop's
 * decrypted credentials.
 */
import type { LegalTextKind, PlatformAdapter, StorefrontPublication, TrackingUpdate } from "../types";
import { collectWooChecklistFacts } from "./checklist-facts";
import { readWooShippingPromiseFacts } from "./free-shipping";
import { readWooLegalPage, saveWooLegalPage } from "./legal-texts";
import { MemoReader } from "./memo-reader";
import { fetchSiteIndex, fetchSystemStatus } from "./resources";
import { WooRestClient, type WooClientOptions, type WooCredentials } from "./rest-client";
import { findWooOrderShipments, getWooShipment, listRecentWooShipments, updateWooShipmentTracking } from "./shipments";
import { fetchWooShopProfile } from "./shop-profile";
import { fetchProductPermalinks } from "./storefront-pages";
import { linkWooCompanion, publishWooStorefrontConfig, revokeWooKey, unlinkWooCompanion, wooEmbedStatus, type CompanionLink } from "./storefront";
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
  /** The reads of this adapter's life (one view, one job), each sent once. */
  private readonly reads: MemoReader;

  constructor(
    private readonly credentials: WooCredentials,
    private readonly options: WooClientOptions & { grantedScopes?: string[] } = {},
  ) {
    this.client = new WooRestClient(credentials, options);
    this.reads = new MemoReader(this.client);
  }

  /** The REST index's fields (namespaces tell which plugins are active), through authenticated routes. */
  private siteIndex() {
    return fetchSiteIndex(this.reads);
  }

  private async trackingOptions() {
    const [index, status] = await Promise.all([this.siteIndex(), fetchSystemStatus(this.reads)]);
    return { hasShipmentTracking: index.namespaces.includes(SHIPMENT_TRACKING_NAMESPACE), locale: status.environment.language || "en_US" };
  }

  getShopProfile() {
    return fetchWooShopProfile(this.reads, this.client.credentials.storeUrl, this.options.grantedScopes ?? []);
  }

  collectChecklistFacts() {
    return collectWooChecklistFacts(this.client);
  }

  async publishStorefrontConfig(publication: StorefrontPublication) {
    return publishWooStorefrontConfig(this.client, await this.siteIndex(), publication);
  }

  /** `_embedHandle`: the plugin has no embed to switch on; what counts is what a product page shows. */
  async getThemeEmbedStatus(_embedHandle: string) {
    const [index, status, permalinks] = await Promise.all([this.siteIndex(), fetchSystemStatus(this.reads), fetchProductPermalinks(this.reads).catch(() => [] as string[])]);
    const url = permalinks[0];
    // A product page that cannot be fetched leaves the status "not checked", it does not fail the page.
    const html = url ? await this.client.publicPage(url).catch(() => null) : null;
    return wooEmbedStatus(index, status, url && html !== null ? { url, html } : null);
  }

  listStoreLocations() {
    return fetchWooStoreLocation(this.client);
  }

  readShippingPromiseFacts() {
    return readWooShippingPromiseFacts(this.reads);
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

  async unlinkCompanion() {
    return unlinkWooCompanion(this.client, await this.siteIndex());
  }

  /** True when the plugin revoked the key (or it was gone); false when it cannot (no plugin). */
  async revokeKey(keyId: number) {
    return revokeWooKey(this.client, await this.siteIndex(), keyId);
  }
}
