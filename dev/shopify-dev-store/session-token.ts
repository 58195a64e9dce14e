/**
 * Shopify session tokens (App Bridge id tokens): HS256 JWTs signed with the
 * app's API secret, with the claims Shopify puts in them.
 */
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import type { DevStoreContext } from "./context";
import type { MintSessionTokenOptions } from "./types";

export const SESSION_TOKEN_LIFETIME_SECONDS = 60;
/** Leeway applied when this store verifies a token (shopify-api uses 10 s too). */
export const CLOCK_TOLERANCE_SECONDS = 10;

export interface SessionTokenPayload {
  iss: string;
  dest: string;
  aud: string;
  sub: string;
  exp: number;
  nbf: number;
  iat: number;
  jti: string;
  sid: string;
  [claim: string]: unknown;
}

function base64url(data: string | Buffer): string {
  return Buffer.from(data).toString("base64url");
}

export function signJwtHS256(payload: Record<string, unknown>, secret: string): string {
  const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const body = base64url(JSON.stringify(payload));
  const signature = createHmac("sha256", secret).update(`${header}.${body}`).digest("base64url");
  return `${header}.${body}.${signature}`;
}

export type VerifyResult =
  | { ok: true; payload: Record<string, unknown> }
  | { ok: false; reason: string };

/** Checks structure, algorithm and signature (not the claims). */
export function verifyJwtHS256(token: string, secret: string): VerifyResult {
  const parts = token.split(".");
  if (parts.length !== 3) return { ok: false, reason: "Token is not a JWT" };
  const [headerPart, payloadPart, signaturePart] = parts;
  let header: unknown;
  let payload: unknown;
  try {
    header = JSON.parse(Buffer.from(headerPart, "base64url").toString("utf8"));
    payload = JSON.parse(Buffer.from(payloadPart, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "Token is not valid base64url JSON" };
  }
  if (!header || typeof header !== "object" || (header as { alg?: unknown }).alg !== "HS256") {
    return { ok: false, reason: "Token is not signed with HS256" };
  }
  const expected = createHmac("sha256", secret).update(`${headerPart}.${payloadPart}`).digest();
  const actual = Buffer.from(signaturePart, "base64url");
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    return { ok: false, reason: "Token signature is invalid" };
  }
  if (!payload || typeof payload !== "object") return { ok: false, reason: "Token payload is not an object" };
  return { ok: true, payload: payload as Record<string, unknown> };
}

export function mintSessionToken(store: DevStoreContext, opts: MintSessionTokenOptions = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const shop = opts.shopDomain ?? store.shopDomain;
  const payload: SessionTokenPayload = {
    iss: `https://${shop}/admin`,
    dest: `https://${shop}`,
    aud: opts.aud ?? store.app.apiKey,
    sub: String(opts.userId ?? store.state.staffUser.id),
    exp: now + (opts.expiresInSeconds ?? SESSION_TOKEN_LIFETIME_SECONDS),
    nbf: now + (opts.notBeforeOffsetSeconds ?? 0),
    iat: now,
    jti: randomUUID(),
    sid: randomBytes(16).toString("hex"),
  };
  return signJwtHS256(payload, opts.secret ?? store.app.apiSecret);
}

/**
 * Verifies a session token the way Shopify's token endpoint does before
 * exchanging it: signature with the app secret, aud = API key, dest = this
 * shop, within its validity window.
 */
export function verifySessionToken(store: DevStoreContext, token: string): VerifyResult {
  const verified = verifyJwtHS256(token, store.app.apiSecret);
  if (!verified.ok) return verified;
  const claims = verified.payload;
  const now = Math.floor(Date.now() / 1000);
  if (claims.aud !== store.app.apiKey) return { ok: false, reason: "Token audience does not match the client_id" };
  if (claims.dest !== `https://${store.shopDomain}`) return { ok: false, reason: "Token destination is not this shop" };
  if (typeof claims.exp !== "number" || claims.exp + CLOCK_TOLERANCE_SECONDS < now) {
    return { ok: false, reason: "Token has expired" };
  }
  if (typeof claims.nbf === "number" && claims.nbf - CLOCK_TOLERANCE_SECONDS > now) {
    return { ok: false, reason: "Token is not valid yet (nbf)" };
  }
  return verified;
}
