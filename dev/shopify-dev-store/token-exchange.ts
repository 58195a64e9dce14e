/**
 * POST /admin/oauth/access_token: OAuth token exchange (session token ->
 * offline/online access token, non-expiring offline token -> expiring one) and
 * refresh_token grants, with the request and response bodies
 * @shopify/shopify-api sends and expects. The first offline token installs the
 * app (managed installation).
 */
import type { DevStoreContext } from "./context";
import { readBodyParams, jsonResponse } from "./responses";
import { verifySessionToken } from "./session-token";
import {
  EXPIRING_OFFLINE_TOKEN_LIFETIME_SECONDS,
  findLiveAccessToken,
  issueAccessToken,
  markInstalled,
  ONLINE_TOKEN_LIFETIME_SECONDS,
  type IssuedToken,
} from "./state";

export const TOKEN_EXCHANGE_GRANT = "urn:ietf:params:oauth:grant-type:token-exchange";
export const ID_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:id_token";
export const OFFLINE_TOKEN_TYPE = "urn:shopify:params:oauth:token-type:offline-access-token";
export const ONLINE_TOKEN_TYPE = "urn:shopify:params:oauth:token-type:online-access-token";

function oauthError(error: string, description: string | null, status: number): Response {
  return jsonResponse(description ? { error, error_description: description } : { error }, status);
}

function offlineBody(issued: IssuedToken): Record<string, unknown> {
  const body: Record<string, unknown> = {
    access_token: issued.access.token,
    scope: issued.access.scopes.join(","),
  };
  if (issued.refresh) {
    body.expires_in = EXPIRING_OFFLINE_TOKEN_LIFETIME_SECONDS;
    body.refresh_token = issued.refresh.token;
    body.refresh_token_expires_in = Math.round((Date.parse(issued.refresh.expiresAt) - Date.now()) / 1000);
  }
  return body;
}

function issueOffline(store: DevStoreContext, expiring: boolean): IssuedToken {
  markInstalled(store);
  return issueAccessToken(store, "offline", {
    expiresInSeconds: expiring ? EXPIRING_OFFLINE_TOKEN_LIFETIME_SECONDS : null,
    withRefreshToken: expiring,
  });
}

function issueOnline(store: DevStoreContext, userId: number): Record<string, unknown> {
  markInstalled(store);
  const issued = issueAccessToken(store, "online", { userId, expiresInSeconds: ONLINE_TOKEN_LIFETIME_SECONDS });
  const user = store.state.staffUser;
  const scope = issued.access.scopes.join(",");
  return {
    access_token: issued.access.token,
    scope,
    expires_in: ONLINE_TOKEN_LIFETIME_SECONDS,
    associated_user_scope: scope,
    session: issued.access.token.slice(-32),
    associated_user: {
      id: userId,
      first_name: user.firstName,
      last_name: user.lastName,
      email: user.email,
      account_owner: userId === user.id ? user.accountOwner : false,
      locale: user.locale,
      collaborator: user.collaborator,
      email_verified: user.emailVerified,
    },
  };
}

function tokenExchange(store: DevStoreContext, params: Record<string, unknown>): Response {
  const subjectToken = typeof params.subject_token === "string" ? params.subject_token : "";
  const subjectType = params.subject_token_type;
  const requested = params.requested_token_type;
  const expiring = String(params.expiring ?? "0") === "1";
  if (!subjectToken) return oauthError("invalid_request", "subject_token is required", 400);
  if (requested !== OFFLINE_TOKEN_TYPE && requested !== ONLINE_TOKEN_TYPE) {
    return oauthError("invalid_request", `Unsupported requested_token_type: ${String(requested)}`, 400);
  }

  if (subjectType === OFFLINE_TOKEN_TYPE) {
    // Migration of a non-expiring offline token to an expiring one.
    const current = findLiveAccessToken(store, subjectToken);
    if (!current || current.kind !== "offline" || current.expiresAt !== null) {
      return oauthError("invalid_subject_token", "The subject token is not a live non-expiring offline access token.", 400);
    }
    if (requested !== OFFLINE_TOKEN_TYPE || !expiring) {
      return oauthError("invalid_request", "Offline tokens can only be exchanged for expiring offline tokens.", 400);
    }
    current.revoked = true;
    return jsonResponse(offlineBody(issueOffline(store, true)));
  }
  if (subjectType !== ID_TOKEN_TYPE) {
    return oauthError("invalid_request", `Unsupported subject_token_type: ${String(subjectType)}`, 400);
  }

  const verified = verifySessionToken(store, subjectToken);
  if (!verified.ok) return oauthError("invalid_subject_token", verified.reason, 400);

  if (requested === OFFLINE_TOKEN_TYPE) {
    const issued = issueOffline(store, expiring);
    store.log(`token exchange: offline${expiring ? " (expiring)" : ""} access token issued`);
    return jsonResponse(offlineBody(issued));
  }
  const userId = Number(verified.payload.sub);
  if (!Number.isFinite(userId)) return oauthError("invalid_subject_token", "The session token has no user (sub)", 400);
  store.log(`token exchange: online access token issued for user ${userId}`);
  return jsonResponse(issueOnline(store, userId));
}

function refreshTokenGrant(store: DevStoreContext, params: Record<string, unknown>): Response {
  const token = typeof params.refresh_token === "string" ? params.refresh_token : "";
  const record = store.state.refreshTokens.find((r) => r.token === token);
  if (!record || record.revoked || Date.parse(record.expiresAt) <= Date.now() || !store.state.appInstallation.installed) {
    return oauthError("invalid_grant", "The refresh token is invalid, expired or revoked.", 400);
  }
  record.revoked = true;
  store.log("refresh_token grant: new expiring offline access token issued");
  return jsonResponse(offlineBody(issueOffline(store, true)));
}

export async function handleAccessTokenRequest(store: DevStoreContext, request: Request): Promise<Response> {
  const params = await readBodyParams(request);
  if (!params) return oauthError("invalid_request", "The request body could not be parsed.", 400);
  if (params.client_id !== store.app.apiKey || params.client_secret !== store.app.apiSecret) {
    store.log("access token request rejected: invalid client credentials");
    return oauthError("invalid_client", null, 401);
  }
  switch (params.grant_type) {
    case TOKEN_EXCHANGE_GRANT:
      return tokenExchange(store, params);
    case "refresh_token":
      return refreshTokenGrant(store, params);
    default:
      return oauthError(
        "unsupported_grant_type",
        `The Rassure dev store supports token exchange and refresh_token grants, not ${String(params.grant_type)}.`,
        400,
      );
  }
}
