/**
 * Alert delivery on the durable job queue (app/jobs): one job per alert, "alerts.deliver". At
 * run time it checks again what may have changed since the alert was raised (the alert kind
 * turned off, quiet hours, Rassure uninstalled), reads the shop's e-mail and time zone from
 * the platform (falling back to what was kept), renders the e-mail in the merchant's language
 * and sends it. A mail server that is down or times out is retried by the queue with backoff
 * for about two hours (DELIVERY_ATTEMPTS); past that the alert is "failed" and goes again after
 * the shop's next scan, so an outage loses nothing. A 5xx answer (address refused) is final.
 * Without a mail server configured, the alert is recorded and shown, not sent.
 *
 * The test e-mail from Settings goes through `sendAlertNow` directly: the merchant waits for
 * the answer.
 */
import type { Platform, PlatformAdapter, ShopProfile } from "../../adapters/types";
import prisma from "../db.server";
import { appEnvironment } from "../env.server";
import type { JobQueue } from "../jobs/queue.server";
import { jobQueue } from "../jobs/runtime.server";
import type { JobsDb } from "../jobs/store";
import { errorText, PermanentJobError, type ClaimedJob, type JobHandlerContext } from "../jobs/types";
import { log } from "../logger.server";
import { findShop } from "../shops.server";
import { settingsLink } from "./admin-links";
import { isAlertKind, type AlertFacts, type DeliveryStatus, type UnsentReason } from "./kinds";
import { mailConfigured, PermanentMailError, sendMail } from "./mailer.server";
import { renderAlertEmail } from "./message";
import { quietHoursEnd, safeTimeZone } from "./quiet-hours";
import { getAlertSettings, merchantLocale, rememberShopContact, type AlertSettingsView, type ShopRef } from "./settings.server";

export const ALERT_DELIVERY_JOB = "alerts.deliver";
/** With the queue's backoff (2 s doubling, capped at 10 min), about two hours of tries. */
export const DELIVERY_ATTEMPTS = 20;

type AlertRow = NonNullable<Awaited<ReturnType<typeof prisma.alert.findUnique>>>;
type ShopRow = NonNullable<Awaited<ReturnType<typeof findShop>>>;
const FINAL: ReadonlySet<string> = new Set<DeliveryStatus>(["sent", "muted", "unsent"]);

interface DeliveryPayload {
  alertId: string;
}

export function enqueueDelivery(db: JobsDb | undefined, alert: { id: string; platform: string; shopDomain: string }, runAfter?: Date) {
  return jobQueue.enqueue<DeliveryPayload>({ kind: ALERT_DELIVERY_JOB, platform: alert.platform as Platform, shopDomain: alert.shopDomain, payload: { alertId: alert.id }, dedupeKey: alert.id, runAfter }, db);
}

type ProfileReader = (shop: ShopRef) => Promise<Pick<ShopProfile, "email" | "contactEmail" | "timezone">>;

/** A shop's platform adapter outside a merchant's request: the composition root provides it. */
export type AlertAdapterFactory = (platform: Platform, shopDomain: string) => Promise<PlatformAdapter>;
let adapterFor: AlertAdapterFactory | null = null;

const platformProfile: ProfileReader = async (shop) => {
  if (!adapterFor) throw new Error("Alert delivery is not wired to the platforms: app/background-work.server.ts registers it.");
  return (await adapterFor(shop.platform, shop.shopDomain)).getShopProfile();
};

/** The shop's e-mail and time zone as the platform says now; what was kept when the platform does not answer. */
export async function refreshShopContact(shop: ShopRef, settings: AlertSettingsView, read: ProfileReader = platformProfile): Promise<AlertSettingsView> {
  try {
    return await rememberShopContact(shop, await read(shop));
  } catch (error) {
    if (!settings.platformEmail && !settings.recipient) throw error; // nothing to fall back on: the queue tries again
    log("warn", "alerts: the platform did not give the shop's e-mail, using the one kept", { ...shop, error: errorText(error) });
    return settings;
  }
}

async function settle(alertId: string, status: DeliveryStatus, fields: { lastError?: string | null; sendAfter?: Date | null } = {}) {
  await prisma.alert.update({ where: { id: alertId }, data: { status, ...fields } });
  return { status };
}

export type SendOutcome = { status: "sent"; recipient: string } | { status: "unsent"; reason: UnsentReason } | { status: "failed" | "retrying"; reason: string };

/** Renders and sends one alert now, recording the outcome on the alert. Throws what the mail server threw (after recording it). */
export async function sendAlertNow(alert: AlertRow, shop: ShopRow, settings: AlertSettingsView, retry: { willRetry: boolean }): Promise<SendOutcome> {
  const recipient = settings.recipient ?? settings.platformEmail;
  if (!recipient) {
    await settle(alert.id, "unsent", { lastError: "noRecipient" });
    return { status: "unsent", reason: "noRecipient" };
  }
  if (!mailConfigured()) {
    await settle(alert.id, "unsent", { lastError: "noSmtp" });
    return { status: "unsent", reason: "noSmtp" };
  }
  const platform = alert.platform as Platform;
  const locale = merchantLocale(shop, settings);
  const email = renderAlertEmail({
    facts: JSON.parse(alert.facts) as AlertFacts,
    locale,
    platform,
    shopName: shop.name ?? alert.shopDomain,
    link: alert.link,
    // wp-admin has one Rassure page: the alert's link is it.
    settingsUrl: platform === "woocommerce" ? alert.link : settingsLink({ platform, shopDomain: alert.shopDomain, shopifyApiKey: appEnvironment().shopifyApiKey }),
    timeZone: safeTimeZone(settings.timezone),
  });
  await prisma.alert.update({ where: { id: alert.id }, data: { attempts: { increment: 1 }, recipient, locale, subject: email.subject } });
  try {
    const messageId = await sendMail({ to: recipient, ...email, locale });
    await prisma.alert.update({ where: { id: alert.id }, data: { status: "sent", sentAt: new Date(), messageId, lastError: null, sendAfter: null } });
    return { status: "sent", recipient };
  } catch (error) {
    const status = error instanceof PermanentMailError || !retry.willRetry ? "failed" : "retrying";
    await settle(alert.id, status, { lastError: errorText(error) });
    throw error;
  }
}

async function deliver(job: ClaimedJob<DeliveryPayload>, context: JobHandlerContext) {
  const alert = await prisma.alert.findUnique({ where: { id: job.payload.alertId } });
  if (!alert || FINAL.has(alert.status)) return { status: alert?.status ?? "gone" };
  const ref: ShopRef = { platform: alert.platform as Platform, shopDomain: alert.shopDomain };
  const shop = await findShop(ref.platform, ref.shopDomain);
  if (!shop || shop.installState !== "installed") return settle(alert.id, "unsent", { lastError: "uninstalled" });
  const kept = await getAlertSettings(ref);
  if (isAlertKind(alert.kind) && !kept.enabled[alert.kind]) return settle(alert.id, "muted");
  const settings = await refreshShopContact(ref, kept);
  const quietUntil = quietHoursEnd(new Date(), settings.quietHours, settings.timezone);
  if (quietUntil) {
    // Raised (or retried) during quiet hours: a fresh job at their end; this one is done.
    await settle(alert.id, "deferred", { sendAfter: quietUntil });
    await enqueueDelivery(undefined, alert, quietUntil);
    return { status: "deferred", until: quietUntil.toISOString() };
  }
  // An e-mail cannot be taken back: an attempt that froze past its lease (another worker holds the job now) sends nothing.
  await context.confirmLease();
  try {
    return await sendAlertNow(alert, shop, settings, { willRetry: job.attempt < job.maxAttempts });
  } catch (error) {
    if (error instanceof PermanentMailError) throw new PermanentJobError(error.message, { cause: error });
    throw error;
  }
}

/** Registers alert delivery on `queue`, reading shops' e-mail and time zone through `adapterFactory` (the composition root calls this). */
export function registerAlertJobs(queue: JobQueue, adapterFactory: AlertAdapterFactory) {
  adapterFor = adapterFactory;
  queue.register<DeliveryPayload>(ALERT_DELIVERY_JOB, deliver, { maxAttempts: DELIVERY_ATTEMPTS });
}
