/**
 * Webhook → updated fulfillment, for a burst of 1,000 fulfillments (prints figures, asserts
 * nothing). The local dev store holds 1,000 new fulfillments with a number and no link and sends
 * their fulfillments/update webhooks (signed, over HTTP, 50 at a time) to the app's real route;
 * the app answers, its background worker reads each fulfillment and writes the link through the
 * Admin API under the dev store's cost model and leaky bucket (2,000 points, 100/s), as Shopify's.
 * Latency = from a webhook's send to the moment the dev store holds the link.
 * Bounded: stops waiting after BENCH_TIMEOUT_S seconds (default 600) and reports what finished.
 * Run: npx tsx bench/tracking-webhook-latency.ts   (BENCH_FULFILLMENTS=200 for a quicker run)
 */
import { performance } from "node:perf_hooks";
import { prepareBenchApp } from "./load-env";
import { percentile } from "./load-harness";

const COUNT = Number(process.env.BENCH_FULFILLMENTS ?? 1000);
const CONCURRENCY = 50;
const TIMEOUT_S = Number(process.env.BENCH_TIMEOUT_S ?? 600);

// A private, migrated database and the offline app identity, before any app module loads.
const benchApp = await prepareBenchApp("sqlite");

const { setAbstractFetchFunc } = await import("@shopify/shopify-api/runtime");
const { startRouteServer } = await import("../test/support/route-server");
const { startTestDevStore } = await import("../test/support/dev-store");
const { authenticate } = await import("../app/shopify.server");
const { TRACKING_JOB, trackingWorkerIdle } = await import("../app/tracking/jobs.server");
const { jobQueue } = await import("../app/jobs/runtime.server");
const { fulfillmentPayload } = await import("../test/tracking/support");
const prisma = (await import("../app/db.server")).default;

const app = await startRouteServer();
const store = await startTestDevStore(app.url);
setAbstractFetchFunc(store.fetch);
await authenticate.admin(new Request(store.embeddedAppUrl("/app")));

// 1,000 fulfilled orders shaped like the seed's Colissimo parcel without a link.
const template = store.state.orders.find((o) => o.name === "#1002")!;
const orders = Array.from({ length: COUNT }, (_, i) => {
  const orderId = `gid://shopify/Order/${7_000_000_000 + i}`;
  const fulfillmentId = `gid://shopify/Fulfillment/${8_000_000_000 + i}`;
  const number = `6A${String(10_000_000_000 + i).slice(-11)}`;
  return {
    ...structuredClone(template),
    id: orderId,
    name: `#${5000 + i}`,
    fulfillments: [{ ...structuredClone(template.fulfillments[0]), id: fulfillmentId, name: `#${5000 + i}-F1`, trackingInfo: [{ company: "Colissimo", number, url: null }] }],
  };
});
store.state.orders.push(...orders);

const sentAt = new Map<string, number>();
const doneAt = new Map<string, number>();
const pending = new Set(orders.map((o) => o.fulfillments[0]));
const poll = setInterval(() => {
  const now = performance.now();
  for (const f of pending) {
    if (f.trackingInfo[0]?.url) {
      doneAt.set(f.id, now);
      pending.delete(f);
    }
  }
}, 5);

const answerMs: number[] = [];
const start = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next < orders.length) {
      const order = orders[next++];
      const fulfillment = order.fulfillments[0];
      const t0 = performance.now();
      sentAt.set(fulfillment.id, t0);
      const response = await store.sendWebhook("fulfillments/update", fulfillmentPayload(order, fulfillment));
      await response.body?.cancel();
      answerMs.push(performance.now() - t0);
    }
  }),
);
const burstMs = performance.now() - start;

const deadline = Date.now() + TIMEOUT_S * 1000;
while (pending.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
clearInterval(poll);
const totalMs = performance.now() - start;

const latencies = [...doneAt].map(([id, t]) => t - sentAt.get(id)!);
const jobs = await jobQueue.store.counts([TRACKING_JOB]);
const fixes = await prisma.trackingFix.count();
console.log(`Burst: ${COUNT} fulfillments/update webhooks sent in ${(burstMs / 1000).toFixed(1)} s (${CONCURRENCY} at a time)`);
console.log(`Webhook answer time: p50 ${percentile(answerMs, 50).toFixed(0)} ms, p99 ${percentile(answerMs, 99).toFixed(0)} ms`);
console.log(`Webhook → updated fulfillment: ${latencies.length}/${COUNT} done in ${(totalMs / 1000).toFixed(1)} s; p50 ${(percentile(latencies, 50) / 1000).toFixed(1)} s, p99 ${(percentile(latencies, 99) / 1000).toFixed(1)} s, max ${(Math.max(...latencies) / 1000).toFixed(1)} s`);
console.log(`Throughput: ${(latencies.length / (totalMs / 1000)).toFixed(1)} fulfillments/s`);
console.log(`Jobs: ${Object.entries(jobs).map(([status, count]) => `${status} ${count}`).join(", ")}; fixes recorded: ${fixes}; duplicate writes: ${fixes - latencies.length > 0 ? fixes - latencies.length : 0}`);
if (pending.size > 0) console.log(`Timed out after ${TIMEOUT_S} s with ${pending.size} fulfillments not yet updated (set BENCH_TIMEOUT_S to wait longer).`);

await trackingWorkerIdle();
await store.close();
await app.close();
await prisma.$disconnect();
await benchApp.dispose();
