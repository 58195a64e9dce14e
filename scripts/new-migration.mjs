// Creates a migration for both databases from the change to prisma/schema.prisma since the
// last commit: node scripts/new-migration.mjs add_storefront_config
// It diffs the committed schema against the working one (no database needed), writes
// prisma/migrations/<ts>_<name> (SQLite) and prisma/postgresql/migrations/<ts>_<name>.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { derivePostgresSchema } from "./prisma-schemas.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: node scripts/new-migration.mjs <snake_case_name>");
  process.exit(2);
}

const committed = execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { cwd: root, encoding: "utf8" });
const working = execFileSync("cat", [path.join(root, "prisma/schema.prisma")], { encoding: "utf8" });
const scratch = mkdtempSync(path.join(tmpdir(), "rassure-migration-"));
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);

for (const [provider, toSchema, dir] of [
  ["sqlite", (s) => s, "prisma/migrations"],
  ["postgresql", derivePostgresSchema, "prisma/postgresql/migrations"],
]) {
  const from = path.join(scratch, `${provider}-from.prisma`);
  const to = path.join(scratch, `${provider}-to.prisma`);
  writeFileSync(from, toSchema(committed));
  writeFileSync(to, toSchema(working));
  const sql = execFileSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), "migrate", "diff", "--from-schema-datamodel", from, "--to-schema-datamodel", to, "--script"], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  const target = path.join(root, dir, `${stamp}_${name}`);
  mkdirSync(target, { recursive: true });
  writeFileSync(path.join(target, "migration.sql"), sql);
  console.log(`${provider}: ${path.relative(root, target)}/migration.sql`);
}
execFileSync(process.execPath, [path.join(root, "scripts/prisma-schemas.mjs")]);
execFileSync(process.execPath, [path.join(root, "scripts/prisma-generate.mjs")], { stdio: "inherit" });
