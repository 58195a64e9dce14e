/**
 * Relay connections over in-memory lists: first/last/after/before, `nodes`,
 * `edges { cursor node }` and `pageInfo`. Cursors are opaque base64 strings
 * like Shopify's ({"last_id":..,"last_value":..}).
 */
import { GraphQLError } from "graphql";
import { parseGid } from "./state";

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

export interface Connection<T> {
  nodes: T[];
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

export const MAX_PAGE_SIZE = 250;

function idOf(item: unknown, index: number): string {
  if (item && typeof item === "object") {
    const record = item as Record<string, unknown>;
    const id = record.id ?? record.filename;
    if (typeof id === "string") return parseGid(id)?.id ?? id;
  }
  return String(index);
}

export function encodeCursor(item: unknown, index: number, sortValue?: unknown): string {
  const lastId = idOf(item, index);
  const payload = { last_id: /^\d+$/.test(lastId) ? Number(lastId) : lastId, last_value: sortValue ?? lastId };
  return Buffer.from(JSON.stringify(payload)).toString("base64");
}

function decodeCursorId(cursor: string): string {
  try {
    const payload = JSON.parse(Buffer.from(cursor, "base64").toString("utf8")) as { last_id?: unknown };
    if (payload.last_id === undefined) throw new Error("no last_id");
    return String(payload.last_id);
  } catch {
    throw new GraphQLError(`Invalid cursor for current pagination sort.`, { extensions: { code: "BAD_REQUEST" } });
  }
}

function checkPageSize(name: "first" | "last", value: number | null | undefined): void {
  if (value === null || value === undefined) return;
  if (value < 0) throw new GraphQLError(`${name} must be a non-negative integer.`);
  if (value > MAX_PAGE_SIZE) {
    throw new GraphQLError(`The maximum number of items that can be requested with ${name} is ${MAX_PAGE_SIZE}.`);
  }
}

/** Paginates an already filtered and sorted list. */
export function paginate<T>(items: readonly T[], args: ConnectionArgs, sortValue?: (item: T) => unknown): Connection<T> {
  checkPageSize("first", args.first);
  checkPageSize("last", args.last);
  const ids = items.map((item, index) => idOf(item, index));
  let start = 0;
  let end = items.length;
  if (args.after) {
    const index = ids.indexOf(decodeCursorId(args.after));
    if (index < 0) throw new GraphQLError("Invalid cursor for current pagination sort.");
    start = index + 1;
  }
  if (args.before) {
    const index = ids.indexOf(decodeCursorId(args.before));
    if (index < 0) throw new GraphQLError("Invalid cursor for current pagination sort.");
    end = Math.min(end, index);
  }
  if (end < start) end = start;
  if (typeof args.first === "number") end = Math.min(end, start + args.first);
  if (typeof args.last === "number") start = Math.max(start, end - args.last);
  const slice = items.slice(start, end);
  const edges = slice.map((node, offset) => ({
    cursor: encodeCursor(node, start + offset, sortValue?.(node)),
    node,
  }));
  return {
    nodes: slice,
    edges,
    pageInfo: {
      hasPreviousPage: start > 0,
      hasNextPage: end < items.length,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
