/**
 * For the stored-reads tests of admin pages: make the dev store's Admin API hang (a page that
 * still answers did not wait on Shopify) and count the calls, and age what was stored (so the
 * next visit refreshes it in the background).
 */
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import prisma from "../../app/db.server";
import { FRESH_FOR_MS } from "../../app/platform-reads/stored-reads.server";
import type { ShopifyDevStore } from "../../dev/shopify-dev-store";

const isAdminApi = (input: Parameters<typeof fetch>[0]) => /\/admin\/api\/[^/]+\/graphql\.json/.test(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);

/**
 * Until `release()`, Admin API calls to the store wait (they are answered on release); `calls`
 * counts them. Other requests (token exchange) go through.
 */
export function holdAdminApi(store: ShopifyDevStore) {
  let calls = 0;
  let open!: () => void;
  const released = new Promise<void>((resolve) => (open = resolve));
  setAbstractFetchFunc(async (input, init) => {
    if (!isAdminApi(input)) return store.fetch(input, init);
    calls += 1;
    await released;
    return store.fetch(input, init);
  });
  return {
    calls: () => calls,
    release: () => {
      open();
      setAbstractFetchFunc(store.fetch);
    },
  };
}

/** The page answers within `ms`, or "still waiting". */
export async function answersWithin<T>(page: Promise<T>, ms = 3_000): Promise<T | "still waiting"> {
  return Promise.race([page, new Promise<"still waiting">((resolve) => setTimeout(() => resolve("still waiting"), ms))]);
}

/** Makes the shop's stored reads older than the freshness window: the next visit refreshes them. */
export async function ageStoredReads(shopDomain: string): Promise<void> {
  const past = new Date(Date.now() - FRESH_FOR_MS - 1_000);
  await prisma.platformRead.updateMany({ where: { platform: "shopify", shopDomain }, data: { attemptedAt: past } });
}
