/**
 * A background read that was still waiting on the platform when the shop uninstalled must not
 * write the shop's facts back after the uninstall erased them (they would outlive the install,
 * and on WooCommerce nothing later erases them).
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { openStoredReads, settleBackgroundReads } from "../../app/platform-reads/stored-reads.server";
import { forgetShopAccess } from "../../app/shops.server";

const shop = { platform: "shopify" as const, shopDomain: "uninstall-race.myshopify.com" };

beforeAll(async () => {
  await prisma.shop.create({ data: { platform: shop.platform, domain: shop.shopDomain } });
});
afterAll(async () => {
  await prisma.platformRead.deleteMany({ where: shop });
  await prisma.shop.deleteMany({ where: { platform: shop.platform, domain: shop.shopDomain } });
});

it("stores nothing from a read that answers after the shop uninstalled", async () => {
  const profile = { name: "Atelier", email: "owner@example.com" };
  await openStoredReads(shop, { "shop-profile": async () => profile }, new Date());
  expect(await prisma.platformRead.count({ where: shop })).toBe(1);

  // The stored read is old: the next visit refreshes it in the background, and the platform is slow.
  await prisma.platformRead.updateMany({ where: shop, data: { attemptedAt: new Date(Date.now() - 3_600_000) } });
  let answer!: (value: typeof profile) => void;
  const slow = new Promise<typeof profile>((resolve) => (answer = resolve));
  const opened = await openStoredReads(shop, { "shop-profile": () => slow });
  expect(opened.pending?.kinds).toEqual(["shop-profile"]);

  await forgetShopAccess(prisma, shop.platform, shop.shopDomain);
  expect(await prisma.platformRead.count({ where: shop })).toBe(0);
  answer({ ...profile, name: "Atelier (late answer)" });
  await settleBackgroundReads();
  expect(await prisma.platformRead.count({ where: shop })).toBe(0);
});

it("stores no failure row either for a shop that is gone", async () => {
  await openStoredReads(shop, { "shop-profile": async () => Promise.reject(new Error("HTTP 401")) });
  expect(await prisma.platformRead.count({ where: shop })).toBe(0);
});

it("stores nothing from a read whose answer comes while the uninstall is being written (another transaction, not yet committed)", async () => {
  await prisma.shop.updateMany({ where: { platform: shop.platform, domain: shop.shopDomain }, data: { installState: "installed", uninstalledAt: null } });
  const profile = { name: "Atelier", email: "owner@example.com" };
  await openStoredReads(shop, { "shop-profile": async () => profile });
  await prisma.platformRead.updateMany({ where: shop, data: { attemptedAt: new Date(Date.now() - 3_600_000) } });
  let answer!: (value: typeof profile) => void;
  const slow = new Promise<typeof profile>((resolve) => (answer = resolve));
  await openStoredReads(shop, { "shop-profile": () => slow });

  // The app/uninstalled webhook's transaction has erased the reads and marked the shop, not committed
  // yet, when the platform answers: the read's write must not slip in between (a row written after
  // the erase, from a check made before the uninstall committed).
  await prisma.$transaction(async (tx) => {
    await forgetShopAccess(tx, shop.platform, shop.shopDomain);
    answer({ ...profile, name: "Atelier (late answer)" });
    await new Promise((resolve) => setTimeout(resolve, 300));
  });
  await settleBackgroundReads();
  expect(await prisma.platformRead.count({ where: shop })).toBe(0);
});
