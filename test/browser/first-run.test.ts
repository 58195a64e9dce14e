/**
 * A new merchant's first run in the embedded admin (issue 16 §5), in Debian's Chromium on the
 * offline demo: Home's setup guide (ticks from what Rassure sees, deep links into the theme editor,
 * hidden and shown again), the help entry at the foot of every page (from the environment), one
 * toast when the scan the merchant started finishes (EN and FR), and the tracking page's carrier
 * fields guarded by the save bar (issue 16 §1).
 */
import type { Frame, Response } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_APP } from "../../dev/demo-app";
import { setUpDemoAdmin } from "../support/demo-admin";
import { closeSecondProcesses, secondProcessClient } from "../support/second-process";

// Read by the demo's app process (it inherits this environment): the help entry shows them.
const HELP_URL = "https://docs.example.com/rassure/guide";
const SUPPORT_EMAIL = "help@example.com";
process.env.RASSURE_HELP_URL = HELP_URL;
process.env.RASSURE_SUPPORT_EMAIL = SUPPORT_EMAIL;

const admin = setUpDemoAdmin();
/** The checklist page's first line (the admin draws its title, outside the app's frame). */
const CHECKLIST_SUBTITLE = { en: /^What shoppers and the law expect from your shop/, fr: /^Ce que les clients et la loi attendent de votre boutique/ };
const saveBar = () => admin.page.locator("#save-bar");
const leaveDialog = () => admin.page.locator("#leave-dialog");

function appUrl(pathname: string, locale: "en" | "fr" = "en"): string {
  const url = new URL(admin.demo.adminUrl.replace(/\/app(\?|$)/, `${pathname}$1`));
  if (locale === "fr") url.searchParams.set("locale", "fr");
  return url.toString();
}

/** Opens an admin page by its address and waits for `ready` (a page heading, or a text for pages whose title the admin draws). */
async function openPage(pathname: string, ready: string | RegExp, locale: "en" | "fr" = "en"): Promise<Frame> {
  await admin.page.goto(appUrl(pathname, locale));
  const frame = await admin.appFrame();
  await (typeof ready === "string" ? frame.getByRole("heading", { name: ready, level: 1 }) : frame.getByText(ready)).first().waitFor({ timeout: 30_000 });
  return frame;
}

/** Home once the install's first scan is stored (the guide counts it): reloaded until it says so. */
async function openHomeWhenScanned(progress: RegExp, locale: "en" | "fr" = "en"): Promise<Frame> {
  for (let attempt = 0; ; attempt++) {
    await admin.page.goto(appUrl("/app", locale));
    const frame = await admin.appFrame();
    const text = frame.getByText(progress);
    try {
      await text.waitFor({ timeout: 5_000 });
      return frame;
    } catch (error) {
      if (attempt > 10) throw error;
    }
  }
}

/** Every toast the admin draws from now on, in order (they leave after a few seconds). */
async function recordToasts() {
  await admin.page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { rassureToasts: string[] }).rassureToasts = seen;
    const box = document.getElementById("toasts")!;
    new MutationObserver((changes) => {
      for (const change of changes) for (const node of change.addedNodes) if (node instanceof HTMLElement && node.classList.contains("toast")) seen.push(node.innerText.replace(/\s*×\s*$/, "").trim());
    }).observe(box, { childList: true });
  });
  return () => admin.page.evaluate(() => (window as unknown as { rassureToasts: string[] }).rassureToasts);
}

const step = (frame: Frame, title: string) => frame.locator(".Polaris-Box").filter({ has: frame.getByRole("button", { name: title, exact: true }) }).last();

describe("setup guide on Home", () => {
  it("ticks each step from what Rassure sees, deep-links into the theme editor, and follows the tracking setting", async () => {
    await admin.page.setViewportSize({ width: 1440, height: 1000 });
    // The demo: the trust bar embed is off in the published theme, blocks are placed on the product
    // template, the install scan finishes, automatic tracking fixes are on by default.
    let frame = await openHomeWhenScanned(/^3 of 4 tasks complete$/);
    await frame.getByRole("heading", { name: "Setup guide" }).waitFor();
    await expect(step(frame, "Enable the Rassure app embed").getByRole("img").getAttribute("aria-label")).resolves.toBe("Not done yet");
    for (const title of ["Place the blocks on your product page", "Run your first trust scan", "Turn on tracking link fixes"]) {
      await expect(step(frame, title).getByRole("img").getAttribute("aria-label"), title).resolves.toBe("Done");
    }
    // The first step left to do is open, with its one primary action: the theme editor's app embeds.
    const embed = new URL((await frame.getByRole("link", { name: "Enable in the theme editor" }).getAttribute("href"))!);
    expect(`${embed.origin}${embed.pathname}`).toBe("https://atelier-lumiere.myshopify.com/admin/themes/current/editor");
    expect(embed.searchParams.get("context")).toBe("apps");
    expect(embed.searchParams.get("activateAppId")).toBe(`${DEMO_APP.apiKey}/trust-bar`);
    await admin.screenshot("setup-guide-en");

    await frame.getByRole("button", { name: "Place the blocks on your product page", exact: true }).click();
    await frame.getByText(/^Rassure blocks on the product page of .+: \d+\.$/).waitFor();
    const block = new URL((await frame.getByRole("link", { name: "Add a block in the theme editor" }).getAttribute("href"))!);
    expect(block.searchParams.get("template")).toBe("product");
    expect(block.searchParams.get("target")).toBe("mainSection");
    expect(block.searchParams.get("addAppBlockId")).toMatch(new RegExp(`^${DEMO_APP.apiKey}/(payment|promises|delivery)$`));

    // The tracking step follows the stored setting, not a click: off in Order tracking → unticked.
    await frame.getByRole("button", { name: "Turn on tracking link fixes", exact: true }).click();
    await frame.getByRole("link", { name: "Open order tracking settings" }).click();
    await frame.getByRole("heading", { name: "Order tracking", level: 1 }).waitFor({ timeout: 30_000 });
    const autoFix = () => frame.getByLabel("Fix links automatically when you fulfill an order");
    await autoFix().click({ force: true });
    await saveBar().getByRole("button", { name: "Save" }).click();
    await saveBar().waitFor({ state: "hidden", timeout: 20_000 });
    frame = await openHomeWhenScanned(/^2 of 4 tasks complete$/);
    await expect(step(frame, "Turn on tracking link fixes").getByRole("img").getAttribute("aria-label")).resolves.toBe("Not done yet");

    frame = await openPage("/app/tracking", "Order tracking");
    await autoFix().click({ force: true });
    await saveBar().getByRole("button", { name: "Save" }).click();
    await saveBar().waitFor({ state: "hidden", timeout: 20_000 });
    await openHomeWhenScanned(/^3 of 4 tasks complete$/);
    expect(admin.pageErrors).toEqual([]);
  }, 240_000);

  it("is dismissed for good, and shown again on request", async () => {
    let frame = await openHomeWhenScanned(/^3 of 4 tasks complete$/);
    await frame.getByRole("button", { name: "Dismiss guide" }).click();
    await frame.getByRole("button", { name: "Show the setup guide" }).waitFor({ timeout: 20_000 });
    await expect(frame.getByRole("heading", { name: "Setup guide" }).count()).resolves.toBe(0);

    await admin.page.reload();
    frame = await admin.appFrame();
    await frame.getByRole("button", { name: "Show the setup guide" }).waitFor({ timeout: 30_000 });
    await expect(frame.getByRole("heading", { name: "Setup guide" }).count()).resolves.toBe(0);

    await frame.getByRole("button", { name: "Show the setup guide" }).click();
    await frame.getByRole("heading", { name: "Setup guide" }).waitFor({ timeout: 20_000 });
    expect(admin.pageErrors).toEqual([]);
  }, 120_000);

  it("speaks French, and fits a 390 px screen", async () => {
    const frame = await openHomeWhenScanned(/^3 tâches sur 4 terminées$/, "fr");
    await frame.getByRole("heading", { name: "Guide de configuration" }).waitFor();
    await frame.getByRole("link", { name: "Activer dans l'éditeur de thème" }).waitFor();
    await admin.screenshot("setup-guide-fr");
    await admin.page.setViewportSize({ width: 390, height: 844 });
    await frame.getByRole("heading", { name: "Guide de configuration" }).waitFor();
    await admin.screenshot("setup-guide-fr-390");
    expect(await frame.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1)).toBe(true);
    await admin.page.setViewportSize({ width: 1440, height: 1000 });
    expect(admin.pageErrors).toEqual([]);
  }, 120_000);
});

describe("Home from stored reads", () => {
  afterAll(closeSecondProcesses);

  it("opens with the shop facts read earlier and their age, then shows what the background refresh found without reloading", async () => {
    await openHomeWhenScanned(/tasks complete$/);
    // What Rassure read five minutes ago said another name (the merchant renamed the shop since).
    const db = await secondProcessClient(admin.demo.databaseUrl);
    const row = await db.platformRead.findFirstOrThrow({ where: { kind: "shop-profile" } });
    const earlier = new Date(Date.now() - 5 * 60_000);
    await db.platformRead.update({ where: { id: row.id }, data: { facts: JSON.stringify({ ...JSON.parse(row.facts!), name: "Atelier d'avant" }), readAt: earlier, attemptedAt: earlier } });

    // The app frame's document (what the loader answered) and every navigation of that frame.
    const documents: string[] = [];
    const onResponse = async (response: Response) => {
      if (response.request().resourceType() === "document" && new URL(response.url()).pathname === "/app") documents.push(await response.text());
    };
    admin.page.on("response", onResponse);
    try {
      await admin.page.goto(appUrl("/app"));
      const frame = await admin.appFrame();
      // The refresh ends: the page revalidates in place (no second document, no reload).
      await frame.getByText(/^Rassure is connected to Atelier Lumière\.$/).waitFor({ timeout: 20_000 });
      expect(documents).toHaveLength(1);
      expect(documents[0]).toContain("Atelier d&#x27;avant"); // the page opened from what was stored
      expect(documents[0]).toContain("Checked 5 min ago");
    } finally {
      admin.page.off("response", onResponse);
    }
    const frame = await admin.appFrame();
    await frame.getByText("Checked just now").first().waitFor();
    await admin.screenshot("home-stored-reads-en");
    expect(admin.pageErrors).toEqual([]);
  }, 120_000);
});

describe("help entry", () => {
  it("offers the documentation and the contact once at the foot of every admin page, EN and FR", async () => {
    const pages: Array<[string, string | RegExp]> = [
      ["/app", /^Rassure is connected to/],
      ["/app/checklist", CHECKLIST_SUBTITLE.en],
      ["/app/blocks", "Storefront blocks"],
      ["/app/tracking", "Order tracking"],
      ["/app/legal", "Legal texts"],
      ["/app/settings", "Settings"],
    ];
    for (const [pathname, ready] of pages) {
      const frame = await openPage(pathname, ready);
      const docs = frame.getByRole("link", { name: "Read the Rassure help center" });
      await expect(docs.count(), pathname).resolves.toBe(1);
      await expect(docs.getAttribute("href")).resolves.toBe(HELP_URL);
      await expect(docs.getAttribute("target")).resolves.toBe("_blank");
      await expect(frame.getByRole("link", { name: `Write to us at ${SUPPORT_EMAIL}` }).getAttribute("href"), pathname).resolves.toBe(`mailto:${SUPPORT_EMAIL}`);
    }
    await (await admin.appFrame()).getByRole("link", { name: "Read the Rassure help center" }).scrollIntoViewIfNeeded();
    await admin.screenshot("help-footer-settings-en");
    const frame = await openPage("/app/tracking", "Suivi des commandes", "fr");
    await expect(frame.getByRole("link", { name: "Consultez le centre d'aide Rassure" }).count()).resolves.toBe(1);
    await expect(frame.getByRole("link", { name: `Écrivez-nous à ${SUPPORT_EMAIL}` }).count()).resolves.toBe(1);
    await admin.page.setViewportSize({ width: 390, height: 844 });
    await frame.getByRole("link", { name: "Consultez le centre d'aide Rassure" }).scrollIntoViewIfNeeded();
    await admin.screenshot("help-footer-tracking-fr-390");
    await admin.page.setViewportSize({ width: 1440, height: 1000 });
    expect(admin.pageErrors).toEqual([]);
  }, 240_000);
});

describe("scan finished toast", () => {
  for (const [locale, subtitle, scanNow, finished] of [
    ["en", CHECKLIST_SUBTITLE.en, "Scan now", /^Scan finished: \d+\/100 \([A-F]\)$/],
    ["fr", CHECKLIST_SUBTITLE.fr, "Analyser maintenant", /^Analyse terminée : \d+\/100 \([A-F]\)$/],
  ] as const) {
    it(`says once, in ${locale === "en" ? "English" : "French"}, that the scan the merchant started finished`, async () => {
      const frame = await openPage("/app/checklist", subtitle, locale);
      const button = frame.getByRole("button", { name: scanNow });
      // A scan already running (the install's, a daily refresh) is not the merchant's: wait it out.
      await expect.poll(() => button.getAttribute("aria-busy"), { timeout: 60_000 }).not.toBe("true");
      const toasts = await recordToasts();
      await button.click();
      await expect.poll(toasts, { timeout: 90_000 }).not.toEqual([]);
      await admin.screenshot(`scan-toast-${locale}`);
      // Polls, re-renders and the page's other answers after it must not toast again.
      await admin.page.waitForTimeout(5_000);
      const seen = await toasts();
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatch(finished);
      expect(admin.pageErrors).toEqual([]);
    }, 180_000);
  }
});

describe("a scan the merchant did not start here", () => {
  it("finishing while the checklist page is open is not toasted; the merchant's own next scan is, once", async () => {
    // This page is open and idle; another tab of the admin starts a scan (as the daily refresh or a
    // webhook would, from this page's view).
    const frame = await openPage("/app/checklist", CHECKLIST_SUBTITLE.en);
    const button = frame.getByRole("button", { name: "Scan now" });
    await expect.poll(() => button.getAttribute("aria-busy"), { timeout: 60_000 }).not.toBe("true");
    const toasts = await recordToasts();
    const other = await admin.page.context().newPage();
    try {
      await other.goto(appUrl("/app/checklist"));
      const otherFrame = (await (await other.waitForSelector("iframe#app-frame")).contentFrame())!;
      await otherFrame.getByText(CHECKLIST_SUBTITLE.en).waitFor({ timeout: 30_000 });
      const otherButton = otherFrame.getByRole("button", { name: "Scan now" });
      // This page's data is read again while that scan runs (as on opening the page during the daily
      // refresh). A scan lasts a few seconds: on a loaded machine it may end first, then again.
      let seenRunning = false;
      for (let attempt = 0; attempt < 5 && !seenRunning; attempt++) {
        await expect.poll(() => otherButton.getAttribute("aria-busy"), { timeout: 60_000 }).not.toBe("true");
        const otherAnswer = other.waitForResponse((response) => response.request().method() === "POST" && new URL(response.url()).pathname.startsWith("/app/checklist"));
        await otherButton.click();
        await otherAnswer;
        await frame.evaluate(() => (window as unknown as { __remixRouter: { revalidate(): Promise<void> } }).__remixRouter.revalidate());
        seenRunning = await expect
          .poll(() => button.getAttribute("aria-busy"), { timeout: 1_000 })
          .toBe("true")
          .then(() => true, () => false);
      }
      expect(seenRunning, "this page saw the other tab's scan running").toBe(true);
      // It follows that scan to its end.
      await expect.poll(() => button.getAttribute("aria-busy"), { timeout: 90_000 }).not.toBe("true");

      // Any toast for it was sent before the merchant's click reaches the server and comes back.
      const ownAnswer = admin.page.waitForResponse((response) => response.request().method() === "POST" && new URL(response.url()).pathname.startsWith("/app/checklist"));
      await button.click();
      await ownAnswer;
      await expect(toasts(), "no toast for a scan this page did not start").resolves.toEqual([]);

      // The merchant's own scan from this page: its toast is the only one this page shows.
      await expect.poll(toasts, { timeout: 90_000 }).not.toEqual([]);
      const seen = await toasts();
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatch(/^Scan finished: \d+\/100 \([A-F]\)$/);
      expect(admin.pageErrors).toEqual([]);
    } finally {
      await other.close();
    }
  }, 240_000);
});

describe("scan from the setup guide", () => {
  it("starts the scan from Home, opens the checklist, and toasts once when that scan finishes", async () => {
    const frame = await openHomeWhenScanned(/^3 of 4 tasks complete$/);
    const toasts = await recordToasts();
    await frame.getByRole("button", { name: "Run your first trust scan", exact: true }).click();
    await frame.getByRole("button", { name: "Scan now" }).click();
    await frame.getByText(CHECKLIST_SUBTITLE.en).waitFor({ timeout: 30_000 });
    await expect.poll(toasts, { timeout: 90_000 }).not.toEqual([]);
    await admin.page.waitForTimeout(5_000);
    const seen = await toasts();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/^Scan finished: \d+\/100 \([A-F]\)$/);
    expect(admin.pageErrors).toEqual([]);
  }, 180_000);
});

describe("tracking page: carrier fields under the save bar", () => {
  it("shows the save bar for a carrier being typed, asks before leaving, and keeps it once saved", async () => {
    let frame = await openPage("/app/tracking", "Order tracking");
    await expect(saveBar().isVisible()).resolves.toBe(false);
    await frame.getByLabel("Carrier name", { exact: true }).fill("Martin Express");
    await frame.getByLabel("Tracking page address").fill("https://suivi.martin.example/colis?n={number}");
    await saveBar().waitFor({ state: "visible", timeout: 10_000 });

    await admin.page.locator("#app-nav a", { hasText: "Settings" }).click();
    await leaveDialog().waitFor({ state: "visible" });
    await expect(leaveDialog().innerText()).resolves.toContain("Leave page with unsaved changes?");
    await admin.screenshot("tracking-carrier-leave-dialog-en");
    await leaveDialog().getByRole("button", { name: "Stay" }).click();
    await expect(frame.getByLabel("Carrier name", { exact: true }).inputValue()).resolves.toBe("Martin Express");

    await saveBar().getByRole("button", { name: "Save" }).click();
    await admin.page.locator("#toasts .toast", { hasText: "Tracking settings saved" }).waitFor({ timeout: 20_000 });
    await saveBar().waitFor({ state: "hidden" });
    await expect(frame.getByLabel("Carrier name", { exact: true }).inputValue()).resolves.toBe("");

    await admin.page.reload();
    frame = await admin.appFrame();
    await frame.getByRole("heading", { name: "Order tracking", level: 1 }).waitFor({ timeout: 30_000 });
    await frame.getByText("https://suivi.martin.example/colis?n={number}").waitFor();
    await expect(frame.getByRole("option", { name: "Martin Express" }).count()).resolves.toBe(1); // now a carrier an override can name

    // An override being typed is guarded too; Discard empties it.
    await frame.getByLabel("Carrier name as written on your shipments").fill("Transports Martin");
    await saveBar().waitFor({ state: "visible", timeout: 10_000 });
    await saveBar().getByRole("button", { name: "Discard" }).click();
    await saveBar().waitFor({ state: "hidden" });
    await expect(frame.getByLabel("Carrier name as written on your shipments").inputValue()).resolves.toBe("");
    expect(admin.pageErrors).toEqual([]);
  }, 180_000);

  it("keeps a refused carrier in the form with the reason, in French", async () => {
    const frame = await openPage("/app/tracking", "Suivi des commandes", "fr");
    const name = frame.locator('input[name="name"]');
    await name.fill("Colis Lent");
    await frame.locator('input[name="urlTemplate"]').fill("http://colis-lent.example/{number}");
    await saveBar().getByRole("button", { name: "Enregistrer" }).click();
    await frame.locator(".Polaris-Banner").filter({ hasText: "https://" }).first().waitFor({ timeout: 20_000 });
    await expect(name.inputValue()).resolves.toBe("Colis Lent");
    await expect(saveBar().isVisible()).resolves.toBe(true);
    await saveBar().getByRole("button", { name: "Ignorer" }).click();
    await saveBar().waitFor({ state: "hidden" });
    expect(admin.pageErrors).toEqual([]);
  }, 120_000);
});
