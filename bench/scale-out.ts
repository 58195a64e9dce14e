/**
 * Several app processes on one PostgreSQL (loopback only): starts 1, 2 and 4 processes, each
 * serving the storefront lookup's limits (app/tracking/rate-limit.ts) and calling a Shopify
 * stand-in through the shared API budget (app/limits/shopify-budget.server.ts), behind a small
 * round-robin proxy. Shoppers (10 clients over 4 shops, so every limit is reached) hammer the
 * proxy for a fixed time.
 *
 * Prints per process count: answers per second, lookups admitted, and whether any limit was
 * exceeded: a client admitted more than its 10 lookups, a shop more than its 60/min (60 at once,
 * then one a second), or a shop's Shopify bucket (2,000 points, 100/s; 10 points a lookup) answering THROTTLED.
 * Must be "no" everywhere: the limits live in the database every process shares.
 *
 *   npx tsx bench/scale-out.ts [--seconds 15]
 * Child entry (internal): tsx bench/scale-out.ts --child <port> <shopify url>
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer, request as httpRequest, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { LeakyBucket } from "../dev/shopify-dev-store/cost";
import { START_NODE_FLAGS } from "../scripts/start-flags.mjs";

const SHOPS = ["scale-a.myshopify.com", "scale-b.myshopify.com", "scale-c.myshopify.com", "scale-d.myshopify.com"];
const CLIENTS = 10;
const IN_FLIGHT = 32;
const QUERY_COST = 10;

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}

// ---------------------------------------------------------------------------------------------
// Child: one app process.
// ---------------------------------------------------------------------------------------------

async function child(port: number, shopifyUrl: string) {
  const { sharedLimits } = await import("../app/limits/shared-store.server");
  const { LookupLimits } = await import("../app/tracking/rate-limit");
  const { budgetedAdminGraphql } = await import("../app/limits/shopify-budget.server");
  const { RetryLaterError } = await import("../app/jobs/types");
  const limits = new LookupLimits(sharedLimits);
  const server = createServer(async (req, res) => {
    const shop = String(req.headers["x-shop"]);
    const client = String(req.headers["x-client"]);
    await readBody(req);
    try {
      const wait = await limits.admit(shop, { address: client, key: `address:${client}` });
      if (wait) return res.writeHead(429).end();
      const graphql = budgetedAdminGraphql(shop, (query) => fetch(shopifyUrl, { method: "POST", headers: { "x-shop": shop }, body: query }), { maxWaitMs: 2_000 });
      await graphql("{ shop { id } }");
      res.writeHead(200).end();
    } catch (error) {
      res.writeHead(error instanceof RetryLaterError ? 503 : 500).end(String(error));
    }
  });
  server.listen(port, "127.0.0.1", () => console.log("READY"));
}

// ---------------------------------------------------------------------------------------------
// Parent: database, Shopify stand-in, processes, proxy, load.
// ---------------------------------------------------------------------------------------------

function startProcess(port: number, shopifyUrl: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    // tsx's loader in this very process: tsx's CLI would start a second Node without these flags.
    const proc = spawn(process.execPath, [...START_NODE_FLAGS, "--import", "tsx", "bench/scale-out.ts", "--child", String(port), shopifyUrl], { env: process.env, stdio: ["ignore", "pipe", "inherit"] });
    proc.stdout!.on("data", (data: Buffer) => data.toString().includes("READY") && resolve(proc));
    proc.once("exit", (code) => reject(new Error(`app process exited (${code})`)));
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Forwards each request to the next process in turn. */
function roundRobinProxy(ports: number[]): Server {
  let next = 0;
  return createServer((req, res) => {
    const port = ports[next++ % ports.length];
    const upstream = httpRequest({ host: "127.0.0.1", port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
}

interface RunResult {
  processes: number;
  answers: number;
  seconds: number;
  admitted: number;
  byStatus: Record<number, number>;
  clientExceeded: boolean;
  shopExceeded: boolean;
  throttled: number;
}

async function run(processes: number, seconds: number, clearLimits: () => Promise<void>): Promise<RunResult> {
  await clearLimits();
  const throttledBefore = { n: 0 };
  const buckets = new Map(SHOPS.map((shop) => [shop, new LeakyBucket(2_000, 100)]));
  const shopify = createServer(async (req, res) => {
    await readBody(req);
    const bucket = buckets.get(String(req.headers["x-shop"]))!;
    const granted = bucket.tryTake(QUERY_COST);
    if (!granted) throttledBefore.n++;
    const cost = { requestedQueryCost: QUERY_COST, actualQueryCost: granted ? QUERY_COST : null, throttleStatus: bucket.status() };
    const body = granted ? { data: { shop: { id: "gid://shopify/Shop/1" } }, extensions: { cost } } : { errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }], extensions: { cost } };
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
  });
  const shopifyUrl = `http://127.0.0.1:${await listen(shopify)}/graphql`;
  const ports = await Promise.all(Array.from({ length: processes }, () => freePort()));
  const procs = await Promise.all(ports.map((port) => startProcess(port, shopifyUrl)));
  const proxy = roundRobinProxy(ports);
  const proxyUrl = `http://127.0.0.1:${await listen(proxy)}/lookup`;

  const admittedPerClient = new Map<string, number>();
  const admittedPerShop = new Map<string, number>();
  const byStatus: Record<number, number> = {};
  let answers = 0;
  const started = Date.now();
  const deadline = started + seconds * 1_000;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (Date.now() < deadline) {
        const shop = SHOPS[Math.floor(Math.random() * SHOPS.length)];
        const client = `198.51.100.${Math.floor(Math.random() * CLIENTS)}`;
        const response = await fetch(proxyUrl, { method: "POST", headers: { "x-shop": shop, "x-client": client }, body: "" });
        await response.arrayBuffer();
        answers++;
        byStatus[response.status] = (byStatus[response.status] ?? 0) + 1;
        if (response.status === 200 || response.status === 503) {
          admittedPerClient.set(`${shop}|${client}`, (admittedPerClient.get(`${shop}|${client}`) ?? 0) + 1);
          admittedPerShop.set(shop, (admittedPerShop.get(shop) ?? 0) + 1);
        }
      }
    }),
  );
  const elapsed = (Date.now() - started) / 1_000;
  for (const proc of procs) proc.kill("SIGTERM");
  await Promise.all([proxy, shopify].map((server) => new Promise((resolve) => server.close(resolve))));
  return {
    processes,
    answers,
    seconds: elapsed,
    admitted: [...admittedPerShop.values()].reduce((a, b) => a + b, 0),
    byStatus,
    clientExceeded: [...admittedPerClient.values()].some((n) => n > 10),
    // 60 at once, then one per second (the GCRA rule 60/min), plus one for rounding.
    shopExceeded: [...admittedPerShop.values()].some((n) => n > 60 + Math.ceil(elapsed) + 1),
    throttled: throttledBefore.n,
  };
}

async function main() {
  const secondsArg = process.argv.indexOf("--seconds");
  const seconds = secondsArg > 0 ? Number(process.argv[secondsArg + 1]) : 15;
  const { prepareBenchApp } = await import("./load-env");
  const app = await prepareBenchApp("postgresql");
  const { sharedLimits } = await import("../app/limits/shared-store.server");
  try {
    console.log(`scale-out: ${CLIENTS} clients × ${SHOPS.length} shops, ${IN_FLIGHT} in flight, ${seconds} s per run, one PostgreSQL`);
    const results: RunResult[] = [];
    for (const processes of [1, 2, 4]) {
      const result = await run(processes, seconds, () => sharedLimits.clear());
      results.push(result);
      const statuses = Object.entries(result.byStatus).map(([status, n]) => `${status}:${n}`).join(" ");
      console.log(
        `processes ${processes}: ${(result.answers / result.seconds).toFixed(0)} answers/s (${statuses}), admitted ${result.admitted}; ` +
          `client limit exceeded: ${result.clientExceeded ? "YES" : "no"}, shop lookup limit exceeded: ${result.shopExceeded ? "YES" : "no"}, ` +
          `Shopify budget exceeded (THROTTLED): ${result.throttled > 0 ? `YES (${result.throttled})` : "no"}`,
      );
    }
    const base = results[0].answers / results[0].seconds;
    console.log(`throughput ratio to 1 process: ${results.map((r) => `${r.processes}: ${(r.answers / r.seconds / base).toFixed(2)}`).join(", ")}`);
  } finally {
    const prisma = (await import("../app/db.server")).default;
    await prisma.$disconnect();
    await app.dispose();
  }
}

if (process.argv[2] === "--child") void child(Number(process.argv[3]), process.argv[4]);
else await main();
