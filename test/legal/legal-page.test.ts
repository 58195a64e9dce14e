/**
 * The demo's story, through the real app routes against the Shopify dev store: the terms of
 * sale are missing, the merchant completes the company details, publishes the draft through
 * shopPolicyUpdate, and the re-scan passes the terms item because the lint finds what it looks
 * for; an existing text is never replaced without the explicit choice and can be restored.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { waitForBackgroundScans } from "../../app/checklist/background.server";
import { DEV_STOREFRONT_VARIABLE } from "../../app/checklist/dev-storefront.server";
import prisma from "../../app/db.server";
import { action, loader } from "../../app/routes/app.legal";
import type { ShopifyDevStore } from "../../dev/shopify-dev-store";
import { startStorefrontHarness, type StorefrontHarness } from "../support/storefront-harness";
import { TEST_APP } from "../support/test-app";
import { ATELIER_LUMIERE } from "./support/identity";

let harness: StorefrontHarness;
let store: ShopifyDevStore;

beforeAll(async () => {
  harness = await startStorefrontHarness();
  store = harness.store;
  // Scans probe the dev store's own storefront, as in the demo: the terms item needs its footer links seen.
  vi.stubEnv(DEV_STOREFRONT_VARIABLE, store.storefrontUrl);
  await waitForBackgroundScans();
}, 60_000);

afterAll(async () => {
  await waitForBackgroundScans();
  vi.unstubAllEnvs();
  await harness?.close();
});

const args = (request: Request) => ({ request, params: {}, context: {} });
const page = (query = "") => loader(args(new Request(store.embeddedAppUrl(`/app/legal${query ? `?${query}` : ""}`))));
async function post(fields: Record<string, string>) {
  const request = new Request(`${TEST_APP.appUrl}/app/legal?_data=routes%2Fapp.legal`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { authorization: `Bearer ${store.mintSessionToken()}`, "content-type": "application/x-www-form-urlencoded" },
  });
  return action(args(request));
}
const latestStatus = async (id: string) => {
  const row = await prisma.checklistScan.findFirst({ where: { shopDomain: store.shopDomain, status: "done" }, orderBy: { startedAt: "desc" } });
  return (JSON.parse(row!.report!) as { results: Array<{ id: string; status: string }> }).results.find((r) => r.id === id)?.status;
};

const DETAILS = { intent: "identity", ...ATELIER_LUMIERE };

describe("legal texts page (Shopify)", () => {
  it("lists the missing terms of sale, pre-fills the company details from the shop, and marks what only the merchant knows", async () => {
    expect(await latestStatus("leg-terms-of-sale")).toBe("fail");
    const data = await page("kind=terms-of-sale");
    expect(data.statuses.find((s) => s.kind === "terms-of-sale")?.state).toBe("missing");
    expect(data.identity).toMatchObject({ legalName: "Atelier Lumière", legalForm: "SAS", email: "contact@atelier-lumiere.fr", hostName: "Shopify Inc." });
    expect(data.draft).toMatchObject({ kind: "terms-of-sale", locale: "fr", mode: "full", currentHtml: "" });
    expect(data.draft!.missingFields).toEqual(expect.arrayContaining(["siren", "mediatorName", "mediatorUrl", "deliveryTimes"]));
    expect(await post({ intent: "publish", kind: "terms-of-sale", locale: "fr", html: data.draft!.html })).toMatchObject({ ok: false, error: "missing-fields" });
  });

  it("refuses an invalid SIREN in the details, then saves valid ones", async () => {
    expect(await post({ ...DETAILS, siren: "812 345 677" })).toMatchObject({ ok: false, error: "problems", problems: { siren: "company-id" } });
    expect(await post(DETAILS)).toEqual({ ok: true, intent: "identity" });
  });

  it("publishes the completed draft through shopPolicyUpdate and the re-scan passes the item", async () => {
    const { draft } = await page("kind=terms-of-sale");
    expect(draft!.missingFields).toEqual([]);
    expect(draft!.html).toContain("812 345 676");
    expect(await post({ intent: "publish", kind: "terms-of-sale", locale: "fr", html: draft!.html })).toMatchObject({ ok: true, intent: "publish", url: "https://www.atelier-lumiere.fr/policies/terms-of-sale" });
    expect(store.state.policies.find((p) => p.type === "TERMS_OF_SALE")?.body).toContain("Droit de rétractation");
    await waitForBackgroundScans();
    expect(await latestStatus("leg-terms-of-sale")).toBe("pass");
    // The same text states both legal guarantees and the mediator with its website.
    expect(await latestStatus("leg-legal-guarantees")).toBe("pass");
    expect(await latestStatus("leg-mediator")).toBe("pass");
    // The company identity item now finds the SIREN the merchant gave (registers off in tests: valid, not yet verified).
    expect(await latestStatus("leg-company-identity")).toBe("warning");
    expect((await page()).statuses.find((s) => s.kind === "terms-of-sale")?.state).toBe("complete");
  });

  it("never replaces an existing text without the explicit choice, keeps it, and restores it in one click", async () => {
    const before = store.state.policies.find((p) => p.type === "REFUND_POLICY")!.body;
    const { draft } = await page("kind=refund");
    expect(draft!.mode).toBe("missing");
    expect(draft!.html.startsWith(before.trim())).toBe(true);
    expect(draft!.diff.some((line) => line.op === "add" && /Formulaire de rétractation/.test(line.text))).toBe(true);
    expect(await post({ intent: "publish", kind: "refund", locale: "fr", html: draft!.html })).toMatchObject({ ok: false, error: "confirm-replace" });
    expect(store.state.policies.find((p) => p.type === "REFUND_POLICY")!.body).toBe(before);

    expect(await post({ intent: "publish", kind: "refund", locale: "fr", html: draft!.html, confirmReplace: "yes" })).toMatchObject({ ok: true });
    expect(store.state.policies.find((p) => p.type === "REFUND_POLICY")!.body).toContain("Formulaire de rétractation");
    await waitForBackgroundScans();
    const [published] = (await page()).history.filter((h) => h.kind === "refund" && h.canRestore);
    expect(await post({ intent: "restore", id: published.id })).toMatchObject({ ok: true, intent: "restore" });
    expect(store.state.policies.find((p) => p.type === "REFUND_POLICY")!.body).toBe(before);
    await waitForBackgroundScans();
  });

  it("publishes only what the sanitiser keeps from an edited draft", async () => {
    const html = `<h2>Coordonnées</h2><p>Atelier Lumière, 12 rue des Capucins, 69001 Lyon</p><script>alert(1)</script><p onclick="x()">Tél. +33 4 78 00 00 00</p>`;
    expect(await post({ intent: "publish", kind: "contact", locale: "fr", html, confirmReplace: "yes" })).toMatchObject({ ok: true });
    const body = store.state.policies.find((p) => p.type === "CONTACT_INFORMATION")!.body;
    expect(body).not.toMatch(/<script|<p onclick/);
    expect(body).toContain("&lt;script&gt;");
    await waitForBackgroundScans();
  });

  it("brings a saved draft back as the merchant left it, until a publication of that text follows", async () => {
    const edited = "<h2>Politique de confidentialité</h2><p>Rédigée à la main par la marchande.</p>";
    expect(await post({ intent: "draft", kind: "privacy", locale: "fr", html: edited })).toMatchObject({ ok: true, intent: "draft" });
    const reopened = (await page("kind=privacy&lang=fr")).draft!;
    expect(reopened.html).toBe(edited);
    expect(reopened.missingFields).toEqual([]);
    // Another language has its own draft: the one built from the shop's facts.
    expect((await page("kind=privacy&lang=en")).draft!.html).not.toBe(edited);

    expect(await post({ intent: "publish", kind: "privacy", locale: "fr", html: edited, confirmReplace: "yes" })).toMatchObject({ ok: true });
    await waitForBackgroundScans();
    expect((await page("kind=privacy&lang=fr")).draft!.html).not.toBe(edited);
  });

  it("refuses an oversized form before reading it", async () => {
    const request = new Request(`${TEST_APP.appUrl}/app/legal?_data=routes%2Fapp.legal`, {
      method: "POST",
      body: new URLSearchParams({ intent: "draft", kind: "privacy", locale: "fr", html: "x".repeat(2 * 1024 * 1024) }),
      headers: { authorization: `Bearer ${store.mintSessionToken()}`, "content-type": "application/x-www-form-urlencoded" },
    });
    // The form reader throws the refusal as its Response, which Remix sends as is.
    const refused: unknown = await action(args(request)).catch((thrown: unknown) => thrown);
    expect((refused as Response).status).toBe(413);
  });
});
