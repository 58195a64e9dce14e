/**
 * URLs of the Rassure pages inside wp-admin. Only the plugin's first load carries a token in
 * the URL; after that the session travels in a header (admin-session.ts), never in URLs.
 */
import type { ShouldRevalidateFunction } from "@remix-run/react";
export const ADMIN_SESSION_HEADER = "X-Rassure-Admin-Session";

export type WooAdminPath = "/woocommerce/admin" | "/woocommerce/admin/blocks" | "/woocommerce/admin/legal" | "/woocommerce/admin/checklist" | "/woocommerce/admin/settings";

export function wooAdminUrl(path: WooAdminPath, store: string, locale: string): string {
  return `${path}?${new URLSearchParams({ store, locale })}`;
}

/** The page's URL without the plugin's token (what the address and history keep). */
export function withoutToken(href: string): string {
  const url = new URL(href, "https://app.invalid");
  url.searchParams.delete("token");
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Remix need not reload a page whose URL only lost its token. */
export function onlyTokenDropped(currentUrl: URL, nextUrl: URL): boolean {
  return currentUrl.searchParams.has("token") && withoutToken(currentUrl.href) === withoutToken(nextUrl.href);
}

/** The wp-admin pages' `shouldRevalidate`: dropping the token from the URL (admin-session.ts) reloads nothing. */
export const keepDataWhenOnlyTokenDropped: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate }) => !onlyTokenDropped(currentUrl, nextUrl) && defaultShouldRevalidate;
