/**
 * The legal drafts inside wp-admin (/woocommerce/admin/legal) against the WooCommerce dev store:
 * the terms of sale are missing, the draft is saved as a WordPress draft page to review, then
 * published as the shop's terms page through the companion plugin, and the re-scan passes the
 * item; the refund page the store already has is only replaced by explicit choice.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitForBackgroundScans } from "../../app/checklist/background.server";
import prisma from "../../app/db.server";
import { action, loader } from "../../app/routes/woocommerce.admin_.legal";
import type { WooCommerceDevStore } from "../../dev/woocommerce-dev-store";
import type { loadLegalWorkspace } from "../../app/legal/workspace.server";
import { ATELIER_LUMIERE } from "./support/identity";
import { connectWpAdminStore, ROUTE_CALL, type WpAdminStore } from "../woocommerce/support/wp-admin-store";

let wpAdmin: WpAdminStore;
let store: WooCommerceDevStore;
let domain: string;
let session: string;

async function page(query = "") {
  const request = wpAdmin.firstLoad("/woocommerce/admin/legal", session, { query });
  return (await ((await loader({ request, ...ROUTE_CALL })) as Response).json()) as Awaited<ReturnType<typeof loadLegalWorkspace>> & { authorised: boolean; token: string };
}
async function post(fields: Record<string, string>) {
  return (await wpAdmin.post(action, "/woocommerce/admin/legal", session, fields)).body;
}
const latestStatus = async (id: string) => {
  const row = await prisma.checklistScan.findFirst({ where: { shopDomain: domain, status: "done" }, orderBy: { startedAt: "desc" } });
  return (JSON.parse(row!.report!) as { results: Array<{ id: string; status: string }> }).results.find((r) => r.id === id)?.status;
};

beforeAll(async () => {
  // As in the built server: the composition root wires the background jobs (the re-scan after publishing).
  await import("../../app/shopify.server");
  wpAdmin = await connectWpAdminStore();
  ({ store, domain } = wpAdmin);
  session = await wpAdmin.openSession(loader, "/woocommerce/admin/legal");
});

afterAll(async () => {
  await waitForBackgroundScans();
  await wpAdmin?.close();
});

describe("legal texts in wp-admin", () => {
  it("drafts the missing terms of sale from the store's facts and the company details", async () => {
    const data = await page("kind=terms-of-sale");
    expect(data.authorised).toBe(true);
    expect(data.keepsDrafts).toBe(true);
    expect(data.statuses.find((s) => s.kind === "terms-of-sale")?.state).toBe("missing");
    expect(data.identity.hostName).toBe("");
    expect(await post({ intent: "identity", ...ATELIER_LUMIERE, legalName: "Savonnerie du Vieux-Port", siren: "904 128 733", vatNumber: "FR43904128733", hostName: "OVHcloud", hostAddress: "2 rue Kellermann, 59100 Roubaix, France" })).toEqual({ ok: true, intent: "identity" });
    const { draft } = await page("kind=terms-of-sale");
    expect(draft).toMatchObject({ locale: "fr", mode: "full", missingFields: [] });
    expect(draft!.html).toContain("Savonnerie du Vieux-Port");
  });

  it("saves it as a WordPress draft page to review, then publishes it as the store's terms page", async () => {
    const { draft } = await page("kind=terms-of-sale");
    const saved = await post({ intent: "draft", kind: "terms-of-sale", locale: "fr", html: draft!.html });
    expect(saved).toMatchObject({ ok: true, intent: "draft", draftUrl: expect.stringMatching(/\/wp-admin\/post\.php\?post=\d+&action=edit$/) });
    expect(store.state.pages.find((p) => p.status === "draft" && p.title === "Conditions générales de vente")).toBeTruthy();
    const published = await post({ intent: "publish", kind: "terms-of-sale", locale: "fr", html: draft!.html });
    expect(published).toMatchObject({ ok: true, intent: "publish" });
    const terms = Number(store.state.settings.advanced.find((s) => s.id === "woocommerce_terms_page_id")?.value);
    expect(store.state.pages.find((p) => p.id === terms)).toMatchObject({ status: "publish", title: "Conditions générales de vente" });
    await waitForBackgroundScans();
    expect(await latestStatus("leg-terms-of-sale")).toMatch(/pass|warning/);
    expect(await latestStatus("leg-terms-of-sale")).not.toBe("fail");
  });

  it("replaces the store's refund page only by explicit choice", async () => {
    const { draft } = await page("kind=refund");
    expect(draft!.mode).toBe("missing");
    expect(await post({ intent: "publish", kind: "refund", locale: "fr", html: draft!.html })).toMatchObject({ ok: false, error: "confirm-replace" });
    expect(await post({ intent: "publish", kind: "refund", locale: "fr", html: draft!.html, confirmReplace: "yes" })).toMatchObject({ ok: true });
    expect(store.state.pages.find((p) => p.id === 11)?.content).toContain("Formulaire de rétractation");
    await waitForBackgroundScans();
  });

  it("answers an expired session without reading the form's content", async () => {
    expect((await wpAdmin.post(action, "/woocommerce/admin/legal", "forged", { intent: "identity" })).status).toBe(403);
  });
});
