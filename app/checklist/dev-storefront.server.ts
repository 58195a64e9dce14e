/**
 * Development only: the offline demo points the checklist's storefront probe at the local dev
 * store's storefront (`RASSURE_DEV_STOREFRONT_URL`, http on 127.0.0.1), which the probe
 * otherwise refuses as a private address. Production refuses the variable: a real shop is
 * always probed at the storefront its platform reports, through the public-address guard.
 */
import { EnvironmentError } from "../env.server";
import type { CollectOptions } from "./collect";

export const DEV_STOREFRONT_VARIABLE = "RASSURE_DEV_STOREFRONT_URL";

type Source = Record<string, string | undefined>;

export function devStorefrontScanOptions(source: Source = process.env): Pick<CollectOptions, "storefrontUrl" | "probeOptions"> {
  const value = source[DEV_STOREFRONT_VARIABLE]?.trim();
  if (!value) return {};
  if (source.NODE_ENV === "production") {
    throw new EnvironmentError(DEV_STOREFRONT_VARIABLE, "is a development option (the offline demo's local storefront) and is refused in production. Unset it.");
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new EnvironmentError(DEV_STOREFRONT_VARIABLE, `is not a URL: "${value}". Example: http://127.0.0.1:3101`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new EnvironmentError(DEV_STOREFRONT_VARIABLE, "must be an http(s) URL.");
  // A local server: no need for the one-request-per-second politeness owed to real shops.
  return { storefrontUrl: url.origin, probeOptions: { allowPrivateAddresses: true, minIntervalMs: 0 } };
}
