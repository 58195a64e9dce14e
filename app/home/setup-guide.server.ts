/**
 * Home's setup guide: the four things a new merchant does for Rassure to work, each ticked from
 * what Rassure stores or reads, never from a click (a merchant who opened the theme editor and
 * left without saving has not enabled anything):
 * - the trust bar app embed: on in the published theme (read from the theme, as Home's live status);
 * - the blocks: at least one Rassure app block in the published product template;
 * - the first scan: a finished checklist scan is stored;
 * - tracking fixes: the shop's stored tracking setting is on.
 * The merchant may hide the guide (kept per shop) and show it again.
 */
import prisma from "../db.server";
import { BLOCK_HANDLES, TRUST_BAR_EMBED_HANDLE } from "../storefront/config";
import { themeEditorActivateEmbedUrl, themeEditorAddBlockUrl } from "../storefront/theme-editor-links";
import { getTrackingSettings } from "../tracking/settings.server";
import type { LiveStatus } from "./live-status.server";
import type { SetupGuide } from "./setup-steps";

/** The blocks the first "add a block" link offers, in the order a product page needs them most. */
const FIRST_BLOCKS = [BLOCK_HANDLES.payment, BLOCK_HANDLES.promises, BLOCK_HANDLES.delivery];

/** A Shopify shop's row (the guide lives in the Shopify admin's Home). */
interface ShopRow {
  domain: string;
  setupGuideHiddenAt: Date | null;
}

export async function loadSetupGuide(shop: ShopRow, facts: { live: LiveStatus; scannedAt: string | null; apiKey: string }): Promise<SetupGuide> {
  const { theme } = facts.live;
  const placed = theme?.blocksOnProductPage ?? [];
  const tracking = await getTrackingSettings({ platform: "shopify", shopDomain: shop.domain });
  return {
    hidden: shop.setupGuideHiddenAt !== null,
    done: {
      embed: theme?.embedActive === true,
      blocks: placed.length > 0,
      scan: facts.scannedAt !== null,
      tracking: tracking.autoFix,
    },
    themeRead: theme !== null,
    themeName: theme?.themeName ?? null,
    blocksOnProductPage: placed.length,
    scannedAt: facts.scannedAt,
    embedUrl: themeEditorActivateEmbedUrl(shop.domain, facts.apiKey, TRUST_BAR_EMBED_HANDLE),
    addBlockUrl: themeEditorAddBlockUrl(shop.domain, facts.apiKey, FIRST_BLOCKS.find((handle) => !placed.includes(handle)) ?? FIRST_BLOCKS[0]),
  };
}

/** Hides the guide (`hidden`) or shows it again, for this shop only. */
export async function setSetupGuideHidden(shopDomain: string, hidden: boolean, now = new Date()): Promise<void> {
  await prisma.shop.update({ where: { platform_domain: { platform: "shopify", domain: shopDomain } }, data: { setupGuideHiddenAt: hidden ? now : null } });
}
