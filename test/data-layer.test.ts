/**
 * The data layer on whichever database this run uses (SQLite by default, PostgreSQL with
 * RASSURE_TEST_DATABASE=postgresql): the app's client talks to the migrated schema, unique
 * constraints surface as Prisma's P2002 (the webhook ledger relies on it), transactions roll
 * back, and migrations keep the data they move (run with the real `prisma migrate deploy` on a
 * database of an earlier schema).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import prisma from "../app/db.server";
import { createJobStore } from "../app/jobs/runtime.server";
import { TableJobStore } from "../app/jobs/table-store.server";
import { TRACKING_JOB } from "../app/tracking/check-identity";
import { createDriverAdapterFactory, loadPrismaClientClass, PROJECT_ROOT, resolveDatabase, type DatabaseProvider } from "../prisma/database";
import { databaseUrl, runSql } from "./support/postgres-server";

const provider = resolveDatabase().provider;

describe(`data layer on ${provider}`, () => {
  it("runs on the provider this run asked for", () => {
    expect(provider).toBe(process.env.RASSURE_TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite");
  });

  it("reports a duplicate webhook delivery as P2002", async () => {
    const data = { platform: "shopify", deliveryId: "dup-1", topic: "APP_UNINSTALLED", shopDomain: "a.myshopify.com" };
    await prisma.webhookDelivery.create({ data });
    await expect(prisma.webhookDelivery.create({ data })).rejects.toMatchObject({ code: "P2002" });
  });

  it("keeps one shop per platform and domain, and stores accents and long text intact", async () => {
    const name = "Atelier Lumière — « Bijoux » ".repeat(40);
    await prisma.shop.create({ data: { platform: "shopify", domain: "b.myshopify.com", name } });
    await prisma.shop.create({ data: { platform: "woocommerce", domain: "b.myshopify.com", name: "same domain, other platform" } });
    await expect(prisma.shop.create({ data: { platform: "shopify", domain: "b.myshopify.com", name: "again" } })).rejects.toMatchObject({ code: "P2002" });
    const stored = await prisma.shop.findUniqueOrThrow({ where: { platform_domain: { platform: "shopify", domain: "b.myshopify.com" } } });
    expect(stored.name).toBe(name);
  });

  it("rolls a failed transaction back entirely", async () => {
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.shop.create({ data: { platform: "shopify", domain: "c.myshopify.com", name: "C" } });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await prisma.shop.count({ where: { domain: "c.myshopify.com" } })).toBe(0);
  });

  // pg-pool re-emits an idle client's error on the pool; with no listener there that is an
  // uncaught 'error' event, which stops the process (a PostgreSQL restart or failover at the
  // wrong moment; bench/scale-out.ts died this way when it stopped its server).
  it.runIf(provider === "postgresql")("keeps running when the server ends its idle connections", async () => {
    const url = new URL(process.env.DATABASE_URL!);
    url.searchParams.set("application_name", "rassure-idle-test");
    const Client = loadPrismaClientClass("postgresql");
    const client = new Client({ adapter: await createDriverAdapterFactory(resolveDatabase(url.toString())) });
    // An unhandled 'error' event is thrown as an uncaught exception: recorded here, so that this
    // test fails (not only the run, as an error outside any test).
    const uncaught: unknown[] = [];
    const record = (error: unknown) => uncaught.push(error);
    process.on("uncaughtException", record);
    try {
      await client.shop.count(); // a connection now idles in the pool
      // The adapter listens for the pool's errors only while connected; the pool (ours) outlives
      // a disconnect, as it does between a shutdown's $disconnect and the server going away.
      await client.$disconnect();
      const ended = await runSql(process.env.DATABASE_URL!, "SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE application_name = 'rassure-idle-test'");
      expect(ended.length).toBeGreaterThan(0); // the pool's idle connection really was ended
      expect(ended.every((row) => row.ended === true)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 300)); // the error event arrives
      expect(uncaught).toEqual([]);
      expect(await client.shop.count({ where: { domain: "nobody.myshopify.com" } })).toBe(0); // a fresh connection
    } finally {
      process.off("uncaughtException", record);
      await client.$disconnect();
    }
  });
});

// ---------------------------------------------------------------------------
// Migrations keep data
// ---------------------------------------------------------------------------

const MIGRATIONS: Record<DatabaseProvider, string> = {
  sqlite: path.join(PROJECT_ROOT, "prisma/migrations"),
  postgresql: path.join(PROJECT_ROOT, "prisma/postgresql/migrations"),
};
const migrationNames = (provider: DatabaseProvider) => readdirSync(MIGRATIONS[provider]).filter((name) => /^\d{14}_/.test(name)).sort();
const migrationSql = (provider: DatabaseProvider, name: string) => readFileSync(path.join(MIGRATIONS[provider], name, "migration.sql"), "utf8");

/** The migration that retired the TrackingJob table for the job queue. */
const TRACKING_JOBS_MOVED = "20261123184509_tracking_jobs_on_job_queue";
/** That migration as first committed and applied: it dropped the pending jobs with the table. */
const ORIGINAL_DROP: Record<DatabaseProvider, string> = {
  sqlite: '-- DropTable\nPRAGMA foreign_keys=off;\nDROP TABLE "TrackingJob";\nPRAGMA foreign_keys=on;\n\n',
  postgresql: '-- DropTable\nDROP TABLE "TrackingJob";\n\n',
};

let scratchCount = 0;

/** An empty database of this run's provider, private to the test. */
async function emptyDatabase(): Promise<string> {
  const name = `migrated_${process.pid}_${Date.now()}_${(scratchCount += 1)}`;
  const server = process.env.RASSURE_TEST_POSTGRES_SERVER;
  if (provider === "postgresql" && server) {
    await runSql(server, `CREATE DATABASE ${name}`);
    return databaseUrl(server, name);
  }
  return `file:${path.join(process.env.RASSURE_TEST_RUN_DIR!, `${name}.sqlite`)}`;
}

/**
 * `prisma migrate deploy` (the command production runs) with the given migrations, as a
 * database at an earlier commit saw them: copied to a folder of their own, with a config that
 * points the CLI there and otherwise matches prisma.config.ts.
 */
function deploy(url: string, migrations: Record<string, string>): string {
  const folder = path.join(process.env.RASSURE_TEST_RUN_DIR!, `migrations-${(scratchCount += 1)}`);
  for (const [name, sql] of Object.entries(migrations)) {
    mkdirSync(path.join(folder, "migrations", name), { recursive: true });
    writeFileSync(path.join(folder, "migrations", name, "migration.sql"), sql);
  }
  const config = path.join(folder, "prisma.config.ts");
  writeFileSync(
    config,
    `import { defineConfig } from "prisma/config";
import { createDriverAdapterFactory, resolveDatabase } from ${JSON.stringify(path.join(PROJECT_ROOT, "prisma/database"))};
const target = resolveDatabase();
export default defineConfig({ experimental: { adapter: true }, engine: "js", schema: target.schemaPath, migrations: { path: ${JSON.stringify(path.join(folder, "migrations"))} }, adapter: () => createDriverAdapterFactory(target) });
`,
  );
  return execFileSync(process.execPath, [path.join(PROJECT_ROOT, "node_modules/prisma/build/index.js"), "migrate", "deploy", "--config", config], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
    stdio: "pipe",
  });
}

/** The committed migrations up to (without) `before`, or all of them. */
function committedMigrations(before?: string): Record<string, string> {
  const names = migrationNames(provider).filter((name) => !before || name < before);
  return Object.fromEntries(names.map((name) => [name, migrationSql(provider, name)]));
}

async function clientFor(url: string) {
  const target = resolveDatabase(url);
  const Client = loadPrismaClientClass(target.provider);
  return new Client({ adapter: await createDriverAdapterFactory(target) });
}

// Each `migrate deploy` starts the Prisma CLI with its JavaScript engine: seconds, more on PostgreSQL.
const DEPLOYS_TIMEOUT_MS = 180_000;

/** Open file descriptors of this process on the SQLite database file (Linux: /proc/self/fd). */
function openDatabaseFiles(file: string): number {
  return readdirSync("/proc/self/fd").filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === file;
    } catch {
      return false; // closed while listing
    }
  }).length;
}

describe.skipIf(provider !== "sqlite" || process.platform !== "linux")("SQLite connections the app opens", () => {
  // Each interactive transaction must give its connection back: a connection left for the garbage
  // collector keeps its file handles, page cache and parsed schema in native memory V8 cannot see
  // (the SQLite soak grew by hundreds of MB, bench/load-soak.ts).
  it("reuses a few connections across many transactions instead of leaving one open per transaction", async () => {
    const file = resolveDatabase().url.slice("file:".length);
    for (let i = 0; i < 150; i++) {
      await prisma.$transaction(async (tx) => tx.shop.count());
    }
    await Promise.all(Array.from({ length: 10 }, () => prisma.$transaction(async (tx) => tx.shop.count())));
    expect(openDatabaseFiles(file)).toBeGreaterThan(0);
    expect(openDatabaseFiles(file)).toBeLessThanOrEqual(4);
  });
});

describe(`migrations on ${provider} keep data`, { timeout: DEPLOYS_TIMEOUT_MS }, () => {
  it("every dropped table is copied out first, in both providers' migrations", () => {
    for (const which of ["sqlite", "postgresql"] as const) {
      for (const name of migrationNames(which)) {
        const sql = migrationSql(which, name);
        // A quote in a comment breaks the PostgreSQL migration runner (it splits statements itself).
        for (const comment of sql.match(/--.*$/gm) ?? []) expect(comment, `${which} ${name}`).not.toMatch(/['"]/);
        for (const drop of sql.matchAll(/DROP TABLE (?:IF EXISTS )?"(\w+)"/g)) {
          const before = sql.slice(0, drop.index);
          expect(before, `${which} ${name} drops "${drop[1]}" without moving its rows first`).toMatch(new RegExp(`INSERT INTO[\\s\\S]*FROM "${drop[1]}"`));
        }
      }
    }
  });

  it("a database at the previous schema keeps its waiting tracking checks as queued jobs", async () => {
    const url = await emptyDatabase();
    deploy(url, committedMigrations(TRACKING_JOBS_MOVED));
    const db = await clientFor(url);
    const shop = "'shopify', 'atelier-lumiere.myshopify.com'";
    const columns = `"id", "platform", "shopDomain", "fulfillmentId", "source", "status", "attempts", "runAfter", "lastError", "outcome", "createdAt", "updatedAt"`;
    const at = (iso: string) => `'${iso}'`;
    await db.$executeRawUnsafe(
      `INSERT INTO "TrackingJob" (${columns}) VALUES
        ('job-waiting', ${shop}, 'gid://shopify/Fulfillment/1', 'webhook', 'pending', 0, ${at("2026-11-23T18:00:00Z")}, NULL, NULL, ${at("2026-11-23T17:59:00Z")}, ${at("2026-11-23T17:59:00Z")}),
        ('job-retrying', ${shop}, 'gid://shopify/Fulfillment/2', 'backfill', 'pending', 2, ${at("2026-11-23T18:05:00Z")}, 'HTTP 503', NULL, ${at("2026-11-23T17:58:00Z")}, ${at("2026-11-23T18:00:00Z")}),
        ('job-twin', ${shop}, 'gid://shopify/Fulfillment/1', 'webhook', 'pending', 0, ${at("2026-11-23T18:01:00Z")}, NULL, NULL, ${at("2026-11-23T18:01:00Z")}, ${at("2026-11-23T18:01:00Z")}),
        ('job-crashed', ${shop}, 'gid://shopify/Fulfillment/3', 'webhook', 'running', 1, ${at("2026-11-23T17:00:00Z")}, NULL, NULL, ${at("2026-11-23T17:00:00Z")}, ${at("2026-11-23T17:00:00Z")}),
        ('job-done', ${shop}, 'gid://shopify/Fulfillment/4', 'webhook', 'done', 1, ${at("2026-11-23T16:00:00Z")}, NULL, 'fixed', ${at("2026-11-23T16:00:00Z")}, ${at("2026-11-23T16:00:00Z")})`,
    );
    await db.$disconnect();

    deploy(url, committedMigrations());
    const after = await clientFor(url);
    try {
      const jobs = await after.backgroundJob.findMany({ orderBy: { id: "asc" } });
      // Every check still to do is queued once per fulfillment (a twin waiting for the same one is covered by it);
      // a check that was running when the old worker stopped runs again.
      expect(jobs.map((job) => ({ ...job, payload: JSON.parse(job.payload) as unknown }))).toEqual([
        expect.objectContaining({ id: "job-crashed", kind: TRACKING_JOB, status: "pending", attempts: 1, payload: { fulfillmentId: "gid://shopify/Fulfillment/3", source: "webhook" }, dedupeKey: "gid://shopify/Fulfillment/3|webhook" }),
        expect.objectContaining({ id: "job-retrying", kind: TRACKING_JOB, status: "pending", attempts: 2, lastError: "HTTP 503", runAfter: new Date("2026-11-23T18:05:00Z"), payload: { fulfillmentId: "gid://shopify/Fulfillment/2", source: "backfill" }, dedupeKey: "gid://shopify/Fulfillment/2|backfill" }),
        expect.objectContaining({ id: "job-waiting", kind: TRACKING_JOB, status: "pending", platform: "shopify", shopDomain: "atelier-lumiere.myshopify.com", attempts: 0, maxAttempts: 5, payload: { fulfillmentId: "gid://shopify/Fulfillment/1", source: "webhook" } }),
      ]);

      // And the queue of this database runs them: the table itself on SQLite; on PostgreSQL, pg-boss, which adopts them when the worker starts.
      const shop = { platform: "shopify", shopDomain: "atelier-lumiere.myshopify.com" } as const;
      const store = provider === "postgresql" ? createJobStore(url) : new TableJobStore(after);
      try {
        await store.prepare([TRACKING_JOB]);
        const queued = await store.recentJobs(shop, TRACKING_JOB);
        // Sorted by fulfillment: PostgreSQL's jsonb does not keep the payload's key order.
        const byFulfillment = (job: { payload: unknown }) => (job.payload as { fulfillmentId: string }).fulfillmentId;
        expect(queued.sort((a, b) => byFulfillment(a).localeCompare(byFulfillment(b))).map((job) => [job.status, job.payload])).toEqual([
          ["pending", { fulfillmentId: "gid://shopify/Fulfillment/1", source: "webhook" }],
          ["pending", { fulfillmentId: "gid://shopify/Fulfillment/2", source: "backfill" }],
          ["pending", { fulfillmentId: "gid://shopify/Fulfillment/3", source: "webhook" }],
        ]);
        if (provider === "postgresql") expect(await after.backgroundJob.count()).toBe(0); // handed over, once
      } finally {
        await store.close();
      }
    } finally {
      await after.$disconnect();
    }
  });

  it("a database that already ran the migration as first committed still deploys", async () => {
    const url = await emptyDatabase();
    deploy(url, { ...committedMigrations(TRACKING_JOBS_MOVED), [TRACKING_JOBS_MOVED]: ORIGINAL_DROP[provider] });
    // Prisma records a checksum per applied migration; `migrate deploy` applies only the pending ones and does not refuse an edited one.
    expect(deploy(url, committedMigrations())).toMatch(/No pending migrations|successfully applied/);
    const db = await clientFor(url);
    try {
      const applied = await db.$queryRawUnsafe<Array<{ migration_name: string }>>(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL`);
      expect(applied.map((row) => row.migration_name).sort()).toEqual(migrationNames(provider));
    } finally {
      await db.$disconnect();
    }
  });
});
