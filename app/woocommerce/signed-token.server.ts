/**
 * Compact signed tokens: base64url(JSON payload) "." base64url(HMAC-SHA256). Two uses:
 * the /wc-auth `user_id` state (signed with a key derived from the app's encryption key) and
 * the wp-admin entry token the companion plugin mints (signed with the shop's own secret;
 * the PHP side writes exactly this format). Every token carries an expiry and a purpose.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export interface TokenPayload {
  /** What the token is for, so a token of one kind is never accepted as another. */
  purpose: string;
  /** Expiry, Unix seconds. */
  exp: number;
  [field: string]: unknown;
}

const MAX_TOKEN_LENGTH = 2048;

function mac(key: Buffer | string, body: string): Buffer {
  return createHmac("sha256", key).update(body).digest();
}

export function signToken(key: Buffer | string, payload: TokenPayload): string {
  const body = Buffer.from(JSON.stringify(payload), "utf8").toString("base64url");
  return `${body}.${mac(key, body).toString("base64url")}`;
}

/** The payload when the signature holds, the purpose matches and it has not expired; otherwise null. */
export function verifyToken(key: Buffer | string, token: string | null | undefined, purpose: string, now = Date.now()): TokenPayload | null {
  if (typeof token !== "string" || token.length > MAX_TOKEN_LENGTH) return null;
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined) return null;
  const expected = mac(key, body);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!payload || typeof payload !== "object") return null;
  const { purpose: actual, exp } = payload as Partial<TokenPayload>;
  if (actual !== purpose || typeof exp !== "number" || exp * 1000 < now) return null;
  return payload as TokenPayload;
}

/** A key for one purpose derived from the app's encryption key (never the key itself). */
export function derivedKey(masterKey: Buffer, purpose: string): Buffer {
  return createHmac("sha256", masterKey).update(`rassure:woocommerce:${purpose}`).digest();
}
