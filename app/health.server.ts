/**
 * What a load balancer or an orchestrator asks before sending traffic (GET /healthz): does
 * the database answer, and are all the committed migrations applied to it? The answer names
 * no host, user, URL or driver message: it is public.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

/** The part of a Prisma client the check needs (either database's client has it). */
export interface HealthDb {
  $queryRawUnsafe<T = unknown>(query: string): Promise<T>;
}

export interface Health {
  ok: boolean;
  database: "ok" | "unreachable";
  /** Committed migrations and how many of them the database has applied; null when it could not be asked. */
  migrations: { expected: number; applied: number; pending: string[] } | null;
}

/** A database that takes longer than this to answer counts as unreachable: health checks must answer quickly. */
export const HEALTH_TIMEOUT_MS = 3_000;

/** The migrations committed for this database (folders holding a migration.sql), oldest first. */
export function committedMigrations(migrationsPath: string): string[] {
  if (!existsSync(migrationsPath)) return [];
  return readdirSync(migrationsPath, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(migrationsPath, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

function withinTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timeout")), timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export async function checkHealth(db: HealthDb, migrationsPath: string, timeoutMs = HEALTH_TIMEOUT_MS): Promise<Health> {
  try {
    await withinTimeout(db.$queryRawUnsafe("SELECT 1"), timeoutMs);
  } catch {
    return { ok: false, database: "unreachable", migrations: null };
  }
  const expected = committedMigrations(migrationsPath);
  let applied: string[];
  try {
    const rows = await withinTimeout(
      db.$queryRawUnsafe<Array<{ migration_name: string }>>("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL"),
      timeoutMs,
    );
    applied = rows.map((row) => row.migration_name);
  } catch {
    applied = []; // no migrations table: nothing was ever applied
  }
  const done = new Set(applied);
  const pending = expected.filter((name) => !done.has(name));
  return { ok: pending.length === 0, database: "ok", migrations: { expected: expected.length, applied: expected.length - pending.length, pending } };
}
