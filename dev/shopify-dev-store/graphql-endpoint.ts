/**
 * POST /admin/api/{version}/graphql.json: API version and access token checks,
 * simulated failures, then parse -> validate -> coerce variables -> cost and
 * throttle -> execute, answering in the shapes Shopify's Admin API uses.
 */
import {
  execute,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  Kind,
  parse,
  type DocumentNode,
  type FragmentDefinitionNode,
} from "graphql";
import type { DevStoreContext } from "./context";
import { actualQueryCost, requestedQueryCost, SINGLE_QUERY_MAX_COST, type CostExtension } from "./cost";
import { shopifyParseError, shopifyValidationErrors, shopifyVariableError, type ShopifyGraphQLError } from "./graphql-errors";
import { fieldResolver, typeResolver, type ResolverContext } from "./resolvers";
import { jsonResponse } from "./responses";
import { getAdminSchema } from "./schema";
import { expandScopes, findLiveAccessToken } from "./state";

export const INVALID_TOKEN_BODY = {
  errors: "[API] Invalid API key or access token (unrecognized login or wrong password)",
};

const SERVER_ERROR_BODIES: Record<number, unknown> = {
  500: { errors: "Internal error" },
  502: { errors: "Bad gateway" },
  503: { errors: "Service unavailable" },
};

/** Answers the armed simulated server error, if any (applies to every Admin API request). */
export function simulatedServerError(store: DevStoreContext): Response | null {
  if (store.simulation.serverErrorNext <= 0) return null;
  store.simulation.serverErrorNext -= 1;
  const status = store.simulation.serverErrorStatus;
  store.log(`simulated ${status} (${store.simulation.serverErrorNext} more armed)`);
  return jsonResponse(SERVER_ERROR_BODIES[status] ?? { errors: "Internal error" }, status);
}

function costExtension(store: DevStoreContext, requested: number, actual: number | null): { cost: CostExtension } {
  return {
    cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: store.bucket.status() },
  };
}

function graphqlErrors(store: DevStoreContext, errors: ShopifyGraphQLError[]): Response {
  return jsonResponse({ errors, extensions: costExtension(store, 0, 0) });
}

interface GraphQLRequestBody {
  query: string;
  variables: Record<string, unknown>;
  operationName: string | null;
}

async function readGraphQLBody(request: Request): Promise<GraphQLRequestBody | null> {
  const text = await request.text();
  const contentType = request.headers.get("content-type") ?? "";
  if (contentType.includes("application/graphql")) return { query: text, variables: {}, operationName: null };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return null;
  }
  if (!body || typeof body !== "object") return null;
  const { query, variables, operationName } = body as Record<string, unknown>;
  if (typeof query !== "string" || !query.trim()) return null;
  return {
    query,
    variables: variables && typeof variables === "object" ? (variables as Record<string, unknown>) : {},
    operationName: typeof operationName === "string" && operationName ? operationName : null,
  };
}

export async function handleGraphQL(store: DevStoreContext, request: Request, version: string): Promise<Response> {
  if (version !== store.apiVersion) {
    return jsonResponse(
      {
        errors: `The Rassure dev store only serves Admin API version ${store.apiVersion}; this request asked for ${version}.`,
      },
      404,
    );
  }
  const failure = simulatedServerError(store);
  if (failure) return failure;

  const token = findLiveAccessToken(store, request.headers.get("x-shopify-access-token"));
  if (!token) return jsonResponse(INVALID_TOKEN_BODY, 401);

  const body = await readGraphQLBody(request);
  if (!body) return jsonResponse({ errors: { query: "Required parameter missing or invalid" } }, 400);

  const schema = getAdminSchema();
  let document: DocumentNode;
  try {
    document = parse(body.query);
  } catch (error) {
    if (error instanceof GraphQLError) return graphqlErrors(store, [shopifyParseError(error)]);
    throw error;
  }

  const validationErrors = shopifyValidationErrors(schema, document);
  if (validationErrors.length > 0) return graphqlErrors(store, validationErrors);

  const operation = getOperationAST(document, body.operationName);
  if (!operation) {
    const message = body.operationName
      ? `No operation named "${body.operationName}"`
      : "An operation name is required";
    return graphqlErrors(store, [{ message, extensions: { code: "invalidQuery" } }]);
  }

  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], body.variables);
  if (coerced.errors) {
    return graphqlErrors(
      store,
      coerced.errors.map((error) => shopifyVariableError(error, operation, body.variables)),
    );
  }

  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const requested = requestedQueryCost(schema, operation, fragments, coerced.coerced);
  if (requested.errors.length > 0) {
    return graphqlErrors(
      store,
      requested.errors.map((error) => {
        const json = error.toJSON();
        return { message: json.message, locations: json.locations ? [...json.locations] : undefined, path: json.path ? [...json.path] : undefined };
      }),
    );
  }
  if (requested.cost > SINGLE_QUERY_MAX_COST) {
    return jsonResponse({
      errors: [
        {
          message:
            `Query cost is ${requested.cost}, which exceeds the single query max cost limit (${SINGLE_QUERY_MAX_COST}).\n\n` +
            "See https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\n" +
            "cost of a query is calculated.\n\n" +
            "To query larger amounts of data with fewer limits, bulk operations should be used instead.\n" +
            "See https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n",
          extensions: { code: "MAX_COST_EXCEEDED", cost: requested.cost, maxCost: SINGLE_QUERY_MAX_COST },
        },
      ],
    });
  }

  let throttled = false;
  if (store.simulation.throttleNext > 0) {
    store.simulation.throttleNext -= 1;
    throttled = true;
  } else if (!store.bucket.tryTake(requested.cost)) {
    throttled = true;
  }
  if (throttled) {
    store.log(`graphql throttled (requested ${requested.cost}, available ${store.bucket.status().currentlyAvailable})`);
    return jsonResponse({
      errors: [
        {
          message: "Throttled",
          extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" },
        },
      ],
      extensions: costExtension(store, requested.cost, null),
    });
  }

  const contextValue: ResolverContext = {
    store,
    token,
    grantedScopes: expandScopes(token.scopes),
    searchWarnings: [],
  };
  const result = await execute({
    schema,
    document,
    operationName: body.operationName,
    rootValue: {},
    contextValue,
    variableValues: body.variables,
    fieldResolver,
    typeResolver,
  });
  const actual = Math.min(requested.cost, actualQueryCost(schema, operation, fragments, coerced.coerced, result.data));
  store.bucket.refund(requested.cost - actual);
  store.log(
    `graphql ${operation.operation}${operation.name ? ` ${operation.name.value}` : ""}: cost ${requested.cost}/${actual}` +
      (result.errors ? `, ${result.errors.length} error(s): ${result.errors[0].message}` : ""),
  );

  const extensions: Record<string, unknown> = costExtension(store, requested.cost, actual);
  if (contextValue.searchWarnings && contextValue.searchWarnings.length > 0) extensions.search = contextValue.searchWarnings;
  return jsonResponse({
    ...(result.errors ? { errors: result.errors.map((error) => error.toJSON()) } : {}),
    data: result.data ?? null,
    extensions,
  });
}
