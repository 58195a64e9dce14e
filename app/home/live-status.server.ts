/**
 * What Home says about the shop's storefront and orders right now: whether the trust bar
 * and blocks are live on the published theme (read from the theme, not assumed from our
 * own settings), when the blocks were last published, and how many tracking links Rassure
 * fixed lately. A platform error on the theme read is shown, not thrown.
 */
import type { PlatformAdapter, ThemeEmbedStatus } from "../../adapters/types";
import prisma from "../db.server";
import { TRUST_BAR_EMBED_HANDLE } from "../storefront/config";

export const TRACKING_WINDOW_DAYS = 30;

export interface LiveStatus {
  theme: ThemeEmbedStatus | null;
  themeError: string | null;
  blocksPublishedAt: string | null;
  trackingFixes: number;
}

export async function loadLiveStatus(
  shop: { id: string; platform: string; domain: string } | null,
  adapter: Pick<PlatformAdapter, "getThemeEmbedStatus">,
  now = new Date(),
): Promise<LiveStatus> {
  const since = new Date(now.getTime() - TRACKING_WINDOW_DAYS * 86_400_000);
  const [theme, config, trackingFixes] = await Promise.all([
    adapter.getThemeEmbedStatus(TRUST_BAR_EMBED_HANDLE).then(
      (status) => ({ status, error: null }),
      (error: unknown) => {
        // Shopify's library answers a refused token with a Response (re-authentication): not a platform error to show.
        if (error instanceof Response) throw error;
        return { status: null, error: error instanceof Error ? error.message : String(error) };
      },
    ),
    shop ? prisma.storefrontConfig.findUnique({ where: { shopId: shop.id }, select: { publishedAt: true } }) : null,
    shop ? prisma.trackingFix.count({ where: { platform: shop.platform, shopDomain: shop.domain, createdAt: { gte: since } } }) : 0,
  ]);
  return {
    theme: theme.status,
    themeError: theme.error,
    blocksPublishedAt: config?.publishedAt?.toISOString() ?? null,
    trackingFixes,
  };
}
