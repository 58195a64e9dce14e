/**
 * Shopify's side of the load harness (bench/load-harness.ts), in a process of its own: signed
 * deliveries to the receiver's endpoint, a failed answer retried later with the same webhook id.
 *
 * Why a separate process: when the sender shared the receiver's event loop, every answer time
 * included the sender's own work (building and signing bodies, the fetch client, its garbage)
 * and the receiver's turns delayed the sender's timers, so the p99 measured the harness as much
 * as the server (the floor itself showed ~1 s). Now the receiver's process holds only the server.
 *
 * Protocol over stdio (one line each): the sender prints `WARM` after its warm-up deliveries
 * (burst mode: the receiver's first requests pay for module loading, JIT and connection set-up,
 * which is not what a running server answers in) and waits for `GO` on stdin; it prints
 * `RESTART` when the PostgreSQL restart is due, and `SENT <json>` with its figures at the end.
 * Times are epoch milliseconds (the wall clock), comparable across processes.
 */
import { randomUUID } from "node:crypto";
import { Agent, request } from "node:http";
import { createInterface } from "node:readline";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { bodySignature } from "../adapters/webhook-signature";

export interface SenderConfig {
  endpoint: string;
  secret: string;
  shops: number;
  /** Burst: this many webhooks, `concurrency` in flight; soak: a steady rate for `soakSeconds`. */
  webhooks: number;
  concurrency: number;
  soakSeconds?: number;
  ratePerSecond?: number;
  /** Deliveries sent before measuring (numbered from WARM_UP_BASE, left out of the figures). */
  warmUp: number;
  /** Delivery number at which the receiver restarts PostgreSQL (-1: never). */
  restartAt: number;
}

export interface SenderReport {
  sent: number;
  accepted: number;
  redelivered: number;
  gaveUp: number;
  answerMs: number[];
  acceptedIds: number[];
  /** [webhook number, epoch ms of its first send] */
  sentAt: Array<[number, number]>;
  /** Epoch ms when measuring started (after the warm-up). */
  startedAt: number;
  /** Answers other than 200 (and connection errors), by status: why deliveries were redelivered. */
  refusals: Record<string, number>;
  /** The sender's own CPU time per measured delivery: on a shared machine, taken from the receiver. */
  cpuMsPerDelivery: number;
}

/** Warm-up deliveries carry numbers from here, far above any measured one. */
export const WARM_UP_BASE = 1_000_000_000;

// The wall clock, shared by both processes (timeOrigin + now() drifted tens of ms between them).
export const epochMs = () => Date.now();

/**
 * POSTs one delivery and resolves with the answer's status once its body is read. node:http over
 * kept-alive connections, not fetch: fetch cost the sender 1.2 ms of CPU per delivery, more than
 * twice the floor's whole work, and on a 2-core machine that CPU is taken from the receiver
 * measured (Shopify's sender is not on the app's machine).
 */
function post(endpoint: URL, agent: Agent, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(endpoint, { method: "POST", agent, headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) } }, (answer) => {
      answer.on("data", () => undefined);
      answer.on("end", () => resolve(answer.statusCode ?? 0));
      answer.on("error", reject);
    });
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

export async function send(config: SenderConfig, control: { warmedUp(): Promise<void>; restart(): void }): Promise<SenderReport> {
  const endpoint = new URL(config.endpoint);
  // Connections kept for the next delivery; no cap, as fetch (a soak's deliveries are not bounded by `concurrency`).
  const agent = new Agent({ keepAlive: true });
  const shops = Array.from({ length: config.shops }, (_, i) => `load-${i}.myshopify.com`);
  const report: SenderReport = { sent: 0, accepted: 0, redelivered: 0, gaveUp: 0, answerMs: [], acceptedIds: [], sentAt: [], startedAt: 0, refusals: {}, cpuMsPerDelivery: 0 };
  const refused = (why: string) => (report.refusals[why] = (report.refusals[why] ?? 0) + 1);
  let measuring = false;

  async function deliver(n: number) {
    const body = JSON.stringify({ id: n, n, admin_graphql_api_id: `gid://shopify/Fulfillment/${n}`, status: "success" });
    const headers = {
      "Content-Type": "application/json",
      "X-Shopify-Topic": "fulfillments/create",
      "X-Shopify-Hmac-Sha256": bodySignature(body, config.secret),
      "X-Shopify-Shop-Domain": shops[n % shops.length],
      "X-Shopify-API-Version": "2026-07",
      "X-Shopify-Webhook-Id": randomUUID(),
      "X-Shopify-Triggered-At": new Date().toISOString(),
    };
    const counted = measuring;
    if (counted) report.sentAt.push([n, epochMs()]);
    for (let attempt = 0; attempt < 10; attempt++) {
      if (attempt > 0) {
        if (counted) report.redelivered++;
        await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, 250 * 2 ** attempt)));
      }
      const t0 = performance.now();
      try {
        const status = await post(endpoint, agent, headers, body);
        if (status === 200) {
          if (counted) {
            report.answerMs.push(performance.now() - t0);
            report.accepted++;
          }
          report.acceptedIds.push(n);
          return;
        }
        refused(String(status));
      } catch {
        refused("connection error"); // refused/reset: retried like any failed delivery
      }
    }
    report.gaveUp++; // warm-up ones too: a lost delivery is lost whenever it was sent
  }

  async function burst(first: number, total: number, concurrency: number, restartAt = -1) {
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < total) {
          const i = next++;
          if (i === restartAt) control.restart();
          await deliver(first + i);
        }
      }),
    );
  }

  if (config.warmUp > 0) {
    await burst(WARM_UP_BASE, config.warmUp, config.concurrency);
    await control.warmedUp();
  }
  measuring = true;
  report.startedAt = epochMs();
  const cpuAtStart = process.cpuUsage();
  if (config.soakSeconds) {
    // Steady rate: one delivery every 1/rate seconds, each on its own.
    const rate = config.ratePerSecond ?? 100;
    const inFlight = new Set<Promise<void>>();
    const until = performance.now() + config.soakSeconds * 1000;
    const started = performance.now();
    while (performance.now() < until) {
      const due = Math.floor(((performance.now() - started) / 1000) * rate);
      while (report.sent < due) {
        const delivery = deliver(report.sent++).finally(() => inFlight.delete(delivery));
        inFlight.add(delivery);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await Promise.all(inFlight);
  } else {
    report.sent = config.webhooks;
    await burst(0, config.webhooks, config.concurrency, config.restartAt);
  }
  agent.destroy();
  const cpu = process.cpuUsage(cpuAtStart);
  report.cpuMsPerDelivery = (cpu.user + cpu.system) / 1000 / Math.max(1, report.sent);
  return report;
}

// Child entry: `tsx bench/load-sender.ts '<SenderConfig JSON>'` (started by the harness).
if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2]) {
  const config = JSON.parse(process.argv[2]) as SenderConfig;
  const lines = createInterface({ input: process.stdin });
  const waiting: Array<() => void> = [];
  lines.on("line", (line) => {
    if (line === "GO") waiting.shift()?.();
  });
  const report = await send(config, {
    warmedUp: () => {
      process.stdout.write("WARM\n");
      return new Promise<void>((resolve) => waiting.push(resolve));
    },
    restart: () => process.stdout.write("RESTART\n"),
  });
  lines.close();
  // A pipe is written asynchronously: exit only once the (long) report line is out.
  process.stdout.write(`SENT ${JSON.stringify(report)}\n`, () => process.exit(0));
}
