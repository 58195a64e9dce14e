// `npm test`: the whole suite as CI runs it. Installs the Debian packages the tests need
// (browser, PostgreSQL, PHP), checks types and lint, builds the app (browser tests drive the built app), runs
// vitest, and ends with one plain summary line ("vitest: N passed, N failed, N skipped").
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = (name) => `${root}node_modules/.bin/${name}`;

function step(label, command, args) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    console.error(`✖ ${label} failed.`);
    process.exit(result.status ?? 1);
  }
}

const vitestArgs = process.argv.slice(2);
step("System packages for browser tests", "bash", ["scripts/system-deps.sh"]);
step("Prisma schemas in sync", process.execPath, ["scripts/prisma-schemas.mjs", "--check"]);
step("Typecheck", bin("tsc"), ["--noEmit"]);
step("Lint", bin("eslint"), ["--max-warnings", "0", "."]);
step("Build", bin("remix"), ["vite:build"]);

mkdirSync(`${root}test-results`, { recursive: true });

/**
 * The suites that touch the database in ways that differ between engines (data layer,
 * webhooks and their ledger, background work) run a second time on a real PostgreSQL.
 */
const POSTGRES_SUITES = ["test/data-layer.test.ts", "test/shopify/", "test/jobs/", "test/webhooks/"];

function vitest(label, reportName, args, env) {
  console.log(`\n▶ ${label}`);
  const report = `test-results/${reportName}.json`;
  const run = spawnSync(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...args], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  try {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = JSON.parse(readFileSync(`${root}${report}`, "utf8"));
    return { ok: run.status === 0, passed: numPassedTests, failed: numFailedTests, skipped: numPendingTests + numTodoTests };
  } catch {
    console.log(`(${label}: no report was written — the run failed before its tests completed)`);
    return { ok: false, passed: 0, failed: 0, skipped: 0 };
  }
}

const runs = [vitest("Tests (SQLite)", "vitest", vitestArgs, {})];
// A filtered run (`npm test -- some/file`) stays on SQLite only.
if (vitestArgs.length === 0) runs.push(vitest("Tests (PostgreSQL)", "vitest-postgresql", POSTGRES_SUITES, { RASSURE_TEST_DATABASE: "postgresql" }));

const total = (key) => runs.reduce((sum, run) => sum + run[key], 0);
console.log(`\nvitest: ${total("passed")} passed, ${total("failed")} failed, ${total("skipped")} skipped`);
process.exit(runs.every((run) => run.ok) ? 0 : 1);
