/**
 * Browser tests of the embedded admin share one set-up: the offline demo as a child process,
 * Debian's Chromium on its printed admin URL, page errors collected, screenshots saved to
 * test-results/screenshots/. `setUpDemoAdmin()` registers it for the calling test file.
 */
import { mkdirSync } from "node:fs";
import type { BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "./browser";
import { startDemoProcess, type DemoProcess } from "./demo-process";

export const SCREENSHOTS = "test-results/screenshots";

export interface DemoAdmin {
  demo: DemoProcess;
  page: Page;
  /** Uncaught errors of the admin page and of the app inside it. */
  pageErrors: string[];
  /** The embedded app's iframe (the admin page around it belongs to the dev store). */
  appFrame(): Promise<Frame>;
  /** Opens an entry of the app's navigation, drawn by the admin from the app's ui-nav-menu. */
  openNav(label: string): Promise<Frame>;
  screenshot(name: string): Promise<void>;
}

export function setUpDemoAdmin(): DemoAdmin {
  let browser: BrowserContext | undefined;
  const admin = { pageErrors: [] as string[] } as DemoAdmin;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    admin.demo = await startDemoProcess();
    browser = await launchChromium();
    admin.page = await browser.newPage();
    admin.page.on("pageerror", (error) => admin.pageErrors.push(error.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await admin.demo?.stop();
  });

  admin.appFrame = async () => {
    const handle = await admin.page.waitForSelector("iframe#app-frame");
    const frame = await handle.contentFrame();
    if (!frame) throw new Error("The admin page has no app iframe");
    return frame;
  };
  admin.openNav = async (label) => {
    await admin.page.locator("#app-nav a", { hasText: label }).click();
    return admin.appFrame();
  };
  admin.screenshot = async (name) => {
    await admin.page.screenshot({ path: `${SCREENSHOTS}/${name}.png` });
  };
  return admin;
}
