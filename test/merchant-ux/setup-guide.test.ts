/**
 * Home's setup guide on the server (issue 16 §5): the real Home loader and action, authenticated
 * through the local dev store. Steps tick from stored or read facts only (the theme Shopify
 * reports, a finished scan, the tracking setting); hiding the guide is kept for this shop only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitForBackgroundScans } from "../../app/checklist/background.server";
import prisma from "../../app/db.server";
import { action as homeAction, loader as homeLoader } from "../../app/routes/app._index";
import { saveTrackingSettings } from "../../app/tracking/settings.server";
import { settleBackgroundReads } from "../../app/platform-reads/stored-reads.server";
import { ageStoredReads } from "../support/platform-reads";
import { TEST_APP } from "../support/test-app";
import { startTrackingHarness, type TrackingHarness } from "../tracking/support";

let harness: TrackingHarness;
beforeAll(async () => {
  harness = await startTrackingHarness();
}, 60_000);
afterAll(async () => {
  await waitForBackgroundScans();
  await harness?.close();
});

const home = async () => (await homeLoader({ request: new Request(harness.store.embeddedAppUrl("/app")), params: {}, context: {} })).setupGuide!;
const post = (fields: Record<string, string>) =>
  homeAction({ request: new Request(harness.store.embeddedAppUrl("/app?index"), { method: "POST", body: new URLSearchParams(fields) }), params: {}, context: {} });

describe("setup guide", () => {
  it("ticks each step from what Shopify and the database say, and links into the theme editor", async () => {
    await waitForBackgroundScans(); // the install's scan
    const shop = { platform: "shopify" as const, shopDomain: harness.store.shopDomain };
    let guide = await home();
    // The dev store's published theme has the trust bar embed switched off (settings_data.json).
    expect(guide.done.embed).toBe(false);
    expect(guide.themeRead).toBe(true); // read, and off: "not done yet", not "not checked"
    expect(guide.done.scan).toBe(true);
    expect(guide.scannedAt).toEqual(expect.any(String));
    expect(guide.done.tracking).toBe(true); // automatic fixes are on until the merchant turns them off
    expect(guide.embedUrl).toBe(`https://${harness.store.shopDomain}/admin/themes/current/editor?context=apps&template=index&activateAppId=${TEST_APP.apiKey}%2Ftrust-bar`);
    const block = new URL(guide.addBlockUrl);
    expect([block.searchParams.get("template"), block.searchParams.get("target")]).toEqual(["product", "mainSection"]);
    expect(block.searchParams.get("addAppBlockId")).toMatch(new RegExp(`^${TEST_APP.apiKey}/(payment|promises|delivery)$`));

    await saveTrackingSettings(shop, { autoFix: false, notifyCustomer: false });
    guide = await home();
    expect(guide.done.tracking).toBe(false);
    await saveTrackingSettings(shop, { autoFix: true, notifyCustomer: false });
    expect((await home()).done.tracking).toBe(true);

    // No finished scan stored: the scan step is not done, whatever was clicked.
    const scans = await prisma.checklistScan.findMany({ where: shop });
    await prisma.checklistScan.updateMany({ where: shop, data: { status: "failed" } });
    expect((await home()).done.scan).toBe(false);
    for (const scan of scans) await prisma.checklistScan.update({ where: { id: scan.id }, data: { status: scan.status } });
  });

  it("is hidden for this shop only, and shown again", async () => {
    const other = await prisma.shop.create({ data: { platform: "shopify", domain: "someone-else.myshopify.com" } });
    expect((await home()).hidden).toBe(false);
    await post({ intent: "setup-guide", hidden: "true" });
    expect((await home()).hidden).toBe(true);
    expect((await prisma.shop.findUniqueOrThrow({ where: { id: other.id } })).setupGuideHiddenAt).toBeNull();
    await post({ intent: "setup-guide", hidden: "false" });
    expect((await home()).hidden).toBe(false);
    await expect(post({ intent: "something-else" })).rejects.toMatchObject({ status: 400 });
  });

  it("ticks the embed and blocks steps once the published theme has them, and offers the next block not yet placed", async () => {
    let guide = await home();
    expect(guide.done.blocks).toBe(false);
    expect(guide.blocksOnProductPage).toBe(0);
    // The merchant switches the embed on and adds a delivery block to the product template (in the theme editor).
    const theme = harness.store.state.themes.find((t) => t.role === "MAIN")!;
    const settings = theme.files.find((f) => f.filename === "config/settings_data.json")!;
    settings.content = settings.content.replace('"disabled": true', '"disabled": false');
    const delivery = `shopify://apps/rassure/blocks/delivery/${TEST_APP.apiKey}`;
    const product = { sections: { main: { type: "main-product", blocks: { a: { type: delivery, settings: {} } } } }, order: ["main"] };
    theme.files.push({ filename: "templates/product.json", content: JSON.stringify(product), contentType: "application/json", createdAt: settings.createdAt, updatedAt: settings.updatedAt });
    // Home opens from the theme read stored at the last visit; the next one reads it again in the background.
    await ageStoredReads(harness.store.shopDomain);
    expect((await home()).done.embed).toBe(false);
    await settleBackgroundReads();
    guide = await home();
    expect(guide.done.embed).toBe(true);
    expect(guide.done.blocks).toBe(true);
    expect(guide.blocksOnProductPage).toBe(1);
    expect(new URL(guide.addBlockUrl).searchParams.get("addAppBlockId")).toBe(`${TEST_APP.apiKey}/payment`);
  });
});
