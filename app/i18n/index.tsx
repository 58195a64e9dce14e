/**
 * Admin texts in English and French. The locale is decided once per document load (the
 * merchant's choice in Settings, else the Shopify admin's `locale` parameter, else the
 * browser's languages) and handed down through React context.
 */
import { createContext, useContext, type ReactNode } from "react";
import { en, type MessageKey } from "./en";
import { fr } from "./fr";

export const SUPPORTED_LOCALES = ["en", "fr"] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export type { MessageKey };

const catalogs: Record<Locale, Record<MessageKey, string>> = { en, fr };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/** "fr-FR" → "fr"; anything we do not translate → null. */
function supported(tag: string | null | undefined): Locale | null {
  const base = tag?.trim().slice(0, 2).toLowerCase();
  return isLocale(base) ? base : null;
}

export function negotiateLocale(options: { chosen?: string | null; adminLocale?: string | null; acceptLanguage?: string | null }): Locale {
  const fromHeader = (options.acceptLanguage ?? "")
    .split(",")
    .map((part) => supported(part.split(";")[0]))
    .find(Boolean);
  return supported(options.chosen) ?? supported(options.adminLocale) ?? fromHeader ?? "en";
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const catalog = catalogs[locale];
  return (key, values) => catalog[key].replace(/\{(\w+)\}/g, (match, name: string) => (values && name in values ? String(values[name]) : match));
}

const I18nContext = createContext<{ locale: Locale; t: Translate }>({ locale: "en", t: translator("en") });

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <I18nContext.Provider value={{ locale, t: translator(locale) }}>{children}</I18nContext.Provider>;
}

export function useI18n() {
  return useContext(I18nContext);
}

/**
 * A date for the merchant, in the shop's time zone when given (the server and the browser may sit in
 * other zones; an unknown zone falls back to the runtime's).
 */
export function formatDate(locale: Locale, value: string | Date, timeZone?: string | null) {
  const options: Intl.DateTimeFormatOptions = { dateStyle: "long" };
  try {
    return new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", timeZone ? { ...options, timeZone } : options).format(new Date(value));
  } catch {
    return new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", options).format(new Date(value));
  }
}
