/**
 * URLs of the fake admin and of the embedded app, with the query parameters
 * Shopify adds when it loads an embedded app in its iframe.
 */
import type { DevStoreContext } from "./context";

/** Shopify's `host` parameter: base64 of "admin.shopify.com/store/<handle>", unpadded. */
export function hostParam(store: DevStoreContext): string {
  return Buffer.from(`admin.shopify.com/store/${store.storeHandle}`).toString("base64").replace(/=+$/, "");
}

function normalisePath(appPath: string | undefined): string {
  const path = appPath && appPath.length > 0 ? appPath : "/app";
  return path.startsWith("/") ? path : `/${path}`;
}

/** /store/<shop handle>/apps/<app handle><appPath>[?locale=..] on the dev store server. */
export function adminAppUrl(store: DevStoreContext, appPath?: string, locale?: string): string {
  const url = new URL(`${store.baseUrl}/store/${store.storeHandle}/apps/${store.app.handle}`);
  const target = new URL(normalisePath(appPath), "http://placeholder");
  url.pathname += target.pathname === "/" ? "" : target.pathname;
  target.searchParams.forEach((value, key) => url.searchParams.append(key, value));
  if (locale) url.searchParams.set("locale", locale);
  return url.toString();
}

/** What Shopify loads in the iframe: appUrl + appPath with embedded, host, id_token, locale, shop. */
export function embeddedAppUrl(store: DevStoreContext, appPath: string | undefined, locale: string, idToken: string): string {
  const base = store.app.appUrl.replace(/\/+$/, "");
  const url = new URL(`${base}${normalisePath(appPath)}`);
  url.searchParams.set("embedded", "1");
  url.searchParams.set("host", hostParam(store));
  url.searchParams.set("id_token", idToken);
  url.searchParams.set("locale", locale);
  url.searchParams.set("shop", store.shopDomain);
  return url.toString();
}
