/**
 * The storefront lookup's client: its address (app/http/client-address.server.ts) and, when it
 * shows one, a client id the app signed earlier. The id tells apart shoppers behind one address
 * (an office, a mobile carrier), so one of them guessing does not slow the others; a client that
 * drops or forges its id is counted by its address alone, and every id of one address shares that
 * address's limit, so fresh ids buy nothing.
 *
 * The id travels in a cookie and, because Shopify's app proxy strips cookies both ways, also in
 * a hidden field of the answer's form: the next lookup from that page carries it back.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { appEnvironment } from "../env.server";
import { clientAddress, peerAddressOf } from "../http/client-address.server";
import type { LimitedClient } from "./rate-limit";

export const CLIENT_COOKIE = "rassure_lookup_client";
export const CLIENT_FIELD = "client";

function signatureOf(id: string, key: Buffer): string {
  return createHmac("sha256", key).update(`lookup-client:${id}`).digest("base64url");
}

export function signClientId(id: string, key = appEnvironment().encryptionKeys.current): string {
  return `${id}.${signatureOf(id, key)}`;
}

/** The id inside a token this app signed, else null. */
export function verifiedClientId(token: string | null | undefined, key = appEnvironment().encryptionKeys.current): string | null {
  const match = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(token?.trim() ?? "");
  if (!match) return null;
  const expected = Buffer.from(signatureOf(match[1], key));
  const given = Buffer.from(match[2]);
  return expected.length === given.length && timingSafeEqual(expected, given) ? match[1] : null;
}

function cookieValue(header: string | null, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return null;
}

export interface LookupClient {
  client: LimitedClient;
  /** The signed id to hand back (the one shown, or a fresh one). */
  token: string;
  setCookie: string;
}

export function lookupClientOf(request: Request, context: unknown, fieldToken: string | null): LookupClient {
  const address = clientAddress(request.headers.get("x-forwarded-for"), peerAddressOf(context));
  const shown = [fieldToken, cookieValue(request.headers.get("cookie"), CLIENT_COOKIE)].find((token) => verifiedClientId(token));
  const id = verifiedClientId(shown);
  const token = shown && id ? shown : signClientId(randomBytes(16).toString("base64url"));
  return {
    client: { address, key: id ? `id:${id}` : `address:${address}` },
    token,
    setCookie: `${CLIENT_COOKIE}=${token}; Path=/; Max-Age=2592000; HttpOnly; Secure; SameSite=Lax`,
  };
}
