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

/**
 * A statement's parameters: `value(v)` adds `v` and answers its placeholder, so placeholders must
 * be made in the order they appear in the SQL (SQLite's `?` are positional); `values` then go
 * with the statement.
 */
export function parameters(provider: Provider) {
  const values: unknown[] = [];
  const value = (v: unknown) => (values.push(v), placeholder(provider, values.length));
  return { values, value };
}

/** `(…), (…)` for a multi-row INSERT, with the values in placeholder order. */
export function valuesList(provider: Provider, rows: unknown[][]): { sql: string; values: unknown[] } {
  const { values, value } = parameters(provider);
  const sql = rows.map((row) => `(${row.map(value).join(", ")})`).join(", ");
  return { sql, values };
}
