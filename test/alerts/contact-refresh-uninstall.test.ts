/**
 * The alerts section's background read of the shop's e-mail (app/alerts/settings-section.server.ts)
 * must not write it back after the shop left: on WooCommerce the disconnect erased the alert
 * settings at once, and nothing later would erase a row a late answer recreated (it names a person's e-mail).
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { ShopProfile } from "../../adapters/types";
import { loadAlertsSection, waitForShopContactRefreshes } from "../../app/alerts/settings-section.server";
import prisma from "../../app/db.server";
import { eraseShopOnUninstall } from "../../app/shops.server";

const shop = { platform: "woocommerce" as const, shopDomain: "contact-refresh-uninstall.example" };

beforeAll(async () => {
  await prisma.shop.create({ data: { platform: shop.platform, domain: shop.shopDomain } });
  await prisma.alertSettings.create({ data: { ...shop, platformEmail: "owner@example.com", timezone: "Europe/Paris" } });
});
afterAll(async () => {
  await prisma.alertSettings.deleteMany({ where: shop });
  await prisma.shop.deleteMany({ where: { platform: shop.platform, domain: shop.shopDomain } });
});

it("stores nothing from an e-mail read that answers after the shop disconnected", async () => {
  type Contact = Pick<ShopProfile, "email" | "contactEmail" | "timezone">;
  let answer!: (profile: Contact) => void;
  const slow = new Promise<Contact>((resolve) => (answer = resolve));
  const section = await loadAlertsSection(shop, () => slow);
  expect(section.settings.platformEmail).toBe("owner@example.com"); // opened from what was kept

  await eraseShopOnUninstall(prisma, shop.platform, shop.shopDomain);
  expect(await prisma.alertSettings.count({ where: shop })).toBe(0);
  answer({ email: "new-owner@example.com", contactEmail: null, timezone: "Europe/Paris" });
  await waitForShopContactRefreshes();
  expect(await prisma.alertSettings.count({ where: shop })).toBe(0);
});
