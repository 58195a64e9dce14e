/**
 * Home opens from what Rassure read last from Shopify (the shop's profile, the published
 * theme's embed and blocks), through the real loader authenticated by the local dev store:
 * it answers while Shopify hangs, shows what a background refresh found, and keeps the stored
 * facts (with their age, saying the refresh failed) when Shopify fails.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitForBackgroundScans } from "../../app/checklist/background.server";
import prisma from "../../app/db.server";
import { settleBackgroundReads, waitForStoredReads } from "../../app/platform-reads/stored-reads.server";
import { loader as homeLoader } from "../../app/routes/app._index";
import { loader as storedReadsLoader } from "../../app/routes/app.stored-reads";
import { ageStoredReads, answersWithin, holdAdminApi } from "../support/platform-reads";
import { startTrackingHarness, type TrackingHarness } from "../tracking/support";

let harness: TrackingHarness;
beforeAll(async () => {
  harness = await startTrackingHarness();
  await waitForBackgroundScans(); // the install's scan also calls the Admin API
}, 60_000);
afterAll(async () => {
  await settleBackgroundReads();
  await harness?.close();
});

const home = () => homeLoader({ request: new Request(harness.store.embeddedAppUrl("/app")), params: {}, context: {} });
const shop = () => ({ platform: "shopify" as const, shopDomain: harness.store.shopDomain });

describe("Home from stored reads", () => {
  it("reads Shopify on the first visit, then opens from what it stored while Shopify hangs", async () => {
    const first = await home();
    expect(first.profile?.name).toBe(harness.store.state.shop.name);
    expect(first.profileReadAt).toEqual(expect.any(String));
    expect(first.live.themeReadAt).toEqual(expect.any(String));
    expect(first.pending).toBeNull(); // just read
    expect(await prisma.platformRead.count({ where: shop() })).toBe(2);

    await ageStoredReads(harness.store.shopDomain);
    const shopify = holdAdminApi(harness.store);
    try {
      const data = await answersWithin(home());
      expect(data).not.toBe("still waiting");
      if (data === "still waiting") return;
      expect(data.profile?.name).toBe(harness.store.state.shop.name);
      expect(data.setupGuide?.themeRead).toBe(true);
      expect(data.pending?.kinds.sort()).toEqual(["shop-profile", "theme-embed"]);
      // A background read reaches Shopify after the app's call budget is reserved (a database round
      // trip), which may end after the page answered: wait for the calls, then see no other follows.
      await expect.poll(() => shopify.calls()).toBe(2);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(shopify.calls()).toBe(2); // the two background refreshes, not waited for
    } finally {
      shopify.release();
      await settleBackgroundReads();
    }
  });

  it("shows what the background refresh found once it is over", async () => {
    const before = harness.store.state.shop.name;
    harness.store.state.shop.name = "Atelier Lumière & Fils";
    try {
      await ageStoredReads(harness.store.shopDomain);
      const first = await home();
      expect(first.profile?.name).toBe(before);
      expect(await waitForStoredReads(shop(), first.pending!)).toBe(true);
      const revalidated = await home();
      expect(revalidated.profile?.name).toBe("Atelier Lumière & Fils");
      expect(revalidated.pending).toBeNull();
    } finally {
      harness.store.state.shop.name = before;
    }
  });

  it("answers the page's wait through its route once the refresh is over, and refuses a wait it cannot read", async () => {
    const wait = (query: string) => storedReadsLoader({ request: new Request(harness.store.embeddedAppUrl(`/app/stored-reads?${query}`)), params: {}, context: {} });
    await ageStoredReads(harness.store.shopDomain);
    const first = await home();
    expect(first.pending).not.toBeNull();
    const { kinds, since } = first.pending!;
    expect(await wait(new URLSearchParams({ kinds: kinds.join(","), since }).toString())).toEqual({ settled: true });
    expect((await home()).pending).toBeNull(); // the revalidation that follows opens from the refreshed reads
    await expect(wait(new URLSearchParams({ kinds: "", since }).toString())).rejects.toMatchObject({ status: 400 });
    await expect(wait(new URLSearchParams({ kinds: kinds.join(","), since: "yesterday" }).toString())).rejects.toMatchObject({ status: 400 });
  });

  it("keeps the stored facts with their age and says the refresh failed when Shopify is down", async () => {
    const stored = await home();
    await ageStoredReads(harness.store.shopDomain);
    harness.store.simulate.serverErrorNext(50, 503);
    try {
      await home();
      await settleBackgroundReads();
      const data = await home();
      expect(data.profile?.name).toBe(stored.profile?.name);
      expect(data.error).toEqual(expect.any(String));
      expect(data.profileReadAt).toBe(stored.profileReadAt);
      expect(data.live.theme).toEqual(stored.live.theme); // the setup guide keeps its ticks from the stored theme
      expect(data.live.themeError).toEqual(expect.any(String));
      expect(data.setupGuide?.themeRead).toBe(true);
    } finally {
      harness.store.simulate.reset();
    }
  });

  it("says 'not checked' for the theme when it was never read and the first read fails", async () => {
    await prisma.platformRead.deleteMany({ where: { ...shop(), kind: "theme-embed" } });
    harness.store.simulate.serverErrorNext(50, 503);
    try {
      const data = await home();
      expect(data.live.theme).toBeNull();
      expect(data.live.themeReadAt).toBeNull();
      expect(data.setupGuide?.themeRead).toBe(false);
      expect(data.setupGuide?.done.embed).toBe(false);
    } finally {
      harness.store.simulate.reset();
    }
  });
});
