/**
 * Settings' alerts section opens from what is stored: once the shop's e-mail has been read from
 * the platform, a later visit shows the kept one at once and reads the platform's in the
 * background, for the next visit. Only a shop with nothing kept waits for the platform.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadAlertsSection, waitForShopContactRefreshes } from "../../app/alerts/settings-section.server";
import { getAlertSettings } from "../../app/alerts/settings.server";
import prisma from "../../app/db.server";

const shop = { platform: "shopify" as const, shopDomain: "settings-from-storage.myshopify.com" };
const profile = (email: string) => ({ email, contactEmail: null, timezone: "Europe/Paris" });

beforeAll(async () => {
  await prisma.shop.create({ data: { platform: shop.platform, domain: shop.shopDomain } });
});

/** The section, or "still waiting" when it has not answered once the platform has been asked and a moment passed. */
async function answeredWithoutThePlatform(platformAnswer: () => Promise<ReturnType<typeof profile>>) {
  let asked = false;
  const section = loadAlertsSection(shop, () => {
    asked = true;
    return platformAnswer();
  });
  const waiting = new Promise<"still waiting">((resolve) => setTimeout(() => resolve("still waiting"), 3_000));
  return { result: await Promise.race([section, waiting]), asked: () => asked };
}

describe("Settings' alerts section", () => {
  it("waits for the platform only when no e-mail is kept, then answers from storage and refreshes in the background", async () => {
    const first = await loadAlertsSection(shop, async () => profile("old@atelier.example"));
    expect(first.settings.platformEmail).toBe("old@atelier.example");

    let answer!: (value: ReturnType<typeof profile>) => void;
    const { result, asked } = await answeredWithoutThePlatform(() => new Promise((resolve) => (answer = resolve)));
    expect(result).not.toBe("still waiting");
    expect(result !== "still waiting" && result.settings.platformEmail).toBe("old@atelier.example");
    expect(asked()).toBe(true); // the platform is still read, for the next visit

    answer(profile("new@atelier.example"));
    await waitForShopContactRefreshes();
    expect((await getAlertSettings(shop)).platformEmail).toBe("new@atelier.example");
  });

  it("keeps the stored e-mail when the background read fails, without an unhandled error", async () => {
    const { result } = await answeredWithoutThePlatform(() => Promise.reject(new Error("Shopify is down")));
    expect(result !== "still waiting" && result.settings.platformEmail).toBe("new@atelier.example");
    await waitForShopContactRefreshes();
    expect((await getAlertSettings(shop)).platformEmail).toBe("new@atelier.example");
  });
});
