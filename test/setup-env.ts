/**
 * Per test file: the offline app identity (the same values the demo uses) and a private
 * copy of the migrated template database. Set before any app module is imported.
 */
import { copyFileSync } from "node:fs";
import path from "node:path";
import { TEST_APP } from "./support/test-app";

const databaseFile = path.resolve(`test-results/db/${process.pid}-${Date.now()}.sqlite`);
copyFileSync(path.resolve("test-results/db/template.sqlite"), databaseFile);

Object.assign(process.env, {
  NODE_ENV: "test",
  DATABASE_URL: `file:${databaseFile}`,
  SHOPIFY_API_KEY: TEST_APP.apiKey,
  SHOPIFY_API_SECRET: TEST_APP.apiSecret,
  SHOPIFY_APP_URL: TEST_APP.appUrl,
  SCOPES: TEST_APP.scopes.join(","),
  RASSURE_ENCRYPTION_KEY: TEST_APP.encryptionKey,
});
