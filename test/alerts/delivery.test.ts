/**
 * Alerts end to end over real SMTP: Rassure installed in the local Shopify dev store (its real
 * token exchange; the shop's e-mail and time zone read through the Admin API), scans finishing
 * (real probes of local storefronts, or stored scans with the facts a probe reports), delivery
 * through the job queue, and the e-mails caught by the local SMTP catcher on loopback
 * (dev/smtp-catcher), read back decoded: recipient, subject, link, language.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { alertsAfterScan } from "../../app/alerts/after-scan.server";
import { eraseAlertData } from "../../app/alerts/erase.server";
import { getAlertSettings, saveAlertSettings } from "../../app/alerts/settings.server";
import { sendTestEmail } from "../../app/alerts/settings-section.server";
import { localMinutes } from "../../app/alerts/quiet-hours";
import { scanShopifyShopInBackground, waitForBackgroundScans } from "../../app/checklist/background.server";
import prisma from "../../app/db.server";
import { jobQueue, kickJobWorker } from "../../app/jobs/runtime.server";
import { eraseShopOnUninstall } from "../../app/shops.server";
import { authenticate } from "../../app/shopify.server";
import type { ShopifyDevStore } from "../../dev/shopify-dev-store";
import { startSmtpCatcher, type CaughtMessage, type SmtpCatcher } from "../../dev/smtp-catcher";
import { freePort } from "../support/browser";
import { startTestDevStore } from "../support/dev-store";
import { TEST_APP } from "../support/test-app";

const DAY = 86_400_000;
const OWNER = "camille@atelier-lumiere.fr"; // the dev store's shop.email
let store: ShopifyDevStore;
let catcher: SmtpCatcher;
let shop: { platform: "shopify"; shopDomain: string };
const savedEnvironment = { ...process.env };

function useMailServer(url: string) {
  process.env.RASSURE_SMTP_URL = url;
  process.env.RASSURE_ALERTS_FROM = "Rassure <alerts@rassure.test>";
}

beforeAll(async () => {
  catcher = await startSmtpCatcher({ webPort: null });
  store = await startTestDevStore();
  setAbstractFetchFunc(store.fetch);
  await authenticate.admin(new Request(store.embeddedAppUrl("/app"))); // install: offline token and Shop row
  shop = { platform: "shopify", shopDomain: store.shopDomain };
});

afterAll(async () => {
  await jobQueue.stop({ timeoutMs: 5_000 });
  await catcher?.close();
  await store?.close();
});

beforeEach(async () => {
  process.env = { ...savedEnvironment };
  useMailServer(catcher.smtpUrl);
  catcher.messages.length = 0;
  await jobQueue.store.eraseShop(shop);
  await prisma.shopCircuit.deleteMany(); // closes every breaker
  await prisma.checklistScan.deleteMany({ where: shop });
  await eraseAlertData(prisma, shop.platform, shop.shopDomain);
  await prisma.shop.update({ where: { platform_domain: { platform: "shopify", domain: shop.shopDomain } }, data: { locale: null } });
});

/** Everything queued has run (deliveries that wait for later are left waiting). */
async function settled() {
  kickJobWorker();
  await jobQueue.whenIdle();
}

interface ScanFacts {
  storefront?: { status: "ok" | "unreachable"; origin?: string; error?: string | null; validTo?: string | null } | null;
  grade?: "A" | "B" | "C" | "D" | "F";
  score?: number;
  results?: Record<string, string>;
}

/** A completed scan stored as the checklist stores it, then the checklist's call to alerts. */
async function scanFinished(facts: ScanFacts = {}) {
  const storefront = facts.storefront === undefined ? { status: "ok" as const, validTo: new Date(Date.now() + 90 * DAY).toISOString() } : facts.storefront;
  const snapshot = {
    facts: { name: "Atelier Lumière", adminBaseUrl: `https://admin.shopify.com/store/${store.shopDomain.replace(".myshopify.com", "")}/` },
    storefront: storefront && { status: storefront.status, origin: storefront.origin ?? "https://www.atelier-lumiere.fr", error: storefront.error ?? null, tls: storefront.validTo ? { validTo: storefront.validTo } : null },
  };
  const row = await prisma.checklistScan.create({
    data: {
      ...shop,
      trigger: "daily",
      status: "done",
      grade: facts.grade ?? "B",
      score: facts.score ?? 80,
      report: JSON.stringify({ results: Object.entries(facts.results ?? {}).map(([id, status]) => ({ id, status })) }),
      snapshot: JSON.stringify(snapshot),
      finishedAt: new Date(),
    },
  });
  await alertsAfterScan(shop, { id: row.id, status: "done" });
  await settled();
}

const expiringIn = (days: number) => ({ status: "ok" as const, validTo: new Date(Date.now() + days * DAY).toISOString() });
const adminLink = (item: string) => `https://${store.shopDomain}/admin/apps/${TEST_APP.apiKey}/app/checklist?item=${item}`;
const alerts = () => prisma.alert.findMany({ where: shop, orderBy: { raisedAt: "asc" } });

/** A self-signed certificate for 127.0.0.1 that expires in `days` days. */
function shortLivedCertificate(days: number) {
  const dir = mkdtempSync(path.join(tmpdir(), "rassure-alert-cert-"));
  try {
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-days", String(days), "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"], { cwd: dir, stdio: "ignore" });
    return { key: readFileSync(path.join(dir, "key.pem"), "utf8"), cert: readFileSync(path.join(dir, "cert.pem"), "utf8") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("alert e-mails from real scans", () => {
  it("a storefront certificate expiring in 10 days: one e-mail to the shop's owner, in French (a shop in France), linking to the item", async () => {
    const storefront = https.createServer(shortLivedCertificate(10), (_request, response) => response.end("<h1>Atelier</h1>"));
    await new Promise<void>((resolve) => storefront.listen(0, "127.0.0.1", resolve));
    const origin = `https://127.0.0.1:${(storefront.address() as AddressInfo).port}`;
    process.env.RASSURE_DEV_STOREFRONT_URL = origin;
    try {
      await scanShopifyShopInBackground(shop.shopDomain, "manual");
      await waitForBackgroundScans();
      const [mail] = await catcher.waitForMessages(1);
      expect(mail.envelope.to).toEqual([OWNER]);
      expect(mail.subject).toBe(`Atelier Lumière : le certificat de 127.0.0.1:${new URL(origin).port} expire dans 9 jours`);
      expect(mail.language).toBe("fr");
      expect(mail.text).toContain(`Ouvrir dans Rassure : ${adminLink("sec-tls-expiry")}`);
      expect(mail.html).toContain(`href="${adminLink("sec-tls-expiry")}"`);
      expect(mail.html).toContain('<html lang="fr">');
      expect((await alerts()).map((a) => [a.kind, a.status, a.recipient])).toEqual([["certificate-expiry", "sent", OWNER]]);
    } finally {
      storefront.closeAllConnections();
      storefront.close();
    }
  });

  it("a storefront that refuses connections: the first unreachable probe sends nothing, the second in a row sends one e-mail", async () => {
    process.env.RASSURE_DEV_STOREFRONT_URL = `http://127.0.0.1:${await freePort()}`; // nothing listens there
    await scanShopifyShopInBackground(shop.shopDomain, "manual");
    await waitForBackgroundScans();
    await settled();
    expect(catcher.messages).toEqual([]);
    expect(await alerts()).toEqual([]);

    await scanShopifyShopInBackground(shop.shopDomain, "manual");
    await waitForBackgroundScans();
    const [mail] = await catcher.waitForMessages(1);
    expect(mail.subject).toMatch(/^Atelier Lumière : 127\.0\.0\.1:\d+ est injoignable$/);
    expect(mail.text).toContain("lors de 2 vérifications de suite");
    expect(mail.text).toContain("ECONNREFUSED");
    expect(mail.text).toContain(adminLink("ops-uptime-monitoring"));
  });
});

describe("alert e-mails from stored scans", () => {
  it("a grade drop names what got worse and links to it", async () => {
    await scanFinished({ grade: "A", score: 92, results: { "leg-terms-of-sale": "pass", "sec-https": "pass" } });
    await scanFinished({ grade: "C", score: 64, results: { "leg-terms-of-sale": "fail", "sec-https": "pass" } });
    const [mail] = await catcher.waitForMessages(1);
    expect(mail.subject).toBe("Atelier Lumière : la note de confiance est passée de A à C");
    expect(mail.text).toContain("(score 92 → 64 sur 100)");
    expect(mail.text).toMatch(/Ce qui s'est dégradé :\n- Les conditions générales de vente sont absentes\n/);
    expect(mail.text).toContain(adminLink("leg-terms-of-sale"));
  });

  it("an attempt that lost its job's lease sends nothing: the worker holding the job sends the one e-mail", async () => {
    // This worker froze past its lease and another took the job over: the lease can no longer be renewed.
    const renew = jobQueue.store.renew;
    jobQueue.store.renew = async () => false;
    try {
      await scanFinished({ storefront: expiringIn(10) });
    } finally {
      jobQueue.store.renew = renew;
    }
    expect(catcher.messages).toEqual([]);
    expect((await alerts()).map((a) => [a.kind, a.status, a.attempts])).toEqual([["certificate-expiry", "pending", 0]]);
  });

  it("no duplicate: a condition e-mails once while it lasts, and again only after it cleared", async () => {
    for (const days of [12, 11, 10]) await scanFinished({ storefront: expiringIn(days) });
    expect(catcher.messages).toHaveLength(1);
    await scanFinished({ storefront: expiringIn(89) }); // renewed
    await scanFinished({ storefront: null }); // a scan without a probe changes nothing
    expect(catcher.messages).toHaveLength(1);
    await scanFinished({ storefront: expiringIn(6) });
    await catcher.waitForMessages(2);
    await settled();
    expect(catcher.messages.map((m) => m.subject)).toEqual([
      "Atelier Lumière : le certificat de www.atelier-lumiere.fr expire dans 11 jours",
      "Atelier Lumière : le certificat de www.atelier-lumiere.fr expire dans 5 jours",
    ]);
  });

  it("an alert raised in quiet hours waits for their end (shop time), then goes out", async () => {
    const now = new Date();
    if (now.getUTCSeconds() > 50) await new Promise((resolve) => setTimeout(resolve, 11_000)); // keep the window's end ahead of the raise
    const current = localMinutes(new Date(), "Europe/Paris");
    await saveAlertSettings(shop, { recipient: "", enabled: { "certificate-expiry": true, "storefront-down": true, "grade-drop": true }, quietHours: { start: (current + 1380) % 1440, end: (current + 1) % 1440 }, language: "en" });
    await scanFinished({ storefront: expiringIn(3) });
    const [deferred] = await alerts();
    expect(deferred.status).toBe("deferred");
    const end = deferred.sendAfter!;
    expect(end.getTime()).toBeGreaterThan(Date.now());
    expect(end.getTime() - Date.now()).toBeLessThanOrEqual(60_000);
    expect(catcher.messages).toEqual([]); // not sent, not dropped

    const [mail] = await catcher.waitForMessages(1, 75_000);
    expect(new Date(mail.receivedAt).getTime()).toBeGreaterThanOrEqual(end.getTime());
    await settled();
    expect((await alerts())[0].status).toBe("sent");
  }, 90_000);

  it("a kind the merchant turned off is recorded, not sent; the others still go out", async () => {
    const settings = await getAlertSettings(shop);
    await saveAlertSettings(shop, { recipient: "", enabled: { ...settings.enabled, "grade-drop": false }, quietHours: null, language: "en" });
    await scanFinished({ grade: "A" });
    await scanFinished({ grade: "D", storefront: expiringIn(4) });
    const [mail] = await catcher.waitForMessages(1);
    await settled();
    expect(catcher.messages).toHaveLength(1);
    expect(mail.subject).toContain("the certificate"); // the admin language the merchant saved in
    expect((await alerts()).map((a) => [a.kind, a.status]).sort()).toEqual([["certificate-expiry", "sent"], ["grade-drop", "muted"]]);
  });

  it("a mail server that is down loses nothing: the queue tries again and the e-mail arrives once it is back", async () => {
    await catcher.stopSmtp();
    try {
      await scanFinished({ storefront: expiringIn(2) });
      const [waiting] = await alerts();
      expect(waiting.status).toBe("retrying");
      expect(waiting.lastError).toMatch(/ECONNREFUSED/);
    } finally {
      await catcher.startSmtp();
    }
    await catcher.waitForMessages(1, 20_000);
    await settled();
    expect(catcher.messages).toHaveLength(1);
    const [sent] = await alerts();
    expect(sent.status).toBe("sent");
    expect(sent.attempts).toBe(2);
  });

  it("an alert the queue gave up on goes out after the shop's next scan", async () => {
    await scanFinished({ storefront: expiringIn(2) });
    await catcher.waitForMessages(1);
    // As if the server had been down past every try: the alert failed and its job is dead.
    const [first] = await alerts();
    await prisma.alert.update({ where: { id: first.id }, data: { status: "failed", lastError: "connect ECONNREFUSED" } });
    await jobQueue.store.eraseShop(shop);
    await scanFinished({ storefront: expiringIn(1) }); // same condition: no new alert, the failed one goes again
    await catcher.waitForMessages(2);
    expect((await alerts()).map((a) => a.status)).toEqual(["sent"]);
  });

  it("without a mail server configured, the alert is recorded and says why it was not sent", async () => {
    delete process.env.RASSURE_SMTP_URL;
    await scanFinished({ storefront: expiringIn(5) });
    expect((await alerts()).map((a) => [a.status, a.lastError])).toEqual([["unsent", "noSmtp"]]);
    expect(catcher.messages).toEqual([]);
  });

  it("the merchant's recipient and language win over the platform's", async () => {
    await prisma.shop.update({ where: { platform_domain: { platform: "shopify", domain: shop.shopDomain } }, data: { locale: "en" } });
    await saveAlertSettings(shop, { recipient: "alerts@atelier-lumiere.fr", enabled: { "certificate-expiry": true, "storefront-down": true, "grade-drop": true }, quietHours: null, language: "fr" });
    await scanFinished({ storefront: expiringIn(7) });
    const [mail] = await catcher.waitForMessages(1);
    expect(mail.envelope.to).toEqual(["alerts@atelier-lumiere.fr"]);
    expect(mail.subject).toBe("Atelier Lumière: the certificate of www.atelier-lumiere.fr expires in 6 days");
    expect(mail.language).toBe("en");
  });
});

describe("test e-mail and mail server settings", () => {
  it("sends the test e-mail through a server that requires a login (host/port/user/pass variables)", async () => {
    const guarded = await startSmtpCatcher({ webPort: null, auth: { user: "rassure", pass: "s3cret" } });
    try {
      delete process.env.RASSURE_SMTP_URL;
      Object.assign(process.env, { RASSURE_SMTP_HOST: "127.0.0.1", RASSURE_SMTP_PORT: String(guarded.smtpPort), RASSURE_SMTP_USER: "rassure", RASSURE_SMTP_PASS: "s3cret" });
      const readProfile = async () => ({ email: OWNER, contactEmail: null, timezone: "Europe/Paris" });
      expect(await sendTestEmail(shop, readProfile)).toEqual({ intent: "alerts.test", ok: true, recipient: OWNER });
      const [mail]: CaughtMessage[] = await guarded.waitForMessages(1);
      expect(mail.user).toBe("rassure");
      expect(mail.subject).toBe("Atelier Lumière : e-mail de test de Rassure");
      expect(mail.text).toContain(`https://${store.shopDomain}/admin/apps/${TEST_APP.apiKey}/app/settings`);

      process.env.RASSURE_SMTP_PASS = "wrong";
      const refused = await sendTestEmail(shop, readProfile);
      expect(refused).toMatchObject({ intent: "alerts.test", ok: false });
      expect((refused as { reason: string }).reason).toMatch(/535|Invalid/);
    } finally {
      await guarded.close();
    }
  });

  it("uninstalling erases the shop's alerts and settings (they hold the merchant's address)", async () => {
    const other = { platform: "shopify" as const, shopDomain: "leaving.myshopify.com" };
    await prisma.shop.create({ data: { platform: "shopify", domain: other.shopDomain } });
    await saveAlertSettings(other, { recipient: "owner@leaving.example", enabled: { "certificate-expiry": true, "storefront-down": true, "grade-drop": true }, quietHours: null, language: "en" });
    await prisma.alert.create({ data: { ...other, kind: "test", facts: "{}", link: "https://x.example", recipient: "owner@leaving.example" } });
    await eraseShopOnUninstall(prisma, "shopify", other.shopDomain);
    expect(await prisma.alertSettings.count({ where: other })).toBe(0);
    expect(await prisma.alert.count({ where: other })).toBe(0);
  });
});
