/**
 * The blocks editor inside wp-admin (/woocommerce/admin/blocks): opened with the plugin's entry
 * token or the app's session token minted from it, loads the stored configuration with the
 * preview's sources, saves through the same validation as on Shopify and publishes to the
 * companion plugin (the WooCommerce dev store's wc-rassure/v1/config) through the adapter.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { action, loader } from "../../app/routes/woocommerce.admin_.blocks";
import { loader as overviewLoader } from "../../app/routes/woocommerce.admin";
import { defaultStorefrontConfig } from "../../app/storefront/config";
import { loadStorefrontConfig } from "../../app/storefront/storefront.server";
import { ADMIN_SESSION_MAX_SECONDS, ADMIN_SESSION_TTL_SECONDS, mintAdminSession, mintAdminToken, verifyAdminAccess } from "../../app/woocommerce/admin-token.server";
import type { WooCommerceDevStore } from "../../dev/woocommerce-dev-store";
import { ADMIN_LINK_SECRET as SECRET, connectWpAdminStore, ROUTE_CALL as call, type WpAdminStore } from "./support/wp-admin-store";
import { ADMIN_SESSION_HEADER, withoutToken, wooAdminUrl } from "../../app/woocommerce/admin-url";

let wpAdmin: WpAdminStore;
let store: WooCommerceDevStore;
let domain: string;

async function openEditor(token: string) {
  const response = (await loader({ request: wpAdmin.firstLoad("/woocommerce/admin/blocks", token), ...call })) as Response;
  return { response, data: (await response.json()) as Record<string, unknown> & { authorised: boolean; token?: string } };
}

function post({ token, ...fields }: Record<string, string>) {
  return wpAdmin.post(action, "/woocommerce/admin/blocks", token, fields);
}

beforeAll(async () => {
  wpAdmin = await connectWpAdminStore();
  ({ store, domain } = wpAdmin);
});

afterAll(async () => {
  await wpAdmin?.close();
});

beforeEach(() => {
  store.state.companionPlugin.active = true;
});

describe("wp-admin session", () => {
  it("the plugin's 5-minute entry token opens a one-hour session for this shop only", () => {
    const now = Date.now();
    const session = mintAdminSession(SECRET, { shop: domain, user: 3 }, now);
    expect(verifyAdminAccess(SECRET, session, domain, now + 50 * 60_000)).toMatchObject({ shop: domain, user: 3 });
    expect(verifyAdminAccess(SECRET, session, domain, now + (ADMIN_SESSION_TTL_SECONDS + 1) * 1000)).toBeNull();
    expect(verifyAdminAccess(SECRET, session, "other.example", now)).toBeNull();
    expect(verifyAdminAccess("k".repeat(43), session, domain, now)).toBeNull();
    // The entry token itself still dies after five minutes.
    expect(verifyAdminAccess(SECRET, mintAdminToken(SECRET, domain, 3, now), domain, now + 6 * 60_000)).toBeNull();
  });

  it("renewals never keep a session alive past four hours after WordPress vouched for the user", () => {
    const t0 = Date.now();
    let entry = verifyAdminAccess(SECRET, mintAdminToken(SECRET, domain, 3, t0), domain, t0)!;
    let session = mintAdminSession(SECRET, entry, t0);
    // A page view every 50 minutes renews the session...
    for (let at = t0 + 50 * 60_000; at < t0 + ADMIN_SESSION_MAX_SECONDS * 1000; at += 50 * 60_000) {
      entry = verifyAdminAccess(SECRET, session, domain, at)!;
      expect(entry).not.toBeNull();
      session = mintAdminSession(SECRET, entry, at);
    }
    // ...up to the cap, not beyond.
    expect(verifyAdminAccess(SECRET, session, domain, t0 + ADMIN_SESSION_MAX_SECONDS * 1000 + 1_000)).toBeNull();
  });

  it("after the first load the session travels in a header: no page link or form carries a token", async () => {
    const overview = (await overviewLoader({ request: wpAdmin.firstLoad("/woocommerce/admin", wpAdmin.entryToken()), ...call })) as Response;
    const { token } = (await overview.json()) as { token: string };
    const byHeader = (await loader({ request: new Request(`https://rassure.test/woocommerce/admin/blocks?store=${encodeURIComponent(domain)}&locale=fr`, { headers: { [ADMIN_SESSION_HEADER]: token } }), ...call })) as Response;
    expect(((await byHeader.json()) as { authorised: boolean }).authorised).toBe(true);
    expect(wooAdminUrl("/woocommerce/admin/blocks", domain, "fr")).not.toContain("token");
    expect(withoutToken(`/woocommerce/admin?store=s&token=${token}&locale=fr`)).toBe("/woocommerce/admin?store=s&locale=fr");
  });

  it("the overview hands the session to its links and forms, and the editor accepts it", async () => {
    const overview = (await overviewLoader({ request: wpAdmin.firstLoad("/woocommerce/admin", wpAdmin.entryToken()), ...call })) as Response;
    const { token } = (await overview.json()) as { token: string };
    expect(verifyAdminAccess(SECRET, token, domain, Date.now() + 30 * 60_000)).not.toBeNull();
    expect((await openEditor(token)).data.authorised).toBe(true);
  });
});

describe("blocks editor in wp-admin", () => {
  it("loads the stored configuration, the preview's Liquid and CSS, and the plugin's state; only the store may frame it", async () => {
    const { response, data } = await openEditor(mintAdminToken(SECRET, domain, 1));
    expect(response.headers.get("Content-Security-Policy")).toBe(`frame-ancestors ${store.url};`);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(data).toMatchObject({ authorised: true, locale: "fr", timeZone: "Europe/Paris", currencyCode: "EUR", apiError: null, theme: { embedActive: true, themeName: "Storefront" } });
    expect(data.stored).toMatchObject({ config: defaultStorefrontConfig(), version: 0, publishedVersion: null });
    // What the store's shipping zones say (the note under the shipping promise's amount): free_shipping from 60 in France.
    expect(data.shippingBacking).toMatchObject({ freeShippingFromMinor: 6000 });
    expect(Object.keys((data.sources as { blocks: object }).blocks)).toContain("promises");
    expect(String(data.css)).toContain(".rassure");
    const denied = await openEditor("forged.token");
    expect(denied.data.authorised).toBe(false);
    expect(denied.response.headers.get("Content-Security-Policy")).toBe("frame-ancestors 'none';");
  });

  it("saves the merchant's edits and publishes them to the plugin, the free-shipping amount backed by the store's shipping zones", async () => {
    const { data } = await openEditor(mintAdminToken(SECRET, domain, 1));
    const config = defaultStorefrontConfig();
    config.promises.heading = { en: "Our promises", fr: "Nos engagements <b>savon</b>" };
    config.promises.items[0].freeFrom = 6000;
    const saved = await post({ token: data.token!, intent: "save", config: JSON.stringify(config), version: "0", timeZone: "Europe/Paris" });
    expect(saved).toMatchObject({ status: 200, body: { ok: true, published: true, version: 1 } });
    const published = store.state.companionPlugin.config as { version: number; promises: { heading: { fr: string } } };
    expect(published.version).toBe(1);
    expect(published.promises.heading.fr).toBe("Nos engagements <b>savon</b>"); // escaped by the plugin when printed
    const shipping = (published.promises as unknown as { items: Array<{ kind: string; free_from: number; free_from_checked_on: object | null }> }).items[0];
    expect(shipping).toMatchObject({ kind: "shipping", free_from: 6000 });
    expect(shipping.free_from_checked_on).not.toBeNull();
    expect((await openEditor(data.token!)).data.stored).toMatchObject({ version: 1, publishedVersion: 1, publishError: null, config: { promises: { heading: { fr: "Nos engagements <b>savon</b>" } } } });
  });

  it("refuses invalid fields without saving or publishing anything", async () => {
    const { data } = await openEditor(mintAdminToken(SECRET, domain, 1));
    const before = JSON.stringify(store.state.companionPlugin.config);
    const config = defaultStorefrontConfig();
    config.contact.chatUrl = "javascript:alert(1)";
    const refused = await post({ token: data.token!, intent: "save", config: JSON.stringify(config), timeZone: "Europe/Paris" });
    expect(refused.body).toMatchObject({ ok: false, issues: [expect.objectContaining({ path: "contact.chatUrl" })] });
    expect(JSON.stringify(store.state.companionPlugin.config)).toBe(before);
    expect((await post({ token: data.token!, intent: "save", config: "{not json", timeZone: "Europe/Paris" })).body).toMatchObject({ ok: false });
  });

  it("keeps the edits when the plugin is not active, says why, and publishes them on retry", async () => {
    const { data } = await openEditor(mintAdminToken(SECRET, domain, 1));
    store.state.companionPlugin.active = false;
    const config = defaultStorefrontConfig();
    config.delivery.processingDays = 2;
    const saved = await post({ token: data.token!, intent: "save", config: JSON.stringify(config), version: "1", timeZone: "Europe/Paris" });
    expect(saved.body).toMatchObject({ ok: true, published: false, publishError: expect.stringMatching(/not active/) });
    expect((await openEditor(data.token!)).data).toMatchObject({ theme: { embedActive: false }, stored: { publishError: expect.stringMatching(/not active/) } });
    store.state.companionPlugin.active = true;
    expect((await post({ token: data.token!, intent: "republish", timeZone: "Europe/Paris" })).body).toMatchObject({ ok: true, published: true });
    expect(store.state.companionPlugin.config).toMatchObject({ version: 2, delivery: { processing_days: 2 } });
  });

  it("of two saves from the same version, one is published and the other gets a conflict, overwriting nothing", async () => {
    const { data } = await openEditor(mintAdminToken(SECRET, domain, 1));
    const edit = (fr: string) => {
      const config = defaultStorefrontConfig();
      config.promises.heading = { en: "Promises", fr };
      return config;
    };
    const [first, second] = await Promise.all(
      ["Nos engagements", "Nos promesses"].map((fr) => post({ token: data.token!, intent: "save", config: JSON.stringify(edit(fr)), version: "2", timeZone: "Europe/Paris" })),
    );
    const answers = [first.body, second.body];
    expect(answers.filter((a) => a.ok)).toEqual([{ ok: true, version: 3, published: true, publishError: null }]);
    const winner = answers[0].ok ? "Nos engagements" : "Nos promesses";
    expect(answers.find((a) => !a.ok)).toEqual({ ok: false, conflict: { version: 3, config: edit(winner) } });
    expect(store.state.companionPlugin.config).toMatchObject({ version: 3, promises: { heading: { fr: winner } } });
  });

  it("an expired or forged session saves nothing and says so", async () => {
    const old = mintAdminSession(SECRET, { shop: domain, user: 1 }, Date.now() - 2 * ADMIN_SESSION_TTL_SECONDS * 1000);
    const before = JSON.stringify(store.state.companionPlugin.config);
    for (const token of [old, "forged.token", ""]) {
      expect(await post({ token, intent: "save", config: JSON.stringify(defaultStorefrontConfig()) })).toEqual({ status: 403, body: { expired: true } });
    }
    expect(JSON.stringify(store.state.companionPlugin.config)).toBe(before);
  });
});

describe("the trust page through the plugin", () => {
  it("switched on in the editor, it is published with the last scan's grade, date and HTTPS, and the plugin's page states them", async () => {
    const shop = await prisma.shop.findFirstOrThrow({ where: { platform: "woocommerce", domain } });
    await prisma.checklistScan.create({
      data: { platform: "woocommerce", shopDomain: domain, trigger: "manual", status: "done", grade: "A", startedAt: new Date(), finishedAt: new Date("2026-12-04T10:00:00Z"), snapshot: JSON.stringify({ facts: { storefrontHttps: true, timeZone: "Europe/Paris" } }) },
    });
    expect((await fetch(`${store.url}/rassure-confiance/`)).status).toBe(404);
    const { data } = await openEditor(mintAdminToken(SECRET, domain, 1));
    const config = defaultStorefrontConfig();
    config.trustPage.enabled = true;
    const { version } = await loadStorefrontConfig(shop.id);
    const saved = await post({ token: data.token!, intent: "save", config: JSON.stringify(config), version: String(version), timeZone: "Europe/Paris" });
    expect(saved.body).toMatchObject({ ok: true, published: true });
    const page = await fetch(`${store.url}/rassure-confiance/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Note A, vérifiée le 4 décembre 2026.");
    expect(html).toContain("La boutique est servie en HTTPS (vérifié le 4 décembre 2026).");
  });
});
