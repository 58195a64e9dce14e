/**
 * The narrow Admin GraphQL contract the Shopify adapter needs: the `admin.graphql` function
 * that @shopify/shopify-app-remix hands out (or the one `npx rassure` builds from a token),
 * returning a fetch Response whose JSON is `{ data, errors, extensions }`.
 */
import { SHOPIFY_ADMIN_API_VERSION } from "./api-version";

export type AdminGraphql = (query: string, options?: { variables?: Record<string, unknown> }) => Promise<Response>;

export interface GraphqlCost {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
}

export interface GraphqlErrorDetail {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
}

export class ShopifyGraphqlError extends Error {
  constructor(
    message: string,
    readonly errors: GraphqlErrorDetail[],
    readonly cost?: GraphqlCost,
  ) {
    super(message);
    this.name = "ShopifyGraphqlError";
  }

  /** Shopify's leaky bucket is empty: retry after the bucket refills. */
  get isThrottled(): boolean {
    return this.errors.some((e) => e.extensions?.code === "THROTTLED");
  }
}

export interface GraphqlResult<T> {
  data: T;
  cost?: GraphqlCost;
}

/** Runs one operation and returns its data, or throws ShopifyGraphqlError with Shopify's own errors. */
export async function runAdminQuery<T>(graphql: AdminGraphql, query: string, variables?: Record<string, unknown>): Promise<GraphqlResult<T>> {
  const response = await graphql(query, variables ? { variables } : undefined);
  const body = (await response.json()) as { data?: T; errors?: GraphqlErrorDetail[] | string; extensions?: { cost?: GraphqlCost } };
  const cost = body.extensions?.cost;
  if (body.errors) {
    const errors = typeof body.errors === "string" ? [{ message: body.errors }] : body.errors;
    throw new ShopifyGraphqlError(`Shopify Admin API ${SHOPIFY_ADMIN_API_VERSION}: ${errors.map((e) => e.message).join("; ")}`, errors, cost);
  }
  if (body.data === undefined || body.data === null) {
    throw new ShopifyGraphqlError("Shopify Admin API returned no data.", [], cost);
  }
  return { data: body.data, cost };
}
