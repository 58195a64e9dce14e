/**
 * The real @shopify/shopify-app-remix auth path, unmodified, against the local dev store:
 * a session token from the "admin" → token exchange → offline session stored encrypted →
 * afterAuth records the shop from the Admin API → pages load shop data read from the Admin API
 * (the first time live, then as stored and refreshed in the background).
 */
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitForBackgroundScans } from "../../app/checklist/background.server";
import prisma from "../../app/db.server";
import { authenticate } from "../../app/shopify.server";
import { loader as homeLoader } from "../../app/routes/app._index";
import { action as settingsAction } from "../../app/routes/app.settings";
import type { ShopifyDevStore } from "../../dev/shopify-dev-store";
import { startTestDevStore } from "../support/dev-store";
import { settleBackgroundReads } from "../../app/platform-reads/stored-reads.server";
import { ageStoredReads } from "../support/platform-reads";
import { TEST_APP } from "../support/test-app";

let store: ShopifyDevStore;

beforeAll(async () => {
  store = await startTestDevStore();
  setAbstractFetchFunc(store.fetch); // Shopify's one fetch, pointed at the dev store
});

afterAll(async () => {
  await settleBackgroundReads();
  await store?.close();
});

const loaderArgs = (request: Request) => ({ request, params: {}, context: {} });

async function thrown(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error("expected a thrown Response");
}

describe("install through token exchange", () => {
  it("exchanges the admin's session token for an offline token and records the shop", async () => {
    const { session } = await authenticate.admin(new Request(store.embeddedAppUrl("/app")));
    expect(session.shop).toBe(store.shopDomain);
    expect(session.isOnline).toBe(false);
    expect(session.accessToken).toMatch(/^shpat_/);

    const stored = await prisma.session.findUniqueOrThrow({ where: { id: session.id } });
    expect(stored.accessToken).toMatch(/^enc:v1:/); // sealed at rest
    expect(stored.accessToken).not.toContain(session.accessToken!);

    const shop = await prisma.shop.findUniqueOrThrow({ where: { platform_domain: { platform: "shopify", domain: store.shopDomain } } });
    expect(shop).toMatchObject({ name: "Atelier Lumière", countryCode: "FR", installState: "installed" });
    expect(shop.grantedScopes).toContain("write_legal_policies");
    // Install starts the first checklist scan in the background.
    await waitForBackgroundScans();
    expect(await prisma.checklistScan.findFirst({ where: { shopDomain: store.shopDomain } })).toMatchObject({ trigger: "install", status: "done" });
  });

  it("serves Home with live data from the Admin API", async () => {
    const data = await homeLoader(loaderArgs(new Request(store.embeddedAppUrl("/app"))));
    expect(data.error).toBeNull();
    expect(data.jurisdiction).toBe("FR");
    expect(data.profile?.name).toBe("Atelier Lumière");
    const types = data.profile!.policies.map((p) => p.type);
    expect(types).toContain("PRIVACY_POLICY");
    expect(types).not.toContain("TERMS_OF_SALE"); // the seeded shop has none
    // Read from the published theme: the seeded Dawn has the trust bar switched off.
    expect(data.live).toMatchObject({ theme: { themeName: "Dawn", embedActive: false }, themeError: null, blocksPublishedAt: null, trackingFixes: 0 });
  });

  it("says on Home when the trust bar is switched on in the published theme", async () => {
    const theme = store.state.themes.find((t) => t.role === "MAIN")!;
    const settings = theme.files.find((f) => f.filename === "config/settings_data.json")!;
    const original = settings.content;
    settings.content = original.replace(/"disabled":\s*true/, '"disabled": false');
    try {
      // Home opens from the theme read stored at the last visit and reads it again in the background.
      await ageStoredReads(store.shopDomain);
      expect((await homeLoader(loaderArgs(new Request(store.embeddedAppUrl("/app"))))).live.theme?.embedActive).toBe(false);
      await settleBackgroundReads();
      const data = await homeLoader(loaderArgs(new Request(store.embeddedAppUrl("/app"))));
      expect(data.live.theme?.embedActive).toBe(true);
    } finally {
      settings.content = original;
    }
  });

  it("asks Shopify for Home's data all at once, not one answer after another", async () => {
    await prisma.platformRead.deleteMany({ where: { shopDomain: store.shopDomain } }); // nothing stored: Home waits for Shopify
    let inFlight = 0;
    let most = 0;
    setAbstractFetchFunc(async (...args: Parameters<typeof store.fetch>) => {
      most = Math.max(most, ++inFlight);
      try {
        // Each answer takes a moment, as Shopify's do: reads made together overlap, reads made one
        // after another never do (the budget's reservation before each call is a database round
        // trip, which on PostgreSQL let an instant answer finish before the next call began).
        await new Promise((resolve) => setTimeout(resolve, 150));
        return await store.fetch(...args);
      } finally {
        inFlight--;
      }
    });
    try {
      const data = await homeLoader(loaderArgs(new Request(store.embeddedAppUrl("/app"))));
      expect(data.profile?.name).toBe("Atelier Lumière");
    } finally {
      setAbstractFetchFunc(store.fetch);
    }
    expect(most).toBeGreaterThanOrEqual(2); // the shop profile and the theme read in flight together
  });

  it("shows Shopify's answer instead of crashing when the API is throttled", async () => {
    await prisma.platformRead.deleteMany({ where: { shopDomain: store.shopDomain } }); // nothing stored to show instead
    store.simulate.throttleNext(2); // Home reads the theme, then the shop profile
    const data = await homeLoader(loaderArgs(new Request(store.embeddedAppUrl("/app"))));
    expect(data.profile).toBeNull();
    expect(data.error).toContain("Throttled");
    expect(data.live.themeError).toContain("Throttled");
    // The setup guide says the theme steps were not checked; it neither ticks nor counts them.
    expect(data.setupGuide).toMatchObject({ themeRead: false, done: { embed: false, blocks: false } });
  });

  it("accepts the App Bridge bearer token on data requests and saves settings", async () => {
    const token = store.mintSessionToken();
    const form = new URLSearchParams({ jurisdiction: "EU", locale: "fr" });
    const request = new Request(`${TEST_APP.appUrl}/app/settings?_data=routes%2Fapp.settings`, {
      method: "POST",
      body: form,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/x-www-form-urlencoded" },
    });
    expect(await settingsAction(loaderArgs(request))).toEqual({ ok: true });
    expect(await prisma.shop.findFirstOrThrow({ where: { domain: store.shopDomain } })).toMatchObject({ jurisdictionOverride: "EU", locale: "fr" });
  });

  it("rejects settings values it does not offer", async () => {
    const request = new Request(`${TEST_APP.appUrl}/app/settings?_data=routes%2Fapp.settings`, {
      method: "POST",
      body: new URLSearchParams({ jurisdiction: "<script>", locale: "xx" }),
      headers: { authorization: `Bearer ${store.mintSessionToken()}`, "content-type": "application/x-www-form-urlencoded" },
    });
    expect(await settingsAction(loaderArgs(request))).toEqual({ ok: false });
  });

  it("refuses a session token signed with another secret, or expired", async () => {
    const forged = store.mintSessionToken({ secret: "someone-elses-secret" });
    const bearer = (token: string) => new Request(`${TEST_APP.appUrl}/app?_data=routes%2Fapp`, { headers: { authorization: `Bearer ${token}` } });
    expect((await thrown(authenticate.admin(bearer(forged)))).status).toBe(401);
    const expired = store.mintSessionToken({ expiresInSeconds: -120 });
    expect((await thrown(authenticate.admin(bearer(expired)))).status).toBe(401);
    const otherApp = store.mintSessionToken({ aud: "another-app" });
    expect((await thrown(authenticate.admin(bearer(otherApp)))).status).toBe(401);
  });
});
