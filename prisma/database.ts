/**
 * Where the data lives and which Prisma driver adapter talks to it. Shared by the Prisma
 * CLI (prisma.config.ts) and the app (app/db.server.ts), so migrations and queries always
 * agree on the database.
 *
 * - no DATABASE_URL, or `file:…`  → embedded SQLite file through @prisma/adapter-libsql
 * - `postgresql://…`/`postgres://…` → PostgreSQL through @prisma/adapter-pg
 */
import { accessSync, constants, existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { PrismaClient } from "./generated/sqlite";

export type DatabaseProvider = "sqlite" | "postgresql";

/** The folder holding Rassure's package.json, found from this module even once bundled into build/. */
function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).name === "rassure") return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
}

export const PROJECT_ROOT = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));
export const DEFAULT_DATABASE_URL = "file:./data/rassure.sqlite";

export class DatabaseConfigError extends Error {}

export interface DatabaseTarget {
  provider: DatabaseProvider;
  /** URL handed to the driver: SQLite paths are made absolute against the project root. */
  url: string;
  schemaPath: string;
  migrationsPath: string;
}

export function resolveDatabase(rawUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): DatabaseTarget {
  if (rawUrl.startsWith("file:")) {
    const filePath = rawUrl.slice("file:".length);
    const absolute = path.isAbsolute(filePath) ? filePath : path.join(PROJECT_ROOT, filePath);
    return {
      provider: "sqlite",
      url: `file:${absolute}`,
      schemaPath: path.join(PROJECT_ROOT, "prisma/schema.prisma"),
      migrationsPath: path.join(PROJECT_ROOT, "prisma/migrations"),
    };
  }
  if (/^postgres(ql)?:\/\//.test(rawUrl)) {
    return {
      provider: "postgresql",
      url: rawUrl,
      schemaPath: path.join(PROJECT_ROOT, "prisma/postgresql/schema.prisma"),
      migrationsPath: path.join(PROJECT_ROOT, "prisma/postgresql/migrations"),
    };
  }
  throw new DatabaseConfigError(
    `DATABASE_URL is not supported: "${rawUrl.replace(/\/\/[^@]*@/, "//***@")}". ` +
      "Use file:./data/rassure.sqlite (embedded SQLite, the default) or postgresql://user:password@host:5432/db.",
  );
}

/**
 * mkdir -p one level at a time: Node's recursive mkdir never returns under /proc or /sys,
 * where a level fails with ENOENT that it keeps retrying.
 */
function createDirectoryChain(directory: string): void {
  const missing: string[] = [];
  let current = path.resolve(directory);
  while (!existsSync(current)) {
    missing.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const level of missing) mkdirSync(level);
}

/** Makes sure a SQLite file can be created where DATABASE_URL points, with a message that says what to do. */
export function ensureSqliteDirectoryWritable(target: DatabaseTarget): void {
  if (target.provider !== "sqlite") return;
  const directory = path.dirname(target.url.slice("file:".length));
  try {
    createDirectoryChain(directory);
    accessSync(directory, constants.W_OK);
  } catch {
    throw new DatabaseConfigError(
      `The database folder ${directory} cannot be written. ` +
        "Give this user write access to it, or set DATABASE_URL=file:/some/writable/path/rassure.sqlite.",
    );
  }
}

export async function createDriverAdapterFactory(target: DatabaseTarget) {
  if (target.provider === "sqlite") {
    ensureSqliteDirectoryWritable(target);
    const { PrismaLibSQL } = await import("@prisma/adapter-libsql");
    const { createClient } = await import("@libsql/client");
    /**
     * The adapter brings its own older @libsql/client (0.8), whose every transaction takes the
     * client's connection and opens a new one for what follows, never closing the old one: each
     * stays open (file handles, SQLite page cache, parsed schema) until V8 collects it, which it
     * does late since it cannot see that native memory. The SQLite soak held hundreds of such
     * connections and grew by ~800 MB (bench/load-soak.ts). The project's @libsql/client keeps
     * a small pool and gives a transaction's connection back when it commits or rolls back.
     */
    type AdapterClient = ReturnType<InstanceType<typeof PrismaLibSQL>["createClient"]>;
    class PooledPrismaLibSQL extends PrismaLibSQL {
      override createClient(config: Parameters<InstanceType<typeof PrismaLibSQL>["createClient"]>[0]): AdapterClient {
        return createClient(config) as unknown as AdapterClient;
      }
    }
    return new PooledPrismaLibSQL({ url: target.url });
  }
  const { PrismaPg } = await import("@prisma/adapter-pg");
  // The adapter's `pg` typings are its own copy; the pool is a real pg.Pool all the same.
  return new PrismaPg((await createPostgresPool(target.url)) as unknown as ConstructorParameters<typeof PrismaPg>[0]);
}

const PG_NAME_OID = 19;
const PG_TEXT_OID = 25;

/**
 * A pg Pool whose results report PostgreSQL's internal `name` type as text. Prisma's schema
 * engine reads `current_schema()` (type `name`) when it sets up its migrations table, and
 * @prisma/adapter-pg 6.19 has no mapping for that type, so `migrate deploy` would fail with
 * "Column type 'name' could not be deserialized". Both are strings on the wire.
 */
async function createPostgresPool(connectionString: string) {
  const { default: pg } = await import("pg");
  type QueryResultLike = { fields?: Array<{ dataTypeID: number }> };
  class NameAsTextPool extends pg.Pool {
    // @ts-expect-error -- pg's overloads cannot be restated; the adapter only uses the promise form.
    override async query(...args: Parameters<pg.Pool["query"]>) {
      // @ts-expect-error -- same overloads, forwarded unchanged.
      const result = (await super.query(...args)) as QueryResultLike;
      for (const field of result?.fields ?? []) if (field.dataTypeID === PG_NAME_OID) field.dataTypeID = PG_TEXT_OID;
      return result;
    }
  }
  const pool = new NameAsTextPool({ connectionString });
  // A server restart ends every connection with an error event; pg-pool listens only while a
  // client is idle or once per query, so a second event (or one between queries) would be
  // uncaught and stop the process. The query that was running rejects on its own; the pool
  // drops the broken client and opens a new one for the next query.
  pool.on("connect", (client) => client.on("error", () => undefined));
  // The same error is then re-emitted on the pool if the client was idle. The adapter listens
  // there only while Prisma is connected, and our pool outlives a $disconnect: without a
  // listener of our own, the server closing an idle connection then would stop the process.
  pool.on("error", () => undefined);
  return pool;
}

/**
 * The Prisma client generated for the provider (scripts/prisma-generate.mjs writes both to
 * prisma/generated/). It is loaded at run time, not imported, so that bundlers leave
 * Prisma's CommonJS client and its WebAssembly query compiler where they were generated.
 */
export function loadPrismaClientClass(provider: DatabaseProvider): typeof PrismaClient {
  const clientPath = path.join(PROJECT_ROOT, "prisma/generated", provider);
  if (!existsSync(path.join(clientPath, "index.js"))) {
    throw new DatabaseConfigError(`The Prisma client for ${provider} is not generated. Run \`npm install\` (or \`node scripts/prisma-generate.mjs\`).`);
  }
  return createRequire(import.meta.url)(clientPath).PrismaClient;
}
