/**
 * Load and fault figures for the webhook → job pipeline, on SQLite and PostgreSQL, as one table
 * (prints figures, asserts nothing; loopback only). Scenarios, each in a fresh process and database:
 * - burst: N signed webhooks, 64 in flight, into the app's webhook route; every one becomes a
 *   durable job (in the ledger transaction) that a worker applies;
 * - platform faults: the platform stand-in answers THROTTLED or HTTP 503 to 20% of calls;
 * - PostgreSQL restart: the server is stopped (fast shutdown) for 2 s halfway through the burst.
 * lost = webhooks accepted (or never accepted) whose effect never happened; duplicated = effects
 * applied more than once. See bench/load-harness.ts for how.
 * - floor, per database, in the same run and under the same load: a bare node:http server that
 *   checks the same HMAC and writes one row per webhook (no framework, no queue). The app's burst
 *   is then printed against it: `ratio to floor: <database> <app jobs/s ÷ floor jobs/s> (answer
 *   p99 of the app's burst, floor jobs/s)`.
 *
 * Run: npx tsx bench/load-webhooks.ts [--webhooks 10000] [--only sqlite|postgresql] [--in-flight 64]
 * The figure is 10,000 webhooks per scenario (--webhooks 10000, about half an hour on a
 * busy 2-core machine); the default of 1,000 keeps the whole table within about three minutes.
 * --in-flight changes the 64 deliveries in flight: a delivery waits for the batches ahead
 * of it, so the answer time grows with the deliveries in flight.
 */
import { runScenario, type DatabaseKind, type ScenarioConfig, type ScenarioResult } from "./load-harness";

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
}

const webhooks = Number(flag("webhooks") ?? 1_000);
const only = flag("only") as DatabaseKind | undefined;
const inFlight = Number(flag("in-flight") ?? 64);
if (!Number.isInteger(inFlight) || inFlight < 1) {
  console.error("--in-flight takes a whole number of deliveries, 1 or more.");
  process.exit(2);
}
const base = { webhooks, concurrency: inFlight, timeoutSeconds: 180 };

const all: ScenarioConfig[] = [
  { ...base, label: "floor", database: "sqlite", floor: true },
  { ...base, label: "floor", database: "postgresql", floor: true },
  { ...base, label: "burst", database: "sqlite" },
  { ...base, label: "burst", database: "postgresql" },
  { ...base, label: "20% THROTTLED/503", database: "sqlite", faultRate: 0.2 },
  { ...base, label: "20% THROTTLED/503", database: "postgresql", faultRate: 0.2 },
  { ...base, label: "PostgreSQL restart", database: "postgresql", restartPostgresAt: 0.5 },
];
const scenarios = all.filter((scenario) => !only || scenario.database === only);

const results: ScenarioResult[] = [];
for (const scenario of scenarios) {
  process.stderr.write(`… ${scenario.database} ${scenario.label} (${webhooks} webhooks)\n`);
  const result = await runScenario(scenario);
  results.push(result);
  // Each scenario's figures as soon as they are known (a long run cut short keeps what it measured).
  process.stderr.write(`  ${result.throughput.toFixed(0)} jobs/s, answer p99 ${Math.round(result.answerP99)} ms, lost ${result.lost}, duplicated ${result.duplicated}\n`);
}

const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)}` : "-");
const rows = results.map((r) => ({
  database: r.database,
  scenario: r.label,
  "webhooks accepted": `${r.accepted}/${r.sent}`,
  redeliveries: r.redelivered,
  "non-200 answers": Object.entries(r.refusals ?? {}).map(([status, count]) => `${status}×${count}`).join(", ") || "-",
  "platform faults": r.platformFaults,
  "jobs/s": r.throughput.toFixed(0),
  "answer p50/p99 ms": `${ms(r.answerP50)} / ${ms(r.answerP99)}`,
  "webhook→effect p50/p99 ms": `${ms(r.endToEndP50)} / ${ms(r.endToEndP99)}`,
  lost: r.lost,
  duplicated: r.duplicated,
  dead: r.dead,
  "peak RSS MB": r.peakRssMb,
  "CPU ms/webhook": r.cpuMsPerWebhook.toFixed(2),
  ...(r.timedOut ? { note: "timed out waiting" } : {}),
}));
const jobWorkers = Math.max(...results.map((r) => r.jobWorkers));
console.log(`\nWebhooks → durable jobs: ${webhooks} per scenario, ${inFlight} in flight, 20 shops, ${jobWorkers} job workers per process (the app's default)\n`);
console.table(rows);

console.log("");
for (const database of ["sqlite", "postgresql"] as const) {
  const floor = results.find((r) => r.database === database && r.label === "floor");
  const burst = results.find((r) => r.database === database && r.label === "burst");
  if (!floor || !burst) continue;
  console.log(`ratio to floor: ${database} ${(burst.throughput / floor.throughput).toFixed(2)} (answer p99 ${ms(burst.answerP99)} ms, floor ${floor.throughput.toFixed(0)} jobs/s)`);
  // On a loaded machine the throughputs swing with the neighbours; CPU per webhook much less.
  console.log(`cpu per webhook: ${database} app ${burst.cpuMsPerWebhook.toFixed(2)} ms, floor ${floor.cpuMsPerWebhook.toFixed(2)} ms (the sender: ${burst.senderCpuMsPerDelivery.toFixed(2)} / ${floor.senderCpuMsPerDelivery.toFixed(2)} ms per delivery)`);
}
