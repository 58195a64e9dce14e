// Applies the committed migrations to the database DATABASE_URL names (SQLite file by
// default). Safe to run on every start: applied migrations are skipped.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const result = spawnSync(process.execPath, [`${root}node_modules/prisma/build/index.js`, "migrate", "deploy"], { cwd: root, encoding: "utf8" });
if (result.status !== 0) {
  const output = `${result.stdout}\n${result.stderr}`;
  const reason = output.split("\n").filter((line) => /error|cannot|denied|refused|DATABASE_URL/i.test(line)).slice(0, 4).join("\n");
  console.error(`Could not apply database migrations.\n${reason || output.trim()}\nCheck DATABASE_URL (default: file:./data/rassure.sqlite) and that its folder is writable.`);
  process.exit(1);
}
console.log("Database migrations applied.");
