import { readdirSync, readFileSync, existsSync } from "node:fs";
import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";
import { SHOPIFY_ADMIN_API_VERSION } from "../adapters/shopify/api-version";
import graphqlConfig from "../.graphqlrc";

describe("one pinned Admin API version", () => {
  it("is 2026-07, the version of the contract schema", () => {
    expect(SHOPIFY_ADMIN_API_VERSION).toBe("2026-07");
    expect(existsSync(`test/contracts/shopify/admin-${SHOPIFY_ADMIN_API_VERSION}.graphql`)).toBe(true);
  });

  it("is the webhooks version in shopify.app.toml", () => {
    const toml = parse(readFileSync("shopify.app.toml", "utf8")) as { webhooks: { api_version: string } };
    expect(toml.webhooks.api_version).toBe(SHOPIFY_ADMIN_API_VERSION);
  });

  it("is the schema GraphQL tooling reads", () => {
    expect(graphqlConfig.projects.default.schema).toContain(`admin-${SHOPIFY_ADMIN_API_VERSION}.graphql`);
  });

  it("is the version of every extension that declares one", () => {
    const extensions = existsSync("extensions") ? readdirSync("extensions").filter((d) => existsSync(`extensions/${d}/shopify.extension.toml`)) : [];
    for (const dir of extensions) {
      const toml = parse(readFileSync(`extensions/${dir}/shopify.extension.toml`, "utf8")) as { api_version?: string };
      if (toml.api_version) expect(toml.api_version, dir).toBe(SHOPIFY_ADMIN_API_VERSION);
    }
  });
});
