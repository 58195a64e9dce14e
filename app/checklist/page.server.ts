/**
 * The trust checklist page's server half, the same for the Shopify admin (app/routes/app.checklist.tsx)
 * and wp-admin (app/routes/woocommerce.admin_.checklist.tsx): the latest report with its history,
 * each item's "why" in the platform's own words, and the page's actions (scan, re-check,
 * attest, withdraw). The routes only decide who the shop is (each platform's own session).
 */
import prisma from "../db.server";
import { recentScanOutcomes } from "../feedback/scan-outcomes.server";
import { effectiveJurisdiction } from "../jurisdiction";
import { findShop } from "../shops.server";
import { recheckInBackground, scanShopInBackground } from "./background.server";
import { checkDefinition } from "./registry";
import { AttestationError, attest, isScanDue, latestChecklist, withdrawAttestation, type ShopRef } from "./scan.server";
import type { Localized } from "./types";

/** What an item shows besides its result: why it matters (this platform's wording), the law, what to attest. */
export interface ItemDefinition {
  why: Localized | null;
  legalBasis: string[];
  attestation: Localized | null;
}

export async function loadChecklistPage(shop: ShopRef) {
  let latest = await latestChecklist(prisma, shop);
  // The daily refresh: a first visit or a report older than a day starts a scan in the background.
  if (isScanDue(latest)) {
    await scanShopInBackground(shop, "daily");
    latest = await latestChecklist(prisma, shop);
  }
  const definitions: Record<string, ItemDefinition> = Object.fromEntries(
    (latest.report?.results ?? []).map((result) => {
      const definition = checkDefinition(result.id);
      return [result.id, { why: definition?.whyOn?.[shop.platform] ?? definition?.why ?? null, legalBasis: definition?.legalBasis ?? [], attestation: definition?.attestation?.prompt ?? null }];
    }),
  );
  return { platform: shop.platform, latest, definitions, scans: await recentScanOutcomes(shop) };
}

/** The rules the shop sells under, which an attestation's re-evaluation applies (only those intents read it). */
async function shopJurisdiction(shop: ShopRef) {
  const record = await findShop(shop.platform, shop.shopDomain);
  return record ? effectiveJurisdiction(record) : undefined;
}

export type ChecklistActionResult = { intent: string; ok: true; scanId?: string } | { intent: string; ok: false; problem: string };

export async function checklistPageAction(shop: ShopRef, form: URLSearchParams): Promise<ChecklistActionResult> {
  const intent = String(form.get("intent") ?? "");
  const checkId = String(form.get("checkId") ?? "");
  try {
    switch (intent) {
      case "scan":
        // The page follows this scan (its id) and toasts when it finishes.
        return { intent, ok: true, scanId: await scanShopInBackground(shop, "manual") };
      case "recheck":
        if (!checkDefinition(checkId)) return { intent, ok: false, problem: `unknown check ${checkId}` };
        recheckInBackground(shop, checkId);
        return { intent, ok: true };
      case "attest":
        await attest(prisma, shop, checkId, String(form.get("evidence") ?? ""), { jurisdiction: await shopJurisdiction(shop) });
        return { intent, ok: true };
      case "withdraw":
        await withdrawAttestation(prisma, shop, checkId, await shopJurisdiction(shop));
        return { intent, ok: true };
      default:
        return { intent, ok: false, problem: `unknown action ${intent}` };
    }
  } catch (error) {
    if (error instanceof AttestationError) return { intent, ok: false, problem: error.message };
    throw error;
  }
}
