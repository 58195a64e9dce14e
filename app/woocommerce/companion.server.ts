/**
 * The companion plugin link: after connecting, the app gives the plugin the secret it signs
 * wp-admin entry tokens with and the app URL to embed, through the plugin's own
 * `wc-rassure/v1/link` route (authenticated by the same WooCommerce key). Absent plugin →
 * false: the merchant is told to install it, nothing fails.
 */
import type { WooCommerceAdapter } from "../../adapters/woocommerce";
import { WooCommerceApiError } from "../../adapters/woocommerce";
import { appEnvironment } from "../env.server";
import type { WooShopCredentials } from "./credentials.server";
import { signToken, verifyToken } from "./signed-token.server";

export const ADMIN_TOKEN_PURPOSE = "wp-admin";
/** How long a wp-admin entry token is good for: the plugin mints one per page view. */
export const ADMIN_TOKEN_MAX_TTL_SECONDS = 300;

export async function linkCompanionPlugin(adapter: WooCommerceAdapter, credentials: WooShopCredentials, domain: string): Promise<boolean> {
  try {
    return await adapter.linkCompanion({ adminSecret: credentials.adminLinkSecret, appUrl: new URL("/woocommerce/admin", appEnvironment().appUrl).href, shop: domain });
  } catch (error) {
    if (error instanceof WooCommerceApiError && error.status !== null && error.status < 500) return false;
    throw error;
  }
}

export interface AdminEntry {
  shop: string;
  user: number;
  exp: number;
}

/** Verifies a wp-admin entry token minted by the plugin (and refuses long-lived ones). */
export function verifyAdminToken(adminLinkSecret: string, token: string | null, shop: string, now = Date.now()): AdminEntry | null {
  const payload = verifyToken(adminLinkSecret, token, ADMIN_TOKEN_PURPOSE, now);
  if (!payload || payload.shop !== shop || typeof payload.user !== "number") return null;
  if (payload.exp * 1000 - now > ADMIN_TOKEN_MAX_TTL_SECONDS * 1000 + 5_000) return null;
  return { shop, user: payload.user, exp: payload.exp };
}

/** What the plugin does in PHP, here for the dev store, the demo and tests. */
export function mintAdminToken(adminLinkSecret: string, shop: string, user: number, now = Date.now()): string {
  return signToken(adminLinkSecret, { purpose: ADMIN_TOKEN_PURPOSE, exp: Math.floor(now / 1000) + ADMIN_TOKEN_MAX_TTL_SECONDS, shop, user });
}

