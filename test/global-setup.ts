/**
 * Once per `vitest run`: migrate a template SQLite database with the committed migrations
 * (the real `prisma migrate deploy`). Each test file then works on its own copy
 * (test/setup-env.ts), so suites never share rows or fight over locks. Every run has its own
 * folder, so several runs at once (engineers, CI jobs) never delete each other's databases.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";

export default function setup() {
  const runDirectory = path.resolve(`test-results/db/run-${process.pid}-${Date.now()}`);
  const template = path.join(runDirectory, "template.sqlite");
  mkdirSync(runDirectory, { recursive: true });
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${template}` },
    stdio: "pipe",
  });
  // Test workers start after this and inherit the environment.
  process.env.RASSURE_TEST_RUN_DIR = runDirectory;
  return () => rmSync(runDirectory, { recursive: true, force: true });
}
