/**
 * Dates the merchant reads are the shop's, not the server's: a day (YYYY-MM-DD) in the shop's
 * IANA time zone. An unknown or invalid zone falls back to UTC rather than failing.
 */
export function dayInTimeZone(value: string | Date, timeZone: string | null | undefined): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  try {
    // en-CA formats as YYYY-MM-DD.
    return new Intl.DateTimeFormat("en-CA", { timeZone: timeZone || "UTC", year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}
