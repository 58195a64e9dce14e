/**
 * A WooCommerce shop's secrets, sealed in Shop.credentials (AES-256-GCM, app/crypto.server.ts):
 * the REST key pair from /wc-auth, the secret that signs its webhooks, and the secret the
 * companion plugin signs wp-admin entry tokens with.
 */
import { WooCommerceAdapter, type WooClientOptions } from "../../adapters/woocommerce";
import { open, seal } from "../crypto.server";
import prisma from "../db.server";
import { appEnvironment } from "../env.server";
import { allowPrivateStores } from "./private-hosts.server";

/** A REST key the app no longer uses, as the merchant finds it in WooCommerce › Settings › Advanced › REST API. */
export interface KeyToRevoke {
  keyId: number | null;
  /** WooCommerce's truncated_key: the consumer key's last 7 characters. */
  truncatedKey: string;
  /** When the app received it (WooCommerce dates the description a moment earlier). */
  issuedAt: string | null;
}

export interface WooKeyPair {
  consumerKey: string;
  consumerSecret: string;
  keyId: number | null;
  /** When the /wc-auth callback delivered the pair (ISO), to name the key for the merchant. */
  issuedAt?: string | null;
}

export interface WooShopCredentials extends WooKeyPair {
  storeUrl: string;
  keyPermissions: string;
  webhookSecret: string;
  adminLinkSecret: string;
  /** The webhook secret before the last reconnect, still accepted until the store's webhooks carry the new one. */
  previousWebhookSecret?: string | null;
  /** A reconnect replaced the key: the webhook and admin-link secrets are renewed when the set-up finishes. */
  secretsDue?: boolean;
  /** Keys replaced or abandoned that are not revoked on the store yet (key-revocation.server.ts). */
  keysToRevoke?: KeyToRevoke[];
  /**
   * Keys just delivered to the /wc-auth callback, not yet proven against the store. They become
   * the active pair only once they work, so a forged callback can never replace working keys.
   * The active pair is empty ("") until the first keys are proven.
   */
  pending?: WooKeyPair | null;
}

export class WooCredentialsError extends Error {}

export function sealWooCredentials(credentials: WooShopCredentials): string {
  return seal(JSON.stringify(credentials), appEnvironment().encryptionKeys);
}

export function openWooCredentials(sealed: string | null): WooShopCredentials {
  if (!sealed) throw new WooCredentialsError("This shop is not connected (no keys stored).");
  const value = JSON.parse(open(sealed, appEnvironment().encryptionKeys)) as Partial<WooShopCredentials>;
  for (const field of ["storeUrl", "webhookSecret", "adminLinkSecret"] as const) {
    if (typeof value[field] !== "string" || !value[field]) throw new WooCredentialsError(`Stored WooCommerce credentials lack ${field}.`);
  }
  if (typeof value.consumerKey !== "string" || typeof value.consumerSecret !== "string") throw new WooCredentialsError("Stored WooCommerce credentials lack the key pair.");
  return value as WooShopCredentials;
}

export function findWooShop(domain: string) {
  return prisma.shop.findUnique({ where: { platform_domain: { platform: "woocommerce", domain } } });
}

/**
 * Applies `change` to the shop's credentials as stored now; only the row exactly as read is
 * written (a concurrent callback or promotion wins, and the change is tried again on top of it).
 */
export async function updateWooCredentials(domain: string, change: (credentials: WooShopCredentials) => WooShopCredentials): Promise<WooShopCredentials | null> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const shop = await findWooShop(domain);
    if (!shop?.credentials) return null;
    const next = change(openWooCredentials(shop.credentials));
    const { count } = await prisma.shop.updateMany({ where: { id: shop.id, credentials: shop.credentials }, data: { credentials: sealWooCredentials(next) } });
    if (count === 1) return next;
  }
  return null;
}

/** How a wp-admin page reads the store while the merchant waits: a short timeout, one retry. */
export const WOO_PAGE_READ: WooClientOptions = { timeoutMs: 8_000, maxRetries: 1 };

export function adapterFromCredentials(credentials: WooShopCredentials, options: WooClientOptions = {}): WooCommerceAdapter {
  if (!credentials.consumerKey || !credentials.consumerSecret) throw new WooCredentialsError("No verified WooCommerce keys yet.");
  return new WooCommerceAdapter(
    { storeUrl: credentials.storeUrl, consumerKey: credentials.consumerKey, consumerSecret: credentials.consumerSecret },
    { ...options, allowPrivateAddresses: allowPrivateStores(), grantedScopes: [credentials.keyPermissions] },
  );
}

/** The adapter of a connected WooCommerce shop (background jobs, the admin page). */
export async function wooAdapterForShop(domain: string, options: WooClientOptions = {}): Promise<WooCommerceAdapter> {
  const shop = await findWooShop(domain);
  if (!shop || shop.installState !== "installed") throw new WooCredentialsError(`No connected WooCommerce shop ${domain}.`);
  return adapterFromCredentials(openWooCredentials(shop.credentials), options);
}
