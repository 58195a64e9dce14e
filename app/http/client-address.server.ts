/**
 * Who is asking, as far as the proxies in front of the app can vouch for it.
 *
 * Each proxy appends to X-Forwarded-For the address that connected to it, so only the entries
 * the trusted proxies appended — the right-most ones — are facts; anything to their left was
 * written by the client and may be anything (the left-most entry is never used). With `hops`
 * trusted proxies in front of the app, the client is the hops-th entry from the right.
 *
 * The default, 0, trusts no header: the client is the connection's own peer address, which no
 * client can forge. Set RASSURE_TRUSTED_PROXY_HOPS to the number of proxies that append their
 * peer before the app: 1 when Shopify's app proxy talks to the app directly (it forwards the
 * shopper's address in X-Forwarded-For), 2 with a load balancer in between, one more per extra
 * appending proxy.
 */
import { EnvironmentError } from "../env.server";

export const TRUSTED_HOPS_VARIABLE = "RASSURE_TRUSTED_PROXY_HOPS";

export function trustedProxyHops(source: Record<string, string | undefined> = process.env): number {
  const raw = source[TRUSTED_HOPS_VARIABLE]?.trim();
  if (!raw) return 0;
  if (!/^\d{1,2}$/.test(raw)) {
    throw new EnvironmentError(TRUSTED_HOPS_VARIABLE, "must be the whole number of proxies in front of the app that append to X-Forwarded-For (0: none, use the connection's address; 1: Shopify's app proxy only; 2: Shopify, then your load balancer).");
  }
  return Number(raw);
}

/** Strips brackets, a port and the IPv4-mapped IPv6 prefix, so one client has one spelling. */
function normalise(address: string): string {
  let value = address.trim().replace(/^\[([^\]]+)\](?::\d+)?$/, "$1");
  if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.replace(/:\d+$/, "");
  return value.replace(/^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i, "$1").toLowerCase();
}

/**
 * The client's address: with no trusted proxy, the connection's peer; otherwise the entry the
 * outermost trusted proxy appended. Entries a client wrote itself never take part.
 */
export function clientAddress(forwardedFor: string | null, peerAddress: string | undefined, hops = trustedProxyHops()): string {
  const peer = peerAddress ? normalise(peerAddress) : "unknown";
  if (hops === 0) return peer;
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // No entry: the trusted proxy reported nothing (a direct request), so the peer is all we know.
  if (entries.length === 0) return peer;
  // Fewer entries than trusted proxies: every entry was appended by one of them; the left-most is the client.
  return normalise(entries[Math.max(0, entries.length - hops)]);
}

/** The connection's peer, as server/http-server.mjs passes it in the load context. */
export function peerAddressOf(context: unknown): string | undefined {
  const value = (context as { peerAddress?: unknown } | null | undefined)?.peerAddress;
  return typeof value === "string" ? value : undefined;
}
