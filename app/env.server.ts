/**
 * The app's environment, read and checked once at start. A missing or malformed variable
 * stops the app with one message that names it and says how to set it, instead of a
 * stack trace from deep inside a library.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../prisma/database";

export class EnvironmentError extends Error {
  constructor(readonly variable: string, message: string) {
    super(`${variable}: ${message}`);
    this.name = "EnvironmentError";
  }
}

export interface AppEnvironment {
  shopifyApiKey: string;
  shopifyApiSecret: string;
  appUrl: string;
  scopes: string[];
  encryptionKeys: { current: Buffer; previous: Buffer[] };
  appBridgeUrl?: string;
  customShopDomains: string[];
}

type Source = Record<string, string | undefined>;

function required(source: Source, name: string, hint: string): string {
  const value = source[name]?.trim();
  if (!value) throw new EnvironmentError(name, `is not set. ${hint}`);
  return value;
}

/** A 32-byte key, given as 64 hex characters or base64. */
export function parseEncryptionKey(name: string, value: string): Buffer {
  const trimmed = value.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  if (key.length !== 32) {
    throw new EnvironmentError(
      name,
      "must be 32 random bytes as 64 hex characters or base64. Generate one with: " +
        `node -e "console.log(require('crypto').randomBytes(32).toString('hex'))"`,
    );
  }
  return key;
}

/**
 * SHA-256 of the secrets committed to this repository (the offline demo's in dev/demo-app.ts,
 * the tests' in test/support/test-app.ts; encryption keys as their 32 bytes). Anyone can read
 * them, so production refuses them (test/env.test.ts holds this list to those files).
 */
const PUBLISHED_SECRET_DIGESTS = new Set([
  "047c557f7590cfe8d9556e6de3c1fee1a63fdd0873379d34ec3bb0a9e1e242d4", // demo API secret
  "9c3d0458b58782c534922149db5d3ce66925e09dfbe032dfe080a0e5ff8a0ec9", // tests' API secret
  "0cafb563675d2ea0aba0f51ffdee2bbeff4e4ffc1fee2d38cb8dabe54da1743c", // demo encryption key
  "d04ca38c42022043c41220cf1e5bdd59f51aedf4246333ab4aeeb2726bd67880", // tests' encryption key
]);

export function isPublishedSecret(value: string | Buffer): boolean {
  return PUBLISHED_SECRET_DIGESTS.has(createHash("sha256").update(value).digest("hex"));
}

function refusePublishedInProduction(source: Source, name: string, value: string | Buffer, hint: string): void {
  if (source.NODE_ENV === "production" && isPublishedSecret(value)) {
    throw new EnvironmentError(name, `is a value published in Rassure's repository (the offline demo's or the tests'), refused in production. ${hint}`);
  }
}

export function readEnvironment(source: Source = process.env): AppEnvironment {
  const appUrl = required(source, "SHOPIFY_APP_URL", "Shopify CLI sets it during `npm run dev`; otherwise set it to the app's public https URL.");
  try {
    new URL(appUrl);
  } catch {
    throw new EnvironmentError("SHOPIFY_APP_URL", `is not a URL: "${appUrl}". Example: https://rassure.example.com`);
  }
  const scopes = (source.SCOPES ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (scopes.length === 0) {
    throw new EnvironmentError("SCOPES", "is not set. Shopify CLI sets it from shopify.app.toml ([access_scopes] scopes).");
  }
  const keyHint = "Set it in .env (32 random bytes, hex): node -e \"console.log(require('crypto').randomBytes(32).toString('hex'))\"";
  const current = parseEncryptionKey("RASSURE_ENCRYPTION_KEY", required(source, "RASSURE_ENCRYPTION_KEY", keyHint));
  const previous = (source.RASSURE_PREVIOUS_ENCRYPTION_KEYS ?? "")
    .split(",")
    .map((k) => k.trim())
    .filter(Boolean)
    .map((k) => parseEncryptionKey("RASSURE_PREVIOUS_ENCRYPTION_KEYS", k));
  const secretHint = "Shopify CLI sets it during `npm run dev`; in production copy the Client secret from the Partner Dashboard.";
  const shopifyApiSecret = required(source, "SHOPIFY_API_SECRET", secretHint);
  refusePublishedInProduction(source, "SHOPIFY_API_SECRET", shopifyApiSecret, "Copy the app's Client secret from the Partner Dashboard.");
  refusePublishedInProduction(source, "RASSURE_ENCRYPTION_KEY", current, keyHint);
  for (const key of previous) refusePublishedInProduction(source, "RASSURE_PREVIOUS_ENCRYPTION_KEYS", key, "Remove the published key from the list.");
  return {
    shopifyApiKey: required(source, "SHOPIFY_API_KEY", "Shopify CLI sets it during `npm run dev`; in production copy the Client ID from the Partner Dashboard."),
    shopifyApiSecret,
    appUrl,
    scopes,
    encryptionKeys: { current, previous },
    appBridgeUrl: source.APP_BRIDGE_URL || undefined,
    customShopDomains: (source.SHOP_CUSTOM_DOMAIN ?? "").split(",").map((d) => d.trim()).filter(Boolean),
  };
}

let cached: AppEnvironment | undefined;

/** The validated environment; loads ./.env first when present (never overriding real variables). */
export function appEnvironment(): AppEnvironment {
  if (!cached) {
    const dotenv = path.join(PROJECT_ROOT, ".env");
    if (existsSync(dotenv)) process.loadEnvFile(dotenv);
    cached = readEnvironment();
  }
  return cached;
}
