/**
 * A WooCommerce shop's secrets, sealed in Shop.credentials (AES-256-GCM, app/crypto.server.ts):
 * the REST key pair from /wc-auth, the secret that signs its webhooks, and the secret the
 * companion plugin signs wp-admin entry tokens with.
 */
import { WooCommerceAdapter, type WooClientOptions } from "../../adapters/woocommerce";
import { open, seal } from "../crypto.server";
import prisma from "../db.server";
import { appEnvironment } from "../env.server";

export interface WooShopCredentials {
  storeUrl: string;
  consumerKey: string;
  consumerSecret: string;
  keyId: number | null;
  keyPermissions: string;
  webhookSecret: string;
  adminLinkSecret: string;
}

export class WooCredentialsError extends Error {}

export function sealWooCredentials(credentials: WooShopCredentials): string {
  return seal(JSON.stringify(credentials), appEnvironment().encryptionKeys);
}

export function openWooCredentials(sealed: string | null): WooShopCredentials {
  if (!sealed) throw new WooCredentialsError("This shop is not connected (no keys stored).");
  const value = JSON.parse(open(sealed, appEnvironment().encryptionKeys)) as Partial<WooShopCredentials>;
  for (const field of ["storeUrl", "consumerKey", "consumerSecret", "webhookSecret", "adminLinkSecret"] as const) {
    if (typeof value[field] !== "string" || !value[field]) throw new WooCredentialsError(`Stored WooCommerce credentials lack ${field}.`);
  }
  return value as WooShopCredentials;
}

export function findWooShop(domain: string) {
  return prisma.shop.findUnique({ where: { platform_domain: { platform: "woocommerce", domain } } });
}

export function adapterFromCredentials(credentials: WooShopCredentials, options: WooClientOptions = {}): WooCommerceAdapter {
  return new WooCommerceAdapter(
    { storeUrl: credentials.storeUrl, consumerKey: credentials.consumerKey, consumerSecret: credentials.consumerSecret },
    { ...options, grantedScopes: [credentials.keyPermissions] },
  );
}

/** The adapter of a connected WooCommerce shop (background jobs, the admin page). */
export async function wooAdapterForShop(domain: string, options: WooClientOptions = {}): Promise<WooCommerceAdapter> {
  const shop = await findWooShop(domain);
  if (!shop || shop.installState !== "installed") throw new WooCredentialsError(`No connected WooCommerce shop ${domain}.`);
  return adapterFromCredentials(openWooCredentials(shop.credentials), options);
}
