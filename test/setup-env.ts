/**
 * Per test file: the offline app identity (the same values the demo uses) and a private
 * copy of the migrated template database. Set before any app module is imported.
 */
import { copyFileSync } from "node:fs";
import path from "node:path";
import { TEST_APP } from "./support/test-app";

const runDirectory = process.env.RASSURE_TEST_RUN_DIR;
if (!runDirectory) throw new Error("RASSURE_TEST_RUN_DIR is not set: run the tests through vitest (test/global-setup.ts).");
const databaseFile = path.join(runDirectory, `${process.pid}-${Date.now()}.sqlite`);
copyFileSync(path.join(runDirectory, "template.sqlite"), databaseFile);

Object.assign(process.env, {
  NODE_ENV: "test",
  DATABASE_URL: `file:${databaseFile}`,
  SHOPIFY_API_KEY: TEST_APP.apiKey,
  SHOPIFY_API_SECRET: TEST_APP.apiSecret,
  SHOPIFY_APP_URL: TEST_APP.appUrl,
  SCOPES: TEST_APP.scopes.join(","),
  RASSURE_ENCRYPTION_KEY: TEST_APP.encryptionKey,
});
