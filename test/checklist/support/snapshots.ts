/** Snapshots for evaluation tests: real facts from the dev stores, with storefront facts to choose. */
import type { PlatformChecklistFacts, ShopSnapshot, StorefrontFacts } from "../../../adapters/checklist-snapshot";

export function snapshotOf(facts: PlatformChecklistFacts, storefront: StorefrontFacts | null): ShopSnapshot {
  return { platform: facts.platform, collectedAt: "2026-11-23T12:00:00.000Z", facts, storefront };
}

export function unreachableStorefront(origin: string, error = "getaddrinfo ENOTFOUND (offline)"): StorefrontFacts {
  return { status: "unreachable", origin, error, fetchedAt: "2026-11-23T12:00:00.000Z", tls: null, httpRedirect: null, headers: {}, headerScore: null, pages: [], cookies: [], securityTxt: null, requests: 2 };
}
