/**
 * Raw SQL through Prisma ($queryRawUnsafe) for the hot paths where Prisma's JS engine compiling
 * each model query cost more than the database's own work (webhook ledger rows, job inserts).
 * Values always travel as parameters; only the placeholders differ: `?` on SQLite, `$n` on
 * PostgreSQL.
 */
import type { resolveDatabase } from "../prisma/database";

export type Provider = ReturnType<typeof resolveDatabase>["provider"];

/** The n-th parameter (from 1). */
export const placeholder = (provider: Provider, n: number) => (provider === "sqlite" ? "?" : `$${n}`);

/** `(…), (…)` for a multi-row INSERT, with the values in placeholder order. */
export function valuesList(provider: Provider, rows: unknown[][]): { sql: string; values: unknown[] } {
  const values: unknown[] = [];
  const sql = rows
    .map((row) => `(${row.map((value) => (values.push(value), placeholder(provider, values.length))).join(", ")})`)
    .join(", ");
  return { sql, values };
}
