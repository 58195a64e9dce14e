/**
 * Consumer-key authentication as WC_REST_Authentication does it:
 * - only on REST paths under `wc/` or `wc-` (other routes are anonymous for WC keys);
 * - over https: HTTP Basic, or `consumer_key`/`consumer_secret` query parameters;
 * - over plain http: OAuth 1.0a one-legged (HMAC-SHA1/256, key = secret + "&"), timestamp
 *   within 15 minutes, nonce used once. Basic/query keys over http are ignored, so the
 *   request stays anonymous and the route answers 401 `woocommerce_rest_cannot_view`.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { wpError } from "./responses";
import type { ApiKey, WooDevStoreState } from "./types";

export type AuthResult = { key: ApiKey } | { key: null } | { error: Response };

export function hashConsumerKey(consumerKey: string): string {
  return createHmac("sha256", "wc-api").update(consumerKey).digest("hex");
}

function findKey(state: WooDevStoreState, consumerKey: string): ApiKey | undefined {
  const hash = hashConsumerKey(consumerKey);
  return state.keys.find((key) => key.consumerKeyHash === hash);
}

function equalStrings(a: string, b: string): boolean {
  const left = createHash("sha256").update(a).digest();
  const right = createHash("sha256").update(b).digest();
  return timingSafeEqual(left, right) && a === b;
}

const authError = (message: string) => ({ error: wpError("woocommerce_rest_authentication_error", message, 401) });

function basicCredentials(request: Request, url: URL): { key: string; secret: string } | null {
  const header = request.headers.get("authorization") ?? "";
  if (/^basic /i.test(header)) {
    const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon > 0) return { key: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
  }
  const key = url.searchParams.get("consumer_key");
  const secret = url.searchParams.get("consumer_secret");
  return key && secret ? { key, secret } : null;
}

function basicAuth(state: WooDevStoreState, request: Request, url: URL): AuthResult {
  const credentials = basicCredentials(request, url);
  if (!credentials) return { key: null };
  const key = findKey(state, credentials.key);
  if (!key) return authError("Consumer key is invalid.");
  if (!equalStrings(key.consumerSecret, credentials.secret)) return authError("Consumer secret is invalid.");
  return { key };
}

/** RFC 3986 percent-encoding, as wc_rest_urlencode_rfc3986 does. */
function encode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function oauthParams(request: Request, url: URL): Map<string, string> {
  const params = new Map<string, string>();
  for (const [name, value] of url.searchParams) params.set(name, value);
  const header = request.headers.get("authorization") ?? "";
  if (/^oauth /i.test(header)) {
    for (const part of header.slice(6).split(",")) {
      const match = /^\s*([^=]+)="([^"]*)"\s*$/.exec(part);
      if (match && match[1].startsWith("oauth_")) params.set(match[1], decodeURIComponent(match[2]));
    }
  }
  return params;
}

const OAUTH_REQUIRED = ["oauth_consumer_key", "oauth_timestamp", "oauth_nonce", "oauth_signature", "oauth_signature_method"];

function oauthAuth(state: WooDevStoreState, request: Request, url: URL, homeUrl: string): AuthResult {
  const params = oauthParams(request, url);
  if (!params.has("oauth_consumer_key")) return { key: null };
  const missing = OAUTH_REQUIRED.find((name) => !params.get(name));
  if (missing) return authError(`Missing OAuth parameter ${missing}`);
  const key = findKey(state, params.get("oauth_consumer_key") as string);
  if (!key) return authError("Consumer key is invalid.");

  const method = (params.get("oauth_signature_method") as string).toUpperCase();
  if (method !== "HMAC-SHA1" && method !== "HMAC-SHA256") return authError("Invalid signature - signature method is invalid.");
  const provided = params.get("oauth_signature") as string;
  params.delete("oauth_signature");
  const normalized = [...params].map(([name, value]) => [encode(name), encode(value)] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const baseUri = `${homeUrl.replace(/\/+$/, "")}${url.pathname}`;
  const toSign = [request.method.toUpperCase(), encode(baseUri), encode(normalized.map(([n, v]) => `${n}=${v}`).join("&"))].join("&");
  const algorithm = method === "HMAC-SHA1" ? "sha1" : "sha256";
  const expected = createHmac(algorithm, `${key.consumerSecret}&`).update(toSign).digest("base64");
  if (!equalStrings(expected, provided.replace(/ /g, "+"))) return authError("Invalid signature - provided signature does not match.");

  const timestamp = Number(params.get("oauth_timestamp"));
  if (!Number.isFinite(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > 15 * 60) return authError("Invalid timestamp.");
  const nonce = `${key.keyId}:${timestamp}:${params.get("oauth_nonce")}`;
  if (state.usedNonces.has(nonce)) return authError("Invalid nonce - nonce has already been used.");
  state.usedNonces.add(nonce);
  return { key };
}

/** Authenticates a request to a `wc/` or `wc-` REST route. */
export function authenticate(state: WooDevStoreState, request: Request, url: URL, homeUrl: string, secure: boolean): AuthResult {
  return secure ? basicAuth(state, request, url) : oauthAuth(state, request, url, homeUrl);
}

/** Read-only keys may only GET/HEAD/OPTIONS; write-only keys may not read. */
export function keyAllows(key: ApiKey, method: string): Response | null {
  const reading = method === "GET" || method === "HEAD" || method === "OPTIONS";
  if (reading && key.permissions === "write") return wpError("woocommerce_rest_authentication_error", "The API key provided does not have read permissions.", 401);
  if (!reading && key.permissions === "read") return wpError("woocommerce_rest_authentication_error", "The API key provided does not have write permissions.", 401);
  return null;
}
