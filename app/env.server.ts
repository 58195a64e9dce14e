/**
 * The app's environment, read and checked once at start. A missing or malformed variable
 * stops the app with one message that names it and says how to set it, instead of a
 * stack trace from deep inside a library.
 */
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
  return {
    shopifyApiKey: required(source, "SHOPIFY_API_KEY", "Shopify CLI sets it during `npm run dev`; in production copy the Client ID from the Partner Dashboard."),
    shopifyApiSecret: required(source, "SHOPIFY_API_SECRET", "Shopify CLI sets it during `npm run dev`; in production copy the Client secret from the Partner Dashboard."),
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
