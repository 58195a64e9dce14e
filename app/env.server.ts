/**
 * The app's environment, read and checked once at start. A missing or malformed variable
 * stops the app with one message that names it and says how to set it, instead of a
 * stack trace from deep inside a library.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../prisma/database";
import { isEmailAddress, isMailbox } from "./alerts/email-address";

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
  alertMail: AlertMailEnvironment;
  help: HelpEnvironment;
}

/** The help entry at the foot of every admin page: where the documentation is, whom to write to. */
export interface HelpEnvironment {
  docsUrl: string;
  supportEmail: string;
}

export const DEFAULT_HELP: HelpEnvironment = { docsUrl: "https://rassure.io/help", supportEmail: "support@rassure.io" };

/** Where alert e-mails go out (app/alerts). No server configured: alerts are recorded and shown, not sent. */
export interface AlertMailEnvironment {
  smtp: { host: string; port: number; secure: boolean; auth: { user: string; pass: string } | null } | null;
  from: string | null;
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

const SMTP_HINT = "Examples: RASSURE_SMTP_URL=smtps://user:password@smtp.example.com:465, or RASSURE_SMTP_HOST/_PORT/_USER/_PASS/_SECURE.";

export function readAlertMailEnvironment(source: Source = process.env): AlertMailEnvironment {
  const value = (name: string) => source[name]?.trim() || undefined;
  const [url, host] = [value("RASSURE_SMTP_URL"), value("RASSURE_SMTP_HOST")];
  if (url && host) throw new EnvironmentError("RASSURE_SMTP_URL", "and RASSURE_SMTP_HOST are both set: keep one of them.");
  let smtp: AlertMailEnvironment["smtp"] = null;
  if (url) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new EnvironmentError("RASSURE_SMTP_URL", `is not a URL. ${SMTP_HINT}`);
    }
    if ((parsed.protocol !== "smtp:" && parsed.protocol !== "smtps:") || !parsed.hostname) throw new EnvironmentError("RASSURE_SMTP_URL", `must be smtp://… or smtps://… with a host. ${SMTP_HINT}`);
    const secure = parsed.protocol === "smtps:";
    const user = decodeURIComponent(parsed.username);
    smtp = { host: parsed.hostname.replace(/^\[|\]$/g, ""), port: Number(parsed.port) || (secure ? 465 : 587), secure, auth: user ? { user, pass: decodeURIComponent(parsed.password) } : null };
  } else if (host) {
    const secureText = (value("RASSURE_SMTP_SECURE") ?? "false").toLowerCase();
    if (!["true", "false", "1", "0"].includes(secureText)) throw new EnvironmentError("RASSURE_SMTP_SECURE", `must be true (TLS from the start, usually port 465) or false (STARTTLS). Got "${secureText}".`);
    const secure = secureText === "true" || secureText === "1";
    const portText = value("RASSURE_SMTP_PORT");
    const port = portText === undefined ? (secure ? 465 : 587) : Number(portText);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new EnvironmentError("RASSURE_SMTP_PORT", `must be a port number (1-65535). Got "${portText}".`);
    const [user, pass] = [value("RASSURE_SMTP_USER"), source.RASSURE_SMTP_PASS];
    if (!user !== !pass) throw new EnvironmentError(user ? "RASSURE_SMTP_PASS" : "RASSURE_SMTP_USER", "is needed too: set both RASSURE_SMTP_USER and RASSURE_SMTP_PASS, or neither.");
    smtp = { host, port, secure, auth: user && pass ? { user, pass } : null };
  }
  const from = value("RASSURE_ALERTS_FROM") ?? null;
  if (from && !isMailbox(from)) throw new EnvironmentError("RASSURE_ALERTS_FROM", `is not an e-mail address: "${from}". Example: Rassure <alerts@example.com>`);
  if (smtp && !from) throw new EnvironmentError("RASSURE_ALERTS_FROM", "is not set: alert e-mails need a sender. Example: Rassure <alerts@example.com>");
  return { smtp, from };
}

export function readHelpEnvironment(source: Source = process.env): HelpEnvironment {
  const docsUrl = source.RASSURE_HELP_URL?.trim() || DEFAULT_HELP.docsUrl;
  let parsed: URL | null = null;
  try {
    parsed = new URL(docsUrl);
  } catch {
    // reported below
  }
  // Merchants open it from the admin: an address they can follow, never a script.
  if (!parsed || (parsed.protocol !== "https:" && parsed.protocol !== "http:")) {
    throw new EnvironmentError("RASSURE_HELP_URL", `must be a web address (https://…), e.g. ${DEFAULT_HELP.docsUrl}. Got "${docsUrl}".`);
  }
  const supportEmail = source.RASSURE_SUPPORT_EMAIL?.trim() || DEFAULT_HELP.supportEmail;
  if (!isEmailAddress(supportEmail)) throw new EnvironmentError("RASSURE_SUPPORT_EMAIL", `must be one e-mail address, e.g. ${DEFAULT_HELP.supportEmail}. Got "${supportEmail}".`);
  return { docsUrl: parsed.href, supportEmail };
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
    alertMail: readAlertMailEnvironment(source),
    help: readHelpEnvironment(source),
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
