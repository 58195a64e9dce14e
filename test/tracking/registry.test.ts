/**
 * The carrier registry, carrier by carrier: every sample number the data file claims valid is
 * recognised (check digits included) and gives an https link to the carrier's own site; every
 * invalid sample is not attributed to that carrier; Shopify company names are exactly the
 * ones the 2026-07 schema lists.
 */
import { describe, expect, it } from "vitest";
import { getSupportedTrackingCompanies } from "../../dev/shopify-dev-store/schema";
import data from "../../app/tracking/carriers.data.json";
import { detectCarriers } from "../../app/tracking/detect";
import { buildTrackingLink, carrierUrl } from "../../app/tracking/links";
import { CARRIERS, carrierByName, REGISTRY_VERSION } from "../../app/tracking/registry";

const REQUIRED = [
  "Colissimo", "La Poste", "Chronopost", "Mondial Relay", "Relais Colis", "Colis Privé", "DPD", "GLS", "DHL Express",
  "DHL Paket", "Deutsche Post", "UPS", "FedEx", "TNT", "USPS", "Royal Mail", "Evri", "PostNL", "bpost", "Correos", "CTT",
  "Poste Italiane", "Swiss Post", "Austrian Post", "Canada Post", "Australia Post", "Japan Post", "China Post", "SF Express",
  "YunExpress", "Cainiao", "Amazon Logistics",
];

describe("registry data", () => {
  it("is versioned and has at least 60 carriers across France, Europe, North America and global e-commerce", () => {
    expect(REGISTRY_VERSION).toMatch(/^\d{4}\.\d+\.\d+$/);
    expect(CARRIERS.length).toBeGreaterThanOrEqual(60);
    const regions = new Set(CARRIERS.map((c) => c.region));
    for (const region of ["FR", "EU", "NA", "GLOBAL", "APAC"]) expect(regions).toContain(region);
    expect(new Set(CARRIERS.map((c) => c.id)).size).toBe(CARRIERS.length);
  });

  it("includes every carrier the issue names", () => {
    const names = CARRIERS.map((c) => c.name);
    expect(REQUIRED.filter((name) => !names.includes(name))).toEqual([]);
  });

  it("uses Shopify's exact (case-sensitive) company names, read from the schema's description", () => {
    const supported = getSupportedTrackingCompanies();
    expect(supported.size).toBeGreaterThan(100); // the parse itself found the list
    const claimed = CARRIERS.filter((c) => c.shopifyName !== null);
    expect(claimed.length).toBeGreaterThan(45);
    expect(claimed.filter((c) => !supported.has(c.shopifyName!)).map((c) => `${c.id}: ${c.shopifyName}`)).toEqual([]);
    // The check can fail: a wrong case is not in the list.
    expect(supported.has("colissimo")).toBe(false);
  });

  it("refuses a data file whose template is not https or lacks the number (checked at load)", async () => {
    const raw = structuredClone(data);
    raw.carriers[0].url = "http://www.laposte.fr/?code={number}";
    const { templateProblem } = await import("../../app/tracking/url-template");
    expect(templateProblem(raw.carriers[0].url)).toBe("not-https");
  });
});

describe.each(CARRIERS.map((c) => [c.id, c] as const))("carrier %s", (_id, carrier) => {
  it("builds an https link to the carrier with the number URL-encoded", () => {
    for (const sample of carrier.samples.valid) {
      const url = new URL(carrierUrl(carrier, sample, { country: carrier.countries[0] === "*" ? "FR" : carrier.countries[0], locale: "fr" }));
      expect(url.protocol).toBe("https:");
      expect(url.href).toContain(encodeURIComponent(sample));
      expect(url.host).toBe(new URL(carrier.url.replace(/\{\w+\}/g, "x")).host);
    }
    expect(carrier.samples.valid.length).toBeGreaterThan(0);
  });

  it("is found by its name and every alias", () => {
    for (const name of [carrier.name, ...carrier.aliases]) {
      const found = carrierByName(name.toUpperCase());
      // Two entries may share an alias (Amazon / Amazon UK): then it resolves to one of them that claims it.
      expect(found && [found.name, found.shopifyName, ...found.aliases].map((n) => n?.toUpperCase())).toContain(name.toUpperCase());
    }
  });

  // Carriers whose numbers have no public format are never guessed from a number: they are
  // reached by name (the merchant's company field, an override) and still get a working link.
  it(carrier.patterns.length > 0 ? "recognises its valid sample numbers and not its invalid ones" : "is never guessed from a number alone, and links by name", () => {
    const country = carrier.countries[0] === "*" ? null : carrier.countries[0];
    const candidates = (sample: string) => {
      const detection = detectCarriers(sample, { country });
      return detection.ok ? detection.candidates.map((c) => c.carrier.id) : [];
    };
    if (carrier.patterns.length === 0) {
      for (const sample of carrier.samples.valid) {
        expect(candidates(sample), sample).not.toContain(carrier.id);
        const named = buildTrackingLink(sample, carrier.name, country);
        expect(named.ok && named.link.url, sample).toBe(carrierUrl(carrier, sample, { country }));
      }
      return;
    }
    for (const sample of carrier.samples.valid) expect(candidates(sample), sample).toContain(carrier.id);
    expect(carrier.samples.invalid.length).toBeGreaterThan(0);
    for (const sample of carrier.samples.invalid) expect(candidates(sample), sample).not.toContain(carrier.id);
  });
});

describe("detection", () => {
  it("recognises a UPS 1Z number by its check digit and rejects one digit off", () => {
    const good = detectCarriers("1Z 999 AA1 0123456784");
    expect(good.ok && good.candidates[0]).toMatchObject({ carrier: { id: "ups" }, confidence: 0.95 });
    expect(good.ok && good.candidates[0].reason).toContain("check digit");
    const bad = detectCarriers("1Z999AA10123456785");
    expect(bad.ok && bad.candidates).toEqual([]);
  });

  it("tells postal operators apart by the S10 origin country", () => {
    const gb = detectCarriers("AB123456785GB");
    expect(gb.ok && gb.candidates.map((c) => c.carrier.id)).toEqual(["royal-mail"]);
  });

  it("uses the destination country to rank, and says when it cannot choose", () => {
    const withoutCountry = detectCarriers("TBA123456789012");
    expect(withoutCountry.ok && withoutCountry.ambiguous).toBe(true);
    const toUk = detectCarriers("TBA123456789012", { country: "GB" });
    expect(toUk.ok && toUk.candidates[0].carrier.id).toBe("amazon-uk");
    expect(toUk.ok && toUk.ambiguous).toBe(false);
  });

  it("refuses hostile or absurd input with a reason instead of guessing", () => {
    expect(detectCarriers("<script>alert(1)</script>")).toEqual({ ok: false, problem: "invalid-characters" });
    expect(detectCarriers("6A18734592013&url=javascript:x")).toEqual({ ok: false, problem: "invalid-characters" });
    expect(detectCarriers("   ")).toEqual({ ok: false, problem: "empty" });
    expect(detectCarriers("9".repeat(200))).toEqual({ ok: false, problem: "too-long" });
  });
});

describe("buildTrackingLink (platform-neutral)", () => {
  it("uses a named carrier, fixing the company to Shopify's spelling", () => {
    const result = buildTrackingLink("6A19283746510", "colissimo", "FR");
    expect(result).toMatchObject({ ok: true, link: { carrierId: "colissimo", shopifyCompany: "Colissimo", basis: "named", url: "https://www.laposte.fr/outils/suivre-vos-envois?code=6A19283746510" } });
  });

  it("detects the carrier from the number when there is no hint, and sends 'Other' for carriers Shopify lacks", () => {
    expect(buildTrackingLink("LP00123456789012")).toMatchObject({ ok: true, link: { carrierId: "cainiao", shopifyCompany: "Other", basis: "detected" } });
  });

  it("fills postcode and country when the carrier's page uses them", () => {
    const result = buildTrackingLink("3SABCD1234567", "PostNL", "NL", { postcode: "1012 ab" });
    expect(result.ok && result.link.url).toBe("https://jouw.postnl.nl/track-and-trace/3SABCD1234567-NL-1012AB");
  });

  it("answers unknown-carrier or ambiguous rather than a wrong link", () => {
    expect(buildTrackingLink("TM2024088172")).toEqual({ ok: false, problem: "unknown-carrier" });
    expect(buildTrackingLink("TBA123456789012")).toEqual({ ok: false, problem: "ambiguous" });
    expect(buildTrackingLink("a\"><img src=x>", "ups")).toEqual({ ok: false, problem: "invalid-characters" });
  });
});
