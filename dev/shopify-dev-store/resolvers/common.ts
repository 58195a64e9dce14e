/**
 * Shared pieces of the resolvers: the execution context, resolver map types,
 * argument readers and the access-scope check.
 */
import { GraphQLError, type GraphQLResolveInfo } from "graphql";
import type { DevStoreContext } from "../context";
import type { SearchWarning } from "../search-query";
import type { AccessTokenRecord } from "../types";

export interface ResolverContext {
  store: DevStoreContext;
  token: AccessTokenRecord;
  grantedScopes: Set<string>;
  /** Shopify reports unusable search terms in extensions.search. */
  searchWarnings?: Array<{ path: string[]; query: string; warnings: SearchWarning[] }>;
}

export type Args = Readonly<Record<string, unknown>>;

export type Resolver = (source: unknown, args: Args, ctx: ResolverContext, info: GraphQLResolveInfo) => unknown;

export type ResolverMap = Record<string, Record<string, Resolver>>;

/** Typed resolvers for one GraphQL type whose source records have type S. */
export function resolversFor<S>(
  map: Record<string, (source: S, args: Args, ctx: ResolverContext, info: GraphQLResolveInfo) => unknown>,
): Record<string, Resolver> {
  return map as Record<string, Resolver>;
}

export function optNumber(value: unknown): number | null {
  return typeof value === "number" ? value : null;
}

export function optString(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

export function optBoolean(value: unknown): boolean | null {
  return typeof value === "boolean" ? value : null;
}

export function optStringList(value: unknown): string[] | null {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : null;
}

export function connectionArgs(args: Args) {
  return {
    first: optNumber(args.first),
    last: optNumber(args.last),
    after: optString(args.after),
    before: optString(args.before),
  };
}

/** Shopify's ACCESS_DENIED error when none of `anyOf` was granted. */
export function assertScopes(ctx: ResolverContext, anyOf: readonly string[], what: string): void {
  if (anyOf.some((scope) => ctx.grantedScopes.has(scope))) return;
  const requiredAccess = anyOf.map((scope) => `\`${scope}\` access scope`).join(" or ");
  throw new GraphQLError(`Access denied for ${what} field. Required access: ${requiredAccess}.`, {
    extensions: {
      code: "ACCESS_DENIED",
      documentation: "https://shopify.dev/api/usage/access-scopes",
      requiredAccess: `${requiredAccess}.`,
    },
  });
}

export const ORDER_READ_SCOPES = ["read_orders", "read_marketplace_orders"] as const;
export const FULFILLMENT_READ_SCOPES = [
  "read_orders",
  "read_marketplace_orders",
  "read_fulfillments",
  "read_merchant_managed_fulfillment_orders",
  "read_third_party_fulfillment_orders",
  "read_assigned_fulfillment_orders",
] as const;
export const FULFILLMENT_WRITE_SCOPES = [
  "write_merchant_managed_fulfillment_orders",
  "write_third_party_fulfillment_orders",
  "write_assigned_fulfillment_orders",
  "write_fulfillments",
] as const;
export const THEME_READ_SCOPES = ["read_themes"] as const;
export const POLICY_READ_SCOPES = ["read_legal_policies"] as const;
export const LOCATION_READ_SCOPES = ["read_locations", "write_locations"] as const;
export const SHIPPING_READ_SCOPES = ["read_shipping", "write_shipping"] as const;
export const PRODUCT_READ_SCOPES = ["read_products", "write_products"] as const;

/** Scopes Shopify requires per field (the ones this app touches). */
export const FIELD_SCOPES: Record<string, readonly string[]> = {
  "QueryRoot.orders": ORDER_READ_SCOPES,
  "QueryRoot.order": ORDER_READ_SCOPES,
  "QueryRoot.fulfillment": FULFILLMENT_READ_SCOPES,
  "QueryRoot.themes": THEME_READ_SCOPES,
  "QueryRoot.theme": THEME_READ_SCOPES,
  "Shop.shopPolicies": POLICY_READ_SCOPES,
  "QueryRoot.locations": LOCATION_READ_SCOPES,
  "QueryRoot.products": PRODUCT_READ_SCOPES,
  "QueryRoot.deliveryProfiles": SHIPPING_READ_SCOPES,
  "Mutation.fulfillmentTrackingInfoUpdate": FULFILLMENT_WRITE_SCOPES,
  "Mutation.fulfillmentTrackingInfoUpdateV2": FULFILLMENT_WRITE_SCOPES,
};

/** Scopes required to read a record of a given type through node/nodes. */
export const TYPE_SCOPES: Record<string, readonly string[]> = {
  Order: ORDER_READ_SCOPES,
  Fulfillment: FULFILLMENT_READ_SCOPES,
  OnlineStoreTheme: THEME_READ_SCOPES,
  ShopPolicy: POLICY_READ_SCOPES,
  Location: LOCATION_READ_SCOPES,
  Product: PRODUCT_READ_SCOPES,
};
