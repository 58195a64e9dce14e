// Derives prisma/postgresql/schema.prisma from the SQLite source schema. The models are
// shared; only the datasource provider and the generated client's location differ.
// Usage: node scripts/prisma-schemas.mjs [--check]
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const sourcePath = `${root}prisma/schema.prisma`;
const targetPath = `${root}prisma/postgresql/schema.prisma`;

export function derivePostgresSchema(source) {
  return (
    "// GENERATED from prisma/schema.prisma by scripts/prisma-schemas.mjs. Do not edit.\n" +
    source
      .replace('output     = "./generated/sqlite"', 'output     = "../generated/postgresql"')
      .replace('provider = "sqlite"', 'provider = "postgresql"')
      .replace(/url\s+=\s+"file:[^"]*"/, 'url      = "postgresql://unused"')
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const expected = derivePostgresSchema(readFileSync(sourcePath, "utf8"));
  if (process.argv.includes("--check")) {
    const actual = readFileSync(targetPath, "utf8");
    if (actual !== expected) {
      console.error("prisma/postgresql/schema.prisma is stale: run `node scripts/prisma-schemas.mjs`.");
      process.exit(1);
    }
  } else {
    mkdirSync(`${root}prisma/postgresql`, { recursive: true });
    writeFileSync(targetPath, expected);
  }
}
