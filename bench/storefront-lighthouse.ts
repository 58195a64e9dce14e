/**
 * Lighthouse performance score of the product-page fixture with and without every Rassure block,
 * in Debian's Chromium (mobile defaults: simulated slow 4G, mid-range phone CPU). Prints each
 * run, the medians and the delta. Built for Shopify allows a 10-point drop; our goal is ≤ 1.
 * Run: npx tsx bench/storefront-lighthouse.ts [runs=3]
 */
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { productPageHtml, serveProductPages } from "../test/storefront/product-page";

const RUNS = Number(process.argv[2] ?? 3);
const CHROME_PATH = process.env.CHROME_PATH || "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

const site = await serveProductPages({
  "/without": await productPageHtml({ withBlocks: false, locale: "fr" }),
  "/with": await productPageHtml({ withBlocks: true, everyBlock: true, locale: "fr" }),
});
const chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: FLAGS });

interface Sample {
  score: number;
  lcp: number;
  cls: number;
  tbt: number;
}

async function measure(path: string): Promise<Sample> {
  const result = await lighthouse(`${site.url}${path}`, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"] });
  if (!result) throw new Error("Lighthouse returned no result");
  const { categories, audits } = result.lhr;
  return {
    score: Math.round((categories.performance.score ?? 0) * 100),
    lcp: audits["largest-contentful-paint"].numericValue ?? NaN,
    cls: audits["cumulative-layout-shift"].numericValue ?? NaN,
    tbt: audits["total-blocking-time"].numericValue ?? NaN,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

try {
  const samples: Record<string, Sample[]> = { without: [], with: [] };
  for (let run = 1; run <= RUNS; run++) {
    // Alternate the order so warm-up effects do not favour one side.
    for (const variant of run % 2 ? ["without", "with"] : ["with", "without"]) {
      const sample = await measure(`/${variant}`);
      samples[variant].push(sample);
      console.log(`run ${run} ${variant.padEnd(7)} score ${sample.score}  LCP ${Math.round(sample.lcp)} ms  CLS ${sample.cls.toFixed(3)}  TBT ${Math.round(sample.tbt)} ms`);
    }
  }
  const summary = (variant: string) => {
    const list = samples[variant];
    return { score: median(list.map((s) => s.score)), lcp: median(list.map((s) => s.lcp)), cls: median(list.map((s) => s.cls)) };
  };
  const without = summary("without");
  const withBlocks = summary("with");
  console.log(`\nmedian of ${RUNS}: without blocks ${without.score} (LCP ${Math.round(without.lcp)} ms, CLS ${without.cls.toFixed(3)})`);
  console.log(`median of ${RUNS}: with blocks    ${withBlocks.score} (LCP ${Math.round(withBlocks.lcp)} ms, CLS ${withBlocks.cls.toFixed(3)})`);
  console.log(`Lighthouse performance delta: ${withBlocks.score - without.score} point(s) (goal ≥ -1, Built for Shopify limit -10)`);
} finally {
  chrome.kill();
  await site.close();
}
