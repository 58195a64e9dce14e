/**
 * A WooCommerce dev store connected to Rassure as the connect flow leaves it (the shop row with
 * its sealed keys and the link secret the companion plugin signs wp-admin tokens with), and the
 * requests the wp-admin pages receive: the plugin's first load with its entry token in the URL,
 * then the page's own requests with the session in the X-Rassure-Admin-Session header.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import prisma from "../../../app/db.server";
import { mintAdminToken } from "../../../app/woocommerce/admin-token.server";
import type { WooAdminPath } from "../../../app/woocommerce/admin-url";
import { sealWooCredentials } from "../../../app/woocommerce/credentials.server";
import { startWooCommerceDevStore, type WooCommerceDevStore } from "../../../dev/woocommerce-dev-store";
import { adminPost } from "./admin-requests";

export const ADMIN_LINK_SECRET = "s".repeat(43);

/** What a route module's loader or action is called with besides the request. */
export const ROUTE_CALL = { params: {}, context: {} };

type Loader = (args: LoaderFunctionArgs) => unknown;
type Action = (args: ActionFunctionArgs) => unknown;

export interface WpAdminStore {
  store: WooCommerceDevStore;
  /** The shop's domain (host:port of the dev store): the `store` of wp-admin URLs. */
  domain: string;
  /** A 5-minute entry token as the plugin signs it for a WordPress user. */
  entryToken(user?: number): string;
  /** The plugin's first load of a page: `?store=…&token=…&locale=…` (plus `query`). */
  firstLoad(path: WooAdminPath, token: string, options?: { locale?: string; query?: string }): Request;
  /** Opens a page as the plugin does and returns the session the page then sends with its requests. */
  openSession(loader: Loader, path: WooAdminPath): Promise<string>;
  /** Posts a page's form with `session`; the action's JSON answer and status. */
  post(action: Action, path: WooAdminPath, session: string, fields: Record<string, string> | URLSearchParams): Promise<{ status: number; body: Record<string, unknown> }>;
  close(): Promise<void>;
}

export async function connectWpAdminStore(options: { countryCode?: string } = {}): Promise<WpAdminStore> {
  // The dev store listens on loopback (development option).
  process.env.RASSURE_WOOCOMMERCE_ALLOW_PRIVATE_HOSTS = "1";
  const store = await startWooCommerceDevStore();
  const domain = new URL(store.url).host;
  const key = store.createKey("read_write");
  await prisma.shop.create({
    data: {
      platform: "woocommerce",
      domain,
      installState: "installed",
      countryCode: options.countryCode ?? "FR",
      credentials: sealWooCredentials({ storeUrl: store.url, consumerKey: key.consumerKey, consumerSecret: key.consumerSecret, keyId: key.keyId, keyPermissions: "read_write", webhookSecret: "w".repeat(40), adminLinkSecret: ADMIN_LINK_SECRET }),
    },
  });
  const entryToken = (user = 1) => mintAdminToken(ADMIN_LINK_SECRET, domain, user);
  const firstLoad = (path: WooAdminPath, token: string, { locale = "fr", query = "" }: { locale?: string; query?: string } = {}) =>
    new Request(`https://rassure.test${path}?store=${encodeURIComponent(domain)}&token=${encodeURIComponent(token)}&locale=${locale}${query ? `&${query}` : ""}`);
  return {
    store,
    domain,
    entryToken,
    firstLoad,
    async openSession(loader, path) {
      const opened = (await ((await loader({ request: firstLoad(path, entryToken()), ...ROUTE_CALL })) as Response).json()) as { token?: string };
      if (!opened.token) throw new Error(`${path} did not open a session`);
      return opened.token;
    },
    async post(action, path, session, fields) {
      const response = (await action({ request: adminPost(path, domain, session, fields), ...ROUTE_CALL })) as Response;
      const text = await response.text();
      return { status: response.status, body: (text.startsWith("{") ? JSON.parse(text) : { text }) as Record<string, unknown> };
    },
    close: () => store.close(),
  };
}
