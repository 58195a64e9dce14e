/**
 * Where an alert e-mail sends the merchant: Rassure's page in their own admin. Shopify: the
 * admin's app URL `https://<shop>/admin/apps/<api key>/<app path>` (Shopify opens the app there,
 * embedded, after the merchant signs in). WooCommerce: the Rassure page in wp-admin, which frames
 * the app (the plugin opens its start page). Pure.
 */
import type { Platform } from "../../adapters/types";

export interface LinkContext {
  platform: Platform;
  shopDomain: string;
  shopifyApiKey: string;
  /** WooCommerce: the shop's wp-admin (PlatformChecklistFacts.adminBaseUrl), when a scan saw it. */
  wpAdminBaseUrl?: string | null;
}

function wpAdmin(context: LinkContext): string {
  const base = context.wpAdminBaseUrl && /^https?:\/\//i.test(context.wpAdminBaseUrl) ? context.wpAdminBaseUrl : `https://${context.shopDomain}/wp-admin/`;
  return new URL("admin.php?page=rassure", base.endsWith("/") ? base : `${base}/`).href;
}

/** The checklist, opened on one item when given. */
export function checklistLink(context: LinkContext, item: string | null): string {
  if (context.platform === "woocommerce") return wpAdmin(context);
  const url = new URL(`https://${context.shopDomain}/admin/apps/${encodeURIComponent(context.shopifyApiKey)}/app/checklist`);
  if (item) url.searchParams.set("item", item);
  return url.href;
}

export function settingsLink(context: LinkContext): string {
  if (context.platform === "woocommerce") return wpAdmin(context);
  return new URL(`https://${context.shopDomain}/admin/apps/${encodeURIComponent(context.shopifyApiKey)}/app/settings`).href;
}
