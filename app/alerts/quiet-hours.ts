/**
 * Quiet hours in the shop's time zone: an alert raised inside them waits until they end (it is
 * never dropped). Times are minutes after local midnight; a window may cross midnight
 * (22:00 → 07:00). Daylight-saving changes are handled by checking the local time of the
 * computed instant. Pure (the caller passes the clock).
 */
export interface QuietHours {
  /** Minutes after midnight, shop time. */
  start: number;
  end: number;
}

const MINUTES_PER_DAY = 1_440;

export function isValidQuietHours(value: { start: number | null; end: number | null }): value is QuietHours {
  const ok = (m: number | null) => m !== null && Number.isInteger(m) && m >= 0 && m < MINUTES_PER_DAY;
  return ok(value.start) && ok(value.end) && value.start !== value.end;
}

/** A time zone Intl knows; anything else falls back to UTC (the platform's value may be missing). */
export function safeTimeZone(timeZone: string | null | undefined): string {
  if (!timeZone) return "UTC";
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return timeZone;
  } catch {
    return "UTC";
  }
}

/** Minutes after local midnight at `instant` in `timeZone` (seconds ignored). */
export function localMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(instant);
  const value = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return value("hour") * 60 + value("minute");
}

function inside(minutes: number, { start, end }: QuietHours): boolean {
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

/**
 * When the quiet hours around `now` end, or null when `now` is outside them (send now).
 */
export function quietHoursEnd(now: Date, quiet: QuietHours | null, timeZone: string | null | undefined): Date | null {
  if (!quiet) return null;
  const zone = safeTimeZone(timeZone);
  const minutes = localMinutes(now, zone);
  if (!inside(minutes, quiet)) return null;
  const startOfMinute = new Date(now);
  startOfMinute.setUTCSeconds(0, 0);
  const naive = new Date(startOfMinute.getTime() + ((quiet.end - minutes + MINUTES_PER_DAY) % MINUTES_PER_DAY) * 60_000);
  // A clock change in between moves the local end by the change: correct by what the local clock says there.
  const drift = ((quiet.end - localMinutes(naive, zone) + MINUTES_PER_DAY + 720) % MINUTES_PER_DAY) - 720;
  const corrected = new Date(naive.getTime() + drift * 60_000);
  // When that local time does not exist that day (spring forward), the uncorrected instant is already past it.
  return localMinutes(corrected, zone) === quiet.end && corrected > now ? corrected : naive;
}

/** "22:00" for 1320. */
export function formatMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}
