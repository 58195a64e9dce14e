/**
 * The Customer Account UI extension (order status page, fulfillment details): its declared
 * target exists in the installed @shopify/ui-extensions 2026-07, it reads the fulfillment's
 * tracking through the Customer Account API, and it renders carrier, number and a link with
 * Polaris web components, in English and French from its own locale files.
 */
import { existsSync, readFileSync } from "node:fs";
import { h } from "preact";
import { renderToString } from "preact-render-to-string";
import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";
import { SHOPIFY_ADMIN_API_VERSION } from "../../adapters/shopify/api-version";
import { FulfillmentTracking } from "../../extensions/rassure-order-status/src/FulfillmentTracking";
import { CUSTOMER_ACCOUNT_API_URL, loadFulfillmentTracking, type ParcelTracking } from "../../extensions/rassure-order-status/src/tracking";

const DIR = "extensions/rassure-order-status";
const TARGET = "customer-account.order-status.fulfillment-details.render-after";

/** Shopify's i18n.translate over the extension's locale file: "{{name}}" placeholders. */
function translator(locale: "en.default" | "fr") {
  const messages = JSON.parse(readFileSync(`${DIR}/locales/${locale}.json`, "utf8")) as Record<string, string>;
  return (key: string, values: Record<string, string> = {}) => {
    if (!(key in messages)) throw new Error(`missing translation ${locale}.${key}`);
    return messages[key].replace(/\{\{(\w+)\}\}/g, (_m, name: string) => values[name] ?? "");
  };
}

const render = (parcels: ParcelTracking[], locale: "en.default" | "fr" = "en.default") => renderToString(h(FulfillmentTracking, { parcels, t: translator(locale) }));

describe("order status extension configuration", () => {
  it("targets the fulfillment details of the order status page in API 2026-07", () => {
    const toml = parse(readFileSync(`${DIR}/shopify.extension.toml`, "utf8")) as { api_version: string; extensions: Array<{ type: string; targeting: Array<{ target: string; module: string }> }> };
    expect(toml.api_version).toBe(SHOPIFY_ADMIN_API_VERSION);
    expect(toml.extensions[0].type).toBe("ui_extension");
    expect(toml.extensions[0].targeting).toEqual([{ module: "./src/index.tsx", target: TARGET }]);
    expect(existsSync(`${DIR}/src/index.tsx`)).toBe(true);
    // The installed @shopify/ui-extensions defines this target (a misspelt target would not exist).
    expect(existsSync(`node_modules/@shopify/ui-extensions/build/ts/surfaces/customer-account/targets/${TARGET}.d.ts`)).toBe(true);
    expect(existsSync("node_modules/@shopify/ui-extensions/build/ts/surfaces/customer-account/targets/customer-account.order-status.fulfillment-detail.render-after.d.ts")).toBe(false);
  });

  it("has French texts for every English key", () => {
    const keys = (file: string) => Object.keys(JSON.parse(readFileSync(`${DIR}/locales/${file}.json`, "utf8"))).sort();
    expect(keys("fr")).toEqual(keys("en.default"));
  });
});

describe("rendering", () => {
  it("shows carrier, number and a button to the carrier's page", () => {
    const html = render([{ carrier: "Colissimo", number: "6A18734592013", url: "https://www.laposte.fr/outils/suivre-vos-envois?code=6A18734592013" }]);
    expect(html).toContain("<s-heading>Track your parcel</s-heading>");
    expect(html).toContain("<s-text>Carrier: Colissimo</s-text>");
    expect(html).toContain("<s-text>Tracking number: 6A18734592013</s-text>");
    expect(html).toMatch(/<s-button href="https:\/\/www\.laposte\.fr\/outils\/suivre-vos-envois\?code=6A18734592013" target="_blank" variant="primary"[^>]*>Track with Colissimo<\/s-button>/);
  });

  it("speaks French and escapes what the platform returns", () => {
    const html = render([{ carrier: "<b>Martin</b>", number: "TM1", url: null }], "fr");
    expect(html).toContain("Transporteur : &lt;b>Martin&lt;/b>");
    expect(html).toContain("Utilisez ce numéro sur le site du transporteur");
    expect(html).not.toContain("<s-button");
  });

  it("renders nothing for a fulfillment without tracking", () => {
    expect(render([])).toBe("");
  });
});

describe("reading the tracking through the Customer Account API", () => {
  const answer = {
    data: {
      order: {
        fulfillments: {
          nodes: [
            { id: "gid://shopify/Fulfillment/1", trackingInformation: [{ company: "UPS", number: "1Z999AA10123456784", url: "https://www.ups.com/track?tracknum=1Z999AA10123456784" }] },
            { id: "gid://shopify/Fulfillment/2", trackingInformation: [{ company: "Other", number: "X1", url: "javascript:alert(1)" }] },
          ],
        },
      },
    },
  };

  function fakeCustomerAccountApi(requests: Array<{ url: string; body: { query: string; variables: Record<string, string> } }>): typeof fetch {
    return (async (input: RequestInfo | URL, init?: RequestInit) => {
      requests.push({ url: String(input), body: JSON.parse(String(init?.body)) });
      return Response.json(answer);
    }) as typeof fetch;
  }

  it("asks for the order's fulfillments and keeps this fulfillment's parcels", async () => {
    const requests: Parameters<typeof fakeCustomerAccountApi>[0] = [];
    const parcels = await loadFulfillmentTracking(fakeCustomerAccountApi(requests), "gid://shopify/Order/9", "gid://shopify/Fulfillment/1");
    expect(parcels).toEqual([{ carrier: "UPS", number: "1Z999AA10123456784", url: "https://www.ups.com/track?tracknum=1Z999AA10123456784" }]);
    expect(requests[0].url).toBe(CUSTOMER_ACCOUNT_API_URL);
    expect(requests[0].body.variables).toEqual({ orderId: "gid://shopify/Order/9" });
    expect(requests[0].body.query).toContain("trackingInformation { company number url }");
  });

  it("never turns a non-web URL into a link and treats 'Other' as no carrier name", async () => {
    const parcels = await loadFulfillmentTracking(fakeCustomerAccountApi([]), "gid://shopify/Order/9", "gid://shopify/Fulfillment/2");
    expect(parcels).toEqual([{ carrier: null, number: "X1", url: null }]);
    expect(render(parcels)).toContain("the carrier's website");
  });

  it("shows nothing (no crash) when the API fails", async () => {
    const failing = (async () => new Response("down", { status: 503 })) as typeof fetch;
    expect(await loadFulfillmentTracking(failing, "gid://shopify/Order/9", "gid://shopify/Fulfillment/1")).toEqual([]);
  });
});
