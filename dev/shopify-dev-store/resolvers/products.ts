/**
 * products(first, after, reverse): the seeded catalogue as Admin API Product records (id, title,
 * handle, status) with their metafields — what a review app wrote in `reviews.*`. Needs
 * read_products, as on Shopify. The `query` search argument is not simulated: asking for it is
 * refused rather than silently ignored.
 */
import { GraphQLError } from "graphql";
import { paginate } from "../connection";
import { PRODUCTS, productGid } from "../seed";
import { connectionArgs, resolversFor, type ResolverMap } from "./common";
import { ownerMetafieldResolvers } from "./metafields";

interface ProductRecord {
  id: string;
  title: string;
  handle: string;
  status: "ACTIVE";
}

const handleOf = (title: string) =>
  title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

export const CATALOGUE: ProductRecord[] = PRODUCTS.map((p) => ({ id: productGid(p.sku), title: p.title, handle: handleOf(p.title), status: "ACTIVE" }));

export const productResolvers: ResolverMap = {
  QueryRoot: {
    products: (_root, args) => {
      if (typeof args.query === "string" && args.query.trim()) {
        throw new GraphQLError("The Rassure dev store does not implement products(query:)", { extensions: { code: "NOT_IMPLEMENTED_BY_DEV_STORE" } });
      }
      return paginate(args.reverse === true ? [...CATALOGUE].reverse() : CATALOGUE, connectionArgs(args));
    },
  },
  Product: resolversFor<ProductRecord>({ ...ownerMetafieldResolvers() }),
};
