/**
 * Calendar-date arithmetic on "YYYY-MM-DD" strings (no time, no zone): what holidays and
 * delivery days are made of. Done in UTC so the machine's zone can never shift a day.
 */
export type Ymd = string;

export function ymd(year: number, month: number, day: number): Ymd {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

export function addDays(date: Ymd, days: number): Ymd {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: Ymd): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
}

/** Wall-clock date and minutes since midnight of an instant in an IANA time zone. */
export function localDateTime(instant: Date, timeZone: string): { date: Ymd; minutes: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}
