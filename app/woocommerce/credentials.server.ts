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

export interface WooKeyPair {
  consumerKey: string;
  consumerSecret: string;
  keyId: number | null;
}

export interface WooShopCredentials extends WooKeyPair {
  storeUrl: string;
  keyPermissions: string;
  webhookSecret: string;
  adminLinkSecret: string;
  /** The webhook secret before the last reconnect, still accepted until the store's webhooks carry the new one. */
  previousWebhookSecret?: string | null;
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
