/** DATABASE_URL → provider, schema and a clear message when the URL or the folder is wrong. */
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DatabaseConfigError, ensureSqliteDirectoryWritable, resolveDatabase } from "../prisma/database";

describe("resolveDatabase", () => {
  it("maps file: URLs to SQLite and postgresql: URLs to PostgreSQL with their own schema", () => {
    expect(resolveDatabase("file:./data/x.sqlite")).toMatchObject({ provider: "sqlite", schemaPath: expect.stringMatching(/prisma\/schema\.prisma$/) });
    expect(resolveDatabase("postgresql://u:p@127.0.0.1:5432/db")).toMatchObject({ provider: "postgresql", schemaPath: expect.stringMatching(/prisma\/postgresql\/schema\.prisma$/) });
  });

  it("names the supported URLs when given another one", () => {
    expect(() => resolveDatabase("mysql://root@localhost/db")).toThrow(DatabaseConfigError);
    expect(() => resolveDatabase("mysql://root@localhost/db")).toThrow(/file:\.\/data\/rassure\.sqlite.*postgresql:\/\//);
  });
});

describe("ensureSqliteDirectoryWritable", () => {
  it("creates missing folders", () => {
    const folder = path.join(process.env.RASSURE_TEST_RUN_DIR ?? "test-results/db", `nested-${process.pid}`);
    rmSync(folder, { recursive: true, force: true });
    ensureSqliteDirectoryWritable(resolveDatabase(`file:${folder}/a/b/rassure.sqlite`));
    expect(existsSync(`${folder}/a/b`)).toBe(true);
  });

  it("says which folder cannot be written instead of hanging or crashing", () => {
    expect(() => ensureSqliteDirectoryWritable(resolveDatabase("file:/proc/rassure/x.sqlite"))).toThrow(/The database folder \/proc\/rassure cannot be written/);
  });
});
