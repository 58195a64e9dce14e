/**
 * REST keys the app no longer uses (the one a reconnect replaced, the active one on Disconnect)
 * are deleted on the store through the companion plugin (WooCommerce has no REST route for
 * keys). Without the plugin the merchant is told exactly which key to revoke: WooCommerce lists
 * keys by description ("Rassure - API (date)") and the last 7 characters of the consumer key.
 */
import type { WooCommerceAdapter } from "../../adapters/woocommerce";
import type { KeyToRevoke, WooKeyPair } from "./credentials.server";

export type { KeyToRevoke };

/** The app name sent to /wc-auth; WooCommerce describes the keys it issues "<name> - API (<date>)". */
export const WC_AUTH_APP_NAME = "Rassure";

/** How many replaced keys are remembered for the merchant at most (each reconnect adds one). */
const MAX_REMEMBERED = 5;

export function keyToRevoke(pair: WooKeyPair): KeyToRevoke {
  return { keyId: pair.keyId, truncatedKey: pair.consumerKey.slice(-7), issuedAt: pair.issuedAt ?? null };
}

export function rememberKeys(known: KeyToRevoke[] | undefined, added: KeyToRevoke): KeyToRevoke[] {
  return [...(known ?? []).filter((k) => k.truncatedKey !== added.truncatedKey), added].slice(-MAX_REMEMBERED);
}

/** What the merchant looks for in WooCommerce › Settings › Advanced › REST API. */
export function keyDescription(key: KeyToRevoke): string {
  const date = key.issuedAt ? ` (${key.issuedAt.slice(0, 16).replace("T", " ")} UTC)` : "";
  return `${WC_AUTH_APP_NAME} - API${date}`;
}

/** What the page shows of a key (never more than WooCommerce itself shows). */
export function keysShown(keys: KeyToRevoke[]): Array<{ description: string; truncatedKey: string }> {
  return keys.map((key) => ({ description: keyDescription(key), truncatedKey: key.truncatedKey }));
}

/**
 * Revokes each key through the plugin, with the adapter's (still valid) key; a key already gone
 * counts as revoked. Returns the keys left for the merchant to delete by hand.
 */
export async function revokeKeys(adapter: WooCommerceAdapter, keys: KeyToRevoke[]): Promise<KeyToRevoke[]> {
  const left: KeyToRevoke[] = [];
  for (const key of keys) {
    const revoked = key.keyId !== null && (await adapter.revokeKey(key.keyId).catch(() => false));
    if (!revoked) left.push(key);
  }
  return left;
}
