/**
 * Metafields: reading them on their owners (metafield / metafields), the
 * Metafield type, and the metafieldsSet / metafieldsDelete mutations. Owners
 * this store accepts for writes: the app's own installation (app-data
 * metafields). "$app" namespaces resolve to "app--<app id>" as on Shopify.
 */
import { createHash } from "node:crypto";
import { paginate } from "../connection";
import { isoNow, nextNumericId, gid, parseGid } from "../state";
import type { MetafieldRecord } from "../types";
import {
  connectionArgs,
  optString,
  optStringList,
  resolversFor,
  type Args,
  type Resolver,
  type ResolverContext,
  type ResolverMap,
} from "./common";

export const MAX_METAFIELDS_PER_SET = 25;

export function resolveNamespace(ctx: ResolverContext, namespace: string | null | undefined): string {
  const ns = namespace ?? "$app";
  const appId = ctx.store.state.appInstallation.appNumericId;
  if (ns === "$app") return `app--${appId}`;
  if (ns.startsWith("$app:")) return `app--${appId}--${ns.slice("$app:".length)}`;
  return ns;
}

function ownedBy(ctx: ResolverContext, ownerId: string): MetafieldRecord[] {
  return ctx.store.state.metafields.filter((m) => m.ownerId === ownerId);
}

/** metafield(namespace, key) and metafields(...) for an owner type. */
export function ownerMetafieldResolvers(): Record<string, Resolver> {
  return resolversFor<{ id: string }>({
    metafield: (owner, args, ctx) => {
      const namespace = resolveNamespace(ctx, optString(args.namespace));
      const key = optString(args.key);
      return ownedBy(ctx, owner.id).find((m) => m.namespace === namespace && m.key === key) ?? null;
    },
    metafields: (owner, args, ctx) => {
      let list = ownedBy(ctx, owner.id);
      const namespace = optString(args.namespace);
      if (namespace !== null) {
        const resolved = resolveNamespace(ctx, namespace);
        list = list.filter((m) => m.namespace === resolved);
      }
      const keys = optStringList(args.keys);
      if (keys) {
        const wanted = new Set(
          keys.map((k) => {
            const dot = k.lastIndexOf(".");
            return dot > 0 ? `${resolveNamespace(ctx, k.slice(0, dot))}.${k.slice(dot + 1)}` : k;
          }),
        );
        list = list.filter((m) => wanted.has(`${m.namespace}.${m.key}`));
      }
      if (args.reverse === true) list = [...list].reverse();
      return paginate(list, connectionArgs(args));
    },
  });
}

// ---------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------

/** Types that also exist as list.<type>. */
const LIST_TYPES = new Set(["single_line_text_field", "number_integer", "number_decimal", "date", "date_time", "url", "color"]);
const SIMPLE_TYPES = new Set([...LIST_TYPES, "boolean", "json", "multi_line_text_field", "id"]);

export function isKnownMetafieldType(type: string): boolean {
  if (SIMPLE_TYPES.has(type)) return true;
  return type.startsWith("list.") && LIST_TYPES.has(type.slice("list.".length));
}

/** Error message when `value` is not valid for `type`, else null. */
function scalarValueProblem(type: string, value: string): string | null {
  switch (type) {
    case "boolean":
      return value === "true" || value === "false" ? null : "Value must be true or false.";
    case "json":
      try {
        JSON.parse(value);
        return null;
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        return `Value is invalid JSON: ${detail}.`;
      }
    case "single_line_text_field":
      return /[\r\n]/.test(value) ? "Value must be a single line text string." : null;
    case "multi_line_text_field":
      return null;
    case "number_integer": {
      if (!/^[-+]?\d+$/.test(value.trim())) return "Value must be an integer.";
      const n = Number(value);
      return Math.abs(n) > 9_007_199_254_740_991 ? "Value must be an integer between -9007199254740991 and 9007199254740991." : null;
    }
    case "number_decimal":
      return /^[-+]?\d+(\.\d+)?$/.test(value.trim()) ? null : "Value must be a decimal.";
    case "date":
      return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))
        ? null
        : "Value must be in YYYY-MM-DD format.";
    case "date_time":
      return Number.isNaN(Date.parse(value)) ? "Value must be in ISO 8601 format." : null;
    case "url":
      try {
        const url = new URL(value);
        return ["http:", "https:", "mailto:", "sms:", "tel:"].includes(url.protocol) ? null : "Value must be a valid URL.";
      } catch {
        return "Value must be a valid URL.";
      }
    case "color":
      return /^#[0-9a-fA-F]{6}$/.test(value) ? null : "Value must be a hex color code.";
    case "id":
      return value.trim() ? null : "Value can't be blank.";
    default:
      return null;
  }
}

export function metafieldValueProblem(type: string, value: string): string | null {
  if (!type.startsWith("list.")) return scalarValueProblem(type, value);
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return "Value must be a JSON array.";
  }
  if (!Array.isArray(parsed)) return "Value must be a JSON array.";
  const itemType = type.slice("list.".length);
  for (const item of parsed) {
    const problem = scalarValueProblem(itemType, typeof item === "string" ? item : JSON.stringify(item));
    if (problem) return problem;
  }
  return null;
}

/** The value as Shopify stores it (JSON is re-serialised). */
function normaliseValue(type: string, value: string): string {
  if (type === "json" || type.startsWith("list.")) return JSON.stringify(JSON.parse(value));
  if (type === "number_integer") return String(Number(value.trim()));
  return value;
}

export function jsonValueOf(record: MetafieldRecord): unknown {
  const { type, value } = record;
  if (type === "json" || type.startsWith("list.")) return JSON.parse(value) as unknown;
  if (type === "boolean") return value === "true";
  if (type === "number_integer") return Number(value);
  return value;
}

function compareDigestOf(record: MetafieldRecord): string {
  return createHash("sha256").update(`${record.id}|${record.value}|${record.updatedAt}`).digest("hex");
}

// ---------------------------------------------------------------------------
// Mutations
// ---------------------------------------------------------------------------

interface SetUserError {
  field: string[];
  message: string;
  code: string;
  elementIndex: number | null;
}

function ownerExists(ctx: ResolverContext, ownerId: string): boolean {
  return ownerId === ctx.store.state.appInstallation.id;
}

function metafieldsSet(_root: unknown, args: Args, ctx: ResolverContext) {
  const inputs = Array.isArray(args.metafields) ? (args.metafields as Array<Record<string, unknown>>) : [];
  const userErrors: SetUserError[] = [];
  if (inputs.length > MAX_METAFIELDS_PER_SET) {
    userErrors.push({
      field: ["metafields"],
      message: `Exceeded the maximum metafields input limit of ${MAX_METAFIELDS_PER_SET}.`,
      code: "LESS_THAN_OR_EQUAL_TO",
      elementIndex: null,
    });
    return { metafields: [], userErrors };
  }
  const state = ctx.store.state;
  const planned: Array<{ existing: MetafieldRecord | undefined; ownerId: string; namespace: string; key: string; type: string; value: string }> = [];
  inputs.forEach((input, index) => {
    const field = (name: string) => ["metafields", String(index), name];
    const err = (name: string, message: string, code: string) =>
      userErrors.push({ field: field(name), message, code, elementIndex: index });
    const ownerId = String(input.ownerId ?? "");
    const key = String(input.key ?? "");
    const value = typeof input.value === "string" ? input.value : "";
    if (!ownerExists(ctx, ownerId)) {
      err("ownerId", "Owner does not exist.", "INVALID");
      return;
    }
    const namespace = resolveNamespace(ctx, optString(input.namespace));
    if (key.length < 2) err("key", "Key is too short (minimum is 2 characters).", "TOO_SHORT");
    else if (key.length > 64) err("key", "Key is too long (maximum is 64 characters).", "TOO_LONG");
    else if (!/^[a-zA-Z0-9_-]+$/.test(key)) err("key", "Key contains one or more invalid characters.", "INVALID");
    if (namespace.length < 2) err("namespace", "Namespace is too short (minimum is 2 characters).", "TOO_SHORT");
    const existing = state.metafields.find((m) => m.ownerId === ownerId && m.namespace === namespace && m.key === key);
    const type = optString(input.type) ?? existing?.type ?? null;
    if (!type) {
      err("type", "Type can't be blank.", "BLANK");
      return;
    }
    if (!isKnownMetafieldType(type)) {
      err("type", `Type '${type}' is not a valid metafield type.`, "INVALID_TYPE");
      return;
    }
    if (value === "" && type !== "multi_line_text_field" && type !== "single_line_text_field") {
      err("value", "Value can't be blank.", "BLANK");
      return;
    }
    const problem = metafieldValueProblem(type, value);
    if (problem) {
      err("value", problem, "INVALID_VALUE");
      return;
    }
    const compareDigest = optString(input.compareDigest);
    if (compareDigest !== null && (!existing || compareDigestOf(existing) !== compareDigest)) {
      err(
        "compareDigest",
        "The resource has been updated since it was loaded. Try again with an updated `compareDigest` value.",
        "STALE_OBJECT",
      );
      return;
    }
    planned.push({ existing, ownerId, namespace, key, type, value: normaliseValue(type, value) });
  });
  // All or nothing, as on Shopify.
  if (userErrors.length > 0) return { metafields: [], userErrors };
  const now = isoNow();
  const saved = planned.map((p) => {
    if (p.existing) {
      p.existing.type = p.type;
      if (p.existing.value !== p.value) p.existing.updatedAt = now;
      p.existing.value = p.value;
      return p.existing;
    }
    const record: MetafieldRecord = {
      id: gid("Metafield", nextNumericId(state)),
      ownerId: p.ownerId,
      namespace: p.namespace,
      key: p.key,
      type: p.type,
      value: p.value,
      createdAt: now,
      updatedAt: now,
    };
    state.metafields.push(record);
    return record;
  });
  return { metafields: saved, userErrors: [] };
}

function metafieldsDelete(_root: unknown, args: Args, ctx: ResolverContext) {
  const inputs = Array.isArray(args.metafields) ? (args.metafields as Array<Record<string, unknown>>) : [];
  const userErrors: Array<{ field: string[]; message: string }> = [];
  const deleted: Array<{ ownerId: string; namespace: string; key: string } | null> = [];
  const state = ctx.store.state;
  inputs.forEach((input, index) => {
    const ownerId = String(input.ownerId ?? "");
    if (!ownerExists(ctx, ownerId)) {
      userErrors.push({ field: ["metafields", String(index), "ownerId"], message: "Owner does not exist." });
      deleted.push(null);
      return;
    }
    const namespace = resolveNamespace(ctx, optString(input.namespace));
    const key = String(input.key ?? "");
    const before = state.metafields.length;
    state.metafields = state.metafields.filter(
      (m) => !(m.ownerId === ownerId && m.namespace === namespace && m.key === key),
    );
    deleted.push(state.metafields.length < before ? { ownerId, namespace, key } : null);
  });
  return { deletedMetafields: deleted, userErrors };
}

export const metafieldResolvers: ResolverMap = {
  Mutation: { metafieldsSet, metafieldsDelete },
  Metafield: resolversFor<MetafieldRecord>({
    owner: (m, _args, ctx) => {
      const installation = ctx.store.state.appInstallation;
      if (m.ownerId === installation.id) return installation;
      if (m.ownerId === ctx.store.state.shop.id) return ctx.store.state.shop;
      return null;
    },
    ownerType: (m) => {
      const type = parseGid(m.ownerId)?.type;
      if (type === "AppInstallation") return "API_PERMISSION";
      return type ? type.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase() : undefined;
    },
    jsonValue: (m) => jsonValueOf(m),
    compareDigest: (m) => compareDigestOf(m),
    sizeInBytes: (m) => Buffer.byteLength(m.value),
    definition: () => null,
    reference: () => null,
    references: () => null,
    description: () => null,
    translations: () => [],
  }),
};
