/**
 * Legal texts on WooCommerce are WordPress pages, written through the companion plugin's
 * `wc-rassure/v1/legal-pages` route (the same WooCommerce key; WordPress's own page routes do
 * not accept it). The plugin saves a draft page the merchant can open in the editor, then
 * publishes into the page the shop's settings name (terms, refund & returns, privacy) or as a
 * new page it sets there.
 */
import type { LegalTextKind, PublishedLegalText, SavedLegalText } from "../types";
import { COMPANION_NAMESPACE } from "./storefront";
import { WooCommerceApiError, type WooRestClient } from "./rest-client";

interface PluginPage {
  page_id: number;
  status: string;
  title: string;
  content: string;
  link: string | null;
}

/** The route answers 404 rest_no_route when the plugin is not active. */
function pluginMissing(error: unknown): never {
  if (error instanceof WooCommerceApiError && error.status === 404) {
    throw new WooCommerceApiError("The Rassure for WooCommerce plugin is not active on this store: install and activate it, then try again.", 404, "rassure_plugin_missing", false);
  }
  throw error;
}

export async function readWooLegalPage(client: WooRestClient, kind: LegalTextKind): Promise<PublishedLegalText | null> {
  const { data } = await client.request<{ page: PluginPage | null }>("get", "legal-pages", { namespace: COMPANION_NAMESPACE, params: { kind } }).catch(pluginMissing);
  const page = data.page;
  if (!page) return null;
  return { kind, title: page.title, html: page.status === "publish" ? page.content : "", url: page.status === "publish" ? page.link : null, ref: String(page.page_id) };
}

export async function saveWooLegalPage(client: WooRestClient, storeUrl: string, kind: LegalTextKind, text: { title: string; html: string }, status: "draft" | "publish"): Promise<SavedLegalText> {
  const { data } = await client
    .request<PluginPage & { previous_content: string | null }>("post", "legal-pages", { namespace: COMPANION_NAMESPACE, data: { kind, title: text.title, content: text.html, status } })
    .catch(pluginMissing);
  return {
    url: data.status === "publish" ? data.link : null,
    ref: String(data.page_id),
    previousHtml: data.previous_content,
    draftUrl: status === "draft" ? `${storeUrl.replace(/\/+$/, "")}/wp-admin/post.php?post=${data.page_id}&action=edit` : null,
  };
}
