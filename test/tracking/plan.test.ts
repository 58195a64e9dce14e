/** The fix decision, case by case: what is left alone, what is fixed, and why. */
import { describe, expect, it } from "vitest";
import { isUsableTrackingUrl, NO_CHOICES, planTracking, type CarrierChoices } from "../../app/tracking/plan";

const LAPOSTE = "https://www.laposte.fr/outils/suivre-vos-envois?code=6A18734592013";

describe("planTracking", () => {
  it("leaves a correct fulfillment alone", () => {
    expect(planTracking({ company: "Colissimo", number: "6A18734592013", url: LAPOSTE }, NO_CHOICES)).toMatchObject({ action: "none", status: "ok" });
  });

  it("keeps a merchant's own working link, even to another site, and only fixes the company spelling", () => {
    const plan = planTracking({ company: "colissimo", number: "6A18734592013", url: "https://suivi.example.fr/?n=6a18734592013" }, NO_CHOICES);
    expect(plan).toMatchObject({ action: "update", company: "Colissimo", url: "https://suivi.example.fr/?n=6a18734592013", reasons: ["company-spelling"] });
  });

  it.each([
    ["javascript:alert(1)//6A18734592013", "wrong-url"],
    ["https://www.laposte.fr/", "wrong-url"],
    ["not a url 6A18734592013", "wrong-url"],
    [null, "missing-url"],
  ])("replaces %s (%s)", (url, reason) => {
    expect(planTracking({ company: "Colissimo", number: "6A18734592013", url }, NO_CHOICES)).toMatchObject({ action: "update", url: LAPOSTE, reasons: [reason] });
  });

  it("keeps a Shopify name that is an alias of the carrier (La Poste Colissimo)", () => {
    expect(planTracking({ company: "La Poste Colissimo", number: "6A18734592013", url: LAPOSTE }, NO_CHOICES)).toMatchObject({ action: "none", status: "ok" });
  });

  it("names the carrier when the company is empty or 'Other' and the number is unambiguous", () => {
    for (const company of [null, "", "Other"]) {
      expect(planTracking({ company, number: "1Z999AA10123456784", url: null }, NO_CHOICES)).toMatchObject({ action: "update", company: "UPS", reasons: ["missing-url", "unknown-company"] });
    }
  });

  it("keeps the merchant's wording for a carrier Shopify does not list, and writes 'Other' only when nothing names it", () => {
    expect(planTracking({ company: "Relais Colis", number: "4C5D123456789", url: null }, NO_CHOICES)).toMatchObject({ action: "update", company: "Relais Colis", url: "https://www.relaiscolis.com/suivi-de-colis/index.php?valeur=4C5D123456789&typeRecherche=EXP" });
    expect(planTracking({ company: null, number: "LP00123456789012", url: null }, NO_CHOICES)).toMatchObject({ action: "update", company: "Other" });
  });

  it("does not guess: an ambiguous or unknown number is reported, not fixed", () => {
    expect(planTracking({ company: null, number: "TBA123456789012", url: null }, NO_CHOICES)).toMatchObject({ action: "none", status: "unknown-carrier" });
    expect(planTracking({ company: "Transports Martin", number: "TM-2024-088172", url: null }, NO_CHOICES)).toMatchObject({ action: "none", status: "unknown-carrier" });
    // …but the destination country can settle it.
    expect(planTracking({ company: null, number: "TBA123456789012", url: null }, NO_CHOICES, { country: "GB" })).toMatchObject({ action: "update", company: "Amazon Logistics UK" });
  });

  it("reports missing and hostile numbers", () => {
    expect(planTracking({ company: "Mondial Relay", number: null, url: null }, NO_CHOICES).status).toBe("missing-number");
    expect(planTracking({ company: "UPS", number: "<img src=x onerror=alert(1)>", url: null }, NO_CHOICES).status).toBe("invalid-number");
  });

  it("applies a merchant override and a custom carrier, URL-encoding the number", () => {
    const choices: CarrierChoices = { overrides: new Map([["transportsmartin", "custom:c1"]]), customCarriers: [{ id: "c1", name: "Martin Express", urlTemplate: "https://suivi.martin.example/{number}" }] };
    expect(planTracking({ company: "Transports Martin", number: "TM-2024/088", url: null }, choices)).toMatchObject({ action: "none", status: "invalid-number" });
    expect(planTracking({ company: "Transports Martin", number: "TM 2024 088172", url: null }, choices)).toMatchObject({ action: "update", company: "Martin Express", url: "https://suivi.martin.example/TM2024088172" });
  });
});

describe("isUsableTrackingUrl", () => {
  it("accepts http(s) links carrying the number in any case or encoding", () => {
    expect(isUsableTrackingUrl("https://t.example/?id=1z999aa10123456784", "1Z999AA10123456784")).toBe(true);
    expect(isUsableTrackingUrl("https://t.example/track/6A%2018734592013", "6A18734592013")).toBe(true);
    expect(isUsableTrackingUrl("ftp://t.example/6A18734592013", "6A18734592013")).toBe(false);
    expect(isUsableTrackingUrl("https://t.example/%E0%A4%A", "Q9Q")).toBe(false); // malformed encoding, no number
  });
});

describe("planShipment", () => {
  it("never rewrites a fulfillment with several parcels (the mutation would drop the others)", async () => {
    const { planShipment } = await import("../../app/tracking/plan");
    const shipment = {
      id: "gid://shopify/Fulfillment/1", name: "#1-F1", orderId: "gid://shopify/Order/1", orderName: "#1", status: "SUCCESS", createdAt: "2026-11-01T00:00:00Z", destinationCountry: "FR",
      tracking: [{ company: "Colissimo", number: "6A18734592013", url: null }, { company: "Colissimo", number: "6A18734592014", url: null }],
    };
    expect(planShipment(shipment, NO_CHOICES)).toMatchObject({ action: "none", status: "several-parcels" });
    expect(planShipment({ ...shipment, tracking: shipment.tracking.slice(0, 1) }, NO_CHOICES)).toMatchObject({ action: "update" });
  });
});
