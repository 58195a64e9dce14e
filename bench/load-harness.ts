/**
 * Load and fault harness shared by bench/load-webhooks.ts and bench/load-soak.ts (loopback only).
 *
 * Each scenario runs in a child process of its own (the app binds to one DATABASE_URL per
 * process): a fresh migrated database (SQLite file, or a throwaway PostgreSQL 15 server), the
 * app's webhook route factory (`shopifyWebhookAction`: real HMAC check, webhook ledger) served
 * over HTTP, and the durable job queue (table store or pg-boss) working in the same process.
 * Each webhook records a job in its ledger transaction; the job calls a platform stand-in
 * (which can answer THROTTLED / HTTP 503) and then applies its effect, counted per webhook.
 * The sender behaves like Shopify: signed deliveries, a retry of the same webhook id after a
 * failed answer. Figures: lost = accepted webhooks whose effect never happened, duplicated =
 * effects applied more than once.
 *
 * Child entry: `tsx bench/load-harness.ts '<ScenarioConfig JSON>'` prints one RESULT line.
 */
import { spawn } from "node:child_process";
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import type { BenchApp } from "./load-env";

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
  rssSamplesMb: number[];
  platformFaults: number;
  timedOut: boolean;
}

const root = fileURLToPath(new URL("..", import.meta.url));

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
}

/** Runs one scenario in a child process and returns its figures. */
export function runScenario(config: ScenarioConfig): Promise<ScenarioResult> {
  return new Promise((resolve, reject) => {
    // The same Node as this process (22, from node_modules), with tsx's loader.
    const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), JSON.stringify(config)], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
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
  const { createJobStore } = await import("../app/jobs/runtime.server");
  const { JobQueue } = await import("../app/jobs/queue.server");

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
  const queue = new JobQueue(store, { concurrency: 16, pollMs: 200, leaseMs: 30_000, breaker: { threshold: 5, coolDownMs: 5_000 } });
  queue.register<{ n: number }>(
    "bench.apply",
    async (job) => {
      await platformCall();
      const n = job.payload.n;
      effects.set(n, (effects.get(n) ?? 0) + 1);
      if (!effectAt.has(n)) effectAt.set(n, performance.now());
    },
    { maxAttempts: 15 },
  );
  await queue.start();

  const action = shopifyWebhookAction("FULFILLMENTS_CREATE", async (tx, webhook) => {
    const n = (webhook.payload as { n: number }).n;
    await queue.enqueue({ kind: "bench.apply", platform: "shopify", shopDomain: webhook.shop, payload: { n } }, tx);
  });

  // The app's route over HTTP, as Remix would serve it (an error thrown by the action is a 500).
  const server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    let response: Response;
    try {
      response = await action({ request: new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, body: Buffer.concat(chunks) }), params: {}, context: {} });
      if (response.status === 200) queue.kick();
    } catch (error) {
      response = error instanceof Response ? error : new Response(String(error), { status: 500 });
    }
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  const endpoint = await listenOnLoopback(server, "/webhooks/fulfillments/create");
  return {
    endpoint,
    effects,
    effectAt,
    platformFaults: () => platformFaults,
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
  const expectedKey = Buffer.from(secret, "utf8");
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const given = Buffer.from(String(req.headers["x-shopify-hmac-sha256"] ?? ""), "base64");
    const wanted = createHmac("sha256", expectedKey).update(body).digest();
    if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
      res.writeHead(401).end();
      return;
    }
    try {
      const { n } = JSON.parse(body.toString("utf8")) as { n: number };
      await write([String(req.headers["x-shopify-webhook-id"]), String(req.headers["x-shopify-shop-domain"]), n, body.toString("utf8")]);
      effects.set(n, 1);
      if (!effectAt.has(n)) effectAt.set(n, performance.now());
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
    dead: async () => 0,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await closeDatabase();
    },
  };
}

async function child(config: ScenarioConfig) {
  const { TEST_APP } = await import("../test/support/test-app");
  const { prepareBenchApp } = await import("./load-env");
  const app = await prepareBenchApp(config.database);
  const { postgres } = app;
  const receiver = config.floor ? await startFloor(app, TEST_APP.apiSecret) : await startApp(config, app);
  const { endpoint, effects, effectAt } = receiver;
  const sentAt = new Map<number, number>();

  // Shopify's side: signed deliveries; a failed answer is retried later with the same webhook id.
  const shops = Array.from({ length: config.shops ?? 20 }, (_, i) => `load-${i}.myshopify.com`);
  const answerMs: number[] = [];
  let accepted = 0;
  let redelivered = 0;
  let gaveUp = 0;
  const acceptedIds = new Set<number>();
  async function deliver(n: number) {
    const body = JSON.stringify({ id: n, n, admin_graphql_api_id: `gid://shopify/Fulfillment/${n}`, status: "success" });
    const headers = {
      "Content-Type": "application/json",
      "X-Shopify-Topic": "fulfillments/create",
      "X-Shopify-Hmac-Sha256": createHmac("sha256", TEST_APP.apiSecret).update(body, "utf8").digest("base64"),
      "X-Shopify-Shop-Domain": shops[n % shops.length],
      "X-Shopify-API-Version": "2026-07",
      "X-Shopify-Webhook-Id": randomUUID(),
      "X-Shopify-Triggered-At": new Date().toISOString(),
    };
    sentAt.set(n, performance.now());
    for (let attempt = 0; attempt < 10; attempt++) {
      if (attempt > 0) {
        redelivered++;
        await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, 250 * 2 ** attempt)));
      }
      const t0 = performance.now();
      try {
        const response = await fetch(endpoint, { method: "POST", headers, body });
        await response.arrayBuffer();
        if (response.status === 200) {
          answerMs.push(performance.now() - t0);
          accepted++;
          acceptedIds.add(n);
          return;
        }
      } catch {
        // connection refused/reset: retried like any failed delivery
      }
    }
    gaveUp++;
  }

  const rssSamplesMb: number[] = [];
  const sampleRss = () => rssSamplesMb.push(Math.round(process.memoryUsage.rss() / 1024 / 1024));
  const sampler = setInterval(sampleRss, config.soakSeconds ? 5_000 : 1_000);

  const started = performance.now();
  let sent = 0;
  let restart: Promise<void> | null = null;
  if (config.soakSeconds) {
    // Steady rate: one delivery every 1/rate seconds, each on its own.
    const rate = config.ratePerSecond ?? 100;
    const inFlight = new Set<Promise<void>>();
    const until = started + config.soakSeconds * 1000;
    while (performance.now() < until) {
      const due = Math.floor(((performance.now() - started) / 1000) * rate);
      while (sent < due) {
        const delivery = deliver(sent++).finally(() => inFlight.delete(delivery));
        inFlight.add(delivery);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await Promise.all(inFlight);
  } else {
    const total = config.webhooks ?? 10_000;
    const restartAt = postgres && config.restartPostgresAt ? Math.floor(total * config.restartPostgresAt) : -1;
    await Promise.all(
      Array.from({ length: config.concurrency ?? 64 }, async () => {
        while (sent < total) {
          const n = sent++;
          if (n === restartAt) restart = postgres!.restart({ downMs: 2_000 });
          await deliver(n);
        }
      }),
    );
    await restart;
  }

  // Wait for the queue to apply every accepted webhook (bounded).
  const deadline = Date.now() + (config.timeoutSeconds ?? 120) * 1000;
  while ([...acceptedIds].some((n) => !effects.has(n)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  const seconds = (performance.now() - started) / 1000;
  const timedOut = [...acceptedIds].some((n) => !effects.has(n));
  await new Promise((resolve) => setTimeout(resolve, 500)); // late duplicates would show up here
  clearInterval(sampler);
  sampleRss();

  const dead = await receiver.dead();
  const endToEnd = [...effectAt].map(([n, t]) => t - sentAt.get(n)!);
  const result: ScenarioResult = {
    label: config.label,
    database: config.database,
    sent,
    accepted,
    redelivered,
    gaveUp,
    effects: effects.size,
    lost: [...acceptedIds].filter((n) => !effects.has(n)).length + gaveUp,
    duplicated: [...effects.values()].reduce((sum, count) => sum + count - 1, 0),
    dead,
    seconds,
    throughput: effects.size / seconds,
    answerP50: percentile(answerMs, 50),
    answerP99: percentile(answerMs, 99),
    endToEndP50: percentile(endToEnd, 50),
    endToEndP99: percentile(endToEnd, 99),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    rssSamplesMb,
    platformFaults: receiver.platformFaults(),
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
