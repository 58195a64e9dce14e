/**
 * A stand-in for the companion plugin's wp-admin page (Rassure_Admin::render_page): frames
 * the app's /woocommerce/admin with a fresh 5-minute token signed with the link secret the app
 * handed over at connection time — the same token format the PHP plugin writes.
 */
import { mintAdminToken } from "../../app/woocommerce/admin-token.server";
import type { WooStoreContext } from "./context";
import { escapeHtml, html } from "./responses";

export function wpAdminRassurePage(store: WooStoreContext, url: URL): Response {
  const link = store.state.companionPlugin.link;
  const locale = url.searchParams.get("locale") === "en" ? "en" : "fr";
  // wp-admin's menu: ordinary links that load another wp-admin page in the whole window. As in
  // WordPress, a narrow screen (782 px and below) folds it away and the page gets the width.
  const menu = [
    [locale === "fr" ? "Tableau de bord" : "Dashboard", "/wp-admin/admin.php?page=wc-admin"],
    ["Rassure", `/wp-admin/admin.php?page=rassure&locale=${locale}`],
  ]
    .map(([label, href]) => `<li><a href="${escapeHtml(href)}">${escapeHtml(label)}</a></li>`)
    .join("");
  const shell = (body: string) =>
    html(`<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8"><title>Rassure ‹ ${escapeHtml(store.state.siteName)} — WordPress</title>` +
      `<style>body{margin:0;font:14px system-ui;background:#f0f0f1}#adminmenu{position:fixed;inset:0 auto 0 0;width:160px;background:#1d2327;color:#fff;padding:12px}#adminmenu ul{list-style:none;padding:0}#adminmenu a{color:#f0f0f1;display:block;padding:6px 0}.wrap{margin-left:180px;padding:12px}iframe{width:100%;min-height:85vh;border:0;background:#fff}@media (max-width:782px){#adminmenu{display:none}.wrap{margin-left:0;padding:0}}</style></head>` +
      `<body class="wp-admin"><nav id="adminmenu" aria-label="${locale === "fr" ? "Menu principal" : "Main menu"}">${escapeHtml(store.state.siteName)}<ul>${menu}</ul></nav><div class="wrap"><h1>Rassure</h1>${body}</div></body></html>`);
  if (!link) return shell(`<p>${locale === "fr" ? "Connectez votre boutique à Rassure." : "Connect your store to Rassure."}</p>`);
  const target = new URL(link.appUrl);
  target.searchParams.set("store", link.shop);
  target.searchParams.set("token", mintAdminToken(link.adminSecret, link.shop, 1));
  target.searchParams.set("locale", locale);
  return shell(`<iframe title="Rassure" src="${escapeHtml(target.href)}" referrerpolicy="no-referrer"></iframe>`);
}
