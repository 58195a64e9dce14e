/**
 * A bench process's app environment, set before any app module loads: a private database
 * migrated with the committed migrations (a SQLite file, or a throwaway PostgreSQL 15 server on
 * loopback) and the offline app identity the tests use. Logs below "warn" are silenced.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { PostgresServer } from "../test/support/postgres-server";
import { TEST_APP } from "../test/support/test-app";

const root = fileURLToPath(new URL("..", import.meta.url));

export interface BenchApp {
  databaseUrl: string;
  /** The PostgreSQL server (restartable), or null on SQLite. */
  postgres: PostgresServer | null;
  dispose(): Promise<void>;
}

export async function prepareBenchApp(database: "sqlite" | "postgresql" = "sqlite"): Promise<BenchApp> {
  const scratch = mkdtempSync(path.join(tmpdir(), "rassure-bench-"));
  let databaseUrl = `file:${path.join(scratch, "bench.sqlite")}`;
  let postgres: PostgresServer | null = null;
  if (database === "postgresql") {
    const { startPostgresServer, runSql, databaseUrl: onDatabase } = await import("../test/support/postgres-server");
    postgres = await startPostgresServer();
    await runSql(postgres.url, "CREATE DATABASE rassure_bench");
    databaseUrl = onDatabase(postgres.url, "rassure_bench");
  }
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: "pipe" });
  Object.assign(process.env, {
    // Not "production": a production process starts the app's own job worker (app/jobs/runtime.server.ts).
    NODE_ENV: "test",
    RASSURE_LOG_LEVEL: "warn",
    DATABASE_URL: databaseUrl,
    SHOPIFY_API_KEY: TEST_APP.apiKey,
    SHOPIFY_API_SECRET: TEST_APP.apiSecret,
    SHOPIFY_APP_URL: TEST_APP.appUrl,
    SCOPES: TEST_APP.scopes.join(","),
    RASSURE_ENCRYPTION_KEY: TEST_APP.encryptionKey,
  });
  return {
    databaseUrl,
    postgres,
    async dispose() {
      await postgres?.stop();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
