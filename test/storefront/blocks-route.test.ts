/** The admin page's loader and action through the real embedded-app auth, against the dev store. */
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action, loader } from "../../app/routes/app.blocks";
import type { ShopifyDevStore } from "../../dev/shopify-dev-store";
import { startTestDevStore } from "../support/dev-store";
import { TEST_APP } from "../support/test-app";
import { fullConfig } from "./fixtures";

let store: ShopifyDevStore;
const args = (request: Request) => ({ request, params: {}, context: {} });

beforeAll(async () => {
  store = await startTestDevStore();
  setAbstractFetchFunc(store.fetch);
});

afterAll(async () => {
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

  it("refuses invalid input with field-level issues and publishes valid input", async () => {
    const bad = fullConfig();
    bad.contact.email = "nope";
    expect(await action(args(post({ intent: "save", config: JSON.stringify(bad), timeZone: "Europe/Paris" })))).toEqual({
      ok: false,
      issues: [{ path: "contact.email", code: "invalid_email" }],
    });
    expect(await action(args(post({ intent: "save", config: "{not json", timeZone: "Europe/Paris" })))).toMatchObject({ ok: false });

    const saved = await action(args(post({ intent: "save", config: JSON.stringify(fullConfig()), timeZone: "Europe/Paris" })));
    expect(saved).toEqual({ ok: true, version: 1, published: true, publishError: null });
    const metafield = store.state.metafields.find((m) => m.namespace === "rassure" && m.key === "config");
    expect(JSON.parse(metafield!.value)).toMatchObject({ version: 1, contact: { email: "bonjour@atelier-lumiere.fr" } });

    const reloaded = await loader(args(new Request(store.embeddedAppUrl("/app/blocks"))));
    expect(reloaded.stored).toMatchObject({ version: 1, publishedVersion: 1, config: fullConfig() });
  });

  it("republishes on request", async () => {
    expect(await action(args(post({ intent: "republish", timeZone: "Europe/Paris" })))).toMatchObject({ ok: true, version: 1, published: true });
  });
});
