import { readFileSync } from "node:fs";
import { parse } from "smol-toml";

const toml = parse(readFileSync("shopify.app.toml", "utf8")) as { access_scopes: { scopes: string } };

/** The app identity tests run as: scopes come from shopify.app.toml, secrets are test-only. */
export const TEST_APP = {
  apiKey: "rassure-test-api-key",
  apiSecret: "rassure-test-api-secret-do-not-use-in-production",
  appUrl: "http://127.0.0.1:39999",
  handle: "rassure",
  scopes: toml.access_scopes.scopes.split(","),
  encryptionKey: "6f1d7a0c3e2b4a59881f0e7d6c5b4a3928170f6e5d4c3b2a1908f7e6d5c4b3a2",
};
