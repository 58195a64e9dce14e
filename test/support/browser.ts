/** Debian's Chromium driven by playwright-core (never a downloaded browser), with fixed fonts. */
import { existsSync, mkdirSync, mkdtempSync, renameSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROME_PATH || "/usr/bin/chromium";

/**
 * The user agent of desktop Chrome: shopify-app-remix answers 410 to "HeadlessChrome",
 * which isbot counts as a bot, and merchants use a real browser.
 */
const DESKTOP_CHROME_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

/** Debian's fonts-dejavu-core, which scripts/system-deps.sh installs. */
export const TEST_FONTS_DIR = process.env.RASSURE_TEST_FONTS_DIR || "/usr/share/fonts/truetype/dejavu";

/**
 * A fontconfig file that shows Chromium these fonts and no other, whatever the machine has
 * installed (Liberation, Noto, Helvetica clones…): every family in a page's font stack falls
 * back to the same DejaVu faces, so text measures the same on every machine.
 */
function isolatedFontconfig(): string {
  if (!existsSync(TEST_FONTS_DIR)) {
    throw new Error(`The browser tests' fonts are missing (${TEST_FONTS_DIR}): run scripts/system-deps.sh (apt-get install fonts-dejavu-core).`);
  }
  const dir = path.join(tmpdir(), `rassure-fontconfig-${process.getuid?.() ?? "user"}`);
  mkdirSync(dir, { recursive: true });
  const alias = (generic: string, family: string) => `<alias><family>${generic}</family><prefer><family>${family}</family></prefer></alias>`;
  const file = path.join(dir, "fonts.conf");
  // Written aside then renamed: a Chromium starting in another test process never reads half a file.
  const draft = `${file}.${process.pid}`;
  writeFileSync(
    draft,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>${TEST_FONTS_DIR}</dir>
  <cachedir>${path.join(dir, "cache")}</cachedir>
  ${alias("sans-serif", "DejaVu Sans")}${alias("serif", "DejaVu Serif")}${alias("monospace", "DejaVu Sans Mono")}${alias("system-ui", "DejaVu Sans")}
</fontconfig>
`,
  );
  renameSync(draft, file);
  return file;
}

/**
 * A regular (not incognito) profile in a fresh temporary directory: incognito contexts block
 * third-party storage, and the embedded app is a third-party iframe inside the admin, as on
 * admin.shopify.com.
 */
export async function launchChromium(options: { locale?: string } = {}): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: run scripts/system-deps.sh (apt-get install chromium).`);
  }
  const profile = mkdtempSync(path.join(tmpdir(), "rassure-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    userAgent: DESKTOP_CHROME_UA,
    locale: options.locale ?? "en-US",
    viewport: { width: 1280, height: 860 },
    env: { ...process.env, FONTCONFIG_FILE: isolatedFontconfig() },
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  // Chromium may still be flushing its caches as it exits: removal is best effort.
  context.on("close", () => void rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }).catch(() => undefined));
  return context;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/**
 * Where Rassure's blocks (`.rassure`, or `selector`) do not fit: a block wider than the window or
 * outside it, content wider than its block, a part sticking out of it. Measures the blocks
 * only: the stand-in theme around them is not Rassure's to lay out.
 */
export function blocksOverflow(page: Page, selector = ".rassure"): Promise<string[]> {
  return page.evaluate((blockSelector) => {
    const problems: string[] = [];
    const viewport = document.documentElement.clientWidth;
    const name = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`;
    for (const block of document.querySelectorAll<HTMLElement>(blockSelector)) {
      const box = block.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue; // not shown
      if (box.left < -0.5 || box.right > viewport + 0.5) problems.push(`${name(block)} spans ${Math.round(box.left)}–${Math.round(box.right)}px of a ${viewport}px window`);
      if (block.scrollWidth > block.clientWidth + 1) problems.push(`${name(block)} holds content ${block.scrollWidth}px wide in ${block.clientWidth}px`);
      for (const part of block.querySelectorAll("*")) {
        const rect = part.getBoundingClientRect();
        if (rect.width === 0) continue;
        if (rect.left < box.left - 0.5 || rect.right > box.right + 0.5) problems.push(`${name(part)} in ${name(block)} sticks out (${Math.round(rect.left)}–${Math.round(rect.right)}px, block ${Math.round(box.left)}–${Math.round(box.right)}px)`);
      }
    }
    return problems;
  }, selector);
}

/**
 * A new page at `width` (a phone's height below 500 px) that adds up layout shifts from its very
 * first paint; `layoutShift(page)` reads the total (Cumulative Layout Shift without input).
 */
export async function openWatchingLayoutShift(context: BrowserContext, url: string, width: number): Promise<{ page: Page; status: number | null }> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: width < 500 ? 844 : 900 });
  await page.addInitScript(() => {
    (window as unknown as { __cls: number }).__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
        if (!entry.hadRecentInput) (window as unknown as { __cls: number }).__cls += entry.value;
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  const response = await page.goto(url, { waitUntil: "load" });
  return { page, status: response?.status() ?? null };
}

export function layoutShift(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __cls: number }).__cls);
}
