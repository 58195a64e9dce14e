/**
 * Public-holiday calendars for delivery estimates. A calendar is a function from a year to its
 * dates, so a new country is one entry in HOLIDAY_CALENDARS. The storefront cannot compute
 * Easter in Liquid, so the app publishes the resulting dates for the coming months.
 */
import { addDays, ymd, type Ymd } from "./calendar-dates";

export interface HolidayCalendar {
  id: string;
  label: { en: string; fr: string };
  datesForYear(year: number): Ymd[];
}

/** Gregorian Easter Sunday (Meeus/Jones/Butcher algorithm). */
export function easterSunday(year: number): Ymd {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return ymd(year, month, day);
}

/** Metropolitan France: the 11 public holidays of the Code du travail (art. L3133-1). */
function franceDates(year: number): Ymd[] {
  const easter = easterSunday(year);
  return [
    ymd(year, 1, 1), // Jour de l'an
    addDays(easter, 1), // Lundi de Pâques
    ymd(year, 5, 1), // Fête du travail
    ymd(year, 5, 8), // Victoire 1945
    addDays(easter, 39), // Ascension
    addDays(easter, 50), // Lundi de Pentecôte
    ymd(year, 7, 14), // Fête nationale
    ymd(year, 8, 15), // Assomption
    ymd(year, 11, 1), // Toussaint
    ymd(year, 11, 11), // Armistice
    ymd(year, 12, 25), // Noël
  ];
}

export const HOLIDAY_CALENDARS: Record<string, HolidayCalendar> = {
  FR: { id: "FR", label: { en: "France", fr: "France" }, datesForYear: franceDates },
  "FR-ALSACE-MOSELLE": {
    id: "FR-ALSACE-MOSELLE",
    label: { en: "France — Alsace-Moselle", fr: "France — Alsace-Moselle" },
    // Local law adds Good Friday and St Stephen's Day.
    datesForYear: (year) => [...franceDates(year), addDays(easterSunday(year), -2), ymd(year, 12, 26)],
  },
};

export function isHolidayCalendarId(id: string): boolean {
  return Object.hasOwn(HOLIDAY_CALENDARS, id);
}

/** Sorted, de-duplicated holiday dates of the given calendars within [from, to]. */
export function holidaysBetween(calendarIds: readonly string[], from: Ymd, to: Ymd): Ymd[] {
  const firstYear = Number(from.slice(0, 4));
  const lastYear = Number(to.slice(0, 4));
  const dates = new Set<Ymd>();
  for (const id of calendarIds) {
    const calendar = HOLIDAY_CALENDARS[id];
    if (!calendar) continue;
    for (let year = firstYear; year <= lastYear; year++) {
      for (const date of calendar.datesForYear(year)) if (date >= from && date <= to) dates.add(date);
    }
  }
  return [...dates].sort();
}
