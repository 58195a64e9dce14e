/**
 * The checklist item "company identity valid and confirmed": facts collected from the Shopify
 * dev store, identifiers from its legal notice and the merchant's details, confirmed by the
 * registers' stand-in; every state the merchant can be in, and never a failure because a
 * register was out of reach.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PlatformChecklistFacts } from "../../adapters/checklist-snapshot";
import { collectShopifyChecklistFacts } from "../../adapters/shopify/checklist-facts";
import { tokenAdminGraphql } from "../../adapters/shopify/checklist-token-graphql";
import { evaluateChecklist } from "../../app/checklist/evaluate";
import prisma from "../../app/db.server";
import { EMPTY_IDENTITY, type LegalIdentityFields } from "../../app/legal/identity";
import { collectCompanyIdentity } from "../../app/legal/identity-facts.server";
import { startCompanyRegisters, type CompanyRegistersStandIn } from "../../dev/company-registers";
import type { ShopifyDevStore } from "../../dev/shopify-dev-store";
import { devStoreOfflineToken } from "../checklist/support/shopify-token";
import { snapshotOf } from "../checklist/support/snapshots";
import { startTestDevStore } from "../support/dev-store";

let shopify: ShopifyDevStore;
let registers: CompanyRegistersStandIn;
let facts: PlatformChecklistFacts;

beforeAll(async () => {
  shopify = await startTestDevStore();
  registers = await startCompanyRegisters();
  facts = await collectShopifyChecklistFacts(tokenAdminGraphql(shopify.shopDomain, await devStoreOfflineToken(shopify), shopify.fetch));
});
afterAll(async () => {
  await shopify.close();
  await registers.close();
});
beforeEach(() => prisma.companyVerification.deleteMany());

const identity = (fields: Partial<LegalIdentityFields>): LegalIdentityFields => ({ ...EMPTY_IDENTITY, ...fields });

/** The dev store's facts with its legal notice text extended by `extra`. */
function withNotice(extra: string): PlatformChecklistFacts {
  return { ...facts, legalPages: facts.legalPages.map((page) => (page.kind === "legal-notice" ? { ...page, text: `${page.text}\n${extra}` } : page)) };
}

async function itemFor(shopFacts: PlatformChecklistFacts, details: LegalIdentityFields | null, options = { directoryUrl: registers.url, viesUrl: registers.url, timeoutMs: 2_000 }) {
  const companyIdentity = await collectCompanyIdentity(prisma, shopFacts, details, options);
  const report = evaluateChecklist({ ...snapshotOf(shopFacts, null), companyIdentity }, { now: new Date() });
  return report.results.find((r) => r.id === "leg-company-identity")!;
}

describe("leg-company-identity", () => {
  it("fails when neither the legal notice nor the merchant gives a number (the dev store's notice has none)", async () => {
    const item = await itemFor(facts, null);
    expect(item.status).toBe("fail");
    expect(item.summary.en).toContain("No SIREN");
  });

  it("catches a mistyped SIREN in the legal notice offline, without asking any register", async () => {
    const before = registers.requests;
    const item = await itemFor(withNotice("RCS Lyon 775 670 418"), null);
    expect(item.status).toBe("fail");
    expect(item.summary.en).toBe("775 670 418 in your legal notice is not valid: its check digit is wrong.");
    expect(item.summary.fr).toContain("chiffre de contrôle est faux");
    expect(registers.requests).toBe(before);
  });

  it("passes when the directory confirms the merchant's SIREN and VIES its VAT number, names matching", async () => {
    const item = await itemFor(facts, identity({ legalName: "Atelier Lumière", siren: "812 345 676", vatNumber: "FR19812345676" }));
    expect(item.status).toBe("pass");
    expect(item.summary.en).toBe("Confirmed by the registers: 812345676, FR19812345676.");
    expect(item.evidence.map((e) => e.value)).toEqual([expect.stringContaining("company-directory: confirmed (ATELIER LUMIERE)"), expect.stringContaining("vies: confirmed")]);
  });

  it("fails for a closed company and for numbers naming two companies", async () => {
    expect((await itemFor(withNotice("SIREN 732 829 320"), null)).summary.en).toBe("The company directory lists 732829320 as closed.");
    const two = await itemFor(withNotice("SIREN 812 345 676"), identity({ vatNumber: "FR43904128733" }));
    expect(two.status).toBe("fail");
    expect(two.summary.en).toContain("different companies (SIREN 812345676, 904128733)");
  });

  it("warns when the register's name is not the one the shop shows", async () => {
    const item = await itemFor(facts, identity({ legalName: "Atelier Soleil", siren: "812345676" }));
    expect(item.status).toBe("warning");
    expect(item.summary.en).toContain("The register names ATELIER LUMIERE, your shop shows Atelier Soleil");
  });

  it("says 'not verified yet', never a failure, when the registers are down", async () => {
    registers.failNext(5);
    const item = await itemFor(facts, identity({ siren: "812345676" }));
    expect(item.status).toBe("warning");
    expect(item.summary.en).toContain("not verified yet");
    expect(item.evidence[0].value).toContain("unreachable");
  });

  it("is 'not checked' when the scan did not collect identities (the CLI, older scans)", () => {
    const report = evaluateChecklist(snapshotOf(facts, null), { now: new Date() });
    expect(report.results.find((r) => r.id === "leg-company-identity")?.status).toBe("error");
  });
});
