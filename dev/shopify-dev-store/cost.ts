/**
 * Query cost and rate limiting, after Shopify's calculated query cost:
 *  - scalar and enum fields cost 0, object fields 1;
 *  - a connection costs 2 + (first|last) x the cost of one node; first or last is required;
 *  - lists of objects are multiplied by their `first` (or the number of `ids`);
 *  - each mutation root field costs 10.
 * Requested cost is charged up front from a leaky bucket (2000 points, refilled
 * at 100 points/s); the difference with the actual cost (counted on the data
 * returned) is refunded afterwards.
 */
import {
  getArgumentValues,
  getNamedType,
  GraphQLError,
  isCompositeType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

export const BUCKET_MAXIMUM = 2000;
export const BUCKET_RESTORE_RATE = 100;
export const SINGLE_QUERY_MAX_COST = 1000;
export const MUTATION_FIELD_COST = 10;

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface CostExtension {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus;
}

export class LeakyBucket {
  private available: number;
  private updatedAt: number;

  constructor(
    readonly maximum = BUCKET_MAXIMUM,
    readonly restoreRate = BUCKET_RESTORE_RATE,
    private readonly now: () => number = Date.now,
  ) {
    this.available = maximum;
    this.updatedAt = now();
  }

  private refill(): void {
    const now = this.now();
    const elapsedSeconds = Math.max(0, now - this.updatedAt) / 1000;
    this.available = Math.min(this.maximum, this.available + elapsedSeconds * this.restoreRate);
    this.updatedAt = now;
  }

  currentlyAvailable(): number {
    this.refill();
    return this.available;
  }

  /** Takes `cost` points if available; false (and nothing taken) otherwise. */
  tryTake(cost: number): boolean {
    this.refill();
    if (cost > this.available) return false;
    this.available -= cost;
    return true;
  }

  refund(points: number): void {
    this.refill();
    this.available = Math.min(this.maximum, this.available + Math.max(0, points));
  }

  reset(): void {
    this.available = this.maximum;
    this.updatedAt = this.now();
  }

  status(): ThrottleStatus {
    return {
      maximumAvailable: this.maximum,
      currentlyAvailable: Math.floor(this.currentlyAvailable()),
      restoreRate: this.restoreRate,
    };
  }
}

// ---------------------------------------------------------------------------
// Cost calculation
// ---------------------------------------------------------------------------

interface CostWalkContext {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  errors: GraphQLError[];
  path: string[];
}

/** A type that behaves as a Relay connection (has pageInfo plus edges or nodes). */
export function isConnectionType(type: GraphQLNamedType): boolean {
  if (!isObjectType(type)) return false;
  const fields = type.getFields();
  return Boolean(fields.pageInfo && (fields.edges || fields.nodes));
}

function isListOutput(type: GraphQLOutputType): boolean {
  const unwrapped = isNonNullType(type) ? type.ofType : type;
  return isListType(unwrapped);
}

/** Fields of a selection set with fragments inlined, each with the type it is selected on. */
function collectFields(
  walk: CostWalkContext,
  parentType: GraphQLCompositeType,
  selectionSet: SelectionSetNode,
  out: Array<{ node: FieldNode; parentType: GraphQLCompositeType }> = [],
  visited: Set<string> = new Set(),
): Array<{ node: FieldNode; parentType: GraphQLCompositeType }> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      out.push({ node: selection, parentType });
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const conditionName = selection.typeCondition?.name.value;
      const conditionType = conditionName ? walk.schema.getType(conditionName) : parentType;
      if (conditionType && isCompositeType(conditionType)) {
        collectFields(walk, conditionType, selection.selectionSet, out, visited);
      }
    } else {
      const name = selection.name.value;
      if (visited.has(name)) continue;
      visited.add(name);
      const fragment = walk.fragments.get(name);
      const conditionType = fragment ? walk.schema.getType(fragment.typeCondition.name.value) : undefined;
      if (fragment && conditionType && isCompositeType(conditionType)) {
        collectFields(walk, conditionType, fragment.selectionSet, out, visited);
      }
    }
  }
  return out;
}

function fieldDefinition(parentType: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (!("getFields" in parentType)) return undefined; // unions only have __typename
  return parentType.getFields()[name];
}

function safeArguments(
  walk: CostWalkContext,
  def: GraphQLField<unknown, unknown>,
  node: FieldNode,
): Record<string, unknown> {
  try {
    return getArgumentValues(def, node, walk.variables);
  } catch {
    return {};
  }
}

function requestedSelectionCost(
  walk: CostWalkContext,
  parentType: GraphQLCompositeType,
  selectionSet: SelectionSetNode | undefined,
  insideConnection = false,
): number {
  if (!selectionSet) return 0;
  let total = 0;
  for (const { node, parentType: onType } of collectFields(walk, parentType, selectionSet)) {
    total += requestedFieldCost(walk, onType, node, insideConnection);
  }
  return total;
}

function requestedFieldCost(
  walk: CostWalkContext,
  parentType: GraphQLCompositeType,
  node: FieldNode,
  insideConnection: boolean,
): number {
  const name = node.name.value;
  if (name.startsWith("__")) return 0;
  const def = fieldDefinition(parentType, name);
  if (!def) return 0;
  const namedType = getNamedType(def.type);
  if (!isCompositeType(namedType)) return 0;

  walk.path.push(node.alias?.value ?? name);
  try {
    if (isConnectionType(namedType)) {
      const args = safeArguments(walk, def, node);
      const size = typeof args.first === "number" ? args.first : typeof args.last === "number" ? args.last : null;
      if (size === null) {
        walk.errors.push(
          new GraphQLError("you must provide one of first or last", {
            nodes: [node],
            path: [...walk.path],
          }),
        );
        return 2;
      }
      return 2 + Math.max(0, size) * requestedSelectionCost(walk, namedType, node.selectionSet, true);
    }
    // Inside a connection, `edges` and `nodes` stand for one element: the
    // multiplier is applied by the connection itself; edges and pageInfo are free.
    if (insideConnection && (name === "edges" || name === "pageInfo")) {
      return requestedSelectionCost(walk, namedType, node.selectionSet, false);
    }
    let multiplier = 1;
    if (isListOutput(def.type) && !(insideConnection && name === "nodes")) {
      const args = safeArguments(walk, def, node);
      if (typeof args.first === "number") multiplier = Math.max(0, args.first);
      else if (Array.isArray(args.ids)) multiplier = args.ids.length;
    }
    return multiplier * (1 + requestedSelectionCost(walk, namedType, node.selectionSet));
  } finally {
    walk.path.pop();
  }
}

export interface RequestedCost {
  cost: number;
  /** Pagination errors found while costing (connections without first/last). */
  errors: GraphQLError[];
}

export function requestedQueryCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): RequestedCost {
  const walk: CostWalkContext = { schema, fragments, variables, errors: [], path: [] };
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return { cost: 0, errors: [] };
  if (operation.operation === "mutation") {
    const fields = collectFields(walk, rootType, operation.selectionSet).filter(
      ({ node }) => !node.name.value.startsWith("__"),
    );
    // Payloads are still checked for pagination arguments.
    for (const { node, parentType } of fields) {
      const def = fieldDefinition(parentType, node.name.value);
      const named = def ? getNamedType(def.type) : undefined;
      if (named && isCompositeType(named)) requestedSelectionCost(walk, named, node.selectionSet);
    }
    return { cost: fields.length * MUTATION_FIELD_COST, errors: walk.errors };
  }
  return { cost: requestedSelectionCost(walk, rootType, operation.selectionSet), errors: walk.errors };
}

// ---------------------------------------------------------------------------
// Actual cost: the same rules, counted on the data returned.
// ---------------------------------------------------------------------------

function actualSelectionCost(
  walk: CostWalkContext,
  parentType: GraphQLCompositeType,
  selectionSet: SelectionSetNode | undefined,
  data: unknown,
  insideConnection = false,
): number {
  if (!selectionSet || data === null || typeof data !== "object") return 0;
  const record = data as Record<string, unknown>;
  const typename = typeof record.__typename === "string" ? walk.schema.getType(record.__typename) : undefined;
  let total = 0;
  for (const { node, parentType: onType } of collectFields(walk, parentType, selectionSet)) {
    // On abstract types, skip fragments that do not apply to the returned object.
    if (typename && isObjectType(typename) && isObjectType(onType) && onType !== typename) continue;
    const key = node.alias?.value ?? node.name.value;
    if (!(key in record)) continue;
    total += actualFieldCost(walk, onType, node, record[key], insideConnection);
  }
  return total;
}

function actualFieldCost(
  walk: CostWalkContext,
  parentType: GraphQLCompositeType,
  node: FieldNode,
  value: unknown,
  insideConnection: boolean,
): number {
  const name = node.name.value;
  if (name.startsWith("__") || value === null || value === undefined) return 0;
  const def = fieldDefinition(parentType, name);
  if (!def) return 0;
  const namedType = getNamedType(def.type);
  if (!isCompositeType(namedType)) return 0;
  if (Array.isArray(value)) {
    let sum = 0;
    for (const item of value) sum += actualFieldCost(walk, parentType, node, item, insideConnection);
    return sum;
  }
  if (isConnectionType(namedType)) {
    return 2 + actualSelectionCost(walk, namedType, node.selectionSet, value, true);
  }
  if (insideConnection && (name === "edges" || name === "pageInfo")) {
    return actualSelectionCost(walk, namedType, node.selectionSet, value, false);
  }
  return 1 + actualSelectionCost(walk, namedType, node.selectionSet, value);
}

export function actualQueryCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  data: unknown,
): number {
  const walk: CostWalkContext = { schema, fragments, variables, errors: [], path: [] };
  const rootType = schema.getRootType(operation.operation);
  if (!rootType || data === null || typeof data !== "object") return 0;
  if (operation.operation === "mutation") {
    const record = data as Record<string, unknown>;
    return collectFields(walk, rootType, operation.selectionSet).filter(
      ({ node }) => !node.name.value.startsWith("__") && (node.alias?.value ?? node.name.value) in record,
    ).length * MUTATION_FIELD_COST;
  }
  return actualSelectionCost(walk, rootType, operation.selectionSet, data);
}
