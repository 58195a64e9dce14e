/**
 * The wait the page's revalidation asks for (app/routes/app.stored-reads.tsx): when this process ran
 * the refresh, it answers as soon as the refresh is over, also when the refresh stored nothing (a
 * request to re-authenticate is no platform fact), instead of polling the database to its limit.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { openStoredReads, settleBackgroundReads, waitForStoredReads } from "../../app/platform-reads/stored-reads.server";
import { answersWithin } from "../support/platform-reads";

const shop = { platform: "shopify" as const, shopDomain: "stored-reads-wait.myshopify.com" };

beforeAll(async () => {
  await prisma.shop.create({ data: { platform: shop.platform, domain: shop.shopDomain } });
  await openStoredReads(shop, { "shop-profile": async () => ({ name: "Atelier" }) });
});
afterAll(async () => {
  await settleBackgroundReads();
  await prisma.platformRead.deleteMany({ where: shop });
  await prisma.shop.deleteMany({ where: { platform: shop.platform, domain: shop.shopDomain } });
});

const age = () => prisma.platformRead.updateMany({ where: shop, data: { attemptedAt: new Date(Date.now() - 3_600_000) } });

it("answers true once the refresh this process runs has stored its read", async () => {
  await age();
  const { pending } = await openStoredReads(shop, { "shop-profile": async () => ({ name: "Atelier & Fils" }) });
  expect(await answersWithin(waitForStoredReads(shop, pending!), 2_000)).toBe(true);
  const row = await prisma.platformRead.findFirstOrThrow({ where: shop });
  expect(JSON.parse(row.facts!)).toEqual({ name: "Atelier & Fils" });
});

it("answers false at once when the refresh this process ran ended without storing anything", async () => {
  await age();
  const { pending } = await openStoredReads(shop, { "shop-profile": async () => Promise.reject(new Response(null, { status: 401 })) });
  expect(pending?.kinds).toEqual(["shop-profile"]);
  expect(await answersWithin(waitForStoredReads(shop, pending!), 2_000)).toBe(false);
});
