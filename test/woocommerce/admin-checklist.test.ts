/**
 * The whole trust checklist inside wp-admin (/woocommerce/admin/checklist) against the
 * WooCommerce dev store: the same report as the Shopify page, in WooCommerce's own words with
 * fix links into the store's wp-admin, re-check and attestations for the connected shop only,
 * and nothing done for a session that no longer holds.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitForBackgroundScans } from "../../app/checklist/background.server";
import { recheckItem } from "../../app/checklist/scan.server";
import { wooScanContext } from "../../app/woocommerce/checklist.server";
import type { ChecklistPageData } from "../../app/checklist/components/ChecklistWorkspace";
import prisma from "../../app/db.server";
import { appEnvironment } from "../../app/env.server";
import { action, loader } from "../../app/routes/woocommerce.admin_.checklist";
import { ADMIN_SESSION_TTL_SECONDS, mintAdminSession } from "../../app/woocommerce/admin-token.server";
import { ADMIN_SESSION_HEADER } from "../../app/woocommerce/admin-url";
import { connectWpAdminStore, ADMIN_LINK_SECRET, ROUTE_CALL, type WpAdminStore } from "./support/wp-admin-store";

const PATH = "/woocommerce/admin/checklist" as const;
let wpAdmin: WpAdminStore;
let session: string;

type Page = ChecklistPageData & { authorised: boolean; token: string; help: unknown };

async function open(token = session): Promise<{ response: Response; data: Page }> {
  const response = (await loader({ request: wpAdmin.firstLoad(PATH, token), ...ROUTE_CALL })) as Response;
  return { response, data: (await response.json()) as Page };
}
const post = (fields: Record<string, string>, token = session) => wpAdmin.post(action, PATH, token, fields);
const resultOf = (data: Page, id: string) => data.latest.report!.results.find((r) => r.id === id)!;

beforeAll(async () => {
  // As in the built server: the composition root wires the background jobs (scans and re-checks).
  await import("../../app/shopify.server");
  wpAdmin = await connectWpAdminStore();
  session = await wpAdmin.openSession(loader, PATH);
  // The first visit started the shop's first scan in the background.
  await waitForBackgroundScans();
}, 60_000);

afterAll(async () => {
  await waitForBackgroundScans();
  await wpAdmin?.close();
});

describe("the checklist in wp-admin", () => {
  it("opens on the shop's full report and history; only the store's wp-admin may frame it", async () => {
    const { response, data } = await open();
    expect(response.headers.get("Content-Security-Policy")).toBe(`frame-ancestors ${wpAdmin.store.url};`);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(data).toMatchObject({ authorised: true, platform: "woocommerce", store: wpAdmin.domain });
    // The foot's help entry: the same documentation and contact as the Shopify admin layout's.
    expect(data.help).toEqual(appEnvironment().help);
    const report = data.latest.report!;
    expect(report.platform).toBe("woocommerce");
    expect(report.results.length).toBeGreaterThan(30);
    expect(new Set(report.results.map((r) => r.category)).size).toBe(7);
    expect(data.latest.history.length).toBeGreaterThanOrEqual(1);
    const scans = await prisma.checklistScan.findMany({ where: { platform: "woocommerce", shopDomain: wpAdmin.domain } });
    expect(scans.map((s) => s.trigger)).toEqual(["daily"]);
  });

  it("speaks WooCommerce: why, fix links into the store's wp-admin, docs; never Shopify or Liquid advice", async () => {
    const { data } = await open();
    const shopifyish = /Shopify|Liquid|theme app|app embed/i;
    for (const result of data.latest.report!.results) {
      const definition = data.definitions[result.id];
      for (const words of [result.title, result.summary, definition.why, definition.attestation]) {
        if (words) expect([result.id, words.en, words.fr].join(" | ")).not.toMatch(shopifyish);
      }
      if (result.fix.adminUrl) expect([result.id, result.fix.adminUrl]).toEqual([result.id, expect.stringMatching(new RegExp(`^${wpAdmin.store.url}/wp-admin/`))]);
      expect([result.id, result.fix.docsUrl]).not.toEqual([result.id, expect.stringMatching(/shopify\.com/)]);
    }
  });

  it("re-checks one item for this shop: a new scan row holds it, the rest of the report is kept", async () => {
    const before = await open();
    const item = before.data.latest.report!.results.find((r) => r.category === "site-security")!;
    expect(await post({ intent: "recheck", checkId: item.id })).toEqual({ status: 200, body: { intent: "recheck", ok: true } });
    await waitForBackgroundScans();
    const rows = await prisma.checklistScan.findMany({ where: { platform: "woocommerce", shopDomain: wpAdmin.domain }, orderBy: { startedAt: "asc" } });
    expect(rows.map((r) => [r.trigger, r.status])).toEqual([
      ["daily", "done"],
      ["recheck", "done"],
    ]);
    const after = await open();
    expect(after.data.latest.report!.results.map((r) => r.id)).toEqual(before.data.latest.report!.results.map((r) => r.id));
    expect(Date.parse(resultOf(after.data, item.id).checkedAt)).toBeGreaterThan(Date.parse(resultOf(before.data, item.id).checkedAt));
    expect(after.data.latest.history.length).toBe(2);
    expect(await post({ intent: "recheck", checkId: "no-such-check" })).toMatchObject({ body: { ok: false } });
  });

  it("records an attestation with the Shopify page's rules, shows it after reload, and withdraws it", async () => {
    const { data } = await open();
    const pending = data.latest.report!.results.find((r) => r.status === "manual_pending" && data.definitions[r.id].attestation)!;
    expect(pending).toBeTruthy();
    expect(await post({ intent: "attest", checkId: pending.id, evidence: "   " })).toMatchObject({ body: { ok: false, problem: "evidence is required" } });
    expect(await post({ intent: "attest", checkId: pending.id, evidence: "x".repeat(2_001) })).toMatchObject({ body: { ok: false, problem: expect.stringMatching(/2000 characters/) } });
    const automatic = data.latest.report!.results.find((r) => !data.definitions[r.id].attestation)!;
    expect(await post({ intent: "attest", checkId: automatic.id, evidence: "trust me" })).toMatchObject({ body: { ok: false, problem: expect.stringMatching(/cannot be attested/) } });

    expect(await post({ intent: "attest", checkId: pending.id, evidence: "https://savonnerie.example/cgv signed 2026-11-02" })).toEqual({ status: 200, body: { intent: "attest", ok: true } });
    const attested = resultOf((await open()).data, pending.id);
    expect(attested).toMatchObject({ status: "manual_attested", attestation: { evidence: "https://savonnerie.example/cgv signed 2026-11-02" } });
    expect(attested.evidence).toContainEqual({ source: "attestation", value: "https://savonnerie.example/cgv signed 2026-11-02" });

    expect(await post({ intent: "withdraw", checkId: pending.id })).toEqual({ status: 200, body: { intent: "withdraw", ok: true } });
    expect(resultOf((await open()).data, pending.id)).toMatchObject({ status: "manual_pending", attestation: null });
  });

  it("an attestation recorded while a re-check collects is kept in the re-check's report", async () => {
    const { data } = await open();
    const pending = data.latest.report!.results.find((r) => r.status === "manual_pending" && data.definitions[r.id].attestation)!;
    const { adapter, ...options } = await wooScanContext(wpAdmin.domain);
    let release!: () => void;
    const collecting = new Promise<void>((resolve) => (release = resolve));
    const slow = {
      platform: adapter.platform,
      collectChecklistFacts: async () => {
        const facts = await adapter.collectChecklistFacts();
        await collecting;
        return facts;
      },
    };
    const recheck = recheckItem(prisma, { platform: "woocommerce", shopDomain: wpAdmin.domain }, slow, "sec-https", options);
    expect(await post({ intent: "attest", checkId: pending.id, evidence: "Questionnaire SAQ A rempli" })).toMatchObject({ body: { ok: true } });
    release();
    expect(await recheck).toMatchObject({ status: "done", trigger: "recheck" });
    expect(resultOf((await open()).data, pending.id)).toMatchObject({ status: "manual_attested" });
    await post({ intent: "withdraw", checkId: pending.id });
  });

  it("refuses a forged, expired or other shop's session before reading the form, and records nothing", async () => {
    const { data } = await open();
    const pending = data.latest.report!.results.find((r) => r.status === "manual_pending" && data.definitions[r.id].attestation)!;
    const expired = mintAdminSession(ADMIN_LINK_SECRET, { shop: wpAdmin.domain, user: 1 }, Date.now() - 2 * ADMIN_SESSION_TTL_SECONDS * 1000);
    const otherSecret = mintAdminSession("k".repeat(43), { shop: wpAdmin.domain, user: 1 });
    const scansBefore = await prisma.checklistScan.count();
    for (const token of [expired, otherSecret, "forged.token", ""]) {
      const attempts: Array<Record<string, string>> = [{ intent: "attest", checkId: pending.id, evidence: "forged" }, { intent: "scan" }, { intent: "recheck", checkId: pending.id }];
      for (const fields of attempts) {
        expect(await post(fields, token)).toEqual({ status: 403, body: { expired: true } });
      }
      const denied = await open(token);
      expect(denied.data.authorised).toBe(false);
      expect(denied.response.headers.get("Content-Security-Policy")).toBe("frame-ancestors 'none';");
    }
    expect(await prisma.checklistAttestation.count({ where: { shopDomain: wpAdmin.domain } })).toBe(0);
    expect(await prisma.checklistScan.count()).toBe(scansBefore);
  });

  it("bounds the body of an authorised post", async () => {
    const request = new Request(`https://rassure.test${PATH}?store=${encodeURIComponent(wpAdmin.domain)}&locale=fr`, {
      method: "POST",
      body: new URLSearchParams({ intent: "attest", checkId: "x", evidence: "a".repeat(64 * 1024) }),
      headers: { [ADMIN_SESSION_HEADER]: session, "Content-Type": "application/x-www-form-urlencoded" },
    });
    const refused = await action({ request, ...ROUTE_CALL }).catch((thrown: unknown) => thrown);
    expect((refused as Response).status).toBe(413);
  });

  it("Scan now starts a scan of this shop in the background", async () => {
    const started = await post({ intent: "scan" });
    expect(started).toEqual({ status: 200, body: { intent: "scan", ok: true, scanId: expect.any(String) } });
    // The answer names the scan it started, so the page follows that one (its toast).
    expect((await open()).data.latest.current).toMatchObject({ id: (started.body as { scanId: string }).scanId, status: "running", trigger: "manual" });
    await waitForBackgroundScans();
    expect((await open()).data.latest.current).toMatchObject({ status: "done", trigger: "manual" });
  });
});
