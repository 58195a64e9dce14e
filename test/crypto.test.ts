import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DecryptionError, isSealed, keyId, needsResealing, open, seal } from "../app/crypto.server";

const keyA = randomBytes(32);
const keyB = randomBytes(32);

describe("secrets at rest (AES-256-GCM)", () => {
  it("seals and opens, never storing the clear text", () => {
    const envelope = seal("shpat_secret-token", { current: keyA, previous: [] });
    expect(isSealed(envelope)).toBe(true);
    expect(envelope).not.toContain("shpat_secret-token");
    expect(open(envelope, { current: keyA, previous: [] })).toBe("shpat_secret-token");
  });

  it("uses a fresh IV each time", () => {
    const keys = { current: keyA, previous: [] };
    expect(seal("same", keys)).not.toBe(seal("same", keys));
  });

  it("opens values sealed with a previous key after rotation, and flags them for re-sealing", () => {
    const old = seal("ck_woo_key", { current: keyA, previous: [] });
    const rotated = { current: keyB, previous: [keyA] };
    expect(open(old, rotated)).toBe("ck_woo_key");
    expect(needsResealing(old, rotated)).toBe(true);
    expect(needsResealing(seal("x", rotated), rotated)).toBe(false);
  });

  it("refuses a value whose key is gone, or that was tampered with", () => {
    const envelope = seal("secret", { current: keyA, previous: [] });
    expect(() => open(envelope, { current: keyB, previous: [] })).toThrow(DecryptionError);
    const parts = envelope.split(":");
    parts[parts.length - 1] = Buffer.from("forged").toString("base64url");
    expect(() => open(parts.join(":"), { current: keyA, previous: [] })).toThrow(/authentication/);
    expect(() => open("plain text", { current: keyA, previous: [] })).toThrow(DecryptionError);
  });

  it("names keys by a stable short id", () => {
    expect(keyId(keyA)).toHaveLength(8);
    expect(keyId(keyA)).toBe(keyId(Buffer.from(keyA)));
  });
});
