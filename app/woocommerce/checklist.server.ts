/**
 * The trust checklist for a WooCommerce shop, shown on the wp-admin page: the same scan as on
 * Shopify (app/checklist), collected through the WooCommerce adapter and stored per shop.
 */
import { topPriorities } from "../checklist/priorities";
import { latestChecklist, runScan, type ShopRef } from "../checklist/scan.server";
import { companyIdentityCollector } from "../legal/identity-facts.server";
import prisma from "../db.server";
import { effectiveJurisdiction } from "../jurisdiction";
import { allowPrivateStores } from "./connect.server";
import { adapterFromCredentials, findWooShop, openWooCredentials } from "./credentials.server";

const shopRef = (domain: string): ShopRef => ({ platform: "woocommerce", shopDomain: domain });

export async function wooChecklistSummary(domain: string) {
  const latest = await latestChecklist(prisma, shopRef(domain), 1);
  const report = latest.report;
  return {
    running: latest.current?.status === "running",
    failed: latest.current?.status === "failed" ? latest.current.error : null,
    score: report?.score ?? null,
    grade: report?.grade ?? null,
    evaluatedAt: report?.evaluatedAt ?? null,
    top: report ? topPriorities(report.results).map((r) => ({ id: r.id, title: r.title, summary: r.summary, status: r.status, fixUrl: r.fix.adminUrl ?? r.fix.docsUrl })) : [],
  };
}

export type WooChecklistSummary = Awaited<ReturnType<typeof wooChecklistSummary>>;

/** What a scan of a connected WooCommerce shop needs: its adapter, jurisdiction and probe options. */
export async function wooScanContext(domain: string) {
  const shop = await findWooShop(domain);
  if (!shop?.credentials) throw new Error(`No connected WooCommerce shop ${domain}.`);
  return {
    adapter: adapterFromCredentials(openWooCredentials(shop.credentials), { maxRetries: 2 }),
    jurisdiction: effectiveJurisdiction(shop),
    probeOptions: { allowPrivateAddresses: allowPrivateStores() },
    companyIdentity: companyIdentityCollector(prisma, shopRef(domain)),
  };
}

/** Runs a scan now (API facts, then the public storefront). */
export async function scanWooShop(domain: string) {
  const { adapter, ...options } = await wooScanContext(domain);
  return runScan(prisma, shopRef(domain), adapter, "manual", options);
}
