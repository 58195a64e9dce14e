/**
 * Every Admin GraphQL operation the app can send, found by its `#graphql` tag anywhere in
 * app/ and adapters/, must be valid against the pinned 2026-07 schema: a field that does
 * not exist fails here, not in a merchant's shop.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { buildSchema, parse, validate, type GraphQLSchema } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";

const SOURCE_ROOTS = ["app", "adapters"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

/** The text of every template literal that starts with `#graphql`. */
export function findGraphqlOperations(source: string): string[] {
  return [...source.matchAll(/`#graphql([\s\S]*?)`/g)].map((match) => match[1]);
}

const operations = SOURCE_ROOTS.flatMap(sourceFiles).flatMap((file) =>
  findGraphqlOperations(readFileSync(file, "utf8")).map((text, index) => ({ name: `${file} #${index + 1}`, text })),
);

let schema: GraphQLSchema;
beforeAll(() => {
  schema = buildSchema(readFileSync("test/contracts/shopify/admin-2026-07.graphql", "utf8"));
});

describe("Admin GraphQL operations", () => {
  it("finds the app's operations (the scan itself works)", () => {
    expect(operations.length).toBeGreaterThan(0);
    expect(findGraphqlOperations("const q = `#graphql\n query A { shop { name } }`;")).toHaveLength(1);
  });

  it.each(operations)("$name is valid against Admin API 2026-07", ({ text }) => {
    const errors = validate(schema, parse(text)).map((e) => e.message);
    expect(errors).toEqual([]);
  });

  it("rejects an operation with a field that does not exist (the check can fail)", () => {
    const errors = validate(schema, parse("query { shop { nameThatDoesNotExist } }"));
    expect(errors[0]?.message).toContain("nameThatDoesNotExist");
  });
});
