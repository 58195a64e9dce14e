/**
 * Connecting a WooCommerce store (WooCommerce's /wc-auth/v1/authorize key flow):
 * 1. begin: check the store first (connect-preflight.server.ts: reachable, REST API on pretty
 *    permalinks, WooCommerce active, https or not), then send the merchant to the store's
 *    authorize screen with a signed, expiring `user_id` state naming the store;
 * 2. callback: WooCommerce POSTs the new key pair; a valid state and key stores them sealed
 *    and answers exactly 200 (any other answer makes WooCommerce delete the key);
 * 3. finish: the merchant comes back to return_url; the keys are verified with a first API
 *    call, the shop's name/country recorded and the webhooks created.
 */
import { randomBytes } from "node:crypto";
import { normalizeStoreUrl, RASSURE_WEBHOOK_TOPICS, storeDomain, StoreUrlError, WooCommerceApiError } from "../../adapters/woocommerce";
import prisma from "../db.server";
import { appEnvironment } from "../env.server";
import { readBoundedText, RejectedBody } from "../http/bounded-body.server";
import { eraseShopOnUninstall } from "../shops.server";
import { adapterFromCredentials, findWooShop, openWooCredentials, sealWooCredentials, updateWooCredentials, type WooShopCredentials } from "./credentials.server";
import { linkCompanionPlugin } from "./companion.server";
import { preflightStore, type PreflightProblem } from "./connect-preflight.server";
import { connectState, storeFromState } from "./connect-state.server";
import { keyToRevoke, rememberKeys, revokeKeys, WC_AUTH_APP_NAME, type KeyToRevoke } from "./key-revocation.server";
import { webhookDeliveryUrl } from "./webhooks.server";

export type ConnectProblem = "invalid-url" | "app-not-https" | PreflightProblem;

export type BeginResult =
  | { ok: true; authorizeUrl: string; storeUrl: string; httpOnly: boolean }
  | { ok: false; problem: ConnectProblem; detail?: string };

function appUrl(path: string): URL {
  return new URL(path, appEnvironment().appUrl);
}

export async function beginWooConnect(input: string): Promise<BeginResult> {
  const callback = appUrl("/woocommerce/callback");
  // WooCommerce only sends keys to an https callback.
  if (callback.protocol !== "https:") return { ok: false, problem: "app-not-https" };
  let storeUrl: string;
  try {
    storeUrl = normalizeStoreUrl(input);
  } catch (error) {
    return { ok: false, problem: "invalid-url", detail: error instanceof StoreUrlError ? error.message : undefined };
  }
  const checked = await preflightStore(storeUrl);
  if ("problem" in checked) return { ok: false, ...checked };
  const authorize = new URL(`${checked.storeUrl}/wc-auth/v1/authorize`);
  authorize.searchParams.set("app_name", WC_AUTH_APP_NAME);
  authorize.searchParams.set("scope", "read_write");
  authorize.searchParams.set("user_id", connectState(checked.storeUrl));
  authorize.searchParams.set("return_url", appUrl("/woocommerce/return").href);
  authorize.searchParams.set("callback_url", callback.href);
  return { ok: true, authorizeUrl: authorize.href, storeUrl: checked.storeUrl, httpOnly: checked.httpOnly };
}

export interface CallbackOutcome {
  status: 200 | 400 | 403 | 413 | 415;
  message: string;
  /** The shop whose keys were stored (200 only). */
  domain?: string;
}

const MAX_CALLBACK_BYTES = 16 * 1024;

function keyField(body: Record<string, unknown>, name: string, prefix: string): string | null {
  const value = body[name];
  return typeof value === "string" && value.startsWith(prefix) && /^[\w]{10,200}$/.test(value) ? value : null;
}

/** Handles WooCommerce's key POST. Only a 200 keeps the key on the store's side. */
export async function receiveWooKeys(request: Request): Promise<CallbackOutcome> {
  let raw: string;
  try {
    raw = await readBoundedText(request, { maxBytes: MAX_CALLBACK_BYTES, mediaTypes: ["application/json"] });
  } catch (error) {
    if (error instanceof RejectedBody) return { status: error.status, message: error.message };
    throw error;
  }
  let body: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
    body = parsed as Record<string, unknown>;
  } catch {
    return { status: 400, message: "Malformed JSON." };
  }
  const storeUrl = storeFromState(typeof body.user_id === "string" ? body.user_id : String(body.user_id ?? ""));
  if (!storeUrl) return { status: 403, message: "Invalid or expired state." };
  const consumerKey = keyField(body, "consumer_key", "ck_");
  const consumerSecret = keyField(body, "consumer_secret", "cs_");
  if (!consumerKey || !consumerSecret) return { status: 400, message: "Missing consumer key or secret." };
  if (body.key_permissions !== "read_write") return { status: 400, message: "Rassure needs read_write keys." };

  const domain = storeDomain(storeUrl);
  const existing = await findWooShop(domain);
  let previous: WooShopCredentials | null = null;
  try {
    previous = existing?.credentials ? openWooCredentials(existing.credentials) : null;
  } catch {
    previous = null;
  }
  const pending = { consumerKey, consumerSecret, keyId: typeof body.key_id === "number" ? body.key_id : null, issuedAt: new Date().toISOString() };
  const credentials: WooShopCredentials = previous
    ? { ...previous, storeUrl, pending }
    : {
        storeUrl,
        consumerKey: "",
        consumerSecret: "",
        keyId: null,
        keyPermissions: "read_write",
        webhookSecret: randomBytes(32).toString("base64url"),
        adminLinkSecret: randomBytes(32).toString("base64url"),
        pending,
      };
  const sealed = sealWooCredentials(credentials);
  // "pending" until the keys are proven (promotePendingKeys); a connected shop stays connected meanwhile.
  const installState = existing?.installState === "installed" && previous?.consumerKey ? "installed" : "pending";
  await prisma.shop.upsert({
    where: { platform_domain: { platform: "woocommerce", domain } },
    create: { platform: "woocommerce", domain, credentials: sealed, grantedScopes: "read_write", installState },
    update: { credentials: sealed, installState },
  });
  return { status: 200, message: "OK", domain };
}

export type FinishResult =
  | { ok: true; domain: string; storeUrl: string; name: string; httpOnly: boolean; webhookTopics: string[]; webhooksCreated: string[]; pluginLinked: boolean; keysToRevoke: KeyToRevoke[] }
  | { ok: false; problem: "denied" | "invalid-state" | "no-keys" | "keys-rejected" | "store-error"; storeUrl: string | null; detail?: string };

/** The merchant is back from the authorize screen: verify the keys and finish the set-up. */
export type PromoteResult = { ok: true } | { ok: false; problem: "no-keys" | "keys-rejected" | "store-error"; detail?: string };

/**
 * Proves pending keys with a first API call and makes them the active pair; keys the store
 * refuses are dropped (the active pair, if any, stays). Idempotent: nothing pending → ok when
 * an active pair exists.
 */
export async function promotePendingKeys(domain: string): Promise<PromoteResult> {
  const shop = await findWooShop(domain);
  if (!shop?.credentials) return { ok: false, problem: "no-keys" };
  const credentials = openWooCredentials(shop.credentials);
  if (!credentials.pending) return credentials.consumerKey ? { ok: true } : { ok: false, problem: "no-keys" };
  // A reconnect: the key it replaces is to be revoked, and the secrets renewed (finishWooConnect).
  const replaced = credentials.consumerKey && credentials.consumerKey !== credentials.pending.consumerKey ? keyToRevoke(credentials) : null;
  const candidate: WooShopCredentials = {
    ...credentials,
    ...credentials.pending,
    pending: null,
    ...(replaced ? { keysToRevoke: rememberKeys(credentials.keysToRevoke, replaced), secretsDue: true } : {}),
  };
  // Only the row exactly as read is changed: a newer callback or promotion wins.
  const save = (next: WooShopCredentials, data: Record<string, unknown> = {}) =>
    prisma.shop.updateMany({ where: { id: shop.id, credentials: shop.credentials }, data: { credentials: sealWooCredentials(next), ...data } });
  try {
    const profile = await adapterFromCredentials(candidate, { maxRetries: 2 }).getShopProfile();
    await save(candidate, { installState: "installed", installedAt: new Date(), uninstalledAt: null, name: profile.name, countryCode: profile.countryCode, grantedScopes: "read_write" });
    return { ok: true };
  } catch (error) {
    if (error instanceof WooCommerceApiError && (error.status === 401 || error.status === 403)) {
      await save({ ...credentials, pending: null });
      return { ok: false, problem: "keys-rejected", detail: error.message };
    }
    return { ok: false, problem: "store-error", detail: error instanceof Error ? error.message : String(error) };
  }
}

/** The merchant is back from the authorize screen: prove the keys, then finish the set-up. */
export async function finishWooConnect(params: URLSearchParams): Promise<FinishResult> {
  const storeUrl = storeFromState(params.get("user_id"));
  if (!storeUrl) return { ok: false, problem: "invalid-state", storeUrl: null };
  if (params.get("success") !== "1") return { ok: false, problem: "denied", storeUrl };
  const domain = storeDomain(storeUrl);
  const promoted = await promotePendingKeys(domain);
  if (!promoted.ok) return { ok: false, problem: promoted.problem, storeUrl, detail: promoted.detail };
  const shop = await findWooShop(domain);
  if (!shop?.credentials || shop.installState !== "installed") return { ok: false, problem: "no-keys", storeUrl };
  let credentials = openWooCredentials(shop.credentials);
  if (credentials.secretsDue) credentials = (await updateWooCredentials(domain, renewSecrets)) ?? credentials;
  const adapter = adapterFromCredentials(credentials);
  try {
    const profile = await adapter.getShopProfile();
    const { created } = await adapter.ensureWebhooks({ deliveryUrl: webhookDeliveryUrl(domain), secret: credentials.webhookSecret });
    // The store's webhooks now sign with the new secret: the old one stops being accepted.
    if (credentials.previousWebhookSecret) await updateWooCredentials(domain, (c) => ({ ...c, previousWebhookSecret: null }));
    const pluginLinked = await linkCompanionPlugin(adapter, credentials, domain);
    await prisma.shop.update({ where: { id: shop.id }, data: { name: profile.name, countryCode: profile.countryCode } });
    const keysToRevoke = await revokeReplacedKeys(domain);
    return { ok: true, domain, storeUrl, name: profile.name, httpOnly: !profile.storefrontHttps || storeUrl.startsWith("http:"), webhookTopics: [...RASSURE_WEBHOOK_TOPICS], webhooksCreated: created, pluginLinked, keysToRevoke };
  } catch (error) {
    if (error instanceof WooCommerceApiError && (error.status === 401 || error.status === 403)) {
      // Keys that do not work are worth nothing: forget them so the merchant starts again cleanly.
      await eraseShopOnUninstall(prisma, "woocommerce", domain);
      return { ok: false, problem: "keys-rejected", storeUrl, detail: error.message };
    }
    return { ok: false, problem: "store-error", storeUrl, detail: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * New webhook and admin-link secrets after a reconnect (whoever held the old ones loses them);
 * the old webhook secret stays accepted until the store's webhooks are updated.
 */
function renewSecrets(credentials: WooShopCredentials): WooShopCredentials {
  if (!credentials.secretsDue) return credentials;
  return {
    ...credentials,
    previousWebhookSecret: credentials.webhookSecret,
    webhookSecret: randomBytes(32).toString("base64url"),
    adminLinkSecret: randomBytes(32).toString("base64url"),
    secretsDue: false,
  };
}

/** Revokes the keys reconnects replaced (through the plugin); returns those the merchant must delete. */
export async function revokeReplacedKeys(domain: string): Promise<KeyToRevoke[]> {
  const shop = await findWooShop(domain);
  if (!shop?.credentials) return [];
  const credentials = openWooCredentials(shop.credentials);
  const keys = credentials.keysToRevoke ?? [];
  if (!keys.length || !credentials.consumerKey) return keys;
  const left = await revokeKeys(adapterFromCredentials(credentials, { maxRetries: 1 }), keys);
  const gone = new Set(keys.filter((k) => !left.includes(k)).map((k) => k.truncatedKey));
  if (gone.size) await updateWooCredentials(domain, (c) => ({ ...c, keysToRevoke: (c.keysToRevoke ?? []).filter((k) => !gone.has(k.truncatedKey)) }));
  return left;
}

export interface DisconnectResult {
  storeUrl: string | null;
  /** How many of our webhooks were deleted on the store; null when the store could not be reached. */
  webhooksRemoved: number | null;
  /** Keys the store still holds (no plugin, or unreachable): the merchant deletes them by hand. */
  keysToRevoke: KeyToRevoke[];
}

/**
 * Disconnect: delete our webhooks on the store, tell the plugin the link is gone, revoke every
 * key of ours (the active one last: it authenticates the others' revocation), then forget it all.
 */
export async function disconnectWooShop(domain: string): Promise<DisconnectResult> {
  const shop = await findWooShop(domain);
  const result: DisconnectResult = { storeUrl: null, webhooksRemoved: null, keysToRevoke: [] };
  if (shop?.credentials) {
    const credentials = openWooCredentials(shop.credentials);
    result.storeUrl = credentials.storeUrl;
    const keys = [...(credentials.keysToRevoke ?? []), ...(credentials.pending ? [keyToRevoke(credentials.pending)] : []), ...(credentials.consumerKey ? [keyToRevoke(credentials)] : [])];
    if (credentials.consumerKey) {
      const adapter = adapterFromCredentials(credentials, { maxRetries: 1 });
      // The store may be down: the keys are forgotten anyway, and the merchant told what is left.
      result.webhooksRemoved = await adapter.removeWebhooks(webhookDeliveryUrl(domain)).catch(() => null);
      await adapter.unlinkCompanion().catch(() => false);
      result.keysToRevoke = await revokeKeys(adapter, keys);
    } else {
      result.keysToRevoke = keys;
    }
  }
  await eraseShopOnUninstall(prisma, "woocommerce", domain);
  return result;
}

const verifications = new Set<Promise<void>>();

/**
 * The first API call with new keys, made right after the callback has answered 200 (WooCommerce
 * waits for that answer, so it cannot come first). The return page does the same if it runs first.
 */
export function verifyWooKeysSoon(domain: string): void {
  const task = promotePendingKeys(domain).then(
    async (promoted) => {
      if (promoted.ok) await revokeReplacedKeys(domain);
    },
    () => undefined,
  );
  verifications.add(task);
  void task.finally(() => verifications.delete(task));
}

/** Tests and shutdown wait for the verifications in flight. */
export async function wooVerificationsIdle(): Promise<void> {
  while (verifications.size) await Promise.all([...verifications]);
}
