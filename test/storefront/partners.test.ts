/**
 * The partners block's data: trust labels are attestations that need a proof page and a real
 * expiry date; carriers come only from shipments (deduplicated, cancelled ones ignored), the
 * merchant can hide one but never add one; an unreadable platform names no carrier.
 */
import { describe, expect, it } from "vitest";
import type { Shipment } from "../../adapters/types";
import { publishedCarriers, toPublishedConfig, validateStorefrontConfig } from "../../app/storefront/config";
import { carriersOf, readPartnerFacts } from "../../app/storefront/partner-facts.server";
import { fullConfig } from "./fixtures";

const issuesOf = (input: unknown) => {
  const result = validateStorefrontConfig(input);
  return result.ok ? [] : result.issues;
};

const shipment = (status: string, ...companies: Array<string | null>): Shipment => ({
  id: `gid://shopify/Fulfillment/${Math.random()}`,
  name: "#1001-F1",
  orderId: "gid://shopify/Order/1",
  orderName: "#1001",
  status,
  createdAt: "2026-11-20T10:00:00Z",
  destinationCountry: "FR",
  tracking: companies.map((company) => ({ company, number: "X1", url: null })),
});

describe("trust label attestations", () => {
  it("need a public https proof page, an existing expiry date and, for a mediator, its name", () => {
    const config = fullConfig();
    config.partners.labels = [
      { kind: "fianet", name: "", proofUrl: "", expiresOn: "2027-02-30" },
      { kind: "mediator", name: "", proofUrl: "/pages/mediateur", expiresOn: "" },
      { kind: "fevad", name: "", proofUrl: "javascript:alert(1)", expiresOn: "30/06/2027" },
    ];
    expect(issuesOf(config)).toEqual([
      { path: "partners.labels.0.proofUrl", code: "required" },
      { path: "partners.labels.0.expiresOn", code: "invalid_date" },
      { path: "partners.labels.1.name", code: "required" },
      { path: "partners.labels.1.proofUrl", code: "invalid_url" },
      { path: "partners.labels.1.expiresOn", code: "required" },
      { path: "partners.labels.2.proofUrl", code: "invalid_url" },
      { path: "partners.labels.2.proofUrl", code: "required" },
      { path: "partners.labels.2.expiresOn", code: "invalid_date" },
    ]);
  });

  it("refuses an unknown label kind and too many labels", () => {
    const config = fullConfig() as unknown as { partners: { labels: Array<Record<string, string>> } };
    config.partners.labels[0].kind = "made_up_seal";
    config.partners.labels.push({ ...config.partners.labels[1] }, { ...config.partners.labels[1] });
    expect(issuesOf(config)).toEqual([
      { path: "partners.labels", code: "too_many", limit: 4 },
      { path: "partners.labels.0.kind", code: "invalid_choice" },
    ]);
  });
});

describe("carriers", () => {
  it("are the distinct carriers of shipments that went out", () => {
    const shipments = [shipment("SUCCESS", "Colissimo", null), shipment("SUCCESS", "colissimo ", "  Chronopost"), shipment("CANCELLED", "DHL Express"), shipment("SUCCESS", "")];
    expect(carriersOf(shipments)).toEqual(["Colissimo", "Chronopost"]);
  });

  it("can be hidden by the merchant, never added", () => {
    expect(publishedCarriers(["Colissimo", "Chronopost"], ["CHRONOPOST", "UPS"])).toEqual(["Colissimo"]);
    const config = fullConfig();
    config.partners.hiddenCarriers = ["UPS"];
    const published = toPublishedConfig(config, 1, new Date(), "Europe/Paris", { partners: { carriers: ["Colissimo"], host: "Shopify" } });
    expect(published.partners.carriers).toEqual(["Colissimo"]);
  });

  it("are not read while the block is off; an unreadable platform fails the publication (retried) instead of dropping carriers", async () => {
    const down = { platform: "shopify" as const, publishStorefrontConfig: async () => {}, listRecentShipments: async () => Promise.reject(new Error("503")) };
    await expect(readPartnerFacts(fullConfig(), down)).rejects.toThrow("503");
    const config = fullConfig();
    config.partners.enabled = false;
    let read = false;
    const counting = { ...down, listRecentShipments: async () => ((read = true), [shipment("SUCCESS", "Colissimo")]) };
    expect((await readPartnerFacts(config, counting)).carriers).toEqual([]);
    expect(read).toBe(false);
  });

  it("the host is Shopify on Shopify whatever the merchant typed, the merchant's host elsewhere", async () => {
    const config = fullConfig();
    config.partners.host = "o2switch";
    const publish = async () => {};
    expect((await readPartnerFacts(config, { platform: "shopify", publishStorefrontConfig: publish })).host).toBe("Shopify");
    expect((await readPartnerFacts(config, { platform: "woocommerce", publishStorefrontConfig: publish })).host).toBe("o2switch");
  });
});
