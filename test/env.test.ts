import { describe, expect, it } from "vitest";
import { EnvironmentError, isPublishedSecret, readEnvironment } from "../app/env.server";
import { DEMO_APP } from "../dev/demo-app";
import { TEST_APP } from "./support/test-app";

const valid = {
  SHOPIFY_API_KEY: "key",
  SHOPIFY_API_SECRET: "secret",
  SHOPIFY_APP_URL: "https://rassure.example.com",
  SCOPES: "read_orders,read_themes",
  RASSURE_ENCRYPTION_KEY: "a".repeat(64),
};

function failure(source: Record<string, string | undefined>): EnvironmentError {
  try {
    readEnvironment(source);
  } catch (error) {
    if (error instanceof EnvironmentError) return error;
    throw error;
  }
  throw new Error("expected an EnvironmentError");
}

describe("environment validation", () => {
  it("accepts a complete environment", () => {
    const env = readEnvironment(valid);
    expect(env.scopes).toEqual(["read_orders", "read_themes"]);
    expect(env.encryptionKeys.current).toHaveLength(32);
  });

  it.each(["SHOPIFY_API_KEY", "SHOPIFY_API_SECRET", "SHOPIFY_APP_URL", "SCOPES", "RASSURE_ENCRYPTION_KEY"])("names %s when it is missing and says how to set it", (name) => {
    const error = failure({ ...valid, [name]: undefined });
    expect(error.variable).toBe(name);
    expect(error.message).toMatch(new RegExp(`^${name}: `));
    expect(error.message.length).toBeGreaterThan(name.length + 30);
  });

  it("rejects a malformed URL and a short encryption key with guidance", () => {
    expect(failure({ ...valid, SHOPIFY_APP_URL: "not a url" }).message).toContain("is not a URL");
    expect(failure({ ...valid, RASSURE_ENCRYPTION_KEY: "tooshort" }).message).toContain("randomBytes(32)");
    expect(failure({ ...valid, RASSURE_PREVIOUS_ENCRYPTION_KEYS: "bad" }).variable).toBe("RASSURE_PREVIOUS_ENCRYPTION_KEYS");
  });

  it("accepts base64 keys and previous keys for rotation", () => {
    const b64 = Buffer.alloc(32, 7).toString("base64");
    const env = readEnvironment({ ...valid, RASSURE_ENCRYPTION_KEY: b64, RASSURE_PREVIOUS_ENCRYPTION_KEYS: `${"b".repeat(64)},${b64}` });
    expect(env.encryptionKeys.previous).toHaveLength(2);
  });
});

describe("secrets published in this repository", () => {
  const production = { ...valid, NODE_ENV: "production" };

  it("knows every committed secret: the offline demo's and the tests'", () => {
    for (const app of [DEMO_APP, TEST_APP]) {
      expect(isPublishedSecret(app.apiSecret)).toBe(true);
      expect(isPublishedSecret(Buffer.from(app.encryptionKey, "hex"))).toBe(true);
    }
    expect(isPublishedSecret("a-secret-of-this-app")).toBe(false);
  });

  it("refuses them in production with one line naming the variable", () => {
    const secret = failure({ ...production, SHOPIFY_API_SECRET: DEMO_APP.apiSecret });
    expect(secret.variable).toBe("SHOPIFY_API_SECRET");
    expect(secret.message).toMatch(/^SHOPIFY_API_SECRET: is a value published in Rassure's repository .*refused in production\. Copy the app's Client secret/);
    expect(secret.message).not.toContain("\n");
    expect(failure({ ...production, RASSURE_ENCRYPTION_KEY: TEST_APP.encryptionKey }).variable).toBe("RASSURE_ENCRYPTION_KEY");
    // The same key written in base64 is the same key.
    expect(failure({ ...production, RASSURE_ENCRYPTION_KEY: Buffer.from(DEMO_APP.encryptionKey, "hex").toString("base64") }).variable).toBe("RASSURE_ENCRYPTION_KEY");
    expect(failure({ ...production, RASSURE_PREVIOUS_ENCRYPTION_KEYS: DEMO_APP.encryptionKey }).variable).toBe("RASSURE_PREVIOUS_ENCRYPTION_KEYS");
  });

  it("accepts them outside production (the demo and the tests run on them)", () => {
    expect(readEnvironment({ ...valid, NODE_ENV: "development", SHOPIFY_API_SECRET: DEMO_APP.apiSecret, RASSURE_ENCRYPTION_KEY: DEMO_APP.encryptionKey }).shopifyApiSecret).toBe(DEMO_APP.apiSecret);
  });
});
