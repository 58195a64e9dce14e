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

type GraphqlBody<T> = { data?: T; errors?: GraphqlErrorDetail[] | string; extensions?: { cost?: GraphqlCost } };

function errorFromBody(body: GraphqlBody<unknown>): ShopifyGraphqlError | null {
  if (!body.errors) return null;
  const errors = typeof body.errors === "string" ? [{ message: body.errors }] : body.errors;
  const summary = errors.map((e) => e.message).join("; ");
  return new ShopifyGraphqlError(`Shopify Admin API ${SHOPIFY_ADMIN_API_VERSION}: ${summary}`, errors, body.extensions?.cost);
}

/**
 * shopify-api's client throws instead of returning when Shopify answers with errors:
 * GraphqlQueryError carries `body.errors.graphQLErrors`, HttpResponseError carries
 * `response.code` (5xx, 429 after its retries). Both end up as one error type.
 */
function asShopifyError(thrown: unknown): ShopifyGraphqlError | null {
  const shaped = thrown as { body?: GraphqlBody<unknown>; response?: { code?: number; statusText?: string } } | null;
  const errors = shaped?.body?.errors as unknown;
  const graphQLErrors = errors && typeof errors === "object" ? (errors as { graphQLErrors?: GraphqlErrorDetail[] }).graphQLErrors : undefined;
  if (Array.isArray(graphQLErrors)) return errorFromBody({ errors: graphQLErrors, extensions: shaped?.body?.extensions });
  if (shaped?.body) return errorFromBody(shaped.body);
  const status = shaped?.response?.code;
  if (typeof status === "number") {
    const detail = { message: `HTTP ${status} ${shaped?.response?.statusText ?? ""}`.trim(), extensions: { code: status === 429 ? "THROTTLED" : `HTTP_${status}` } };
    return new ShopifyGraphqlError(`Shopify Admin API ${SHOPIFY_ADMIN_API_VERSION}: ${detail.message}`, [detail]);
  }
  return null;
}

/** Runs one operation and returns its data, or throws ShopifyGraphqlError with Shopify's own errors. */
export async function runAdminQuery<T>(graphql: AdminGraphql, query: string, variables?: Record<string, unknown>): Promise<GraphqlResult<T>> {
  let response: Response;
  try {
    response = await graphql(query, variables ? { variables } : undefined);
  } catch (thrown) {
    throw asShopifyError(thrown) ?? thrown;
  }
  const body = (await response.json()) as GraphqlBody<T>;
  const cost = body.extensions?.cost;
  const error = errorFromBody(body);
  if (error) throw error;
  if (body.data === undefined || body.data === null) {
    throw new ShopifyGraphqlError("Shopify Admin API returned no data.", [], cost);
  }
  return { data: body.data, cost };
}
