/**
 * Load and fault harness shared by bench/load-webhooks.ts and bench/load-soak.ts (loopback only).
 *
 * Each scenario runs in a child process of its own (the app binds to one DATABASE_URL per
 * process): a fresh migrated database (SQLite file, or a throwaway PostgreSQL 15 server), the
 * app's webhook route factory (`shopifyWebhookAction`: real HMAC check, webhook ledger) served
 * over HTTP through the door the production server gives deliveries, and the durable job queue (table store or pg-boss) working in the same process.
 * Each webhook records a job in its ledger transaction; the job calls a platform stand-in
 * (which can answer THROTTLED / HTTP 503) and then applies its effect, counted per webhook.
 * The sender behaves like Shopify: signed deliveries, a retry of the same webhook id after a
 * failed answer. It runs in a process of its own (bench/load-sender.ts), so the receiver's
 * figures (answer times, RSS) are the server's alone; a burst is measured after 200 warm-up
 * deliveries whose jobs were applied. Figures: lost = accepted webhooks whose effect never happened, duplicated =
 * effects applied more than once.
 *
 * Child entry: `tsx bench/load-harness.ts '<ScenarioConfig JSON>'` prints one RESULT line.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { getHeapSpaceStatistics } from "node:v8";
import { bodySignatureMatches } from "../adapters/webhook-signature";
import { START_NODE_FLAGS } from "../scripts/start-flags.mjs";
import type { BenchApp } from "./load-env";
import { epochMs, WARM_UP_BASE, type SenderConfig, type SenderReport } from "./load-sender";

export type DatabaseKind = "sqlite" | "postgresql";

export interface ScenarioConfig {
  label: string;
  database: DatabaseKind;
  /** Burst mode: this many webhooks, `concurrency` in flight. */
  webhooks?: number;
  concurrency?: number;
  /** Soak mode: a steady rate for this long (overrides burst). */
  soakSeconds?: number;
  ratePerSecond?: number;
  /** Share of platform calls answered THROTTLED (half) or HTTP 503 (half). */
  faultRate?: number;
  /** PostgreSQL only: restart the server once this share of webhooks has been sent. */
  restartPostgresAt?: number;
  shops?: number;
  timeoutSeconds?: number;
  /**
   * The floor instead of the app: a bare node:http server that checks the same HMAC and writes
   * one row per webhook into the same database (one autocommit INSERT each), same load.
   */
  floor?: boolean;
}

export interface ScenarioResult {
  label: string;
  database: DatabaseKind;
  sent: number;
  accepted: number;
  redelivered: number;
  gaveUp: number;
  effects: number;
  lost: number;
  duplicated: number;
  dead: number;
  seconds: number;
  throughput: number;
  answerP50: number;
  answerP99: number;
  endToEndP50: number;
  endToEndP99: number;
  peakRssMb: number;
  /**
   * The receiver process's CPU time (user + system) per measured webhook, from the end of the
   * warm-up until every effect was applied: the cost of the path itself, which a loaded machine
   * changes much less than the throughput (that one also counts time waiting for a core).
   */
  cpuMsPerWebhook: number;
  /** Jobs the app runs at once (its default, app/jobs/runtime.server.ts); 0 for the floor. */
  jobWorkers: number;
  /** The sender's (Shopify's side) CPU time per measured delivery (bench/load-sender.ts). */
  senderCpuMsPerDelivery: number;
  rssSamplesMb: number[];
  /** Where the resident memory sits, sampled with rssSamplesMb (see MemorySample). */
  memorySamples: MemorySample[];
  platformFaults: number;
  /** Non-200 answers by status (see bench/load-sender.ts). */
  refusals: Record<string, number>;
  timedOut: boolean;
}

const root = fileURLToPath(new URL("..", import.meta.url));

/**
 * One memory sample of the receiving process, in MB. heapUsed is what JavaScript holds (a leak
 * of ours shows here); external/arrayBuffers is native memory V8 knows of (Buffers); rss is all
 * of it. On Linux, rss splits into anonymous memory (malloc: V8 heap and native libraries such
 * as libsql/SQLite) and file pages (code, memory-mapped files), read from /proc/self/status.
 */
export interface MemorySample {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  rssAnon: number | null;
  rssFile: number | null;
}

const toMb = (bytes: number) => Math.round(bytes / 1024 / 1024);

function procStatusMb(field: string, status: string): number | null {
  const kilobytes = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1];
  return kilobytes === undefined ? null : Math.round(Number(kilobytes) / 1024);
}

/** File descriptors of this process on files whose path ends with `suffix` (Linux; 0 elsewhere). */
function openFilesNamed(suffix: string): number {
  try {
    return readdirSync("/proc/self/fd").filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`).endsWith(suffix);
      } catch {
        return false; // closed while listing
      }
    }).length;
  } catch {
    return 0;
  }
}

/**
 * Trace only: every pg Pool of this process (the app's Prisma adapter, pg-boss, the job store's
 * own), as `total/idle/waiting` clients, to see whether queries queue for a connection.
 */
async function watchPgPools(): Promise<() => string> {
  const { default: pg } = await import("pg");
  const seen = new Set<InstanceType<typeof pg.Pool>>();
  const connect = pg.Pool.prototype.connect;
  pg.Pool.prototype.connect = function (this: InstanceType<typeof pg.Pool>, ...args: unknown[]) {
    seen.add(this);
    return (connect as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof connect;
  return () => [...seen].map((pool) => `${pool.totalCount}/${pool.idleCount}/${pool.waitingCount}`).join(" ");
}

/** Trace only: used MB per V8 heap space that holds more than 1 MB (which kind of memory grows). */
function heapSpaces(): string {
  return getHeapSpaceStatistics()
    .filter((space) => space.space_used_size > 1024 * 1024)
    .map((space) => `${space.space_name.replace(/_space$/, "")}=${toMb(space.space_used_size)}`)
    .join(" ");
}

/**
 * RASSURE_SOAK_TRACE=1: a line per memory sample, to watch a soak live and tell a backlog from
 * garbage: requests not answered yet, how late the event loop runs (a CPU-starved process answers
 * late whatever it holds), the SQLite connections open (one file handle each on the database
 * file), each pg Pool's clients and the V8 heap spaces. Set up only when tracing: none of it
 * runs on the measured path otherwise.
 */
async function soakTrace(server: Server, postgres: boolean): Promise<(sample: MemorySample) => string> {
  let requestsWaiting = 0;
  server.on("request", (_req: IncomingMessage, res: ServerResponse) => {
    requestsWaiting++;
    res.on("close", () => requestsWaiting--);
  });
  const loopDelay = monitorEventLoopDelay({ resolution: 20 });
  loopDelay.enable();
  const pools = postgres ? await watchPgPools() : null;
  const tracedFrom = Date.now();
  return (sample) => {
    const delay = Math.round(loopDelay.percentile(99) / 1e6);
    loopDelay.reset();
    const at = Math.round((Date.now() - tracedFrom) / 1000);
    return `memory t=${at}s ${JSON.stringify(sample)} requests waiting ${requestsWaiting} loop delay p99 ${delay} ms open database files ${openFilesNamed(".sqlite")}${pools ? ` pg pools (total/idle/waiting) ${pools()}` : ""} spaces ${heapSpaces()}`;
  };
}

export function sampleMemory(): MemorySample {
  const usage = process.memoryUsage();
  let status = "";
  try {
    status = readFileSync("/proc/self/status", "utf8");
  } catch {
    // not Linux: the split of rss is unknown
  }
  return {
    rss: toMb(usage.rss),
    heapUsed: toMb(usage.heapUsed),
    heapTotal: toMb(usage.heapTotal),
    external: toMb(usage.external),
    arrayBuffers: toMb(usage.arrayBuffers),
    rssAnon: procStatusMb("RssAnon", status),
    rssFile: procStatusMb("RssFile", status),
  };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
}

/**
 * A bench module run as a child process with its JSON config as argument: the same Node as this
 * process (22, from node_modules), with tsx's loader; its stdout is piped back, stderr shared.
 */
function spawnBenchChild(moduleUrl: string, config: object, stdin: "ignore" | "pipe", nodeFlags: string[] = []) {
  return spawn(process.execPath, [...nodeFlags, "--import", "tsx", fileURLToPath(moduleUrl), JSON.stringify(config)], { cwd: root, stdio: [stdin, "pipe", "inherit"] });
}

/** Runs one scenario in a child process and returns its figures. */
export function runScenario(config: ScenarioConfig): Promise<ScenarioResult> {
  return new Promise((resolve, reject) => {
    // The receiver runs with the production server's Node flags (its heap sizing: see scripts/start-flags.mjs).
    const child = spawnBenchChild(import.meta.url, config, "ignore", [...START_NODE_FLAGS, "--cpu-prof", "--cpu-prof-dir=/tmp/prof"]);
    let output = "";
    child.stdout!.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => {
      const line = output.split("\n").find((l) => l.startsWith("RESULT "));
      if (line) resolve(JSON.parse(line.slice("RESULT ".length)) as ScenarioResult);
      else reject(new Error(`Scenario "${config.label}" (${config.database}) exited with ${code} without figures:\n${output.slice(-2000)}`));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Child process: one scenario.

/** What receives the webhooks: the app (route + job queue) or the floor. */
interface Receiver {
  endpoint: string;
  /** Applied effects per webhook number, and when the first one happened. */
  effects: Map<number, number>;
  effectAt: Map<number, number>;
  platformFaults(): number;
  /** Jobs run at once (0: the floor runs none). */
  jobWorkers: number;
  /** The receiver's HTTP server (RASSURE_SOAK_TRACE counts the requests it has not answered yet). */
  server: Server;
  dead(): Promise<number>;
  close(): Promise<void>;
}

function listenOnLoopback(server: Server, path: string): Promise<string> {
  server.keepAliveTimeout = 30_000;
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`)));
}

async function startApp(config: ScenarioConfig, app: BenchApp): Promise<Receiver> {
  const { ShopifyGraphqlError } = await import("../adapters/shopify");
  const { shopifyWebhookAction } = await import("../app/webhooks/shopify-route.server");
  const { createJobStore, DEFAULT_JOB_CONCURRENCY } = await import("../app/jobs/runtime.server");
  const { JobQueue } = await import("../app/jobs/queue.server");
  const { webhookReceivers } = await import("../server/http-server.mjs");

  // The platform stand-in: a few milliseconds per call, and the configured share of faults.
  const faultRate = config.faultRate ?? 0;
  let platformFaults = 0;
  async function platformCall() {
    await new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * 3));
    const roll = Math.random();
    if (roll < faultRate / 2) {
      platformFaults++;
      throw new ShopifyGraphqlError("Throttled", [{ message: "Throttled", extensions: { code: "THROTTLED" } }], {
        requestedQueryCost: 12,
        actualQueryCost: null,
        throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 0, restoreRate: 100 },
      } as never);
    }
    if (roll < faultRate) {
      platformFaults++;
      throw new ShopifyGraphqlError("HTTP 503 Service Unavailable", [{ message: "HTTP 503", extensions: { code: "HTTP_503" } }]);
    }
  }

  const effects = new Map<number, number>();
  const effectAt = new Map<number, number>();

  const store = createJobStore(app.databaseUrl, { leaseMs: 30_000, backoff: { baseMs: 1_000, maxMs: 8_000 }, superviseIntervalSeconds: 5 });
  const { deliveriesWaiting } = await import("../app/webhooks/ledger.server");
  // As the app's own queue (app/jobs/runtime.server.ts): webhook deliveries waiting for a commit go first.
  const queue = new JobQueue(store, { concurrency: DEFAULT_JOB_CONCURRENCY, pollMs: 200, leaseMs: 30_000, breaker: { threshold: 5, coolDownMs: 5_000 }, yieldTo: deliveriesWaiting });
  queue.register<{ n: number }>(
    "bench.apply",
    async (job, { commit }) => {
      await platformCall();
      // The effect commits with the job's completion, fenced to this attempt (a worker paused
      // past its lease applies nothing); it is counted once its transaction committed.
      await commit(async () => undefined);
      const n = job.payload.n;
      effects.set(n, (effects.get(n) ?? 0) + 1);
      if (!effectAt.has(n)) effectAt.set(n, epochMs());
    },
    { maxAttempts: 15 },
  );
  await queue.start();

  const action = shopifyWebhookAction(
    "FULFILLMENTS_CREATE",
    async (tx, webhook) => {
      const n = (webhook.payload as { n: number }).n;
      await queue.enqueue({ kind: "bench.apply", platform: "shopify", shopDomain: webhook.shop, payload: { n } }, tx);
    },
    { onProcessed: () => queue.kick() },
  );

  // The route served as the production server serves a delivery: its Node door, found by path
  // (server/http-server.mjs), ahead of everything else (here nothing else: 404).
  const webhooks = webhookReceivers({ routes: { "routes/webhooks.fulfillments.create": { path: "webhooks/fulfillments/create", module: { action } } } });
  const server = createServer((req, res) => {
    if (!webhooks(req, res)) res.writeHead(404).end();
  });
  const endpoint = await listenOnLoopback(server, "/webhooks/fulfillments/create");
  return {
    endpoint,
    effects,
    effectAt,
    platformFaults: () => platformFaults,
    jobWorkers: DEFAULT_JOB_CONCURRENCY,
    server,
    async dead() {
      await queue.stop();
      return (await store.counts(["bench.apply"])).dead;
    },
    async close() {
      await store.close();
      await new Promise((resolve) => server.close(resolve));
      const prisma = (await import("../app/db.server")).default;
      await prisma.$disconnect();
    },
  };
}

/**
 * The floor: what any receiver must do at least, with nothing else. A bare node:http server
 * checks the HMAC and writes one row per webhook (one autocommit INSERT, the webhook id as key)
 * into the same database through the same driver (libsql / pg), and answers 200 once written.
 */
async function startFloor(app: BenchApp, secret: string): Promise<Receiver> {
  const effects = new Map<number, number>();
  const effectAt = new Map<number, number>();
  const table = "CREATE TABLE floor_webhook (webhook_id TEXT PRIMARY KEY, shop TEXT NOT NULL, n INTEGER NOT NULL, body TEXT NOT NULL)";
  const insert = "INSERT INTO floor_webhook (webhook_id, shop, n, body) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING";
  let write: (row: [string, string, number, string]) => Promise<void>;
  let closeDatabase: () => Promise<void>;
  if (app.postgres) {
    const { default: pg } = await import("pg");
    const pool = new pg.Pool({ connectionString: app.databaseUrl, max: 10 });
    pool.on("error", () => undefined);
    await pool.query(table);
    write = async (row) => void (await pool.query(insert, row));
    closeDatabase = () => pool.end();
  } else {
    const { createClient } = await import("@libsql/client");
    const client = createClient({ url: app.databaseUrl });
    await client.execute("PRAGMA journal_mode = WAL"); // as app/db.server.ts
    await client.execute(table);
    write = async (row) => void (await client.execute({ sql: insert, args: row }));
    closeDatabase = async () => client.close();
  }
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const given = req.headers["x-shopify-hmac-sha256"];
    if (!bodySignatureMatches(body, secret, typeof given === "string" ? given : null)) {
      res.writeHead(401).end();
      return;
    }
    try {
      const { n } = JSON.parse(body) as { n: number };
      await write([String(req.headers["x-shopify-webhook-id"]), String(req.headers["x-shopify-shop-domain"]), n, body]);
      effects.set(n, 1);
      if (!effectAt.has(n)) effectAt.set(n, epochMs());
      res.writeHead(200).end();
    } catch {
      res.writeHead(500).end();
    }
  });
  const endpoint = await listenOnLoopback(server, "/webhooks");
  return {
    endpoint,
    effects,
    effectAt,
    platformFaults: () => 0,
    jobWorkers: 0,
    server,
    dead: async () => 0,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await closeDatabase();
    },
  };
}

/** Warm-up deliveries before a burst is measured (see bench/load-sender.ts). */
const WARM_UP = 200;

/** Starts the sender process; resolves with its report. */
function startSender(config: SenderConfig, receiver: { warmedUp(): Promise<void>; restart(): void }): Promise<SenderReport> {
  const sender = spawnBenchChild(new URL("./load-sender.ts", import.meta.url).href, config, "pipe");
  return new Promise((resolve, reject) => {
    let report: SenderReport | null = null;
    createInterface({ input: sender.stdout! }).on("line", (line) => {
      if (line === "WARM") void receiver.warmedUp().then(() => sender.stdin!.write("GO\n"));
      else if (line === "RESTART") receiver.restart();
      else if (line.startsWith("SENT ")) report = JSON.parse(line.slice("SENT ".length)) as SenderReport;
    });
    sender.on("exit", (code) => (report ? resolve(report) : reject(new Error(`The sender exited with ${code} without a report.`))));
  });
}

async function child(config: ScenarioConfig) {
  const { TEST_APP } = await import("../test/support/test-app");
  const { prepareBenchApp } = await import("./load-env");
  const app = await prepareBenchApp(config.database);
  const { postgres } = app;
  const receiver = config.floor ? await startFloor(app, TEST_APP.apiSecret) : await startApp(config, app);
  const { endpoint, effects, effectAt } = receiver;

  const rssSamplesMb: number[] = [];
  const memorySamples: MemorySample[] = [];
  const trace = process.env.RASSURE_SOAK_TRACE ? await soakTrace(receiver.server, Boolean(postgres)) : null;
  const sampleRss = () => {
    if (!config.soakSeconds) return void rssSamplesMb.push(toMb(process.memoryUsage.rss()));
    const sample = sampleMemory();
    memorySamples.push(sample);
    rssSamplesMb.push(sample.rss);
    if (trace) process.stderr.write(`${trace(sample)}\n`);
  };
  let sampler: NodeJS.Timeout | null = null;
  let cpuAtStart: NodeJS.CpuUsage | null = null;
  const startSampling = () => {
    cpuAtStart ??= process.cpuUsage();
    sampler ??= setInterval(sampleRss, config.soakSeconds ? 5_000 : 1_000);
  };

  const waitForEffects = async (ids: number[], deadline: number) => {
    while (ids.some((n) => !effects.has(n)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  };
  const total = config.webhooks ?? 10_000;
  const warmUp = config.soakSeconds ? 0 : WARM_UP;
  const restartAt = postgres && config.restartPostgresAt ? Math.floor(total * config.restartPostgresAt) : -1;
  let restart: Promise<void> | null = null;
  if (warmUp === 0) startSampling();
  const report = await startSender(
    { endpoint, secret: TEST_APP.apiSecret, shops: config.shops ?? 20, webhooks: total, concurrency: config.concurrency ?? 64, soakSeconds: config.soakSeconds, ratePerSecond: config.ratePerSecond, warmUp, restartAt },
    {
      // The warm-up's jobs are applied before measuring starts, so they do not compete with it.
      async warmedUp() {
        await waitForEffects(
          Array.from({ length: warmUp }, (_, i) => WARM_UP_BASE + i),
          Date.now() + 60_000,
        );
        startSampling();
      },
      restart: () => (restart = postgres!.restart({ downMs: 2_000 })),
    },
  );
  startSampling();
  await restart;
  const measured = (n: number) => n < WARM_UP_BASE;
  const acceptedIds = report.acceptedIds;

  // Wait for the queue to apply every accepted webhook (bounded).
  await waitForEffects(acceptedIds, Date.now() + (config.timeoutSeconds ?? 120) * 1000);
  const measuredEffects = [...effectAt].filter(([n]) => measured(n));
  const seconds = ((measuredEffects.length ? Math.max(...measuredEffects.map(([, t]) => t)) : epochMs()) - report.startedAt) / 1000;
  const cpu = process.cpuUsage(cpuAtStart ?? undefined);
  const timedOut = acceptedIds.some((n) => !effects.has(n));
  await new Promise((resolve) => setTimeout(resolve, 500)); // late duplicates would show up here
  if (sampler) clearInterval(sampler);
  sampleRss();

  const dead = await receiver.dead();
  const sentAt = new Map(report.sentAt);
  const endToEnd = measuredEffects.map(([n, t]) => t - sentAt.get(n)!);
  const result: ScenarioResult = {
    label: config.label,
    database: config.database,
    sent: report.sent,
    accepted: report.accepted,
    redelivered: report.redelivered,
    gaveUp: report.gaveUp,
    effects: measuredEffects.length,
    lost: acceptedIds.filter((n) => !effects.has(n)).length + report.gaveUp,
    duplicated: [...effects.values()].reduce((sum, count) => sum + count - 1, 0),
    dead,
    seconds,
    throughput: measuredEffects.length / seconds,
    answerP50: percentile(report.answerMs, 50),
    answerP99: percentile(report.answerMs, 99),
    endToEndP50: percentile(endToEnd, 50),
    endToEndP99: percentile(endToEnd, 99),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    cpuMsPerWebhook: (cpu.user + cpu.system) / 1000 / Math.max(1, measuredEffects.length),
    jobWorkers: receiver.jobWorkers,
    senderCpuMsPerDelivery: report.cpuMsPerDelivery,
    rssSamplesMb,
    memorySamples,
    platformFaults: receiver.platformFaults(),
    refusals: report.refusals ?? {},
    timedOut,
  };
  console.log(`RESULT ${JSON.stringify(result)}`);

  await receiver.close();
  await app.dispose();
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2]) {
  child(JSON.parse(process.argv[2]) as ScenarioConfig).then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
