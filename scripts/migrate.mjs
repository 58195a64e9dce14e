// Applies the committed migrations to the database DATABASE_URL names (SQLite file by
// default). Safe to run on every start: applied migrations are skipped.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

// Node 22 strips TypeScript types natively: reuse the app's own URL checks for a clear message
// (an unwritable SQLite folder would otherwise leave Prisma waiting).
const { resolveDatabase, ensureSqliteDirectoryWritable } = await import("../prisma/database.ts");
try {
  ensureSqliteDirectoryWritable(resolveDatabase());
} catch (error) {
  console.error(`Could not apply database migrations. ${error.message}`);
  process.exit(1);
}

const result = spawnSync(process.execPath, [`${root}node_modules/prisma/build/index.js`, "migrate", "deploy"], {
  cwd: root,
  encoding: "utf8",
  timeout: 120_000,
});
if (result.error?.code === "ETIMEDOUT") {
  console.error("Could not apply database migrations: the database did not answer within 2 minutes. Check DATABASE_URL and that the server is up.");
  process.exit(1);
}
if (result.status !== 0) {
  const output = `${result.stdout}\n${result.stderr}`;
  const reason = output.split("\n").filter((line) => /error|cannot|denied|refused|DATABASE_URL/i.test(line)).slice(0, 4).join("\n");
  console.error(`Could not apply database migrations.\n${reason || output.trim()}\nCheck DATABASE_URL (default: file:./data/rassure.sqlite) and that its folder is writable.`);
  process.exit(1);
}
console.log("Database migrations applied.");
