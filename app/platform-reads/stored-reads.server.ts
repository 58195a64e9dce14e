/**
 * Admin pages open from what Rassure read last from the platform, not by waiting on it: each
 * read (the shop's profile, the published theme's embed and blocks, the recent shipments…) is
 * kept per shop and kind with when it was read, the page answers with it at once and the read
 * runs again in the background; the page then asks `waitForStoredReads` and revalidates.
 * A kind never read is read while the page waits (there is nothing to show instead). A failed
 * read keeps the last facts and records the failure, which the page shows with their age.
 */
import type { Platform } from "../../adapters/types";
import prisma from "../db.server";
import { errorText } from "../jobs/types";
import { log } from "../logger.server";
import { whileInstalled } from "../shop-installed.server";

export interface ShopRef {
  platform: Platform;
  shopDomain: string;
}

/** One kind of facts as the page shows them: the last facts read (null = never read) and whether the last read failed. */
export interface StoredRead<T> {
  facts: T | null;
  /** When `facts` were read (ISO); null = never. */
  readAt: string | null;
  /** The last read's failure (it kept `facts`); null when it succeeded. */
  error: string | null;
}

/** What the page asks the server to wait for before revalidating: the kinds read in the background since `since`. */
export interface PendingRefresh {
  kinds: string[];
  since: string;
}

/** A read just made is not made again within this window (the revalidation after a refresh, a quick back and forth). */
export const FRESH_FOR_MS = 30_000;

/** This process's background reads, one per shop and kind at a time. */
const inFlight = new Map<string, Promise<void>>();
const keyOf = (shop: ShopRef, kind: string) => `${shop.platform}:${shop.shopDomain}:${kind}`;
const where = (shop: ShopRef, kind: string) => ({ platform_shopDomain_kind: { platform: shop.platform, shopDomain: shop.shopDomain, kind } });

/**
 * Shopify's library answers a refused token with a Response (a redirect or 401: re-authenticate),
 * and any other failed HTTP answer with a Response of that status (a 503 is "Shopify is down").
 */
const asksReauthentication = (thrown: unknown) => thrown instanceof Response && (thrown.status === 401 || (thrown.status >= 300 && thrown.status < 400));

function failureText(thrown: unknown): string {
  return thrown instanceof Response ? `HTTP ${thrown.status}${thrown.statusText ? ` ${thrown.statusText}` : ""}` : errorText(thrown);
}

/**
 * Reads the platform and stores the outcome (nothing once the shop uninstalled). A request to
 * re-authenticate is thrown, not stored: it is no platform fact.
 */
async function readAndStore<T>(shop: ShopRef, kind: string, read: () => Promise<T>): Promise<StoredRead<T>> {
  try {
    const facts = await read();
    const now = new Date();
    const row = { facts: JSON.stringify(facts), readAt: now, attemptedAt: now, error: null };
    await whileInstalled(shop, (tx) => tx.platformRead.upsert({ where: where(shop, kind), create: { ...shop, kind, ...row }, update: row }));
    return { facts, readAt: now.toISOString(), error: null };
  } catch (thrown) {
    if (asksReauthentication(thrown)) throw thrown;
    const error = failureText(thrown);
    const row = await whileInstalled(shop, (tx) => tx.platformRead.upsert({ where: where(shop, kind), create: { ...shop, kind, attemptedAt: new Date(), error }, update: { attemptedAt: new Date(), error } }));
    return { facts: row?.facts ? (JSON.parse(row.facts) as T) : null, readAt: row?.readAt?.toISOString() ?? null, error };
  }
}

/**
 * Runs `work` in the background unless work with this key is already running in this process
 * (one refresh per shop and kind at a time). Also used for reads stored elsewhere (the shop's
 * e-mail kept in the alert settings). A failure is logged: the page already answered.
 */
export function inBackground(key: string, work: () => Promise<unknown>, context: Record<string, unknown>): void {
  if (inFlight.has(key)) return;
  const run = work().then(
    () => undefined,
    (error: unknown) => log("warn", "platform read: background refresh failed", { ...context, error: errorText(error) }),
  );
  inFlight.set(key, run.finally(() => inFlight.delete(key)));
}

function refreshInBackground<T>(shop: ShopRef, kind: string, read: () => Promise<T>): void {
  inBackground(keyOf(shop, kind), () => readAndStore(shop, kind, read), { ...shop, kind });
}

type Readers = Record<string, () => Promise<unknown>>;
type Reads<R extends Readers> = { [K in keyof R]: StoredRead<Awaited<ReturnType<R[K]>>> };

/**
 * The page's platform facts, from storage where read before (refreshed in the background unless
 * just read), read now where never read. `pending` is what the page waits for before revalidating.
 */
export async function openStoredReads<R extends Readers>(shop: ShopRef, readers: R, now = new Date()): Promise<{ reads: Reads<R>; pending: PendingRefresh | null }> {
  const kinds = Object.keys(readers);
  const rows = await prisma.platformRead.findMany({ where: { platform: shop.platform, shopDomain: shop.shopDomain, kind: { in: kinds } } });
  const byKind = new Map(rows.map((row) => [row.kind, row]));
  const refreshing: string[] = [];
  const entries = await Promise.all(
    kinds.map(async (kind): Promise<[string, StoredRead<unknown>]> => {
      const row = byKind.get(kind);
      if (!row || row.facts === null) return [kind, await readAndStore(shop, kind, readers[kind])];
      if (now.getTime() - row.attemptedAt.getTime() >= FRESH_FOR_MS || inFlight.has(keyOf(shop, kind))) {
        refreshInBackground(shop, kind, readers[kind]);
        refreshing.push(kind);
      }
      return [kind, { facts: JSON.parse(row.facts), readAt: row.readAt?.toISOString() ?? null, error: row.error }];
    }),
  );
  return { reads: Object.fromEntries(entries) as Reads<R>, pending: refreshing.length > 0 ? { kinds: refreshing, since: now.toISOString() } : null };
}

/**
 * Reads now and stores (after Rassure itself changed these facts on the platform, so the page
 * that follows shows the change, not the read from before it).
 */
export async function readNow<R extends Readers>(shop: ShopRef, readers: R): Promise<Reads<R>> {
  const entries = await Promise.all(Object.entries(readers).map(async ([kind, read]) => [kind, await readAndStore(shop, kind, read)] as const));
  return Object.fromEntries(entries) as Reads<R>;
}

const WAIT_POLL_MS = 150;
export const WAIT_LIMIT_MS = 15_000;

/**
 * Until every kind of `pending` has been read again (successfully or not) since it started, or
 * the limit: true when they all were. When this process runs every one of those reads, their end
 * is the answer (no polling; a read that stored nothing, such as a request to re-authenticate,
 * is over too); otherwise it reads the database until then, so it answers from any app process.
 */
export async function waitForStoredReads(shop: ShopRef, pending: PendingRefresh, limitMs = WAIT_LIMIT_MS): Promise<boolean> {
  const since = new Date(pending.since);
  const deadline = Date.now() + limitMs;
  const allRead = async () => (await prisma.platformRead.count({ where: { platform: shop.platform, shopDomain: shop.shopDomain, kind: { in: pending.kinds }, attemptedAt: { gte: since } } })) >= pending.kinds.length;
  const limit = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
  const mine = pending.kinds.map((kind) => inFlight.get(keyOf(shop, kind)));
  if (mine.every((read) => read !== undefined)) {
    await Promise.race([Promise.all(mine), limit(limitMs)]);
    return allRead();
  }
  for (;;) {
    if (await allRead()) return true;
    if (Date.now() >= deadline) return false;
    await limit(Math.min(WAIT_POLL_MS, deadline - Date.now()));
  }
}

/** Tests: until this process's background reads started so far are over. */
export async function settleBackgroundReads(): Promise<void> {
  while (inFlight.size > 0) await Promise.all(inFlight.values());
}

/** Uninstall: what was read from the shop's platform goes with it. */
export async function eraseStoredReads(db: Pick<typeof prisma, "platformRead">, platform: Platform, shopDomain: string): Promise<void> {
  await db.platformRead.deleteMany({ where: { platform, shopDomain } });
}
