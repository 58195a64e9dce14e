/**
 * The server half of every Rassure page inside wp-admin: a loader decides access before doing
 * anything (the store from the URL, the session from the header or the plugin's first-load
 * token), answers in the merchant's language, and lets only the store's own wp-admin frame it;
 * an action refuses an expired or forged session before reading the (bounded) body.
 */
import { json } from "@remix-run/node";
import { appEnvironment } from "../env.server";
import { readBoundedForm } from "../http/bounded-body.server";
import { negotiateLocale, type Locale } from "../i18n";
import { authoriseWooAdminRequest, wooAdminFrameHeaders, type WooAdminAccess } from "./admin-access.server";

export interface WooAdminPageContext {
  access: WooAdminAccess;
  locale: Locale;
  url: URL;
}

export function wooAdminLocale(request: Request): Locale {
  return negotiateLocale({ chosen: new URL(request.url).searchParams.get("locale"), acceptLanguage: request.headers.get("accept-language") });
}

/** A wp-admin page's loader: `load` runs only for an authorised session; its data joins the page's session fields. */
export async function loadWooAdminPage<T extends object>(request: Request, load: (context: WooAdminPageContext) => Promise<T>) {
  const locale = wooAdminLocale(request);
  const access = await authoriseWooAdminRequest(request);
  if (!access) return json({ locale, authorised: false as const }, { headers: wooAdminFrameHeaders(null) });
  const data = await load({ access, locale, url: new URL(request.url) });
  // help: the same documentation and contact as the Shopify admin's foot (HelpFooter in WooAdminPage).
  return json({ locale, authorised: true as const, store: access.shop.domain, token: access.session, help: appEnvironment().help, ...data }, { headers: wooAdminFrameHeaders(access.credentials.storeUrl) });
}

/** What a wp-admin page's action answers to a session that no longer holds (the page says "expired"). */
export const WOO_ADMIN_EXPIRED = { expired: true as const };

/** A wp-admin page's action: the session is checked before the body (at most `maxBytes`) is read. */
export async function wooAdminAction<T>(request: Request, handle: (access: WooAdminAccess, form: URLSearchParams) => Promise<T>, maxBytes?: number) {
  const access = await authoriseWooAdminRequest(request);
  if (!access) return json(WOO_ADMIN_EXPIRED, { status: 403 });
  const form = await readBoundedForm(request, maxBytes);
  return json(await handle(access, form));
}
