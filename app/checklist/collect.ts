/**
 * One collection pass: the platform facts through the adapter, then the storefront probe on
 * the storefront the platform reports (with the legal page URLs it gave). Framework-free, so
 * the admin, the CLI and the benchmarks share it.
 */
import type { PlatformAdapter } from "../../adapters/types";
import type { CompanyIdentityFacts, PlatformChecklistFacts, ShopSnapshot } from "../../adapters/checklist-snapshot";
import { probeStorefront, type StorefrontProbeOptions } from "./storefront-probe/probe";

export interface CollectOptions {
  /** false: skip the storefront probe (API facts only). */
  probe?: boolean;
  /** Development only: probe this URL instead of the platform's storefront (e.g. a local fixture). */
  storefrontUrl?: string;
  probeOptions?: Omit<StorefrontProbeOptions, "platform" | "legalPages" | "locked">;
  /** Looks up the company identity (the app supplies it: the merchant's details and the public registers); absent = not collected. */
  companyIdentity?: (facts: PlatformChecklistFacts) => Promise<CompanyIdentityFacts>;
  now?: Date;
}

/** With a storefront override, the legal pages the platform lists on its storefront are visited on the override. */
function rebase(url: string | null, platformStorefront: string, override: string | undefined): string | null {
  if (!url || !override) return url;
  try {
    const page = new URL(url);
    if (page.host !== new URL(platformStorefront).host) return url;
    return new URL(`${page.pathname}${page.search}`, override).href;
  } catch {
    return url;
  }
}

export async function collectSnapshot(adapter: Pick<PlatformAdapter, "platform" | "collectChecklistFacts">, options: CollectOptions = {}): Promise<ShopSnapshot> {
  const facts = await adapter.collectChecklistFacts();
  const [storefront, companyIdentity] = await Promise.all([
    options.probe === false
      ? null
      : probeStorefront(options.storefrontUrl ?? facts.storefrontUrl, {
          ...options.probeOptions,
          platform: facts.platform,
          legalPages: facts.legalPages.map((page) => ({ kind: page.kind, url: rebase(page.url, facts.storefrontUrl, options.storefrontUrl) })),
          locked: facts.storefrontLocked,
        }),
    options.companyIdentity?.(facts),
  ]);
  return { platform: facts.platform, collectedAt: (options.now ?? new Date()).toISOString(), facts, storefront, ...(companyIdentity ? { companyIdentity } : {}) };
}
