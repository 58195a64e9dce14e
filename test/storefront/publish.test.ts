/**
 * Publishing through the real Shopify path against the local dev store: authenticate.admin →
 * ShopifyAdapter → metafieldsSet on the app installation; the theme status read from the MAIN
 * theme; failures (throttling, 5xx) keep the merchant's configuration and can be retried.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ShopifyAdapter } from "../../adapters/shopify";
import { activeEmbedHandles, parseThemeJson } from "../../adapters/shopify/storefront-theme-status";
import prisma from "../../app/db.server";
import { BLOCKS, defaultStorefrontConfig, TRUST_BAR_EMBED_HANDLE } from "../../app/storefront/config";
import { loadStorefrontConfig, refreshStalePublication, republishStorefrontConfig, saveAndPublishStorefrontConfig } from "../../app/storefront/storefront.server";
import { eraseShopOnUninstall } from "../../app/shops.server";
import type { ShopifyDevStore } from "../../dev/shopify-dev-store";
import { startInstalledDevStore } from "../support/installed-dev-store";
import { fullConfig } from "./fixtures";

let store: ShopifyDevStore;
let adapter: ShopifyAdapter;
let shopId: string;

beforeAll(async () => {
  ({ store, adapter, shopId } = await startInstalledDevStore("/app/blocks"));
});

afterAll(async () => {
  await store?.close();
});

const appMetafield = (key: string) => store.state.metafields.find((m) => m.ownerId === store.state.appInstallation.id && m.namespace === "rassure" && m.key === key);

describe("publishing the storefront configuration", () => {
  it("writes the JSON config and the boolean gate as app-data metafields", async () => {
    const result = await saveAndPublishStorefrontConfig(shopId, fullConfig(), 0, adapter, "Europe/Paris", new Date("2026-11-23T10:00:00Z"));
    expect(result).toEqual({ ok: true, version: 1, published: true, publishError: null });
    expect(appMetafield("enabled")).toMatchObject({ type: "boolean", value: "true" });
    const config = appMetafield("config");
    expect(config?.type).toBe("json");
    const published = JSON.parse(config!.value) as { version: number; contact: { email: string }; delivery: { holidays: string[] } };
    expect(published.version).toBe(1);
    expect(published.contact.email).toBe("bonjour@atelier-lumiere.fr");
    expect(published.delivery.holidays[0]).toBe("2026-12-25");
    const stored = await loadStorefrontConfig(shopId);
    expect(stored).toMatchObject({ version: 1, publishedVersion: 1, publishError: null });
    expect(stored.config).toEqual(fullConfig());
  });

  it("turns the gate off when every block is off", async () => {
    const config = defaultStorefrontConfig();
    for (const block of BLOCKS) config[block].enabled = false;
    const result = await saveAndPublishStorefrontConfig(shopId, config, 1, adapter, "Europe/Paris");
    expect(result).toMatchObject({ ok: true, version: 2, published: true });
    expect(appMetafield("enabled")?.value).toBe("false");
  });

  it("refuses an invalid configuration without touching the stored or published one", async () => {
    const before = appMetafield("config")?.value;
    const config = fullConfig();
    config.contact.formUrl = "javascript:alert(1)";
    const result = await saveAndPublishStorefrontConfig(shopId, config, 2, adapter, "Europe/Paris");
    expect(result).toEqual({ ok: false, issues: [{ path: "contact.formUrl", code: "invalid_url" }] });
    expect(appMetafield("config")?.value).toBe(before);
    expect((await loadStorefrontConfig(shopId)).version).toBe(2);
  });

  it("keeps the saved configuration when Shopify throttles, and publishes it on retry", async () => {
    store.simulate.throttleNext(1);
    const result = await saveAndPublishStorefrontConfig(shopId, fullConfig(), 2, adapter, "Europe/Paris");
    expect(result).toMatchObject({ ok: true, version: 3, published: false });
    expect(result.ok && result.publishError).toMatch(/throttled/i);
    expect(await loadStorefrontConfig(shopId)).toMatchObject({ version: 3, publishedVersion: 2 });
    expect(appMetafield("enabled")?.value).toBe("false"); // still the last published version

    const retry = await republishStorefrontConfig(shopId, adapter, "Europe/Paris");
    expect(retry).toEqual({ ok: true, version: 3, published: true, publishError: null });
    expect(await loadStorefrontConfig(shopId)).toMatchObject({ version: 3, publishedVersion: 3, publishError: null });
    expect(appMetafield("enabled")?.value).toBe("true");
  });

  it("records a server error instead of crashing", async () => {
    store.simulate.serverErrorNext(5);
    const result = await republishStorefrontConfig(shopId, adapter, "Europe/Paris");
    expect(result).toMatchObject({ ok: true, published: false });
    expect((await loadStorefrontConfig(shopId)).publishError).toBeTruthy();
    store.simulate.reset();
  });
});

describe("keeping the published holiday dates fresh", () => {
  it("republishes an unchanged configuration once its publication is 180 days old, not before", async () => {
    await republishStorefrontConfig(shopId, adapter, "Europe/Paris", new Date("2026-11-23T10:00:00Z"));
    expect(await refreshStalePublication(shopId, adapter, "Europe/Paris", new Date("2027-05-01T10:00:00Z"))).toBeNull();
    const refreshed = await refreshStalePublication(shopId, adapter, "Europe/Paris", new Date("2027-06-01T10:00:00Z"));
    expect(refreshed).toMatchObject({ ok: true, published: true });
    const published = JSON.parse(appMetafield("config")!.value) as { published_at: string; delivery: { holidays: string[] } };
    expect(published.published_at).toBe("2027-06-01T10:00:00.000Z");
    expect(published.delivery.holidays.at(-1)! > "2028-06-01").toBe(true);
  });
});

describe("theme status", () => {
  it("reports the embed as disabled on the seeded published theme", async () => {
    const status = await adapter.getThemeEmbedStatus(TRUST_BAR_EMBED_HANDLE);
    expect(status).toEqual({ themeId: expect.stringContaining("OnlineStoreTheme"), themeName: "Dawn", embedActive: false, blocksOnProductPage: [] });
  });

  it("sees the embed once the merchant activates it, and app blocks placed on the product page", async () => {
    const theme = store.state.themes.find((t) => t.role === "MAIN")!;
    const settings = theme.files.find((f) => f.filename === "config/settings_data.json")!;
    settings.content = settings.content.replace('"disabled": true', '"disabled": false');
    theme.files.push({
      filename: "templates/product.json",
      content: JSON.stringify({
        sections: {
          main: {
            type: "main-product",
            blocks: {
              a: { type: "shopify://apps/rassure/blocks/delivery/6f0d3a52-9c1e-4b7a-8d25-3e8c1f4b9a70", settings: {} },
              b: { type: "shopify://apps/rassure/blocks/payment/6f0d3a52-9c1e-4b7a-8d25-3e8c1f4b9a70", settings: {}, disabled: true },
              c: { type: "title", settings: {} },
            },
          },
        },
        order: ["main"],
      }),
      contentType: "application/json",
      createdAt: settings.createdAt,
      updatedAt: settings.updatedAt,
    });
    const status = await adapter.getThemeEmbedStatus(TRUST_BAR_EMBED_HANDLE);
    expect(status).toMatchObject({ themeName: "Dawn", embedActive: true, blocksOnProductPage: ["delivery"] });
  });

  it("reads settings_data.json despite Shopify's comment banner, and tolerates junk", () => {
    expect(parseThemeJson('/*\n * banner\n */\n{"current":{"blocks":{"1":{"type":"shopify://apps/x/blocks/trust-bar/u","disabled":false}}}}')).toBeTruthy();
    expect(activeEmbedHandles(parseThemeJson("not json"))).toEqual([]);
    expect(activeEmbedHandles({ current: "Default" })).toEqual([]);
  });
});

describe("uninstall", () => {
  it("erases the shop's storefront configuration", async () => {
    await eraseShopOnUninstall(prisma, "shopify", store.shopDomain);
    expect(await prisma.storefrontConfig.count({ where: { shopId } })).toBe(0);
  });
});

describe("publishing the partners block's facts", () => {
  it("publishes the carriers of the shop's recent fulfillments (minus the hidden ones) and Shopify as the host", async () => {
    const config = fullConfig();
    config.partners.hiddenCarriers = ["dhl express"];
    await saveAndPublishStorefrontConfig(shopId, config, (await loadStorefrontConfig(shopId)).version, adapter, "Europe/Paris", new Date("2026-11-23T10:00:00Z"));
    const published = JSON.parse(appMetafield("config")!.value) as { partners: { carriers: string[]; host: string } };
    // The seeded fulfillments: Colissimo (also spelt "colissimo"), Chronopost, Transports Martin, DHL Express, Mondial Relay, one without a company.
    expect([...published.partners.carriers].sort()).toEqual(["Chronopost", "Colissimo", "Mondial Relay", "Transports Martin"]);
    expect(published.partners.host).toBe("Shopify");
  });

  it("publishes the address of the shop's active Shopify location (read_locations) only for a shop that says it has a store", async () => {
    const config = fullConfig();
    await saveAndPublishStorefrontConfig(shopId, config, (await loadStorefrontConfig(shopId)).version, adapter, "Europe/Paris", new Date("2026-11-23T10:00:00Z"));
    const published = () => JSON.parse(appMetafield("config")!.value) as { store: { enabled: boolean; name?: string; address_lines?: string[]; directions_url?: string } };
    expect(published().store).toMatchObject({ enabled: true, name: "Atelier Lumière — boutique", address_lines: ["5 rue Saint-Jean", "69005 Lyon"] });
    expect(published().store.directions_url).toMatch(/^https:\/\/www\.openstreetmap\.org\/search\?query=5%20rue%20Saint-Jean/);
    // The inactive location is never chosen, even by name.
    config.store.location = "Ancien dépôt";
    await saveAndPublishStorefrontConfig(shopId, config, (await loadStorefrontConfig(shopId)).version, adapter, "Europe/Paris");
    expect(published().store).toEqual({ enabled: false });
    config.store.location = "";
    config.store.hasStore = false;
    await saveAndPublishStorefrontConfig(shopId, config, (await loadStorefrontConfig(shopId)).version, adapter, "Europe/Paris");
    expect(published().store).toEqual({ enabled: false });
  });
});

describe("the shipping promise's amount, backed by the shop's shipping settings (read_shipping)", () => {
  type Published = { promises: { items: Array<{ kind: string; free_from: number; free_from_checked_on: { en: string; fr: string } | null }> } };
  const shippingItem = () => (JSON.parse(appMetafield("config")!.value) as Published).promises.items.find((item) => item.kind === "shipping")!;
  const publishWith = async (freeFrom: number, now: Date) => {
    const config = fullConfig();
    config.promises.items[0].freeFrom = freeFrom;
    return saveAndPublishStorefrontConfig(shopId, config, (await loadStorefrontConfig(shopId)).version, adapter, "Europe/Paris", now);
  };
  const withoutReadShipping = async <T>(run: () => Promise<T>) => {
    const before = store.state.accessTokens.map((token) => [...token.scopes]);
    for (const token of store.state.accessTokens) token.scopes = token.scopes.filter((scope) => scope !== "read_shipping");
    try {
      return await run();
    } finally {
      store.state.accessTokens.forEach((token, i) => (token.scopes = before[i]));
    }
  };

  it("publishes 'free from 60 €' when the settings ship free from 60 €, with the day they were read; a more generous promise than the shop is published without its amount", async () => {
    await publishWith(6000, new Date("2026-12-01T10:00:00Z"));
    expect(shippingItem()).toEqual(expect.objectContaining({ free_from: 6000, free_from_checked_on: { en: "1 December 2026", fr: "1 décembre 2026" } }));
    expect((await loadStorefrontConfig(shopId)).shippingBacking).toEqual({ freeShippingFromMinor: 6000, checkedAt: "2026-12-01T10:00:00.000Z" });
    await publishWith(8000, new Date("2026-12-01T10:05:00Z"));
    expect(shippingItem().free_from).toBe(8000); // the shop is more generous than the promise
    await publishWith(5000, new Date("2026-12-01T10:10:00Z"));
    expect(shippingItem()).toEqual(expect.objectContaining({ free_from: 0, free_from_checked_on: null }));
    // The merchant's configuration keeps the typed amount: publishing states it again once the settings back it.
    expect((await loadStorefrontConfig(shopId)).config.promises.items[0].freeFrom).toBe(5000);
  });

  it("drops the amount once the settings stop offering free shipping", async () => {
    const freeRate = store.state.deliveryProfiles[0].profileLocationGroups[0].locationGroupZones[0].methodDefinitions[1];
    freeRate.active = false;
    try {
      await publishWith(6000, new Date("2026-12-02T10:00:00Z"));
      expect(shippingItem().free_from).toBe(0);
      expect((await loadStorefrontConfig(shopId)).shippingBacking).toEqual({ freeShippingFromMinor: null, checkedAt: "2026-12-02T10:00:00.000Z" });
    } finally {
      freeRate.active = true;
    }
  });

  it("keeps the last backing read while the settings cannot be read, and leaves the amount out when none was ever read", async () => {
    await publishWith(6000, new Date("2026-12-03T10:00:00Z"));
    await withoutReadShipping(() => publishWith(6000, new Date("2026-12-04T10:00:00Z")));
    expect(shippingItem()).toEqual(expect.objectContaining({ free_from: 6000, free_from_checked_on: { en: "3 December 2026", fr: "3 décembre 2026" } }));
    await prisma.storefrontConfig.update({ where: { shopId }, data: { shippingFacts: null } });
    const result = await withoutReadShipping(() => publishWith(6000, new Date("2026-12-04T10:05:00Z")));
    expect(result).toMatchObject({ ok: true, published: true });
    expect(shippingItem().free_from).toBe(0);
  });
});
