/**
 * "Company verified" on the storefront: only from a scan whose company-identity item passed with
 * the register confirming the SIREN; republished to the Shopify dev store when a scan confirms
 * or withdraws it, and left alone when nothing changed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CompanyIdentifierFact } from "../../adapters/checklist-snapshot";
import type { ShopifyAdapter } from "../../adapters/shopify";
import prisma from "../../app/db.server";
import { companyBadgeFromScan, COMPANY_IDENTITY_CHECK } from "../../app/legal/company-badge.server";
import { loadStorefrontConfig, republishAfterScan, saveAndPublishStorefrontConfig } from "../../app/storefront/storefront.server";
import type { ShopifyDevStore } from "../../dev/shopify-dev-store";
import { startInstalledDevStore } from "../support/installed-dev-store";
import { fullConfig } from "../storefront/fixtures";

function identifier(overrides: Partial<CompanyIdentifierFact> = {}, register: Partial<NonNullable<CompanyIdentifierFact["register"]>> = {}): CompanyIdentifierFact {
  return {
    source: "legal-notice",
    raw: "812 345 676",
    normalized: "812345676",
    kind: "siren",
    validOffline: true,
    problem: null,
    siren: "812345676",
    register: { name: "company-directory", status: "confirmed", registeredName: "ATELIER LUMIERE", checkedAt: "2026-12-03T09:30:00.000Z", reason: null, ...register },
    ...overrides,
  };
}

const report = (status: string) => ({ results: [{ id: COMPANY_IDENTITY_CHECK, status }] }) as never;
const snapshot = (...identifiers: CompanyIdentifierFact[]) => ({ companyIdentity: { identifiers, shownName: "Atelier Lumière" } });

describe("the badge a scan backs", () => {
  it("names the company as the register does, with the SIREN, the day it answered and the public directory page", () => {
    expect(companyBadgeFromScan(report("pass"), snapshot(identifier()))).toEqual({
      name: "ATELIER LUMIERE",
      siren: "812345676",
      siren_display: "812 345 676",
      checked_on: { en: "3 December 2026", fr: "3 décembre 2026" },
      lookup_url: "https://annuaire-entreprises.data.gouv.fr/entreprise/812345676",
    });
  });

  it("shows nothing unless the item passed and the company directory confirmed a SIREN", () => {
    for (const status of ["warning", "fail", "unavailable", "attested"]) expect(companyBadgeFromScan(report(status), snapshot(identifier()))).toBeNull();
    expect(companyBadgeFromScan(report("pass"), snapshot(identifier({}, { status: "unreachable", registeredName: null, checkedAt: null })))).toBeNull();
    // A VAT number VIES confirmed is not a SIREN the directory confirmed.
    expect(companyBadgeFromScan(report("pass"), snapshot(identifier({ kind: "vat", raw: "FR32812345676" }, { name: "vies" })))).toBeNull();
    expect(companyBadgeFromScan(report("pass"), null)).toBeNull();
    expect(companyBadgeFromScan(null, snapshot(identifier()))).toBeNull();
  });
});

describe("republishing after a scan (Shopify dev store)", () => {
  let store: ShopifyDevStore;
  let adapter: ShopifyAdapter;
  let shopId: string;
  let started = Date.parse("2026-12-01T08:00:00Z");

  beforeAll(async () => {
    ({ store, adapter, shopId } = await startInstalledDevStore("/app/blocks"));
    await prisma.checklistScan.deleteMany({ where: { shopDomain: store.shopDomain } });
    const { version } = await loadStorefrontConfig(shopId);
    await saveAndPublishStorefrontConfig(shopId, fullConfig(), version, adapter, "Europe/Paris");
  });

  afterAll(async () => {
    await store?.close();
  });

  const publishedCompany = () => {
    const metafield = store.state.metafields.find((m) => m.ownerId === store.state.appInstallation.id && m.namespace === "rassure" && m.key === "config");
    return (JSON.parse(metafield!.value) as { company: unknown }).company;
  };

  async function scan(status: string, ...identifiers: CompanyIdentifierFact[]) {
    started += 3_600_000;
    const row = await prisma.checklistScan.create({
      data: {
        platform: "shopify",
        shopDomain: store.shopDomain,
        trigger: "manual",
        status: "done",
        grade: "B",
        startedAt: new Date(started),
        finishedAt: new Date(started + 1000),
        report: JSON.stringify(report(status)),
        snapshot: JSON.stringify(snapshot(...identifiers)),
      },
    });
    return republishAfterScan({ platform: "shopify", shopDomain: store.shopDomain }, row.id, adapter);
  }

  it("publishes the badge once a scan confirms the company, and only then", async () => {
    expect(await scan("warning", identifier({}, { status: "unreachable", registeredName: null, checkedAt: null }))).toBeNull();
    expect(publishedCompany()).toBeNull();
    expect(await scan("pass", identifier())).toMatchObject({ ok: true, published: true });
    expect(publishedCompany()).toMatchObject({ name: "ATELIER LUMIERE", siren_display: "812 345 676" });
  });

  it("leaves the storefront alone when the next scan says the same", async () => {
    const before = store.state.metafields.find((m) => m.key === "config")!.updatedAt;
    expect(await scan("pass", identifier())).toBeNull();
    expect(store.state.metafields.find((m) => m.key === "config")!.updatedAt).toBe(before);
  });

  it("withdraws the badge when the register lists the company as closed", async () => {
    expect(await scan("fail", identifier({}, { status: "ceased" }))).toMatchObject({ ok: true, published: true });
    expect(publishedCompany()).toBeNull();
  });

  it("while the trust page is on, publishes every finished scan's date and grade (the WooCommerce plugin renders them from there)", async () => {
    const config = fullConfig();
    config.trustPage.enabled = true;
    await saveAndPublishStorefrontConfig(shopId, config, (await loadStorefrontConfig(shopId)).version, adapter, "Europe/Paris");
    expect(await scan("fail", identifier({}, { status: "ceased" }))).toMatchObject({ ok: true, published: true }); // the badge did not change
    const metafield = store.state.metafields.find((m) => m.ownerId === store.state.appInstallation.id && m.namespace === "rassure" && m.key === "config");
    const trustPage = (JSON.parse(metafield!.value) as { trust_page: { scan: { grade: string; checked_on: { en: string } } | null } }).trust_page;
    const spelled = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(started + 1000));
    expect(trustPage.scan).toEqual({ grade: "B", checked_on: expect.objectContaining({ en: spelled }) });
  });
});
