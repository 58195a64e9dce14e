/**
 * GET /healthz: 200 when the database answers and every committed migration is applied, 503
 * when a migration is missing or the database does not answer; the answer is public, so it
 * names no URL, user or secret.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkHealth, committedMigrations } from "../app/health.server";
import { loader } from "../app/routes/healthz";
import { createDriverAdapterFactory, loadPrismaClientClass, resolveDatabase } from "../prisma/database";

async function clientFor(url: string) {
  const target = resolveDatabase(url);
  const Client = loadPrismaClientClass(target.provider);
  return new Client({ adapter: await createDriverAdapterFactory(target) });
}

describe("GET /healthz", () => {
  it("answers 200 on the migrated database, with nothing secret in the answer", async () => {
    const response = await loader();
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const text = await response.text();
    const expected = committedMigrations(resolveDatabase().migrationsPath).length;
    expect(expected).toBeGreaterThan(0);
    expect(JSON.parse(text)).toEqual({ status: "ok", database: "ok", migrations: { expected, applied: expected, pending: [] } });
    for (const secret of [process.env.DATABASE_URL!, process.env.SHOPIFY_API_SECRET!, process.env.RASSURE_ENCRYPTION_KEY!]) expect(text).not.toContain(secret);
  });

  it("is unavailable while a committed migration is not applied", async () => {
    const migrations = mkdtempSync(path.join(tmpdir(), "rassure-migrations-"));
    cpSync(resolveDatabase().migrationsPath, migrations, { recursive: true });
    mkdirSync(path.join(migrations, "29991231000000_not_yet_applied"));
    writeFileSync(path.join(migrations, "29991231000000_not_yet_applied", "migration.sql"), "SELECT 1;");
    const { default: prisma } = await import("../app/db.server");
    const health = await checkHealth(prisma, migrations);
    expect(health).toMatchObject({ ok: false, database: "ok", migrations: { pending: ["29991231000000_not_yet_applied"] } });
  });

  it("is unavailable on a database nothing was ever applied to", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "rassure-empty-db-")), "empty.sqlite");
    const client = await clientFor(`file:${file}`);
    try {
      const health = await checkHealth(client, resolveDatabase(`file:${file}`).migrationsPath);
      expect(health.ok).toBe(false);
      expect(health.database).toBe("ok");
      expect(health.migrations?.applied).toBe(0);
      expect(health.migrations?.pending.length).toBe(health.migrations?.expected);
    } finally {
      await client.$disconnect();
    }
  });

  it("is unavailable when the database does not answer, and says nothing about where it is", async () => {
    const url = "postgresql://rassure:hunter2-secret@127.0.0.1:1/rassure";
    const client = await clientFor(url);
    try {
      const health = await checkHealth(client, resolveDatabase(url).migrationsPath, 2_000);
      expect(health).toEqual({ ok: false, database: "unreachable", migrations: null });
    } finally {
      await client.$disconnect();
    }
  });
});
