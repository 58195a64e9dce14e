/**
 * Who may use the Rassure pages inside wp-admin (/woocommerce/admin and its blocks editor):
 * a connected shop whose plugin-signed entry token, or the app's session token minted from it,
 * checks out. Only the shop's own wp-admin may frame these pages.
 */
import { mintAdminSession, verifyAdminAccess } from "./admin-token.server";
import { ADMIN_SESSION_HEADER } from "./admin-url";
import { findWooShop, openWooCredentials } from "./credentials.server";

export async function authoriseWooAdmin(store: string | null, token: string | null) {
  if (!store || !token) return null;
  const shop = await findWooShop(store);
  if (!shop?.credentials || shop.installState !== "installed") return null;
  const credentials = openWooCredentials(shop.credentials);
  const entry = verifyAdminAccess(credentials.adminLinkSecret, token, store);
  // Every page view hands out a fresh session, so links and forms outlive the 5-minute entry token.
  return entry ? { shop, credentials, session: mintAdminSession(credentials.adminLinkSecret, entry) } : null;
}

/**
 * The access of a wp-admin page request, decided before its body is read: the store from the
 * URL, the token from the session header (admin-session.ts), else from the URL (the plugin's first load).
 */
export function authoriseWooAdminRequest(request: Request) {
  const url = new URL(request.url);
  return authoriseWooAdmin(url.searchParams.get("store"), request.headers.get(ADMIN_SESSION_HEADER) ?? url.searchParams.get("token"));
}

export type WooAdminAccess = NonNullable<Awaited<ReturnType<typeof authoriseWooAdmin>>>;

/** Only the shop's own wp-admin may frame the page; the token is never cached or leaked by Referer. */
export function wooAdminFrameHeaders(storeUrl: string | null): HeadersInit {
  return {
    "Content-Security-Policy": `frame-ancestors ${storeUrl ? new URL(storeUrl).origin : "'none'"};`,
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
  };
}
