/**
 * A shop's alert settings (recipient override, alerts turned off, quiet hours) and what the
 * platform says about reaching the merchant: the shop's e-mail (Shopify `shop.email`, else
 * `contactEmail`; WooCommerce's "from" address, which defaults to the WordPress admin e-mail)
 * and time zone. Those are read from the platform when an alert goes out or Settings open, and
 * kept, so an alert still reaches the merchant while the platform does not answer.
 */
import type { Platform, ShopProfile } from "../../adapters/types";
import prisma from "../db.server";
import { whileInstalled } from "../shop-installed.server";
import { isLocale, type Locale } from "../i18n";
import { isEmailAddress } from "./email-address";
import { isValidQuietHours, type QuietHours } from "./quiet-hours";
import type { AlertKind } from "./kinds";

export interface ShopRef {
  platform: Platform;
  shopDomain: string;
}

export interface AlertSettingsView {
  recipient: string | null;
  platformEmail: string | null;
  timezone: string | null;
  language: Locale | null;
  enabled: Record<AlertKind, boolean>;
  quietHours: QuietHours | null;
}

type Row = Awaited<ReturnType<typeof prisma.alertSettings.findUnique>>;

function view(row: Row): AlertSettingsView {
  const quiet = { start: row?.quietStart ?? null, end: row?.quietEnd ?? null };
  return {
    recipient: row?.recipient ?? null,
    platformEmail: row?.platformEmail ?? null,
    timezone: row?.timezone ?? null,
    language: isLocale(row?.language) ? row.language : null,
    enabled: {
      "certificate-expiry": row?.certificateExpiry ?? true,
      "storefront-down": row?.storefrontDown ?? true,
      "grade-drop": row?.gradeDrop ?? true,
    },
    quietHours: isValidQuietHours(quiet) ? quiet : null,
  };
}

export async function getAlertSettings(shop: ShopRef): Promise<AlertSettingsView> {
  return view(await prisma.alertSettings.findUnique({ where: { platform_shopDomain: shop } }));
}

export class AlertSettingsError extends Error {
  constructor(readonly field: "recipient" | "quietHours") {
    super(`invalid ${field}`);
    this.name = "AlertSettingsError";
  }
}

export interface AlertSettingsInput {
  recipient: string;
  enabled: Record<AlertKind, boolean>;
  quietHours: { start: number; end: number } | null;
  /** The admin's language when the merchant saved (see rememberAdminLanguage). */
  language: Locale;
}

export async function saveAlertSettings(shop: ShopRef, input: AlertSettingsInput): Promise<AlertSettingsView> {
  const recipient = input.recipient.trim();
  if (recipient && !isEmailAddress(recipient)) throw new AlertSettingsError("recipient");
  if (input.quietHours && !isValidQuietHours(input.quietHours)) throw new AlertSettingsError("quietHours");
  const data = {
    recipient: recipient || null,
    language: input.language,
    certificateExpiry: input.enabled["certificate-expiry"],
    storefrontDown: input.enabled["storefront-down"],
    gradeDrop: input.enabled["grade-drop"],
    quietStart: input.quietHours?.start ?? null,
    quietEnd: input.quietHours?.end ?? null,
  };
  // The merchant's own save, in a request the installed shop sent: written as is (no install check, which would drop it silently).
  return view(await prisma.alertSettings.upsert({ where: { platform_shopDomain: shop }, create: { ...shop, ...data }, update: data }));
}

/** The admin's language the merchant works in, kept for e-mails while Rassure's language is "automatic". */
export async function rememberAdminLanguage(shop: ShopRef, language: Locale): Promise<void> {
  await prisma.alertSettings.upsert({ where: { platform_shopDomain: shop }, create: { ...shop, language }, update: { language } });
}

/** Keeps what the platform said about the shop's e-mail and time zone. */
export async function rememberShopContact(shop: ShopRef, profile: Pick<ShopProfile, "email" | "contactEmail" | "timezone">): Promise<AlertSettingsView> {
  const email = [profile.email, profile.contactEmail].find((value): value is string => Boolean(value && isEmailAddress(value))) ?? null;
  const data = { platformEmail: email, timezone: profile.timezone };
  // Read from the platform, maybe answering after the shop left: kept only while it is installed.
  const row = await whileInstalled(shop, (tx) => tx.alertSettings.upsert({ where: { platform_shopDomain: shop }, create: { ...shop, ...data }, update: data }));
  return row ? view(row) : getAlertSettings(shop);
}

/** French for shops in France and its overseas territories, Monaco; English elsewhere (when nothing better is known). */
const FRENCH_COUNTRIES = new Set(["FR", "MC", "GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF", "WF", "PF", "NC"]);

/** The merchant's language: their choice in Settings, else the admin language they last used the alerts section in, else the shop's country. */
export function merchantLocale(shop: { locale: string | null; countryCode: string | null }, settings: Pick<AlertSettingsView, "language">): Locale {
  if (isLocale(shop.locale)) return shop.locale;
  if (settings.language) return settings.language;
  return shop.countryCode && FRENCH_COUNTRIES.has(shop.countryCode.toUpperCase()) ? "fr" : "en";
}
