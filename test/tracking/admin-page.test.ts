/**
 * The Order tracking admin page, driven through its real loader and action with session tokens
 * from the dev store: statuses of the seeded shipments, "fix all", settings, overrides and
 * custom carriers (with template injection refused).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitForBackgroundScans } from "../../app/checklist/background.server";
import prisma from "../../app/db.server";
import { action, loader } from "../../app/routes/app.tracking";
import { trackingWorkerIdle } from "../../app/tracking/jobs.server";
import type { ShopifyDevStore } from "../../dev/shopify-dev-store";
import { settleBackgroundReads, waitForStoredReads } from "../../app/platform-reads/stored-reads.server";
import { ageStoredReads, answersWithin, holdAdminApi } from "../support/platform-reads";
import { TEST_APP } from "../support/test-app";
import { startTrackingHarness, type TrackingHarness } from "./support";

let harness: TrackingHarness;
let store: ShopifyDevStore;

beforeAll(async () => {
  harness = await startTrackingHarness();
  store = harness.store;
});

afterAll(async () => {
  await trackingWorkerIdle();
  await harness?.close();
});

const args = (request: Request) => ({ request, params: {}, context: {} });

async function load() {
  return loader(args(new Request(store.embeddedAppUrl("/app/tracking"))));
}

async function post(fields: Record<string, string>) {
  const request = new Request(`${TEST_APP.appUrl}/app/tracking?_data=routes%2Fapp.tracking`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { authorization: `Bearer ${store.mintSessionToken()}`, "content-type": "application/x-www-form-urlencoded" },
  });
  return action(args(request));
}

const statusOf = (rows: Awaited<ReturnType<typeof load>>["rows"], order: string) => rows.find((r) => r.orderName === order)?.status;

describe("Order tracking page", () => {
  it("lists recent shipments with their link status", async () => {
    const { rows, shipments, registry } = await load();
    expect(shipments.error).toBeNull();
    expect(registry.carriers.length).toBeGreaterThanOrEqual(60);
    expect(statusOf(rows, "#1001")).toBe("ok"); // Colissimo with its link
    expect(statusOf(rows, "#1002")).toBe("needs-fix"); // Colissimo, no link
    expect(statusOf(rows, "#1003")).toBe("needs-fix"); // "colissimo", no link
    expect(statusOf(rows, "#1005")).toBe("unknown-carrier"); // Transports Martin
    expect(statusOf(rows, "#1006")).toBe("missing-number"); // marked fulfilled, no tracking
    expect(statusOf(rows, "#1008")).toBe("needs-fix"); // UPS number, no company
    expect(statusOf(rows, "#1011")).toBe("missing-number"); // Mondial Relay, no number yet
    expect(rows.find((r) => r.orderName === "#1008")?.proposedUrl).toBe("https://www.ups.com/track?tracknum=1Z999AA10123456784");
  });

  it("reads the shop's carrier overrides and custom carriers once per view (the list and the rows' choices share them)", async () => {
    // Each table's reads counted (still answered by the database), then the client as it was.
    const counted = (delegate: { findMany: (...args: never[]) => unknown }) => {
      const original = delegate.findMany;
      const calls = { count: 0 };
      delegate.findMany = (...args: never[]) => (calls.count++, original.apply(delegate, args));
      return { calls, restore: () => (delegate.findMany = original) };
    };
    const overrides = counted(prisma.carrierOverride as never);
    const custom = counted(prisma.customCarrier as never);
    try {
      const { rows } = await load();
      expect(rows.length).toBeGreaterThan(0);
      expect(overrides.calls.count).toBe(1);
      expect(custom.calls.count).toBe(1);
    } finally {
      overrides.restore();
      custom.restore();
      await settleBackgroundReads();
    }
  });

  it("opens from the shipments stored at the last visit without waiting on Shopify", async () => {
    await waitForBackgroundScans(); // the install's scan also calls the Admin API
    await ageStoredReads(store.shopDomain);
    const shopify = holdAdminApi(store);
    try {
      const data = await answersWithin(load());
      expect(data).not.toBe("still waiting");
      if (data === "still waiting") return;
      expect(statusOf(data.rows, "#1001")).toBe("ok");
      expect(data.shipments.readAt).toEqual(expect.any(String));
      expect(data.pending).toEqual({ kinds: ["recent-shipments"], since: expect.any(String) });
      // A background read reaches Shopify after the app's call budget is reserved (a database round
      // trip), which may end after the page answered: wait for the calls, then see no other follows.
      await expect.poll(() => shopify.calls()).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(shopify.calls()).toBe(1); // the background refresh, which the page did not wait for
    } finally {
      shopify.release();
      await settleBackgroundReads();
    }
  });

  it("shows what the background refresh found once it is over", async () => {
    // The merchant adds the number and link of #1011's parcel in Shopify.
    const order = store.state.orders.find((o) => o.name === "#1011")!;
    const sent = store.state.orders.find((o) => o.name === "#1001")!.fulfillments[0].trackingInfo[0];
    const before = order.fulfillments[0].trackingInfo;
    order.fulfillments[0].trackingInfo = [{ ...sent }];
    try {
      await ageStoredReads(store.shopDomain);
      const first = await load();
      expect(statusOf(first.rows, "#1011")).toBe("missing-number"); // what was stored, at once
      expect(await waitForStoredReads({ platform: "shopify", shopDomain: store.shopDomain }, first.pending!)).toBe(true);
      const revalidated = await load();
      expect(statusOf(revalidated.rows, "#1011")).toBe("ok");
      expect(revalidated.pending).toBeNull(); // just read: the revalidation does not read again
      expect(Date.parse(revalidated.shipments.readAt!)).toBeGreaterThan(Date.parse(first.shipments.readAt!));
    } finally {
      order.fulfillments[0].trackingInfo = before;
      await ageStoredReads(store.shopDomain);
      await load();
      await settleBackgroundReads();
    }
  });

  it("keeps the stored shipments and says the refresh failed when Shopify is throttled", async () => {
    const stored = await load();
    await ageStoredReads(store.shopDomain);
    store.simulate.throttleNext(10);
    try {
      const first = await load();
      await settleBackgroundReads();
      const data = await load();
      expect(data.rows).toEqual(first.rows);
      expect(data.rows.length).toBeGreaterThan(0);
      expect(data.shipments.error).toContain("Throttled");
      expect(data.shipments.readAt).toBe(stored.shipments.readAt); // the age of what is shown, not of the failed try
    } finally {
      store.simulate.reset();
    }
    await ageStoredReads(store.shopDomain);
    await load();
    await settleBackgroundReads();
    expect((await load()).shipments.error).toBeNull();
  });

  it("fixes all links at once, then shows them as fixed by Rassure", async () => {
    const result = await post({ intent: "fix-all" });
    expect(result).toMatchObject({ intent: "fix-all", ok: true, result: { queued: 3, fixed: 3, failed: 0 } });
    await store.flushWebhooks();
    await trackingWorkerIdle();
    const { rows } = await load();
    for (const order of ["#1002", "#1003", "#1008"]) expect(statusOf(rows, order), order).toBe("fixed");
    expect(statusOf(rows, "#1001")).toBe("ok");
    expect(await prisma.trackingFix.count({ where: { source: "backfill" } })).toBe(3);
    // Nothing left to do: a second click writes nothing.
    expect(await post({ intent: "fix-all" })).toMatchObject({ ok: true, result: { queued: 0 } });
  });

  it("saves the automatic-fix and notification settings", async () => {
    expect(await post({ intent: "save", notifyCustomer: "on" })).toEqual({ intent: "save", ok: true, saved: { custom: false, override: false }, problems: {} });
    expect((await load()).settings).toEqual({ autoFix: false, notifyCustomer: true });
  });

  it("refuses custom carrier templates that are not https, lack the number or try to inject", async () => {
    for (const [urlTemplate, problem] of [
      ["http://suivi.example.fr/{number}", "not-https"],
      ["https://suivi.example.fr/colis", "no-number"],
      ["https://{number}.example.fr/", "placeholder-in-host"],
      ['https://suivi.example.fr/{number}"><script>alert(1)</script>', "forbidden-characters"],
      ["javascript:alert(document.cookie)//{number}", "not-https"],
    ]) {
      expect(await post({ intent: "save", name: "Martin", urlTemplate }), urlTemplate).toEqual({ intent: "save", ok: false, saved: { custom: false, override: false }, problems: { custom: problem } });
    }
    expect((await load()).customCarriers).toEqual([]);
  });

  it("adds a custom carrier and an override pointing to it, then turns the unknown carrier into a link", async () => {
    expect(await post({ intent: "save", name: "Martin Express", urlTemplate: "https://suivi.martin.example/colis?n={number}" })).toMatchObject({ intent: "save", ok: true, saved: { custom: true } });
    expect(await post({ intent: "save", name: "martin express", urlTemplate: "https://other.example/{number}" })).toMatchObject({ ok: false, problems: { custom: "name-taken" } });
    const { customCarriers } = await load();
    expect(await post({ intent: "save", company: "Transports Martin", carrierRef: `custom:${customCarriers[0].id}` })).toMatchObject({ intent: "save", ok: true, saved: { override: true } });
    expect(await post({ intent: "save", company: "Foo", carrierRef: "registry:no-such-carrier" })).toMatchObject({ ok: false, problems: { override: "unknown-carrier" } });
    // One save of the whole form: the part that is right is stored, the refused one is reported.
    expect(await post({ intent: "save", company: "Colis Rapide", carrierRef: "registry:colissimo", name: "Bad", urlTemplate: "http://x.example/{number}" })).toEqual({
      intent: "save",
      ok: false,
      saved: { custom: false, override: true },
      problems: { custom: "not-https" },
    });
    expect((await load()).overrides.map((o) => o.company)).toContain("Colis Rapide");

    const before = await load();
    expect(before.rows.find((r) => r.orderName === "#1005")).toMatchObject({ status: "needs-fix", proposedUrl: "https://suivi.martin.example/colis?n=TM2024088172" });
    expect(await post({ intent: "fix-all" })).toMatchObject({ ok: true, result: { queued: 1, fixed: 1 } });
    const order = store.state.orders.find((o) => o.name === "#1005")!;
    expect(order.fulfillments[0].trackingInfo[0]).toMatchObject({ company: "Martin Express", url: "https://suivi.martin.example/colis?n=TM2024088172" });

    // Removing the custom carrier removes the override that pointed to it.
    await post({ intent: "remove-custom", id: customCarriers[0].id });
    expect((await load()).overrides.map((o) => o.company)).toEqual(["Colis Rapide"]);
  });
});
