/**
 * What Home says about the shop's storefront and orders right now: whether the trust bar
 * and blocks are live on the published theme (read from the theme, not assumed from our
 * own settings; the last read is shown with its age), when the blocks were last published, and
 * how many tracking links Rassure fixed lately. A platform error on the theme read is shown, not thrown.
 */
import type { ThemeEmbedStatus } from "../../adapters/types";
import prisma from "../db.server";
import type { StoredRead } from "../platform-reads/stored-reads.server";

export const TRACKING_WINDOW_DAYS = 30;

export interface LiveStatus {
  theme: ThemeEmbedStatus | null;
  themeError: string | null;
  /** When the theme facts shown were read (they come from storage); null = never read. */
  themeReadAt: string | null;
  blocksPublishedAt: string | null;
  trackingFixes: number;
}

/** `themeRead`: the published theme's embed and blocks, as last read (app/platform-reads). */
export async function loadLiveStatus(
  shop: { id: string; platform: string; domain: string } | null,
  themeRead: StoredRead<ThemeEmbedStatus | null>,
  now = new Date(),
): Promise<LiveStatus> {
  const since = new Date(now.getTime() - TRACKING_WINDOW_DAYS * 86_400_000);
  const [config, trackingFixes] = await Promise.all([
    shop ? prisma.storefrontConfig.findUnique({ where: { shopId: shop.id }, select: { publishedAt: true } }) : null,
    shop ? prisma.trackingFix.count({ where: { platform: shop.platform, shopDomain: shop.domain, createdAt: { gte: since } } }) : 0,
  ]);
  return {
    theme: themeRead.facts,
    themeError: themeRead.error,
    themeReadAt: themeRead.readAt,
    blocksPublishedAt: config?.publishedAt?.toISOString() ?? null,
    trackingFixes,
  };
}
