/**
 * Shop-local time formatting: Shopify writes REST/webhook timestamps in the
 * shop's time zone with an offset ("2024-05-01T12:00:00+02:00").
 */

/** Offset of `timeZone` at `date`, in minutes east of UTC. */
export function timeZoneOffsetMinutes(timeZone: string, date: Date = new Date()): number {
  const part = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
    .formatToParts(date)
    .find((p) => p.type === "timeZoneName")?.value;
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(part ?? "");
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === "-" ? -minutes : minutes;
}

/** "+0200" for 120. */
export function formatOffset(minutes: number, separator = ""): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${separator}${String(abs % 60).padStart(2, "0")}`;
}

export function toShopLocalTime(iso: string | null, timeZone: string): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  const offset = timeZoneOffsetMinutes(timeZone, date);
  const local = new Date(date.getTime() + offset * 60_000).toISOString().replace(/\.\d{3}Z$/, "");
  return `${local}${formatOffset(offset, ":")}`;
}
