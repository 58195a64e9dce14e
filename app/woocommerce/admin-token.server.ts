/**
 * The wp-admin entry token the companion plugin mints (PHP: Rassure_Admin::token) and the app
 * verifies: purpose "wp-admin", the shop, the WordPress user, and an expiry at most five
 * minutes ahead, signed with the shop's link secret. Pure: the dev store and tests use it too.
 */
import { signToken, verifyToken } from "./signed-token.server";

export const ADMIN_TOKEN_PURPOSE = "wp-admin";
/** How long a wp-admin entry token is good for: the plugin mints one per page view. */
export const ADMIN_TOKEN_MAX_TTL_SECONDS = 300;

export interface AdminEntry {
  shop: string;
  user: number;
  exp: number;
  /** When the plugin's entry token opened this session (Unix seconds): renewals never reach past since + the cap. */
  since: number;
}

/** Verifies a wp-admin entry token minted by the plugin (and refuses long-lived ones). */
export function verifyAdminToken(adminLinkSecret: string, token: string | null, shop: string, now = Date.now()): AdminEntry | null {
  const payload = verifyToken(adminLinkSecret, token, ADMIN_TOKEN_PURPOSE, now);
  if (!payload || payload.shop !== shop || typeof payload.user !== "number") return null;
  if (payload.exp * 1000 - now > ADMIN_TOKEN_MAX_TTL_SECONDS * 1000 + 5_000) return null;
  return { shop, user: payload.user, exp: payload.exp, since: Math.floor(now / 1000) };
}

/** What the plugin does in PHP, for the dev store's wp-admin page and the tests. */
export function mintAdminToken(adminLinkSecret: string, shop: string, user: number, now = Date.now()): string {
  return signToken(adminLinkSecret, { purpose: ADMIN_TOKEN_PURPOSE, exp: Math.floor(now / 1000) + ADMIN_TOKEN_MAX_TTL_SECONDS, shop, user });
}

/**
 * The app's own session for the wp-admin page once the plugin's entry token was accepted: the
 * merchant may spend longer than five minutes editing blocks, so the page's requests carry this
 * token instead (same format and secret, its own purpose, one hour). Each page view renews it,
 * but never past four hours after the entry token: then WordPress must vouch for the user again.
 */
export const ADMIN_SESSION_PURPOSE = "wp-admin-session";
export const ADMIN_SESSION_TTL_SECONDS = 3_600;
export const ADMIN_SESSION_MAX_SECONDS = 4 * 3_600;

export function mintAdminSession(adminLinkSecret: string, entry: Pick<AdminEntry, "shop" | "user"> & { since?: number }, now = Date.now()): string {
  const since = entry.since ?? Math.floor(now / 1000);
  const exp = Math.min(Math.floor(now / 1000) + ADMIN_SESSION_TTL_SECONDS, since + ADMIN_SESSION_MAX_SECONDS);
  return signToken(adminLinkSecret, { purpose: ADMIN_SESSION_PURPOSE, exp, since, shop: entry.shop, user: entry.user });
}

/** The plugin's entry token or the app's session token for this shop, else null. */
export function verifyAdminAccess(adminLinkSecret: string, token: string | null, shop: string, now = Date.now()): AdminEntry | null {
  const entry = verifyAdminToken(adminLinkSecret, token, shop, now);
  if (entry) return entry;
  const session = verifyToken(adminLinkSecret, token, ADMIN_SESSION_PURPOSE, now);
  if (!session || session.shop !== shop || typeof session.user !== "number" || typeof session.since !== "number") return null;
  if ((session.exp - session.since) > ADMIN_SESSION_MAX_SECONDS || now / 1000 > session.since + ADMIN_SESSION_MAX_SECONDS) return null;
  return { shop, user: session.user, exp: session.exp, since: session.since };
}
