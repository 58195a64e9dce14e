// Generates both Prisma clients (SQLite and PostgreSQL) so DATABASE_URL alone picks the
// database at run time. Runs after `npm install`; needs no download (engineType = "client").
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const prismaCli = `${root}node_modules/prisma/build/index.js`;
execFileSync(process.execPath, [`${root}scripts/prisma-schemas.mjs`], { stdio: "inherit" });
for (const schema of ["prisma/schema.prisma", "prisma/postgresql/schema.prisma"]) {
  execFileSync(process.execPath, [prismaCli, "generate", "--schema", schema], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
}
console.log("Prisma clients generated (sqlite, postgresql).");
