/**
 * Orders and fulfillments: orders(...) with search query, sort keys and
 * pagination, order(id), fulfillment(id), and the Order / Fulfillment /
 * LineItem fields derived from the records.
 */
import { GraphQLError } from "graphql";
import { paginate } from "../connection";
import { compareValues, parseSearchDate, parseSearchQuery, type SearchTerm } from "../search-query";
import { findFulfillment, findOrder, parseGid } from "../state";
import type { FulfillmentRecord, LineItemRecord, OrderRecord } from "../types";
import {
  connectionArgs,
  optBoolean,
  optNumber,
  optString,
  resolversFor,
  type ResolverContext,
  type ResolverMap,
} from "./common";

export function moneyBag(amount: string, currencyCode: string) {
  const money = { amount, currencyCode };
  return { shopMoney: money, presentmentMoney: money };
}

function numericId(id: string): number {
  return Number(parseGid(id)?.id ?? 0);
}

// ---------------------------------------------------------------------------
// Search
// ---------------------------------------------------------------------------

const FULFILLMENT_STATUS_FILTERS: Record<string, string[]> = {
  shipped: ["FULFILLED"],
  fulfilled: ["FULFILLED"],
  partial: ["PARTIALLY_FULFILLED"],
  unshipped: ["UNFULFILLED"],
  unfulfilled: ["UNFULFILLED", "PARTIALLY_FULFILLED"],
  on_hold: ["ON_HOLD"],
  scheduled: ["SCHEDULED"],
  in_progress: ["IN_PROGRESS"],
  request_declined: ["REQUEST_DECLINED"],
  restocked: ["RESTOCKED"],
};

const DATE_FIELDS: Record<string, keyof OrderRecord> = {
  created_at: "createdAt",
  updated_at: "updatedAt",
  processed_at: "processedAt",
};

const ORDER_SEARCH_FIELDS = new Set([
  "fulfillment_status",
  "created_at",
  "updated_at",
  "processed_at",
  "name",
  "email",
  "status",
  "financial_status",
  "id",
  "customer_id",
]);

function matchesTerm(order: OrderRecord, term: SearchTerm): boolean {
  const value = term.value;
  switch (term.field) {
    case null: {
      const needle = value.toLowerCase();
      const haystack = [order.name, order.email, order.customer?.displayName, order.customer?.email]
        .filter(Boolean)
        .join(" ")
        .toLowerCase();
      return haystack.includes(needle);
    }
    case "fulfillment_status": {
      const key = value.toLowerCase();
      if (key === "any") return true;
      return (FULFILLMENT_STATUS_FILTERS[key] ?? []).includes(order.displayFulfillmentStatus);
    }
    case "created_at":
    case "updated_at":
    case "processed_at": {
      const wanted = parseSearchDate(value);
      if (wanted === null) return false;
      const actual = Date.parse(String(order[DATE_FIELDS[term.field]]));
      // A bare date with "=" matches the whole day.
      if (term.comparator === "=" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
        return actual >= wanted && actual < wanted + 86_400_000;
      }
      return compareValues(actual, term.comparator, wanted);
    }
    case "name":
      return order.name.replace(/^#/, "") === value.replace(/^#/, "");
    case "email":
      return (order.email ?? "").toLowerCase() === value.toLowerCase();
    case "status": {
      const status = value.toLowerCase();
      if (status === "any") return true;
      if (status === "cancelled") return order.cancelledAt !== null;
      if (status === "closed") return order.closed;
      if (status === "open") return !order.closed && order.cancelledAt === null;
      return false;
    }
    case "financial_status":
      return order.displayFinancialStatus.toLowerCase() === value.toLowerCase();
    case "id": {
      const wanted = Number(parseGid(value)?.id ?? value);
      return compareValues(numericId(order.id), term.comparator, wanted);
    }
    case "customer_id":
      return order.customer !== null && numericId(order.customer.id) === Number(parseGid(value)?.id ?? value);
    default:
      return true;
  }
}

function filterOrders(orders: OrderRecord[], query: string | null, ctx: ResolverContext, path: string[]): OrderRecord[] {
  const { terms, warnings } = parseSearchQuery(query);
  for (const term of terms) {
    if (term.field !== null && !ORDER_SEARCH_FIELDS.has(term.field)) {
      warnings.push({ field: term.field, message: "Invalid search field for this query." });
    }
  }
  if (query && warnings.length > 0) ctx.searchWarnings?.push({ path, query, warnings });
  return orders.filter((order) =>
    terms.every((term) => {
      if (term.field !== null && !ORDER_SEARCH_FIELDS.has(term.field)) return true;
      return matchesTerm(order, term) !== term.negated;
    }),
  );
}

type SortValue = number | string;

const SORT_VALUES: Record<string, (order: OrderRecord) => SortValue> = {
  PROCESSED_AT: (o) => Date.parse(o.processedAt),
  CREATED_AT: (o) => Date.parse(o.createdAt),
  UPDATED_AT: (o) => Date.parse(o.updatedAt),
  ID: (o) => numericId(o.id),
  ORDER_NUMBER: (o) => Number(o.name.replace(/\D/g, "")),
  CUSTOMER_NAME: (o) => (o.customer ? `${o.customer.lastName} ${o.customer.firstName}`.toLowerCase() : ""),
  TOTAL_PRICE: (o) => Number(o.totalPrice),
  FINANCIAL_STATUS: (o) => o.displayFinancialStatus,
  FULFILLMENT_STATUS: (o) => o.displayFulfillmentStatus,
};

function sortOrders(orders: OrderRecord[], sortKey: string | null, reverse: boolean) {
  const valueOf = SORT_VALUES[sortKey ?? "PROCESSED_AT"] ?? SORT_VALUES.ID;
  const sorted = [...orders].sort((a, b) => {
    const va = valueOf(a);
    const vb = valueOf(b);
    if (va < vb) return -1;
    if (va > vb) return 1;
    return numericId(a.id) - numericId(b.id);
  });
  if (reverse) sorted.reverse();
  return { sorted, valueOf };
}

// ---------------------------------------------------------------------------
// Resolvers
// ---------------------------------------------------------------------------

function parentOrder(ctx: ResolverContext, fulfillment: FulfillmentRecord): OrderRecord | undefined {
  return findFulfillment(ctx.store.state, fulfillment.id)?.order;
}

export const orderResolvers: ResolverMap = {
  QueryRoot: {
    orders: (_root, args, ctx, info) => {
      if (optString(args.savedSearchId)) {
        throw new GraphQLError("The Rassure dev store does not implement saved searches (savedSearchId).");
      }
      const filtered = filterOrders(ctx.store.state.orders, optString(args.query), ctx, [info.path.key as string]);
      const { sorted, valueOf } = sortOrders(filtered, optString(args.sortKey), optBoolean(args.reverse) === true);
      return paginate(sorted, connectionArgs(args), valueOf);
    },
    order: (_root, args, ctx) => findOrder(ctx.store.state, args.id) ?? null,
    fulfillment: (_root, args, ctx) => findFulfillment(ctx.store.state, args.id)?.fulfillment ?? null,
  },
  Order: resolversFor<OrderRecord>({
    fulfillments: (order, args) => {
      const first = optNumber(args.first);
      return first === null ? order.fulfillments : order.fulfillments.slice(0, Math.max(0, first));
    },
    lineItems: (order, args) => paginate(order.lineItems, connectionArgs(args)),
    totalPriceSet: (order) => moneyBag(order.totalPrice, order.currencyCode),
    currentTotalPriceSet: (order) => moneyBag(order.totalPrice, order.currencyCode),
    presentmentCurrencyCode: (order) => order.currencyCode,
    confirmed: () => true,
    test: () => false,
    fullyPaid: (order) => order.displayFinancialStatus === "PAID",
    unpaid: (order) => order.displayFinancialStatus === "PENDING",
    displayAddress: (order) => order.shippingAddress,
    billingAddress: (order) => order.shippingAddress,
    requiresShipping: (order) => order.lineItems.some((item) => item.requiresShipping),
  }),
  Fulfillment: resolversFor<FulfillmentRecord>({
    order: (fulfillment, _args, ctx) => parentOrder(ctx, fulfillment),
    trackingInfo: (fulfillment, args) => {
      const first = optNumber(args.first);
      return first === null ? fulfillment.trackingInfo : fulfillment.trackingInfo.slice(0, Math.max(0, first));
    },
    totalQuantity: (fulfillment, _args, ctx) => {
      const order = parentOrder(ctx, fulfillment);
      return (order?.lineItems ?? [])
        .filter((item) => fulfillment.lineItemIds.includes(item.id))
        .reduce((sum, item) => sum + item.quantity, 0);
    },
    fulfillmentLineItems: (fulfillment, args, ctx) => {
      const order = parentOrder(ctx, fulfillment);
      const items = (order?.lineItems ?? [])
        .filter((item) => fulfillment.lineItemIds.includes(item.id))
        .map((lineItem) => ({
          id: lineItem.id.replace("/LineItem/", "/FulfillmentLineItem/"),
          lineItem,
          quantity: lineItem.quantity,
          originalTotalSet: moneyBag((Number(lineItem.price) * lineItem.quantity).toFixed(2), order?.currencyCode ?? "EUR"),
        }));
      return paginate(items, connectionArgs(args));
    },
    events: (_fulfillment, args) => paginate([], connectionArgs(args)),
    fulfillmentOrders: (_fulfillment, args) => paginate([], connectionArgs(args)),
    location: () => null,
    service: () => null,
    originAddress: () => null,
  }),
  LineItem: resolversFor<LineItemRecord>({
    originalUnitPriceSet: (item, _args, ctx) => moneyBag(item.price, ctx.store.state.shop.currencyCode),
    currentQuantity: (item) => item.quantity,
    variantTitle: () => null,
    vendor: (_item, _args, ctx) => ctx.store.state.shop.name,
  }),
};
