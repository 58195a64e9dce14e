/**
 * `npm run bench -- <name> [args…]` runs one benchmark (each prints its figures and asserts
 * nothing); `npm run bench` alone lists them. They are separate processes because several bind
 * their own database and servers; run them one at a time on a quiet machine.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const benchDir = path.dirname(fileURLToPath(import.meta.url));
// Modules the benches share, not benches themselves.
const SUPPORT = new Set(["run", "load-env", "load-harness", "load-sender"]);

const benches = readdirSync(benchDir)
  .filter((file) => file.endsWith(".ts"))
  .map((file) => file.slice(0, -3))
  .filter((name) => !SUPPORT.has(name))
  .sort();

/** The first sentence of the bench's header comment, to say what it measures. */
function summary(name: string): string {
  const header = readFileSync(path.join(benchDir, `${name}.ts`), "utf8").match(/\/\*\*([\s\S]*?)\*\//)?.[1] ?? "";
  const text = header.replace(/^\s*\*\s?/gm, " ").replace(/\s+/g, " ").trim();
  const sentence = text.split(/(?<=\.)\s/)[0] ?? "";
  return sentence.length > 110 ? `${sentence.slice(0, 107)}…` : sentence;
}

const [name, ...args] = process.argv.slice(2);
if (!name) {
  console.log("Benchmarks (npm run bench -- <name> [args]):\n");
  for (const bench of benches) console.log(`  ${bench.padEnd(28)} ${summary(bench)}`);
  process.exit(0);
}
if (!benches.includes(name)) {
  console.error(`No benchmark named "${name}". Known: ${benches.join(", ")}.`);
  process.exit(2);
}
const run = spawnSync(path.join(benchDir, "../node_modules/.bin/tsx"), [path.join(benchDir, `${name}.ts`), ...args], { stdio: "inherit" });
process.exit(run.status ?? 1);
