/** Quiet hours in the shop's time zone: inside or not, and when they end (across midnight and clock changes). */
import { describe, expect, it } from "vitest";
import { formatMinutes, isValidQuietHours, quietHoursEnd, safeTimeZone } from "../../app/alerts/quiet-hours";

const NIGHT = { start: 22 * 60, end: 7 * 60 };

describe("quiet hours", () => {
  it("outside the window: send now", () => {
    expect(quietHoursEnd(new Date("2026-11-23T12:00:00Z"), NIGHT, "Europe/Paris")).toBeNull();
    expect(quietHoursEnd(new Date("2026-11-23T12:00:00Z"), null, "Europe/Paris")).toBeNull();
  });

  it("inside a window across midnight: ends at 07:00 shop time the next morning", () => {
    // 23:30 in Paris (UTC+1 in November) → 07:00 Paris = 06:00 UTC.
    expect(quietHoursEnd(new Date("2026-11-23T22:30:12Z"), NIGHT, "Europe/Paris")?.toISOString()).toBe("2026-11-24T06:00:00.000Z");
    // 05:59 in Paris, same morning.
    expect(quietHoursEnd(new Date("2026-11-24T04:59:00Z"), NIGHT, "Europe/Paris")?.toISOString()).toBe("2026-11-24T06:00:00.000Z");
    // 07:00 sharp is outside.
    expect(quietHoursEnd(new Date("2026-11-24T06:00:00Z"), NIGHT, "Europe/Paris")).toBeNull();
  });

  it("uses the shop's zone, not the server's", () => {
    // 23:00 UTC is 18:00 in New York: outside; 03:00 UTC is 22:00 in New York: inside until 07:00 New York (12:00 UTC).
    expect(quietHoursEnd(new Date("2026-11-23T23:00:00Z"), NIGHT, "America/New_York")).toBeNull();
    expect(quietHoursEnd(new Date("2026-11-24T03:00:00Z"), NIGHT, "America/New_York")?.toISOString()).toBe("2026-11-24T12:00:00.000Z");
  });

  it("lands on the local end time across a clock change (autumn and spring in Paris)", () => {
    // 25 Oct 2026: 03:00 CEST → 02:00 CET. 23:00 CEST on the 24th → 07:00 CET = 06:00 UTC.
    expect(quietHoursEnd(new Date("2026-10-24T21:00:00Z"), NIGHT, "Europe/Paris")?.toISOString()).toBe("2026-10-25T06:00:00.000Z");
    // 29 Mar 2026: 02:00 CET → 03:00 CEST. 23:00 CET on the 28th → 07:00 CEST = 05:00 UTC.
    expect(quietHoursEnd(new Date("2026-03-28T22:00:00Z"), NIGHT, "Europe/Paris")?.toISOString()).toBe("2026-03-29T05:00:00.000Z");
  });

  it("a window within one day, and an unknown zone read as UTC", () => {
    const lunch = { start: 12 * 60, end: 14 * 60 };
    expect(quietHoursEnd(new Date("2026-11-23T13:15:00Z"), lunch, "Not/AZone")?.toISOString()).toBe("2026-11-23T14:00:00.000Z");
    expect(safeTimeZone("Not/AZone")).toBe("UTC");
    expect(safeTimeZone(null)).toBe("UTC");
  });

  it("validates windows and formats times", () => {
    expect(isValidQuietHours({ start: 0, end: 0 })).toBe(false);
    expect(isValidQuietHours({ start: -1, end: 60 })).toBe(false);
    expect(isValidQuietHours({ start: 0, end: 1440 })).toBe(false);
    expect(isValidQuietHours({ start: null, end: 60 })).toBe(false);
    expect(isValidQuietHours(NIGHT)).toBe(true);
    expect(formatMinutes(22 * 60)).toBe("22:00");
    expect(formatMinutes(7 * 60 + 30)).toBe("07:30");
  });
});
