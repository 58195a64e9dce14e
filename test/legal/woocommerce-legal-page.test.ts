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
import { mintAdminToken } from "../../app/woocommerce/admin-token.server";
import { sealWooCredentials } from "../../app/woocommerce/credentials.server";
import { startWooCommerceDevStore, type WooCommerceDevStore } from "../../dev/woocommerce-dev-store";
import type { loadLegalWorkspace } from "../../app/legal/workspace.server";
import { ATELIER_LUMIERE } from "./support/identity";

const SECRET = "s".repeat(43);
let store: WooCommerceDevStore;
let domain: string;
let session: string;

const call = { params: {}, context: {} };

async function page(query = "") {
  const url = `https://rassure.test/woocommerce/admin/legal?store=${encodeURIComponent(domain)}&token=${encodeURIComponent(session)}&locale=fr${query ? `&${query}` : ""}`;
  return (await ((await loader({ request: new Request(url), ...call })) as Response).json()) as Awaited<ReturnType<typeof loadLegalWorkspace>> & { authorised: boolean; token: string };
}
async function post(fields: Record<string, string>) {
  const request = new Request("https://rassure.test/woocommerce/admin/legal", { method: "POST", body: new URLSearchParams({ ...fields, store: domain, token: session }) });
  return (await ((await action({ request, ...call })) as Response).json()) as Record<string, unknown>;
}
const latestStatus = async (id: string) => {
  const row = await prisma.checklistScan.findFirst({ where: { shopDomain: domain, status: "done" }, orderBy: { startedAt: "desc" } });
  return (JSON.parse(row!.report!) as { results: Array<{ id: string; status: string }> }).results.find((r) => r.id === id)?.status;
};

beforeAll(async () => {
  process.env.RASSURE_WOOCOMMERCE_ALLOW_PRIVATE_HOSTS = "1";
  // As in the built server: the composition root wires the background jobs (the re-scan after publishing).
  await import("../../app/shopify.server");
  store = await startWooCommerceDevStore();
  domain = new URL(store.url).host;
  const key = store.createKey("read_write");
  await prisma.shop.create({
    data: {
      platform: "woocommerce",
      domain,
      installState: "installed",
      countryCode: "FR",
      credentials: sealWooCredentials({ storeUrl: store.url, consumerKey: key.consumerKey, consumerSecret: key.consumerSecret, keyId: key.keyId, keyPermissions: "read_write", webhookSecret: "w".repeat(40), adminLinkSecret: SECRET }),
    },
  });
  const opened = (await ((await loader({ request: new Request(`https://rassure.test/woocommerce/admin/legal?store=${encodeURIComponent(domain)}&token=${encodeURIComponent(mintAdminToken(SECRET, domain, 1))}&locale=fr`), ...call })) as Response).json()) as { token: string };
  session = opened.token;
});

afterAll(async () => {
  await waitForBackgroundScans();
  await store?.close();
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
    const request = new Request("https://rassure.test/woocommerce/admin/legal", { method: "POST", body: new URLSearchParams({ intent: "identity", store: domain, token: "forged" }) });
    expect(((await action({ request, ...call })) as Response).status).toBe(403);
  });
});
