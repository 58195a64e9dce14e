/**
 * Once per `vitest run`: migrate a template database with the committed migrations (the real
 * `prisma migrate deploy`); each test file then works on its own copy (test/setup-env.ts), so
 * suites never share rows or fight over locks. Every run has its own folder/server, so several
 * runs at once (engineers, CI jobs) never touch each other's data.
 *
 * RASSURE_TEST_DATABASE=postgresql runs the same suites on a real PostgreSQL (a throwaway
 * server, see support/postgres-server.ts); the default is SQLite, the embedded default.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { databaseUrl, runSql, startPostgresServer } from "./support/postgres-server";

export const POSTGRES_TEMPLATE_DATABASE = "rassure_template";

function migrate(url: string) {
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: "pipe",
  });
}

export default async function setup() {
  const runDirectory = path.resolve(`test-results/db/run-${process.pid}-${Date.now()}`);
  mkdirSync(runDirectory, { recursive: true });
  // Test workers start after this and inherit the environment.
  process.env.RASSURE_TEST_RUN_DIR = runDirectory;

  if (process.env.RASSURE_TEST_DATABASE === "postgresql") {
    const server = await startPostgresServer();
    await runSql(server.url, `DROP DATABASE IF EXISTS ${POSTGRES_TEMPLATE_DATABASE}; `);
    await runSql(server.url, `CREATE DATABASE ${POSTGRES_TEMPLATE_DATABASE}`);
    migrate(databaseUrl(server.url, POSTGRES_TEMPLATE_DATABASE));
    process.env.RASSURE_TEST_POSTGRES_SERVER = server.url;
    return async () => {
      await server.stop();
      rmSync(runDirectory, { recursive: true, force: true });
    };
  }

  migrate(`file:${path.join(runDirectory, "template.sqlite")}`);
  return () => rmSync(runDirectory, { recursive: true, force: true });
}
