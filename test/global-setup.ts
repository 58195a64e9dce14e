/**
 * Once per `vitest run`: migrate a template SQLite database with the committed migrations
 * (the real `prisma migrate deploy`). Each test file then works on its own copy
 * (test/setup-env.ts), so suites never share rows or fight over locks.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";

export const TEMPLATE_DB = path.resolve("test-results/db/template.sqlite");

export default function setup() {
  rmSync(path.dirname(TEMPLATE_DB), { recursive: true, force: true });
  mkdirSync(path.dirname(TEMPLATE_DB), { recursive: true });
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${TEMPLATE_DB}` },
    stdio: "pipe",
  });
}
