/**
 * Carrier detection benchmark (prints figures, asserts nothing):
 *  - registry load time and the heap it holds;
 *  - detections per second over a realistic mix (every registry sample, valid and invalid, plus
 *    unknown numbers), and the same with a destination country;
 *  - heap growth over a million detections (a leak would show here).
 * Run: npx tsx bench/tracking-detection.ts
 */
import { performance } from "node:perf_hooks";

const heapMb = () => process.memoryUsage().heapUsed / 1024 / 1024;
(globalThis as { gc?: () => void }).gc?.();
const heapBefore = heapMb();
const loadStart = performance.now();
const { CARRIERS, REGISTRY_VERSION } = await import("../app/tracking/registry");
const { detectCarriers } = await import("../app/tracking/detect");
const loadMs = performance.now() - loadStart;
console.log(`Registry ${REGISTRY_VERSION}: ${CARRIERS.length} carriers, ${CARRIERS.reduce((n, c) => n + c.patterns.length, 0)} number patterns; loaded in ${loadMs.toFixed(1)} ms, heap +${(heapMb() - heapBefore).toFixed(2)} MB (includes module code)`);

const numbers = [
  ...CARRIERS.flatMap((c) => [...c.samples.valid, ...c.samples.invalid]),
  "TM-2024-088172",
  "00000000000000000000000000",
  "ABCDEFGHIJ",
  "1Z 999 AA1 0123456784",
];
console.log(`Mix: ${numbers.length} numbers (registry samples valid and invalid, plus unknown ones)`);

function run(iterations: number, country: string | null) {
  let candidates = 0;
  const start = performance.now();
  for (let i = 0; i < iterations; i++) {
    const detection = detectCarriers(numbers[i % numbers.length], { country });
    if (detection.ok) candidates += detection.candidates.length;
  }
  const ms = performance.now() - start;
  return { perSecond: Math.round((iterations / ms) * 1000), microseconds: (ms * 1000) / iterations, candidates };
}

run(20_000, null); // warm-up (JIT)
for (const country of [null, "FR"]) {
  const { perSecond, microseconds } = run(200_000, country);
  console.log(`Detection${country ? ` with --country ${country}` : ""}: ${perSecond.toLocaleString("en")} numbers/s (${microseconds.toFixed(1)} µs each)`);
}

(globalThis as { gc?: () => void }).gc?.();
const heapStart = heapMb();
run(1_000_000, "FR");
(globalThis as { gc?: () => void }).gc?.();
console.log(`Heap after 1,000,000 detections: ${heapMb().toFixed(1)} MB (${(heapMb() - heapStart >= 0 ? "+" : "") + (heapMb() - heapStart).toFixed(2)} MB${(globalThis as { gc?: unknown }).gc ? "" : "; run with NODE_OPTIONS=--expose-gc for exact figures"}), RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`);
