/**
 * node(id) / nodes(ids): looks any stored record up by its global id, with the
 * same access-scope checks as the dedicated root fields.
 */
import type { DevStoreState } from "../types";
import { findFulfillment, findOrder, parseGid } from "../state";
import { assertScopes, TYPE_SCOPES, type ResolverContext, type ResolverMap } from "./common";

export function lookupNode(state: DevStoreState, id: unknown): unknown {
  const parsed = parseGid(id);
  if (!parsed) return null;
  switch (parsed.type) {
    case "Order":
      return findOrder(state, id) ?? null;
    case "Fulfillment":
      return findFulfillment(state, id)?.fulfillment ?? null;
    case "Shop":
      return state.shop.id === id ? state.shop : null;
    case "ShopPolicy":
      return state.policies.find((policy) => policy.id === id) ?? null;
    case "AppInstallation":
      return state.appInstallation.id === id ? state.appInstallation : null;
    case "Metafield":
      return state.metafields.find((metafield) => metafield.id === id) ?? null;
    case "OnlineStoreTheme":
      return state.themes.find((theme) => theme.id === id) ?? null;
    case "Domain":
      return state.shop.primaryDomain.id === id ? state.shop.primaryDomain : null;
    case "Customer":
      return state.orders.find((order) => order.customer?.id === id)?.customer ?? null;
    default:
      return null;
  }
}

function resolveNode(ctx: ResolverContext, id: unknown): unknown {
  const record = lookupNode(ctx.store.state, id);
  const type = parseGid(id)?.type;
  if (record && type && TYPE_SCOPES[type]) assertScopes(ctx, TYPE_SCOPES[type], "node");
  return record;
}

export const nodeResolvers: ResolverMap = {
  QueryRoot: {
    node: (_root, args, ctx) => resolveNode(ctx, args.id),
    nodes: (_root, args, ctx) => (Array.isArray(args.ids) ? args.ids : []).map((id) => resolveNode(ctx, id)),
  },
};
