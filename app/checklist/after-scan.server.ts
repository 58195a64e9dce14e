/**
 * What follows every finished scan, whichever path ran it (the job queue's scans and re-checks,
 * the WooCommerce admin's "Scan now"): alerts on what regressed, and the storefront configuration
 * republished when the company's verification changed or the trust page states the scan. Neither
 * may undo the scan itself.
 */
import type { PlatformAdapter } from "../../adapters/types";
import { alertsAfterScan } from "../alerts/after-scan.server";
import { log } from "../logger.server";
import { republishAfterScan } from "../storefront/storefront.server";
import type { ShopRef } from "./scan.server";

export async function afterScan(shop: ShopRef, scan: { id: string; status: string }, adapter: Pick<PlatformAdapter, "publishStorefrontConfig" | "getShopProfile">): Promise<void> {
  await alertsAfterScan(shop, scan);
  if (scan.status !== "done") return;
  await republishAfterScan(shop, scan.id, adapter).catch((error: unknown) => log("warn", "republishing the blocks after a scan failed", { error }));
}
