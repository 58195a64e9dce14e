/**
 * The merchant's path through a WooCommerce connection, for tests: the app's real routes served
 * over HTTP (route server), a dev store whose outgoing requests to https://rassure.test reach
 * them (as WordPress would reach the real app), the connect form, WooCommerce's approval
 * screen and the return page.
 */
import { expect } from "vitest";
import { action as connectAction } from "../../../app/routes/woocommerce.connect";
import { loader as returnLoader } from "../../../app/routes/woocommerce.return";
import { startRouteServer, type RouteServer } from "../../support/route-server";

export const APP_HOST = "rassure.test";

export interface ConnectFlow {
  app: RouteServer;
  /** The dev store's outbound fetch: https://rassure.test/… goes to the route server. */
  storeFetch: typeof fetch;
  /** Make the app's /woocommerce/callback answer this status instead (null: the real answer). */
  overrideCallback(status: number | null): void;
  close(): Promise<void>;
}

export async function startConnectFlow(): Promise<ConnectFlow> {
  const app = await startRouteServer();
  let callbackOverride: number | null = null;
  const storeFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    if (url.hostname !== APP_HOST) throw new TypeError(`unexpected outbound host ${url.hostname}`);
    if (callbackOverride !== null && url.pathname === "/woocommerce/callback") return new Response("nope", { status: callbackOverride });
    return fetch(`${app.url}${url.pathname}${url.search}`, init);
  }) as typeof fetch;
  return {
    app,
    storeFetch,
    overrideCallback: (status) => {
      callbackOverride = status;
    },
    close: () => app.close(),
  };
}

/** The connect form's POST: a redirect to the approval screen, or the problem shown. */
export async function startConnect(storeInput: string, body = new URLSearchParams({ store: storeInput })): Promise<Response | { problem: string; store?: string }> {
  const request = new Request(`https://${APP_HOST}/woocommerce/connect`, { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded" } });
  return (await connectAction({ request, params: {}, context: {} })) as Response | { problem: string };
}

/** Follows the merchant's browser: authorize screen → Approve link → redirect to return_url. */
export async function approve(authorizeUrl: string): Promise<Response> {
  const page = await fetch(authorizeUrl);
  expect(page.status).toBe(200);
  const html = await page.text();
  const href = /class="button-primary wc-auth-approve" href="([^"]+)"/.exec(html)?.[1];
  expect(href).toBeTruthy();
  return fetch(href!.replace(/&amp;/g, "&"), { redirect: "manual" });
}

export async function finish(returnUrl: string) {
  const request = new Request(returnUrl, { headers: { "Accept-Language": "fr-FR" } });
  return returnLoader({ request, params: {}, context: {} });
}

/** Connect form → approval → return page, for the store at `storeUrl`. */
export async function connectFully(storeUrl: string) {
  const start = await startConnect(storeUrl);
  expect(start).toBeInstanceOf(Response);
  const granted = await approve((start as Response).headers.get("Location")!);
  expect(granted.status).toBe(302);
  return finish(granted.headers.get("Location")!);
}
