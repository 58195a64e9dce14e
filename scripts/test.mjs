// `npm test`: the whole suite as CI runs it. Installs the Debian packages the browser tests
// need, checks types and lint, builds the app (browser tests drive the built app), runs
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
console.log("\n▶ Tests");
const run = spawnSync(bin("vitest"), ["run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/vitest.json", ...vitestArgs], {
  cwd: root,
  stdio: "inherit",
  env: process.env,
});
try {
  const report = JSON.parse(readFileSync(`${root}test-results/vitest.json`, "utf8"));
  console.log(`\nvitest: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests + report.numTodoTests} skipped`);
} catch {
  console.log("\nvitest: no report was written (the run failed before tests completed).");
}
process.exit(run.status ?? 1);
