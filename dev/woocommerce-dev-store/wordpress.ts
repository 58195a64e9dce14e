/** WordPress core routes the app reads: the REST index at /wp-json/ and the published pages (wp/v2). */
import type { WooStoreContext } from "./context";
import { escapeHtml, paginated } from "./responses";
import type { JsonObject } from "./types";

/** The published WordPress pages, public like /wp/v2/pages is (drafts need a logged-in editor). */
export function wpPagesRoute(store: WooStoreContext, url: URL): Response {
  const slug = url.searchParams.get("slug");
  const pages = store.state.pages.filter((p) => p.status === "publish" && (!slug || slug.split(",").includes(p.slug)));
  return paginated(
    pages.map((p) => ({
      id: p.id,
      slug: p.slug,
      status: p.status,
      link: `${store.homeUrl}/${p.slug}/`,
      modified: p.modified,
      title: { rendered: escapeHtml(p.title) },
      content: { rendered: p.content, protected: false },
    })),
    url,
    store.homeUrl,
  );
}

/** The REST index WordPress serves at /wp-json/ (trimmed: no route table). */
export function siteIndex(store: WooStoreContext): JsonObject {
  const namespaces = ["oembed/1.0", "wc/v3", "wc/store/v1", "wc-admin", "wc-analytics", "wp/v2", "wp-site-health/v1"];
  if (store.state.shipmentTracking.active) namespaces.push("wc-shipment-tracking/v3");
  if (store.state.companionPlugin.active) namespaces.push("wc-rassure/v1");
  return {
    name: store.state.siteName,
    description: "Savons artisanaux au lait d’ânesse, fabriqués à Marseille",
    url: store.homeUrl,
    home: store.homeUrl,
    gmt_offset: 1,
    timezone_string: "Europe/Paris",
    namespaces,
    authentication: [],
  };
}
