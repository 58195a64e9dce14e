/**
 * How the app reads a WooCommerce store: with a key, through authenticated routes only — many
 * shops close the anonymous REST API (`/wp-json/` index included) with a security plugin, and
 * every flow must still work there — and one collection per view (a page does not read the same
 * data twice).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.SHOPIFY_APP_URL = "https://rassure.test";
  process.env.RASSURE_WOOCOMMERCE_ALLOW_PRIVATE_HOSTS = "1";
});

import prisma from "../../app/db.server";
import { action as adminAction, loader as adminLoader } from "../../app/routes/woocommerce.admin";
import { loader as blocksLoader } from "../../app/routes/woocommerce.admin_.blocks";
import { drainTrackingJobs, recentTrackingChecks, trackingWorkerIdle } from "../../app/tracking/jobs.server";
import { mintAdminToken } from "../../app/woocommerce/admin-token.server";
import { wooVerificationsIdle } from "../../app/woocommerce/connect.server";
import { startWooCommerceDevStore, type WooCommerceDevStore } from "../../dev/woocommerce-dev-store";
import { connectFully, startConnect, startConnectFlow, type ConnectFlow } from "./support/connect-flow";
import { adminPost } from "./support/admin-requests";

let flow: ConnectFlow;
let restricted: WooCommerceDevStore;

const call = { params: {}, context: {} };
const domainOf = (store: WooCommerceDevStore) => new URL(store.url).host;

/** What the companion plugin's wp-admin page frames: the overview with a fresh entry token. */
function wpAdminFrame(store: WooCommerceDevStore, path = "/woocommerce/admin"): string {
  const link = store.state.companionPlugin.link!;
  return `https://rassure.test${path}?${new URLSearchParams({ store: link.shop, token: mintAdminToken(link.adminSecret, link.shop, 1), locale: "fr" })}`;
}

async function readJson<T>(response: unknown): Promise<T> {
  return (await (response as Response).json()) as T;
}

beforeAll(async () => {
  flow = await startConnectFlow();
  restricted = await startWooCommerceDevStore({ outboundFetch: flow.storeFetch, restIndexRestricted: true, shipmentTracking: true });
});

afterAll(async () => {
  await restricted?.close();
  await flow?.close();
});

beforeEach(async () => {
  await wooVerificationsIdle();
  restricted.state.companionPlugin.active = true;
});

describe("a shop whose anonymous REST API is closed", () => {
  it("the dev store answers anonymous REST requests 401, index included; a key still opens the wc/ and wc- routes", async () => {
    const index = await fetch(`${restricted.url}/wp-json/`);
    expect(index.status).toBe(401);
    expect(await index.json()).toMatchObject({ code: "rest_login_required" });
    expect((await fetch(`${restricted.url}/wp-json/wp/v2/pages`)).status).toBe(401);
    expect((await fetch(`${restricted.url}/?rest_route=/`)).status).toBe(401);
  });

  it("connects, then the overview, a scan, publishing, the blocks editor and tracking all work with the key alone", async () => {
    const domain = domainOf(restricted);
    const connected = await connectFully(restricted.url);
    expect(connected).toMatchObject({ ok: true, name: "Savonnerie du Vieux-Port", pluginLinked: true, webhooks: 2 });
    const keyed = restricted.restRequests.length;

    const overview = await readJson<{ authorised: boolean; name: string; error: string | null }>(await adminLoader({ request: new Request(wpAdminFrame(restricted)), ...call }));
    expect(overview).toMatchObject({ authorised: true, name: "Savonnerie du Vieux-Port", error: null });
    const { token } = await readJson<{ token: string }>(await adminLoader({ request: new Request(wpAdminFrame(restricted)), ...call }));
    const act = (intent: string) => adminAction({ request: adminPost("/woocommerce/admin", domain, token, { intent }), ...call });
    expect(await act("publish")).toEqual({ published: true });
    expect(restricted.state.companionPlugin).toMatchObject({ enabled: true, config: { version: 1 } });
    expect(await act("scan")).toEqual({ scanned: true });
    const scanned = await readJson<{ checklist: { score: number | null; failed: string | null } }>(await adminLoader({ request: new Request(wpAdminFrame(restricted)), ...call }));
    expect(scanned.checklist).toMatchObject({ failed: null });
    expect(scanned.checklist.score).toBeGreaterThan(0);

    const editor = await readJson<{ authorised: boolean; apiError: string | null; timeZone: string; theme: { embedActive: boolean } }>(await blocksLoader({ request: new Request(wpAdminFrame(restricted, "/woocommerce/admin/blocks")), ...call }));
    expect(editor).toMatchObject({ authorised: true, apiError: null, timeZone: "Europe/Paris", theme: { embedActive: true } });

    // A completed order whose parcel has a number but no link gets Rassure's link through Shipment Tracking.
    restricted.state.shipmentTracking.items.set(104, [{ tracking_id: "t1", tracking_provider: "La Poste Colis", custom_tracking_provider: "", custom_tracking_link: "", tracking_number: "6A18734592013", date_shipped: 1_700_000_000 }]);
    await restricted.updateOrder(104, { status: "completed" });
    await restricted.flushWebhooks();
    await trackingWorkerIdle();
    await drainTrackingJobs();
    const [job] = await recentTrackingChecks({ platform: "woocommerce", shopDomain: domain }, { fulfillmentId: "104" });
    expect(job).toMatchObject({ status: "done", result: { outcome: "fixed" } });
    expect(restricted.state.shipmentTracking.items.get(104)).toEqual([expect.objectContaining({ custom_tracking_provider: "Colissimo", tracking_number: "6A18734592013" })]);

    // Once the key existed, nothing depended on an anonymous request.
    const anonymous = restricted.restRequests.slice(keyed).filter((r) => !r.authenticated);
    expect(anonymous.map((r) => `${r.method} ${r.route}`)).toEqual([]);
  }, 60_000);

  it("without the companion plugin too: the shop connects (its name unknown, so its address stands in) and publishing names the missing plugin", async () => {
    await prisma.shop.deleteMany();
    restricted.state.companionPlugin.active = false;
    const connected = await connectFully(restricted.url);
    expect(connected).toMatchObject({ ok: true, name: domainOf(restricted), pluginLinked: false });
    const shop = await prisma.shop.findFirstOrThrow({ where: { platform: "woocommerce" } });
    const { publishWooBlocks } = await import("../../app/woocommerce/blocks.server");
    const result = await publishWooBlocks(shop, null);
    expect(result).toMatchObject({ ok: true, published: false });
    expect((await prisma.storefrontConfig.findUniqueOrThrow({ where: { shopId: shop.id } })).publishError).toMatch(/Rassure for WooCommerce plugin/);
  });

  it("the connect check recognises WooCommerce by its /wc-auth endpoint when the index is closed", async () => {
    const start = await startConnect(restricted.url);
    expect(start).toBeInstanceOf(Response);
    expect(new URL((start as Response).headers.get("Location")!).pathname).toBe("/wc-auth/v1/authorize");
  });
});
