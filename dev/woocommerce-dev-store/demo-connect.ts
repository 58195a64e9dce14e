/**
 * Connects the WooCommerce dev store to a running Rassure app through the real flow, for the
 * offline demo: /wc-auth/v1/authorize → Approve → key POST to the app's callback → the
 * merchant's return to the app, which verifies the keys, creates the webhooks and links the
 * companion plugin. The app runs on local http; the dev store reaches its "https" callback the
 * way WordPress would reach it through a TLS-terminating proxy (see startDemoWooStore).
 */
import { connectState } from "../../app/woocommerce/connect-state.server";
import { startWooCommerceDevStore, type WooCommerceDevStore } from "./index";

/** A dev store whose outgoing requests to the app's origin (https or http) go to the app over local http. */
export function startDemoWooStore(appUrl: string, port: number): Promise<WooCommerceDevStore> {
  const app = new URL(appUrl);
  const outboundFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const target = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    if (target.host === app.host) target.protocol = app.protocol;
    return fetch(target, init);
  }) as typeof fetch;
  return startWooCommerceDevStore({ port, outboundFetch, allowPrivateTargets: true });
}

export async function connectDemoWooStore(store: WooCommerceDevStore, appUrl: string): Promise<{ wpAdminUrl: string }> {
  const app = new URL(appUrl);
  const authorize = new URL(`${store.url}/wc-auth/v1/authorize`);
  authorize.searchParams.set("app_name", "Rassure");
  authorize.searchParams.set("scope", "read_write");
  authorize.searchParams.set("user_id", connectState(store.url));
  authorize.searchParams.set("return_url", new URL("/woocommerce/return", app).href);
  authorize.searchParams.set("callback_url", `https://${app.host}/woocommerce/callback`);
  const screen = await (await fetch(authorize)).text();
  const approve = /wc-auth-approve" href="([^"]+)"/.exec(screen)?.[1]?.replace(/&amp;/g, "&");
  if (!approve) throw new Error("the WooCommerce dev store did not show its approval screen");
  const granted = await fetch(approve, { redirect: "manual" });
  const returnUrl = granted.headers.get("location");
  if (granted.status !== 302 || !returnUrl) throw new Error(`WooCommerce could not deliver the keys to the app (HTTP ${granted.status})`);
  const back = await fetch(returnUrl, { headers: { "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36" } });
  if (back.status !== 200) throw new Error(`the app did not finish the connection (HTTP ${back.status})`);
  return { wpAdminUrl: `${store.url}/wp-admin/admin.php?page=rassure` };
}
