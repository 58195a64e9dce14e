/**
 * The companion plugin's `wc-rassure/v1/legal-pages` route as the stand-in plays it (the
 * plugin: wordpress/rassure-for-woocommerce/includes/class-rassure-legal-pages.php): a draft
 * page per kind, then publication into the page the shop's setting names (terms page in the
 * advanced settings, refund & returns and privacy pages in WordPress options) or as a new page
 * set there; legal notice and contact pages are remembered in the plugin's own option.
 */
import type { WooStoreContext } from "./context";
import { json, wpError } from "./responses";
import type { JsonObject, WpPage } from "./types";

const KIND_OPTIONS: Record<string, string | null> = {
  "terms-of-sale": "woocommerce_terms_page_id",
  refund: "woocommerce_refund_returns_page_id",
  privacy: "wp_page_for_privacy_policy",
  "legal-notice": null,
  contact: null,
};

const MAX_CONTENT_BYTES = 200_000;

function optionValue(store: WooStoreContext, option: string): number {
  const setting = store.state.settings.advanced.find((s) => s.id === option);
  return Number(setting ? setting.value : store.state.pageOptions[option]) || 0;
}

function setOption(store: WooStoreContext, option: string, id: number) {
  const setting = store.state.settings.advanced.find((s) => s.id === option);
  if (setting) setting.value = String(id);
  else store.state.pageOptions[option] = id;
}

function livePage(store: WooStoreContext, id: number): WpPage | null {
  return store.state.pages.find((p) => p.id === id && p.status !== "trash") ?? null;
}

function shopPageId(store: WooStoreContext, kind: string): number {
  const option = KIND_OPTIONS[kind];
  const id = option ? optionValue(store, option) : (store.state.companionPlugin.legalPages[kind] ?? 0);
  return livePage(store, id) ? id : 0;
}

function draftPageId(store: WooStoreContext, kind: string): number {
  const id = store.state.companionPlugin.legalPages[`draft:${kind}`] ?? 0;
  return livePage(store, id)?.status === "draft" ? id : 0;
}

/** sanitize_title + wp_unique_post_slug, enough for page titles. */
function uniqueSlug(store: WooStoreContext, title: string): string {
  const base = title.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "page";
  let slug = base;
  for (let n = 2; store.state.pages.some((p) => p.slug === slug); n++) slug = `${base}-${n}`;
  return slug;
}

/** What wp_kses_post removes that matters here: scripts, styles and event handlers. */
const ksesPost = (html: string) => html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, "").replace(/\s+on[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, "");

function describe(store: WooStoreContext, page: WpPage) {
  return { page_id: page.id, status: page.status, title: page.title, content: page.content, link: `${store.homeUrl}/${page.slug}/` };
}

export function legalPagesRoute(store: WooStoreContext, method: string, url: URL, body: JsonObject | null): Response {
  const kind = method === "GET" ? url.searchParams.get("kind") : body?.kind;
  if (typeof kind !== "string" || !(kind in KIND_OPTIONS)) return wpError("rest_invalid_param", "Invalid parameter(s): kind", 400);
  if (method === "GET") {
    const id = shopPageId(store, kind);
    const draft = draftPageId(store, kind);
    return json({ kind, page: id ? describe(store, livePage(store, id)!) : null, draft: draft ? describe(store, livePage(store, draft)!) : null });
  }
  if (method !== "POST") return wpError("rest_no_route", "No route was found matching the URL and request method.", 404);
  const { title, content, status } = body ?? {};
  if (typeof title !== "string" || !title.trim() || typeof content !== "string" || (status !== "draft" && status !== "publish")) {
    return wpError("rest_invalid_param", "Invalid parameter(s): title, content, status", 400);
  }
  if (Buffer.byteLength(content) > MAX_CONTENT_BYTES) return wpError("rassure_page_too_large", "The page is too large.", 413);
  const clean = ksesPost(content);
  const modified = new Date().toISOString().slice(0, 19);
  const draftId = draftPageId(store, kind);
  const legalPages = store.state.companionPlugin.legalPages;

  const upsert = (id: number, pageStatus: WpPage["status"]): WpPage => {
    const existing = livePage(store, id);
    if (existing) return Object.assign(existing, { status: pageStatus, title: title.trim(), content: clean, modified });
    const page: WpPage = { id: Math.max(0, ...store.state.pages.map((p) => p.id)) + 1, slug: uniqueSlug(store, title), status: pageStatus, title: title.trim(), content: clean, modified };
    store.state.pages.push(page);
    return page;
  };

  if (status === "draft") {
    const page = upsert(draftId, "draft");
    legalPages[`draft:${kind}`] = page.id;
    return json({ ...describe(store, page), previous_content: null });
  }
  const currentId = shopPageId(store, kind);
  let page: WpPage;
  let previous = "";
  if (currentId) {
    previous = livePage(store, currentId)!.content;
    page = upsert(currentId, "publish");
    const draft = livePage(store, draftId);
    if (draft) draft.status = "trash";
  } else {
    page = upsert(draftId, "publish");
    const option = KIND_OPTIONS[kind];
    if (option) setOption(store, option, page.id);
    else legalPages[kind] = page.id;
  }
  delete legalPages[`draft:${kind}`];
  return json({ ...describe(store, page), previous_content: previous });
}
