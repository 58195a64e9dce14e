/**
 * The /wc-auth `user_id` state: which store a connection was started for, signed with a key
 * derived from the app's encryption key and valid 30 minutes, so the key POST and the return
 * can be trusted and tampering is refused.
 */
import { randomBytes } from "node:crypto";
import { appEnvironment } from "../env.server";
import { derivedKey, signToken, verifyToken } from "./signed-token.server";

const STATE_PURPOSE = "wc-auth-state";
export const STATE_TTL_SECONDS = 30 * 60;

function stateKey(): Buffer {
  return derivedKey(appEnvironment().encryptionKeys.current, STATE_PURPOSE);
}

export function connectState(storeUrl: string, now = Date.now()): string {
  return signToken(stateKey(), { purpose: STATE_PURPOSE, exp: Math.floor(now / 1000) + STATE_TTL_SECONDS, store: storeUrl, n: randomBytes(6).toString("base64url") });
}

/** The store URL a state was issued for, or null when it is forged, altered or expired. */
export function storeFromState(state: string | null | undefined): string | null {
  const payload = verifyToken(stateKey(), state, STATE_PURPOSE);
  return payload && typeof payload.store === "string" ? payload.store : null;
}
