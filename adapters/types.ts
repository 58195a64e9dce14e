/**
 * The one interface both platforms implement. Adapters are framework-free: no Remix, no
 * Prisma. The app builds one per request from a platform client and calls it from its
 * *.server.ts modules. Each later feature (checklist facts, storefront config, tracking,
 * webhooks) adds its method here and to every adapter together.
 */
import type { PlatformChecklistFacts } from "../app/checklist/snapshot";

export type Platform = "shopify" | "woocommerce";

export type LegalPolicyType =
  | "CONTACT_INFORMATION"
  | "LEGAL_NOTICE"
  | "PRIVACY_POLICY"
  | "REFUND_POLICY"
  | "SHIPPING_POLICY"
  | "SUBSCRIPTION_POLICY"
  | "TERMS_OF_SALE"
  | "TERMS_OF_SERVICE";

export interface LegalPolicySummary {
  type: LegalPolicyType;
  title: string;
  url: string;
  /** The policy exists but its text is empty. */
  isEmpty: boolean;
}

/** What Home shows about a connected shop, read live from the platform. */
export interface ShopProfile {
  platform: Platform;
  domain: string;
  name: string;
  email: string | null;
  contactEmail: string | null;
  countryCode: string | null;
  currencyCode: string;
  timezone: string | null;
  storefrontUrl: string;
  storefrontHttps: boolean;
  planName: string | null;
  policies: LegalPolicySummary[];
  grantedScopes: string[];
}

/** The storefront blocks configuration as the storefront reads it (see app/storefront/config.ts). */
export interface StorefrontPublication {
  /** JSON-serialisable; Liquid (Shopify) or PHP (WooCommerce) renders the blocks from it. */
  config: unknown;
  /** Master switch: false hides every block and the embed without losing the configuration. */
  enabled: boolean;
}

/** Whether Rassure is live on the theme shoppers see (Shopify: the MAIN theme). */
export interface ThemeEmbedStatus {
  themeId: string;
  themeName: string;
  embedActive: boolean;
  /** Handles of Rassure app blocks placed on the product template. */
  blocksOnProductPage: string[];
}

export interface PlatformAdapter {
  readonly platform: Platform;
  getShopProfile(): Promise<ShopProfile>;
  /** Everything the trust checklist reads from the platform API, in one collection pass. */
  collectChecklistFacts(): Promise<PlatformChecklistFacts>;
  /** Writes the storefront blocks configuration where the storefront reads it. */
  publishStorefrontConfig(publication: StorefrontPublication): Promise<void>;
  /** Null when the platform has no published theme to inspect. */
  getThemeEmbedStatus(embedHandle: string): Promise<ThemeEmbedStatus | null>;
}
