/**
 * Per test file: the offline app identity (the same values the demo uses) and a private copy
 * of the migrated template database (a file copy on SQLite, CREATE DATABASE … TEMPLATE on
 * PostgreSQL). Set before any app module is imported.
 */
import { copyFileSync } from "node:fs";
import path from "node:path";
import { databaseUrl, runSql } from "./support/postgres-server";
import { TEST_APP } from "./support/test-app";

async function privateDatabaseUrl(): Promise<string> {
  const runDirectory = process.env.RASSURE_TEST_RUN_DIR;
  if (!runDirectory) throw new Error("RASSURE_TEST_RUN_DIR is not set: run the tests through vitest (test/global-setup.ts).");
  const name = `t_${process.pid}_${Date.now()}`;
  const postgresServer = process.env.RASSURE_TEST_POSTGRES_SERVER;
  if (postgresServer) {
    await runSql(postgresServer, `CREATE DATABASE ${name} TEMPLATE rassure_template`);
    return databaseUrl(postgresServer, name);
  }
  const file = path.join(runDirectory, `${name}.sqlite`);
  copyFileSync(path.join(runDirectory, "template.sqlite"), file);
  return `file:${file}`;
}

Object.assign(process.env, {
  NODE_ENV: "test",
  // Warnings and errors only: info lines would drown the test output.
  RASSURE_LOG_LEVEL: process.env.RASSURE_LOG_LEVEL ?? "warn",
  DATABASE_URL: await privateDatabaseUrl(),
  SHOPIFY_API_KEY: TEST_APP.apiKey,
  SHOPIFY_API_SECRET: TEST_APP.apiSecret,
  SHOPIFY_APP_URL: TEST_APP.appUrl,
  SCOPES: TEST_APP.scopes.join(","),
  RASSURE_ENCRYPTION_KEY: TEST_APP.encryptionKey,
  // Tests never ask the real public registers; the ones that need them start the local stand-in.
  RASSURE_COMPANY_REGISTERS: "off",
});
