/**
 * Live state of the dev store: built from a seed, plus the helpers that read
 * and change it (global ids, record lookup, access tokens, installation).
 */
import { randomBytes } from "node:crypto";
import type { DevStoreContext } from "./context";
import type {
  AccessTokenRecord,
  DevStoreSeed,
  DevStoreState,
  FulfillmentRecord,
  OrderRecord,
  RefreshTokenRecord,
} from "./types";

export const DEFAULT_APP_NUMERIC_ID = 7_342_519_809;
export const DEFAULT_APP_INSTALLATION_NUMERIC_ID = 51_234_567_890;

export function gid(type: string, id: number | string): string {
  return `gid://shopify/${type}/${id}`;
}

export function parseGid(id: unknown): { type: string; id: string } | null {
  if (typeof id !== "string") return null;
  const match = /^gid:\/\/shopify\/([A-Za-z]+)\/([^/?#]+)/.exec(id);
  return match ? { type: match[1], id: match[2] } : null;
}

/** Shopify's DateTime format: second precision, UTC, "Z". */
export function isoNow(date: Date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function createState(seed: DevStoreSeed): DevStoreState {
  const copy = structuredClone(seed);
  const appNumericId = copy.appNumericId ?? DEFAULT_APP_NUMERIC_ID;
  const installationNumericId = copy.appInstallationNumericId ?? DEFAULT_APP_INSTALLATION_NUMERIC_ID;
  return {
    ...copy,
    appNumericId,
    appInstallationNumericId: installationNumericId,
    metafields: copy.metafields ?? [],
    locations: copy.locations ?? [],
    deliveryProfiles: copy.deliveryProfiles ?? [],
    appInstallation: {
      id: gid("AppInstallation", installationNumericId),
      appId: gid("App", appNumericId),
      appNumericId,
      installed: false,
      grantedScopes: [],
      installedAt: null,
      uninstalledAt: null,
    },
    accessTokens: [],
    refreshTokens: [],
    webhookDeliveries: [],
    customerNotifications: [],
    nextId: 90_000_000_001,
  };
}

export function nextNumericId(state: DevStoreState): number {
  const id = state.nextId;
  state.nextId += 1;
  return id;
}

export function findOrder(state: DevStoreState, id: unknown): OrderRecord | undefined {
  return state.orders.find((order) => order.id === id);
}

export function findFulfillment(
  state: DevStoreState,
  id: unknown,
): { order: OrderRecord; fulfillment: FulfillmentRecord } | undefined {
  for (const order of state.orders) {
    const fulfillment = order.fulfillments.find((f) => f.id === id);
    if (fulfillment) return { order, fulfillment };
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Scopes
// ---------------------------------------------------------------------------

/** write_x implies read_x, as on Shopify. */
export function expandScopes(scopes: string[]): Set<string> {
  const granted = new Set<string>();
  for (const raw of scopes) {
    const scope = raw.trim();
    if (!scope) continue;
    granted.add(scope);
    if (scope.startsWith("write_")) granted.add(`read_${scope.slice("write_".length)}`);
    if (scope.startsWith("unauthenticated_write_")) {
      granted.add(`unauthenticated_read_${scope.slice("unauthenticated_write_".length)}`);
    }
  }
  return granted;
}

// ---------------------------------------------------------------------------
// Access tokens
// ---------------------------------------------------------------------------

function randomToken(prefix: string): string {
  return `${prefix}${randomBytes(16).toString("hex")}`;
}

export interface IssuedToken {
  access: AccessTokenRecord;
  refresh: RefreshTokenRecord | null;
}

export function issueAccessToken(
  ctx: DevStoreContext,
  kind: "offline" | "online",
  opts: { userId?: number | null; expiresInSeconds?: number | null; withRefreshToken?: boolean },
): IssuedToken {
  const now = Date.now();
  const access: AccessTokenRecord = {
    token: randomToken(kind === "offline" ? "shpat_" : "shpua_"),
    kind,
    userId: opts.userId ?? null,
    scopes: [...ctx.state.appInstallation.grantedScopes],
    createdAt: isoNow(new Date(now)),
    expiresAt: opts.expiresInSeconds ? new Date(now + opts.expiresInSeconds * 1000).toISOString() : null,
    revoked: false,
  };
  ctx.state.accessTokens.push(access);
  let refresh: RefreshTokenRecord | null = null;
  if (opts.withRefreshToken) {
    refresh = {
      token: randomToken("shprt_"),
      accessToken: access.token,
      createdAt: access.createdAt,
      expiresAt: new Date(now + REFRESH_TOKEN_LIFETIME_SECONDS * 1000).toISOString(),
      revoked: false,
    };
    ctx.state.refreshTokens.push(refresh);
  }
  return { access, refresh };
}

export const EXPIRING_OFFLINE_TOKEN_LIFETIME_SECONDS = 3600;
export const REFRESH_TOKEN_LIFETIME_SECONDS = 90 * 24 * 3600;
export const ONLINE_TOKEN_LIFETIME_SECONDS = 86_399;

/** A token is live when this store issued it, it is not revoked or expired, and the app is installed. */
export function findLiveAccessToken(ctx: DevStoreContext, token: string | null): AccessTokenRecord | undefined {
  if (!token || !ctx.state.appInstallation.installed) return undefined;
  const record = ctx.state.accessTokens.find((t) => t.token === token);
  if (!record || record.revoked) return undefined;
  if (record.expiresAt && Date.parse(record.expiresAt) <= Date.now()) return undefined;
  return record;
}

export function revokeAllTokens(ctx: DevStoreContext): void {
  for (const token of ctx.state.accessTokens) token.revoked = true;
  for (const token of ctx.state.refreshTokens) token.revoked = true;
}

// ---------------------------------------------------------------------------
// Installation
// ---------------------------------------------------------------------------

export function markInstalled(ctx: DevStoreContext): void {
  const installation = ctx.state.appInstallation;
  const wanted = ctx.app.scopes.map((s) => s.trim()).filter(Boolean);
  if (installation.installed) {
    // Managed install: when the app's configuration asks for other scopes, Shopify has the
    // merchant approve them as the app opens; the token exchanged then carries them.
    if (wanted.join(",") !== installation.grantedScopes.join(",")) {
      ctx.log(`scopes of "${ctx.app.handle}" updated (${installation.grantedScopes.join(",")} → ${wanted.join(",")}), approved by the merchant`);
      installation.grantedScopes = wanted;
    }
    return;
  }
  installation.installed = true;
  installation.grantedScopes = wanted;
  installation.installedAt = isoNow();
  installation.uninstalledAt = null;
  ctx.log(`app "${ctx.app.handle}" installed on ${ctx.shopDomain} (scopes: ${installation.grantedScopes.join(",")})`);
}

export function markUninstalled(ctx: DevStoreContext): void {
  const installation = ctx.state.appInstallation;
  installation.installed = false;
  installation.uninstalledAt = isoNow();
  revokeAllTokens(ctx);
  // App-data metafields are deleted with the installation, as on Shopify.
  ctx.state.metafields = ctx.state.metafields.filter((m) => m.ownerId !== installation.id);
  ctx.log(`app "${ctx.app.handle}" uninstalled from ${ctx.shopDomain}`);
}

/** The state without secrets, for /_dev/state. */
export function publicStateDump(state: DevStoreState): unknown {
  const { accessTokens, refreshTokens, ...rest } = state;
  return {
    ...rest,
    accessTokens: {
      issued: accessTokens.length,
      live: accessTokens.filter((t) => !t.revoked && (!t.expiresAt || Date.parse(t.expiresAt) > Date.now())).length,
    },
    refreshTokens: { issued: refreshTokens.length },
  };
}
