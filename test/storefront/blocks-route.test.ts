/** The admin page's loader and action through the real embedded-app auth, against the dev store. */
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action, loader } from "../../app/routes/app.blocks";
import type { ShopifyDevStore } from "../../dev/shopify-dev-store";
import { startTestDevStore } from "../support/dev-store";
import { waitForBackgroundScans } from "../../app/checklist/background.server";
import { settleBackgroundReads, waitForStoredReads } from "../../app/platform-reads/stored-reads.server";
import { ageStoredReads, answersWithin, holdAdminApi } from "../support/platform-reads";
import { TEST_APP } from "../support/test-app";
import { fullConfig } from "./fixtures";

let store: ShopifyDevStore;
const args = (request: Request) => ({ request, params: {}, context: {} });

beforeAll(async () => {
  store = await startTestDevStore();
  setAbstractFetchFunc(store.fetch);
});

afterAll(async () => {
  await settleBackgroundReads();
  await store?.close();
});

function post(form: Record<string, string>) {
  return new Request(`${TEST_APP.appUrl}/app/blocks?_data=routes%2Fapp.blocks`, {
    method: "POST",
    body: new URLSearchParams(form),
    headers: { authorization: `Bearer ${store.mintSessionToken()}`, "content-type": "application/x-www-form-urlencoded" },
  });
}

describe("/app/blocks", () => {
  it("loads the defaults, the shop's time zone and currency, the theme status and the extension sources", async () => {
    const data = await loader(args(new Request(store.embeddedAppUrl("/app/blocks"))));
    expect(data.apiError).toBeNull();
    expect(data.stored).toMatchObject({ version: 0, publishedVersion: null });
    expect(data.timeZone).toBe("Europe/Paris");
    expect(data.currencyCode).toBe("EUR");
    expect(data.previewShop.moneyFormat).toBe("{{amount_with_comma_separator}} €");
    expect(data.previewShop.policies.map((p) => p.handle)).toContain("privacy_policy");
    expect(data.theme).toMatchObject({ themeName: "Dawn", embedActive: false });
    expect(Object.keys(data.sources.blocks)).toEqual(expect.arrayContaining(["contact", "delivery", "legal", "payment", "promises", "trust-bar"]));
    expect(data.css).toContain(".rassure");
  });

  it("opens from the profile and theme stored at the last visit while Shopify hangs, then shows what the refresh found", async () => {
    const load = () => loader(args(new Request(store.embeddedAppUrl("/app/blocks"))));
    const shop = { platform: "shopify" as const, shopDomain: store.shopDomain };
    await waitForBackgroundScans(); // the install's scan also calls the Admin API
    await ageStoredReads(store.shopDomain);
    const shopify = holdAdminApi(store);
    let first;
    try {
      const data = await answersWithin(load());
      expect(data).not.toBe("still waiting");
      if (data === "still waiting") return;
      first = data;
      expect(first.theme).toMatchObject({ themeName: "Dawn", embedActive: false });
      expect(first.timeZone).toBe("Europe/Paris");
      expect(first.reads.theme.readAt).toEqual(expect.any(String));
      expect(first.pending?.kinds.sort()).toEqual(["recent-shipments", "shipping-promise", "shop-profile", "theme-embed"]);
      // Calls reach Shopify after the app's call budget is reserved (a database round trip), maybe after the page answered.
      await expect.poll(() => shopify.calls()).toBeGreaterThan(0);
      expect(shopify.calls()).toBeGreaterThan(0); // the background refreshes, not waited for
      // Meanwhile the merchant switches the trust bar on in the theme editor.
      const theme = store.state.themes.find((t) => t.role === "MAIN")!;
      const settings = theme.files.find((f) => f.filename === "config/settings_data.json")!;
      settings.content = settings.content.replace('"disabled": true', '"disabled": false');
    } finally {
      shopify.release();
    }
    expect(await waitForStoredReads(shop, first.pending!)).toBe(true);
    const revalidated = await load();
    expect(revalidated.theme).toMatchObject({ embedActive: true });
    expect(revalidated.pending).toBeNull();
    const settings = store.state.themes.find((t) => t.role === "MAIN")!.files.find((f) => f.filename === "config/settings_data.json")!;
    settings.content = settings.content.replace('"disabled": false', '"disabled": true');
  });

  it("keeps the stored theme and says the refresh failed when Shopify is down", async () => {
    const load = () => loader(args(new Request(store.embeddedAppUrl("/app/blocks"))));
    const stored = await load();
    await ageStoredReads(store.shopDomain);
    store.simulate.serverErrorNext(50, 503);
    try {
      await load();
      await settleBackgroundReads();
      const data = await load();
      expect(data.theme).toEqual(stored.theme);
      expect(data.timeZone).toBe("Europe/Paris");
      expect(data.reads.theme).toEqual({ readAt: stored.reads.theme.readAt, error: expect.any(String) });
      expect(data.apiError).toEqual(expect.any(String));
    } finally {
      store.simulate.reset();
    }
    await ageStoredReads(store.shopDomain);
    await load();
    await settleBackgroundReads();
  });

  it("refuses invalid input with field-level issues and publishes valid input", async () => {
    const bad = fullConfig();
    bad.contact.email = "nope";
    expect(await action(args(post({ intent: "save", config: JSON.stringify(bad), version: "0", timeZone: "Europe/Paris" })))).toEqual({
      ok: false,
      issues: [{ path: "contact.email", code: "invalid_email" }],
    });
    expect(await action(args(post({ intent: "save", config: "{not json", version: "0", timeZone: "Europe/Paris" })))).toMatchObject({ ok: false });

    const saved = await action(args(post({ intent: "save", config: JSON.stringify(fullConfig()), version: "0", timeZone: "Europe/Paris" })));
    expect(saved).toEqual({ ok: true, version: 1, published: true, publishError: null });
    const metafield = store.state.metafields.find((m) => m.namespace === "rassure" && m.key === "config");
    expect(JSON.parse(metafield!.value)).toMatchObject({ version: 1, contact: { email: "bonjour@atelier-lumiere.fr" } });

    const reloaded = await loader(args(new Request(store.embeddedAppUrl("/app/blocks"))));
    expect(reloaded.stored).toMatchObject({ version: 1, publishedVersion: 1, config: fullConfig() });
  });

  it("republishes on request", async () => {
    expect(await action(args(post({ intent: "republish", timeZone: "Europe/Paris" })))).toMatchObject({ ok: true, version: 1, published: true });
  });

  it("of concurrent saves from the same version, one is published and the others get a conflict, overwriting nothing", async () => {
    const edits = ["Payez en confiance", "Paiement sécurisé", "Carte ou virement"].map((fr) => {
      const config = fullConfig();
      config.payment.heading.fr = fr;
      return config;
    });
    const answers = await Promise.all(edits.map((config) => action(args(post({ intent: "save", config: JSON.stringify(config), version: "1", timeZone: "Europe/Paris" })))));
    const winners = answers.filter((answer) => answer.ok);
    expect(winners).toEqual([{ ok: true, version: 2, published: true, publishError: null }]);
    const winner = edits[answers.findIndex((answer) => answer.ok)];
    for (const answer of answers.filter((a) => !a.ok)) expect(answer).toEqual({ ok: false, conflict: { version: 2, config: winner } });

    const stored = await loader(args(new Request(store.embeddedAppUrl("/app/blocks"))));
    expect(stored.stored).toMatchObject({ version: 2, publishedVersion: 2, config: winner });
    const metafield = store.state.metafields.find((m) => m.namespace === "rassure" && m.key === "config");
    expect(JSON.parse(metafield!.value)).toMatchObject({ version: 2, payment: { heading: { fr: winner.payment.heading.fr } } });
  });

  it("a save from an old version, or without one, stores and publishes nothing", async () => {
    const before = store.state.metafields.find((m) => m.namespace === "rassure" && m.key === "config")!.value;
    const mine = fullConfig();
    mine.payment.heading.en = "Mine";
    for (const version of ["1", "", "-1", "x"]) {
      expect(await action(args(post({ intent: "save", config: JSON.stringify(mine), version, timeZone: "Europe/Paris" }))), `version ${JSON.stringify(version)}`).toMatchObject({ ok: false, conflict: { version: 2 } });
    }
    expect(store.state.metafields.find((m) => m.namespace === "rassure" && m.key === "config")!.value).toBe(before);
    // Saving again from the version the conflict reported is the merchant's deliberate choice.
    expect(await action(args(post({ intent: "save", config: JSON.stringify(mine), version: "2", timeZone: "Europe/Paris" })))).toMatchObject({ ok: true, version: 3 });
  });
});
