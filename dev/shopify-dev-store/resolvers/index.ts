/**
 * All resolvers, and the field/type resolvers handed to graphql-js: a field
 * uses its registered resolver if any, else plain property access on the
 * record. A non-null field that resolves to undefined is reported as not
 * implemented by the dev store instead of failing obscurely.
 */
import {
  defaultFieldResolver,
  GraphQLError,
  isNonNullType,
  type GraphQLFieldResolver,
  type GraphQLTypeResolver,
} from "graphql";
import { parseGid } from "../state";
import { assertScopes, FIELD_SCOPES, type ResolverContext, type ResolverMap } from "./common";
import { deliveryProfileResolvers } from "./delivery-profiles";
import { fulfillmentTrackingResolvers } from "./fulfillment-tracking";
import { locationResolvers } from "./locations";
import { metafieldResolvers } from "./metafields";
import { nodeResolvers } from "./nodes";
import { orderResolvers } from "./orders";
import { policyResolvers } from "./policies";
import { productResolvers } from "./products";
import { shopResolvers } from "./shop";
import { themeResolvers } from "./themes";

export type { ResolverContext } from "./common";

function mergeResolvers(...maps: ResolverMap[]): ResolverMap {
  const merged: ResolverMap = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) {
      merged[type] = { ...merged[type], ...fields };
    }
  }
  return merged;
}

export const RESOLVERS: ResolverMap = mergeResolvers(
  shopResolvers,
  policyResolvers,
  metafieldResolvers,
  orderResolvers,
  fulfillmentTrackingResolvers,
  themeResolvers,
  locationResolvers,
  deliveryProfileResolvers,
  productResolvers,
  nodeResolvers,
);

export const fieldResolver: GraphQLFieldResolver<unknown, ResolverContext> = (source, args, ctx, info) => {
  const key = `${info.parentType.name}.${info.fieldName}`;
  const required = FIELD_SCOPES[key];
  if (required) assertScopes(ctx, required, info.fieldName);
  const resolver = RESOLVERS[info.parentType.name]?.[info.fieldName];
  let value = resolver ? resolver(source, args, ctx, info) : defaultFieldResolver(source, args, ctx, info);
  if (value === undefined && info.fieldName === "legacyResourceId" && source && typeof source === "object") {
    value = parseGid((source as { id?: unknown }).id)?.id;
  }
  if (value === undefined && isNonNullType(info.returnType)) {
    throw new GraphQLError(`The Rassure dev store does not implement ${key}`, {
      extensions: { code: "NOT_IMPLEMENTED_BY_DEV_STORE", typeName: info.parentType.name, fieldName: info.fieldName },
    });
  }
  return value;
};

/** Abstract types (Node, HasMetafields, unions): __typename if set, else the type named in the global id. */
export const typeResolver: GraphQLTypeResolver<unknown, ResolverContext> = (value) => {
  if (value && typeof value === "object") {
    const record = value as { __typename?: unknown; id?: unknown };
    if (typeof record.__typename === "string") return record.__typename;
    return parseGid(record.id)?.type;
  }
  return undefined;
};
