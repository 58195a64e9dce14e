/**
 * The connect check, before the merchant is sent to WooCommerce's approval screen: does the
 * address serve WordPress with WooCommerce and a working REST API, over https? It runs before
 * any authentication, on a host the visitor names, so:
 * - every request goes through the probe's HTTP client (adapters/http address guard, byte and
 *   time caps, few redirects), and the home URL the store reports is checked by the same guard
 *   before the app signs anything for it;
 * - each host is checked a few times per window at most, and a successful check is reused for a
 *   minute: twenty POSTs naming one host send a handful of requests, not hundreds. The counters
 *   live in this process (each app process has its own budget).
 * Shops that close the anonymous REST index (security plugins) are recognised by WordPress's
 * own refusal and WooCommerce's /wc-auth endpoint, which no REST restriction covers.
 */
import { AddressRefusedError, resolveAllowed } from "../../adapters/http/address-guard";
import { normalizeStoreUrl } from "../../adapters/woocommerce";
import { probeFollow, ProbeHttpError } from "../checklist/storefront-probe/http-client";
import { allowPrivateStores } from "./private-hosts.server";

export type PreflightProblem = "private-host" | "unreachable" | "plain-permalinks" | "rest-blocked" | "no-woocommerce" | "too-many-attempts";

export interface CheckedStore {
  storeUrl: string;
  httpOnly: boolean;
}

export type PreflightResult = CheckedStore | { problem: PreflightProblem; detail?: string };

/** Checks of one host allowed per window (each sends at most a few requests). */
export const CHECKS_PER_HOST = 6;
const WINDOW_MS = 10 * 60_000;
/** How long a successful check is reused for the same address. */
const REUSE_MS = 60_000;
/** Hosts remembered at most (older windows are dropped first). */
const MAX_HOSTS = 10_000;

const checksByHost = new Map<string, number[]>();
const recentSuccesses = new Map<string, { result: CheckedStore; at: number }>();

/** Counts a check of `host`; false when the host's budget for the window is spent. */
function takeCheck(host: string, now: number): boolean {
  const recent = (checksByHost.get(host) ?? []).filter((at) => now - at < WINDOW_MS);
  if (recent.length >= CHECKS_PER_HOST) {
    checksByHost.set(host, recent);
    return false;
  }
  checksByHost.delete(host); // re-inserted last: the map stays ordered by last use
  checksByHost.set(host, [...recent, now]);
  for (const oldest of checksByHost.keys()) {
    if (checksByHost.size <= MAX_HOSTS) break;
    checksByHost.delete(oldest);
  }
  return true;
}

type IndexAnswer =
  | { kind: "json"; body: Record<string, unknown> }
  /** WordPress answered with a REST error (401/403): the anonymous index is closed. */
  | { kind: "restricted"; status: number }
  | { kind: "not-json"; status: number }
  | { kind: "error"; error: unknown };

async function get(url: string) {
  return probeFollow(url, { allowPrivate: allowPrivateStores(), timeoutMs: 10_000, maxBytes: 2_000_000, maxRedirects: 3, userAgent: "Rassure/1.0 (+connect check)" });
}

function jsonObject(text: string): Record<string, unknown> | null {
  try {
    const body: unknown = JSON.parse(text);
    return body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

async function readIndex(url: string): Promise<IndexAnswer> {
  try {
    const response = await get(url);
    const body = response.truncated ? null : jsonObject(response.body);
    if (body && response.status >= 200 && response.status < 300) return { kind: "json", body };
    // A REST error (the probe's client reads no error bodies: WordPress's JSON type tells it).
    const restError = /^application\/json/i.test(response.contentType ?? "");
    if (restError && (response.status === 401 || response.status === 403)) return { kind: "restricted", status: response.status };
    return { kind: "not-json", status: response.status };
  } catch (error) {
    return { kind: "error", error };
  }
}

/** WooCommerce's key endpoint without its parameters answers 401 ("Missing parameter app_name", wp_die); WordPress alone, a 404 page. */
async function hasWooAuthEndpoint(base: string): Promise<boolean> {
  try {
    return (await get(`${base}/wc-auth/v1/authorize`)).status === 401;
  } catch {
    return false;
  }
}

/**
 * The store's own home URL (what it reports, else `fallback`), once the address guard has
 * accepted its host: the app signs the connection for this URL, and every later request goes there.
 */
export async function checkReportedHome(reported: unknown, fallback: string): Promise<string> {
  let home = fallback;
  try {
    if (typeof reported === "string") home = normalizeStoreUrl(reported);
  } catch {
    home = fallback;
  }
  await resolveAllowed(new URL(home).hostname, allowPrivateStores());
  return home;
}

async function check(storeUrl: string): Promise<PreflightResult> {
  const fields = "?_fields=name,home,namespaces";
  let base = storeUrl;
  let index = await readIndex(`${base}/wp-json/${fields}`);
  let httpOnly = base.startsWith("http:");
  // A store typed without scheme was tried on https first; some stores still only answer on http.
  if (index.kind === "error" && !(index.error instanceof AddressRefusedError) && base.startsWith("https:")) {
    const plain = `http:${base.slice("https:".length)}`;
    const retry = await readIndex(`${plain}/wp-json/${fields}`);
    if (retry.kind !== "error") {
      base = plain;
      index = retry;
      httpOnly = true;
    }
  }
  if (index.kind === "error") {
    if (index.error instanceof AddressRefusedError) return { problem: "private-host" };
    return { problem: "unreachable", detail: index.error instanceof ProbeHttpError || index.error instanceof Error ? index.error.message : String(index.error) };
  }
  if (index.kind === "restricted") {
    // The REST API answers, to authenticated requests only; the key WooCommerce issues will be one.
    return (await hasWooAuthEndpoint(base)) ? { storeUrl: base, httpOnly } : { problem: "no-woocommerce" };
  }
  if (index.kind === "not-json") {
    // With plain permalinks /wp-json/ is not routed, but ?rest_route= still reaches the REST API.
    const fallback = await readIndex(`${base}/?rest_route=/&_fields=name,home,namespaces`);
    return { problem: fallback.kind === "json" || fallback.kind === "restricted" ? "plain-permalinks" : "rest-blocked" };
  }
  const namespaces = Array.isArray(index.body.namespaces) ? index.body.namespaces : [];
  if (!namespaces.includes("wc/v3")) return { problem: "no-woocommerce" };
  const home = await checkReportedHome(index.body.home, base);
  return { storeUrl: home, httpOnly: httpOnly || home.startsWith("http:") };
}

/** Checks the store at `storeUrl` (already normalised), within the host's budget. */
export async function preflightStore(storeUrl: string, now = Date.now()): Promise<PreflightResult> {
  const reused = recentSuccesses.get(storeUrl);
  try {
    if (reused && now - reused.at < REUSE_MS) {
      // No request to the store; its address is still checked, as it may have moved.
      await resolveAllowed(new URL(reused.result.storeUrl).hostname, allowPrivateStores());
      return reused.result;
    }
    if (!takeCheck(new URL(storeUrl).hostname.toLowerCase(), now)) return { problem: "too-many-attempts" };
    const result = await check(storeUrl);
    if (!("problem" in result)) {
      recentSuccesses.delete(storeUrl);
      recentSuccesses.set(storeUrl, { result, at: now });
      for (const [url, entry] of recentSuccesses) if (now - entry.at >= REUSE_MS) recentSuccesses.delete(url);
    }
    return result;
  } catch (error) {
    if (error instanceof AddressRefusedError) return { problem: "private-host" };
    return { problem: "unreachable", detail: error instanceof Error ? error.message : String(error) };
  }
}
