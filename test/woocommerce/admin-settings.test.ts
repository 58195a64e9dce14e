/**
 * The alert settings inside wp-admin (/woocommerce/admin/settings) against the WooCommerce dev
 * store: the same section and rules as the Shopify Settings page (recipient, which alerts, quiet
 * hours, a test e-mail caught by the local SMTP catcher), for the connected shop only, and
 * nothing saved for a session that no longer holds.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AlertsSectionData } from "../../app/alerts/settings-section.server";
import { action, loader } from "../../app/routes/woocommerce.admin_.settings";
import { ADMIN_SESSION_TTL_SECONDS, mintAdminSession } from "../../app/woocommerce/admin-token.server";
import { startSmtpCatcher, type SmtpCatcher } from "../../dev/smtp-catcher";
import { ADMIN_LINK_SECRET, connectWpAdminStore, ROUTE_CALL, type WpAdminStore } from "./support/wp-admin-store";

const PATH = "/woocommerce/admin/settings" as const;
const STORE_EMAIL = "bonjour@savonnerie-vieux-port.fr"; // the dev store's woocommerce_email_from_address
let wpAdmin: WpAdminStore;
let catcher: SmtpCatcher;
let session: string;
const savedEnvironment = { ...process.env };

async function open(token = session) {
  const response = (await loader({ request: wpAdmin.firstLoad(PATH, token), ...ROUTE_CALL })) as Response;
  return { response, data: (await response.json()) as { authorised: boolean; alerts: AlertsSectionData } };
}
const post = (fields: Record<string, string> | URLSearchParams, token = session) => wpAdmin.post(action, PATH, token, fields);

beforeAll(async () => {
  catcher = await startSmtpCatcher({ webPort: null });
  process.env.RASSURE_SMTP_URL = catcher.smtpUrl;
  process.env.RASSURE_ALERTS_FROM = "Rassure <alerts@rassure.test>";
  wpAdmin = await connectWpAdminStore();
  session = await wpAdmin.openSession(loader, PATH);
});

afterAll(async () => {
  process.env = savedEnvironment;
  await catcher?.close();
  await wpAdmin?.close();
});

describe("alert settings in wp-admin", () => {
  it("opens on the defaults with the store's e-mail and time zone read from WooCommerce", async () => {
    const { response, data } = await open();
    expect(response.headers.get("Content-Security-Policy")).toBe(`frame-ancestors ${wpAdmin.store.url};`);
    expect(data.alerts).toMatchObject({
      platform: "woocommerce",
      mailConfigured: true,
      settings: { recipient: null, platformEmail: STORE_EMAIL, timezone: "Europe/Paris", enabled: { "certificate-expiry": true, "storefront-down": true, "grade-drop": true }, quietHours: null },
      recent: [],
    });
  });

  it("saves the recipient, the alerts chosen and quiet hours with the Shopify page's rules", async () => {
    expect(await post({ intent: "alerts.save", language: "fr", recipient: "not an address", enabled: "grade-drop" })).toEqual({ status: 200, body: { intent: "alerts.save", ok: false, field: "recipient" } });
    const form = new URLSearchParams({ intent: "alerts.save", language: "fr", recipient: "gerante@savonnerie.example", quiet: "on", quietStart: "1320", quietEnd: "420" });
    form.append("enabled", "certificate-expiry");
    form.append("enabled", "grade-drop");
    expect(await post(form)).toEqual({ status: 200, body: { intent: "alerts.save", ok: true } });
    const { data } = await open();
    expect(data.alerts.settings).toMatchObject({ recipient: "gerante@savonnerie.example", language: "fr", enabled: { "certificate-expiry": true, "storefront-down": false, "grade-drop": true }, quietHours: { start: 1320, end: 420 } });
  });

  it("sends the test e-mail to the saved recipient, linking to Rassure in the store's wp-admin", async () => {
    catcher.messages.length = 0;
    expect(await post({ intent: "alerts.test", language: "fr" })).toEqual({ status: 200, body: { intent: "alerts.test", ok: true, recipient: "gerante@savonnerie.example" } });
    expect(catcher.messages).toHaveLength(1);
    expect(catcher.messages[0].envelope.to).toEqual(["gerante@savonnerie.example"]);
    expect(catcher.messages[0].text).toContain(`${wpAdmin.domain}/wp-admin/admin.php?page=rassure`);
    const { data } = await open();
    expect(data.alerts.recent).toMatchObject([{ kind: "test", status: "sent", recipient: "gerante@savonnerie.example" }]);
  });

  it("refuses a forged, expired or other shop's session and saves nothing", async () => {
    const expired = mintAdminSession(ADMIN_LINK_SECRET, { shop: wpAdmin.domain, user: 1 }, Date.now() - 2 * ADMIN_SESSION_TTL_SECONDS * 1000);
    const otherSecret = mintAdminSession("k".repeat(43), { shop: wpAdmin.domain, user: 1 });
    catcher.messages.length = 0;
    for (const token of [expired, otherSecret, "forged.token", ""]) {
      expect(await post({ intent: "alerts.save", language: "en", recipient: "attacker@evil.example" }, token)).toEqual({ status: 403, body: { expired: true } });
      expect(await post({ intent: "alerts.test", language: "en" }, token)).toEqual({ status: 403, body: { expired: true } });
      expect((await open(token)).data.authorised).toBe(false);
    }
    expect(catcher.messages).toHaveLength(0);
    expect((await open()).data.alerts.settings.recipient).toBe("gerante@savonnerie.example");
  });
});

