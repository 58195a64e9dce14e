/**
 * A store keeps its data when the program that serves it restarts, as a real Shopify store
 * does: the app's offline token stays valid, what the app published stays published. The
 * demo keeps the dev store's state in a JSON file beside its database; the file is written
 * after every request that changed the state, before the answer leaves (so a client never
 * holds a token the file does not), by writing a copy and renaming it over the old one (so a
 * kill -9 leaves the previous or the next state, never half of one).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { DevStoreSeed, DevStoreState } from "./types";

const FORMAT = 1;

interface StateFile {
  format: number;
  /** The seed the state grew from: a changed seed starts the store afresh. */
  seedDigest: string;
  state: DevStoreState;
}

export function seedDigest(seed: DevStoreSeed): string {
  return createHash("sha256").update(JSON.stringify(seed)).digest("hex").slice(0, 16);
}

export interface PersistedState {
  /** The saved state, or null when there is none (or it grew from another seed or format). */
  loaded: DevStoreState | null;
  /** Why a file present was not used, for the log. */
  discarded: string | null;
  /** Writes the state when it changed since the last write. */
  save(state: DevStoreState): void;
}

export function openStateFile(file: string, seed: DevStoreSeed): PersistedState {
  const digest = seedDigest(seed);
  let loaded: DevStoreState | null = null;
  let discarded: string | null = null;
  let lastWritten = "";
  if (existsSync(file)) {
    try {
      const saved = JSON.parse(readFileSync(file, "utf8")) as StateFile;
      if (saved.format !== FORMAT || saved.seedDigest !== digest) discarded = "it was made from another version of the seed";
      else loaded = saved.state;
    } catch (error) {
      discarded = `it could not be read (${error instanceof Error ? error.message : String(error)})`;
    }
  }
  return {
    loaded,
    discarded,
    save(state) {
      const text = JSON.stringify({ format: FORMAT, seedDigest: digest, state } satisfies StateFile);
      if (text === lastWritten) return;
      mkdirSync(path.dirname(file), { recursive: true });
      const draft = `${file}.${process.pid}.tmp`;
      writeFileSync(draft, text);
      renameSync(draft, file);
      lastWritten = text;
    },
  };
}
