/**
 * The key-generation flow of WC_Auth (`/wc-auth/v1/authorize`): validates the parameters,
 * shows the approve/deny screen (the shop administrator is taken as logged in), then on
 * approval creates a key, POSTs it as JSON to the https callback_url and keeps it only if
 * the callback answers exactly 200 — otherwise the key is deleted and the merchant sees an
 * error — and finally redirects to return_url with success=1&user_id=….
 */
import { createHmac, randomBytes } from "node:crypto";
import { hashConsumerKey } from "./auth";
import { isPrivateHost, type WooStoreContext } from "./context";
import { escapeHtml, html } from "./responses";
import type { ApiKey, KeyPermissions } from "./types";

const REQUIRED = ["app_name", "scope", "user_id", "return_url", "callback_url"] as const;
const SCOPES: KeyPermissions[] = ["read", "write", "read_write"];
const NONCE_SECRET = randomBytes(16);

function page(title: string, body: string, status = 200): Response {
  return html(`<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body class="wc-auth">${body}</body></html>`, status);
}

/** wp_die() as WC_Auth uses it: a 401 page with the message. */
function die(message: string): Response {
  return page("WordPress › Error", `<div class="wp-die-message"><p>${escapeHtml(message)}</p></div>`, 401);
}

function nonceFor(params: URLSearchParams): string {
  return createHmac("sha256", NONCE_SECRET).update(REQUIRED.map((name) => params.get(name) ?? "").join("\n")).digest("hex").slice(0, 10);
}

/** Validates like WC_Auth::auth_endpoint; returns the error page or the normalised callback URL. */
function validate(params: URLSearchParams): Response | { callbackUrl: string; returnUrl: string; scope: KeyPermissions } {
  for (const name of REQUIRED) if (!params.get(name)) return die(`Missing parameter ${name}`);
  const scope = params.get("scope") as KeyPermissions;
  if (!SCOPES.includes(scope)) return die(`Invalid scope ${params.get("scope")}`);
  let callback = params.get("callback_url") as string;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(callback)) callback = `https://${callback}`;
  let callbackUrl: URL;
  let returnUrl: URL;
  try {
    callbackUrl = new URL(callback);
    returnUrl = new URL(params.get("return_url") as string);
  } catch {
    return die("An error occurred in the request and at the time were unable to send the consumer data");
  }
  if (callbackUrl.protocol !== "https:") return die("The callback_url needs to be over SSL");
  return { callbackUrl: callbackUrl.href, returnUrl: returnUrl.href, scope };
}

function withQuery(url: string, extra: Record<string, string>): string {
  const target = new URL(url);
  for (const [name, value] of Object.entries(extra)) target.searchParams.set(name, value);
  return target.href;
}

function authorizePage(store: WooStoreContext, params: URLSearchParams, returnUrl: string, scope: KeyPermissions): Response {
  const approve = new URL("/wc-auth/v1/access_granted/", store.homeUrl);
  for (const name of REQUIRED) approve.searchParams.set(name, params.get(name) as string);
  approve.searchParams.set("wc_auth_nonce", nonceFor(params));
  const deny = withQuery(returnUrl, { success: "0", user_id: params.get("user_id") as string });
  const app = escapeHtml(params.get("app_name") as string);
  return page(
    "Accès à l'API",
    `<h1>${app} would like to connect to your store</h1><p>Permission: ${escapeHtml(scope)}</p>` +
      `<p class="wc-auth-actions"><a class="button-primary wc-auth-approve" href="${escapeHtml(approve.href)}">Approve</a> ` +
      `<a class="button wc-auth-deny" href="${escapeHtml(deny)}">Deny</a></p>`,
  );
}

/** Creates a key pair as WooCommerce does (the consumer key is kept only as its hash). */
export function createKey(store: WooStoreContext, description: string, scope: KeyPermissions): { record: ApiKey; consumerKey: string } {
  const consumerKey = `ck_${randomBytes(20).toString("hex")}`;
  const record: ApiKey = {
    keyId: store.state.nextId.key++,
    userId: 1,
    description,
    permissions: scope,
    consumerKeyHash: hashConsumerKey(consumerKey),
    consumerSecret: `cs_${randomBytes(20).toString("hex")}`,
    truncatedKey: consumerKey.slice(-7),
  };
  store.state.keys.push(record);
  return { record, consumerKey };
}

async function accessGranted(store: WooStoreContext, params: URLSearchParams, callbackUrl: string, returnUrl: string, scope: KeyPermissions): Promise<Response> {
  if (params.get("wc_auth_nonce") !== nonceFor(params)) return die("Invalid nonce verification");
  const description = `${params.get("app_name")} - API (${new Date().toISOString().slice(0, 16).replace("T", " ")})`;
  const { record, consumerKey } = createKey(store, description, scope);
  const payload = { key_id: record.keyId, user_id: params.get("user_id"), consumer_key: consumerKey, consumer_secret: record.consumerSecret, key_permissions: scope };
  let status: number | null = null;
  try {
    if (!store.allowPrivateTargets && isPrivateHost(new URL(callbackUrl).hostname)) throw new Error("private host refused");
    const response = await store.outboundFetch(callbackUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json", "User-Agent": "WordPress/6.5.3; WooCommerce/8.9.1" },
      body: JSON.stringify(payload),
      redirect: "manual",
      signal: AbortSignal.timeout(60_000),
    });
    status = response.status;
    await response.body?.cancel();
  } catch (error) {
    store.log(`wc-auth callback failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (status !== 200) {
    store.state.keys = store.state.keys.filter((key) => key !== record);
    return die("An error occurred in the request and at the time were unable to send the consumer data");
  }
  return new Response(null, { status: 302, headers: { Location: withQuery(returnUrl, { success: "1", user_id: params.get("user_id") as string }) } });
}

/** Routes `/wc-auth/v1/{authorize,access_granted}`. */
export async function wcAuthRoute(store: WooStoreContext, endpoint: string, url: URL): Promise<Response | null> {
  if (endpoint !== "authorize" && endpoint !== "access_granted") return null;
  const checked = validate(url.searchParams);
  if (checked instanceof Response) return checked;
  if (endpoint === "authorize") return authorizePage(store, url.searchParams, checked.returnUrl, checked.scope);
  return accessGranted(store, url.searchParams, checked.callbackUrl, checked.returnUrl, checked.scope);
}
