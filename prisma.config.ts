import { defineConfig } from "prisma/config";
import { createDriverAdapterFactory, resolveDatabase } from "./prisma/database";

// Prisma's engine binaries cannot be downloaded on every machine, so the CLI runs its
// JavaScript engine over the same driver adapter the app uses (see prisma/database.ts).
const target = resolveDatabase();

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: target.schemaPath,
  migrations: { path: target.migrationsPath },
  adapter: () => createDriverAdapterFactory(target),
});
