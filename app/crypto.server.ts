/**
 * Secrets at rest (offline access tokens, WooCommerce keys) are sealed with AES-256-GCM.
 * The envelope names the key it was sealed with, so the key can be rotated: new data uses
 * the current key, old data still opens with a previous one until it is re-sealed.
 *
 * Envelope: "enc:v1:<keyId>:<iv>:<tag>:<ciphertext>" (base64url parts).
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

const PREFIX = "enc:v1:";

export interface KeyRing {
  current: Buffer;
  previous: Buffer[];
}

export class DecryptionError extends Error {}

export function keyId(key: Buffer): string {
  return createHash("sha256").update(key).digest("base64url").slice(0, 8);
}

export function isSealed(value: string): boolean {
  return value.startsWith(PREFIX);
}

export function seal(plaintext: string, keys: KeyRing): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keys.current, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return PREFIX + [keyId(keys.current), iv, tag, ciphertext].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(":");
}

export function open(envelope: string, keys: KeyRing): string {
  if (!isSealed(envelope)) throw new DecryptionError("Value is not an encrypted envelope.");
  const [id, iv, tag, ciphertext] = envelope.slice(PREFIX.length).split(":");
  const key = [keys.current, ...keys.previous].find((candidate) => keyId(candidate) === id);
  if (!key) throw new DecryptionError(`No configured key opens this value (key id ${id}); was a previous key removed too early?`);
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new DecryptionError("Encrypted value failed authentication (corrupted or tampered).");
  }
}

/** True when the value was sealed with a key other than the current one and should be re-sealed. */
export function needsResealing(envelope: string, keys: KeyRing): boolean {
  return isSealed(envelope) && envelope.slice(PREFIX.length).split(":")[0] !== keyId(keys.current);
}
