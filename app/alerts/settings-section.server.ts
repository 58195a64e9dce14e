/**
 * What the Settings page's alerts section loads and does: the shop's alert settings with the
 * e-mail the platform gives, whether this server can send e-mail, the recent alerts; saving the
 * settings and sending a test e-mail (directly, the merchant waits for the answer). The route
 * passes how to read the shop's profile from the platform with the merchant's own session.
 */
import type { Platform, ShopProfile } from "../../adapters/types";
import prisma from "../db.server";
import { appEnvironment } from "../env.server";
import { isLocale } from "../i18n";
import { errorText } from "../jobs/types";
import { log } from "../logger.server";
import { inBackground, settleBackgroundReads } from "../platform-reads/stored-reads.server";
import { findShop } from "../shops.server";
import { settingsLink } from "./admin-links";
import { refreshShopContact, sendAlertNow } from "./delivery.server";
import { ALERT_KINDS, type AlertKind, type DeliveryStatus } from "./kinds";
import { mailConfigured } from "./mailer.server";
import { AlertSettingsError, getAlertSettings, rememberAdminLanguage, saveAlertSettings, type AlertSettingsView, type ShopRef } from "./settings.server";

const RECENT_ALERTS = 20;
export const ALERTS_INTENT_SAVE = "alerts.save";
export const ALERTS_INTENT_TEST = "alerts.test";

type ProfileReader = () => Promise<Pick<ShopProfile, "email" | "contactEmail" | "timezone">>;

export interface AlertListItem {
  id: string;
  kind: AlertKind | "test";
  status: DeliveryStatus;
  raisedAt: string;
  recipient: string | null;
  sendAfter: string | null;
  /** A known reason code ("noSmtp"…) or the mail server's words. */
  reason: string | null;
  link: string;
}

export interface AlertsSectionData {
  platform: Platform;
  settings: AlertSettingsView;
  mailConfigured: boolean;
  recent: AlertListItem[];
}

export type AlertsActionResult =
  | { intent: typeof ALERTS_INTENT_SAVE; ok: true }
  | { intent: typeof ALERTS_INTENT_SAVE; ok: false; field: "recipient" | "quietHours" }
  | { intent: typeof ALERTS_INTENT_TEST; ok: true; recipient: string }
  | { intent: typeof ALERTS_INTENT_TEST; ok: false; reason: string };

export async function recentAlerts(shop: ShopRef, limit = RECENT_ALERTS): Promise<AlertListItem[]> {
  const rows = await prisma.alert.findMany({ where: { platform: shop.platform, shopDomain: shop.shopDomain }, orderBy: { raisedAt: "desc" }, take: limit });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind as AlertListItem["kind"],
    status: row.status as DeliveryStatus,
    raisedAt: row.raisedAt.toISOString(),
    recipient: row.recipient,
    sendAfter: row.sendAfter?.toISOString() ?? null,
    reason: row.lastError,
    link: row.link,
  }));
}

async function refreshShopContactLogged(shop: ShopRef, settings: AlertSettingsView, readProfile: ProfileReader): Promise<AlertSettingsView> {
  try {
    return await refreshShopContact(shop, settings, readProfile);
  } catch (error) {
    // The page still opens with what was kept; the e-mail shown may be missing.
    log("warn", "alerts: the shop's e-mail could not be read for Settings", { ...shop, error: errorText(error) });
    return settings;
  }
}

/**
 * Opens from what is stored: once the platform's e-mail is kept, the page does not wait for the
 * platform (a round trip to Shopify per visit); it reads it in the background for the next visit
 * (app/platform-reads, like the other pages' platform facts; the e-mail itself lives in the
 * alert settings, which alerts read while the platform is down).
 */
export async function loadAlertsSection(shop: ShopRef, readProfile: ProfileReader): Promise<AlertsSectionData> {
  let settings = await getAlertSettings(shop);
  if (!settings.platformEmail) settings = await refreshShopContactLogged(shop, settings, readProfile);
  else {
    const current = settings;
    inBackground(`${shop.platform}:${shop.shopDomain}:alerts-contact`, () => refreshShopContactLogged(shop, current, readProfile), { ...shop });
  }
  return { platform: shop.platform, settings, mailConfigured: mailConfigured(), recent: await recentAlerts(shop) };
}

/** Tests: until the background reads started so far are over. */
export const waitForShopContactRefreshes = settleBackgroundReads;

export const isAlertsIntent = (form: URLSearchParams | FormData) => String(form.get("intent") ?? "").startsWith("alerts.");

function minutes(value: FormDataEntryValue | null): number | null {
  const number = Number(value);
  return value !== null && value !== "" && Number.isInteger(number) ? number : null;
}

/** Sends the test e-mail now, recorded in the recent alerts like any other. */
export async function sendTestEmail(shop: ShopRef, readProfile: ProfileReader): Promise<AlertsActionResult> {
  const record = await findShop(shop.platform, shop.shopDomain);
  if (!record) return { intent: ALERTS_INTENT_TEST, ok: false, reason: "uninstalled" };
  let settings = await getAlertSettings(shop);
  try {
    settings = await refreshShopContact(shop, settings, readProfile);
  } catch (error) {
    return { intent: ALERTS_INTENT_TEST, ok: false, reason: errorText(error) };
  }
  const link = settingsLink({ ...shop, shopifyApiKey: appEnvironment().shopifyApiKey });
  const alert = await prisma.alert.create({ data: { ...shop, kind: "test", facts: JSON.stringify({ kind: "test" }), link } });
  try {
    const outcome = await sendAlertNow(alert, record, settings, { willRetry: false });
    return outcome.status === "sent" ? { intent: ALERTS_INTENT_TEST, ok: true, recipient: outcome.recipient } : { intent: ALERTS_INTENT_TEST, ok: false, reason: outcome.reason };
  } catch (error) {
    return { intent: ALERTS_INTENT_TEST, ok: false, reason: errorText(error) };
  }
}

export async function alertsSectionAction(shop: ShopRef, form: URLSearchParams | FormData, readProfile: ProfileReader): Promise<AlertsActionResult> {
  // Both forms carry the admin's language: e-mails follow it while Rassure's language is "automatic".
  const language = String(form.get("language") ?? "");
  const adminLanguage = isLocale(language) ? language : "en";
  if (form.get("intent") === ALERTS_INTENT_TEST) {
    await rememberAdminLanguage(shop, adminLanguage);
    return sendTestEmail(shop, readProfile);
  }
  const enabled = Object.fromEntries(ALERT_KINDS.map((kind) => [kind, form.getAll("enabled").includes(kind)])) as Record<AlertKind, boolean>;
  const quiet = form.get("quiet") === "on" ? { start: minutes(form.get("quietStart")), end: minutes(form.get("quietEnd")) } : null;
  try {
    await saveAlertSettings(shop, {
      recipient: String(form.get("recipient") ?? ""),
      enabled,
      quietHours: quiet ? { start: quiet.start ?? -1, end: quiet.end ?? -1 } : null,
      language: adminLanguage,
    });
    return { intent: ALERTS_INTENT_SAVE, ok: true };
  } catch (error) {
    if (error instanceof AlertSettingsError) return { intent: ALERTS_INTENT_SAVE, ok: false, field: error.field };
    throw error;
  }
}
