/** Debian's Chromium driven by playwright-core (never a downloaded browser). */
import { existsSync, mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROME_PATH || "/usr/bin/chromium";

/**
 * The user agent of desktop Chrome: shopify-app-remix answers 410 to "HeadlessChrome",
 * which isbot counts as a bot, and merchants use a real browser.
 */
const DESKTOP_CHROME_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

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
