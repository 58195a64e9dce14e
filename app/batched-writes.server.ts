/**
 * Writes gathered from the units of one shared transaction (app/group-commit.server.ts) and run
 * together, once, before it commits: e.g. the job rows of a batch of webhook deliveries go in with
 * ONE multi-row INSERT instead of one statement per delivery. A write is only gathered when its
 * transaction is a group commit's; anywhere else it runs at once, as before.
 *
 * Order: a gathered row is written after the statements its batch ran meanwhile, so a statement
 * that must see it (a store erasing a shop's jobs) flushes the gathered rows first.
 *
 * Nothing changes for atomicity: the rows are written inside the same transaction, so they
 * commit or roll back with the writes of the units that asked for them. A unit that fails rolls
 * its batch back, gathered rows included; the others run again in a fresh transaction and gather
 * theirs again.
 */

interface Gathered {
  rows: unknown[];
  write: (rows: unknown[]) => Promise<void>;
}

/** Per open group-commit transaction: its gathered writes, by kind. */
const gathering = new WeakMap<object, Map<string, Gathered>>();

/** Opens the gathering for a transaction (GroupCommit, when it starts a batch). */
export function gatherWritesIn(tx: object) {
  gathering.set(tx, new Map());
}

/**
 * Adds `row` to the writes of kind `kind` gathered in `tx`, to be written with `write` (called once
 * with every row of the kind, in order). False when `tx` gathers nothing: the caller writes at once.
 */
export function gatherWrite<Row>(tx: object, kind: string, row: Row, write: (rows: Row[]) => Promise<void>): boolean {
  const kinds = gathering.get(tx);
  if (!kinds) return false;
  const gathered = kinds.get(kind) ?? { rows: [], write: write as (rows: unknown[]) => Promise<void> };
  gathered.rows.push(row);
  kinds.set(kind, gathered);
  return true;
}

/**
 * Runs the writes gathered so far in `tx`. A store calls it before a statement of its own that
 * must see them (erasing a shop's jobs after a job for that shop was gathered in the same
 * batch); GroupCommit calls it with `close` before the commit.
 */
export async function flushGatheredWrites(tx: object, { close = false } = {}) {
  const kinds = gathering.get(tx);
  if (close) gathering.delete(tx);
  if (!kinds) return;
  const pending = [...kinds.values()];
  kinds.clear();
  for (const { rows, write } of pending) await write(rows);
}
