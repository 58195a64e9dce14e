/**
 * The daily sweep covers WooCommerce shops too: a connected shop whose latest scan is over a
 * day old is scanned through its adapter (against the local WooCommerce dev store), one that
 * is fresh or not yet connected is left alone.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.RASSURE_WOOCOMMERCE_ALLOW_PRIVATE_HOSTS = "1";
});

import { scanDueShops, waitForBackgroundScans } from "../../app/checklist/background.server";
import prisma from "../../app/db.server";
import { sealWooCredentials } from "../../app/woocommerce/credentials.server";
import { startWooCommerceDevStore, type WooCommerceDevStore } from "../../dev/woocommerce-dev-store";

let store: WooCommerceDevStore;
let domain: string;

async function connectShop(shopDomain: string, installState: string) {
  const key = store.createKey("read_write");
  await prisma.shop.create({
    data: {
      platform: "woocommerce",
      domain: shopDomain,
      installState,
      countryCode: "FR",
      credentials: sealWooCredentials({
        storeUrl: store.url,
        consumerKey: key.consumerKey,
        consumerSecret: key.consumerSecret,
        keyId: key.keyId,
        keyPermissions: "read_write",
        webhookSecret: "w".repeat(40),
        adminLinkSecret: "a".repeat(43),
      }),
    },
  });
}

const scansOf = (shopDomain: string) => prisma.checklistScan.findMany({ where: { platform: "woocommerce", shopDomain }, orderBy: { startedAt: "asc" } });

beforeAll(async () => {
  store = await startWooCommerceDevStore();
  domain = new URL(store.url).host;
  await connectShop(domain, "installed");
  // Keys received but not proven yet: not a shop to scan.
  await connectShop("pending.example", "pending");
});

afterAll(async () => {
  await waitForBackgroundScans();
  await store?.close();
});

describe("daily sweep on WooCommerce", () => {
  it("scans a connected shop without a recent scan through the WooCommerce adapter, then leaves it until tomorrow", async () => {
    expect(await scanDueShops()).toBe(1);
    const [scan] = await scansOf(domain);
    expect(scan).toMatchObject({ trigger: "daily", status: "done", error: null });
    const report = JSON.parse(scan.report!) as { results: { id: string; status: string }[] };
    // Facts came from the dev store: its terms page is not set, WP_DEBUG shows errors.
    expect(report.results.find((r) => r.id === "leg-terms-of-sale")?.status).toBe("fail");
    expect(await scansOf("pending.example")).toHaveLength(0);

    expect(await scanDueShops()).toBe(0);
    await prisma.checklistScan.updateMany({ where: { shopDomain: domain }, data: { startedAt: new Date(Date.now() - 2 * 86_400_000) } });
    expect(await scanDueShops()).toBe(1);
    expect((await scansOf(domain)).map((s) => s.status)).toEqual(["done", "done"]);
  });

  it("records the store's refusal as a failed scan, not a crash", async () => {
    await prisma.checklistScan.updateMany({ where: { shopDomain: domain }, data: { startedAt: new Date(Date.now() - 2 * 86_400_000) } });
    store.state.keys.length = 0; // the merchant revoked the key in wp-admin
    expect(await scanDueShops()).toBe(1);
    const latest = (await scansOf(domain)).at(-1)!;
    expect(latest.status).toBe("failed");
    expect(latest.error).toMatch(/Consumer key is invalid/);
  });
});
