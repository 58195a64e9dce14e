/**
 * Delivery-date estimate: French holidays (Easter-based ones computed), worked examples, and
 * property tests over random rules and instants concentrated on the boundaries that break
 * estimators (cut-off, midnight, weekends, holidays, DST changes, far-off time zones). The
 * Liquid block, rendered with liquidjs, must agree with the reference implementation.
 */
import { describe, expect, it } from "vitest";
import { addDays, isoWeekday, localDateTime, type Ymd } from "../../app/storefront/calendar-dates";
import { defaultStorefrontConfig, toPublishedConfig, type StorefrontConfig } from "../../app/storefront/config";
import { estimateDelivery, type DeliveryRules } from "../../app/storefront/delivery-estimate";
import { easterSunday, holidaysBetween, HOLIDAY_CALENDARS } from "../../app/storefront/holidays";
import { FRENCH_SHOP, renderer } from "./fixtures";

describe("holiday calendars", () => {
  it("computes Easter Sunday", () => {
    expect(["2000", "2019", "2024", "2025", "2026", "2027", "2038"].map((y) => easterSunday(Number(y)))).toEqual([
      "2000-04-23", "2019-04-21", "2024-03-31", "2025-04-20", "2026-04-05", "2027-03-28", "2038-04-25",
    ]);
  });

  it("lists the 11 French public holidays of 2026", () => {
    expect(HOLIDAY_CALENDARS.FR.datesForYear(2026).sort()).toEqual([
      "2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14", "2026-05-25",
      "2026-07-14", "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25",
    ]);
  });

  it("extends France with regional calendars and merges calendars without duplicates", () => {
    const alsace = holidaysBetween(["FR-ALSACE-MOSELLE"], "2026-01-01", "2026-12-31");
    expect(alsace).toContain("2026-04-03"); // Good Friday
    expect(alsace).toContain("2026-12-26");
    expect(holidaysBetween(["FR", "FR-ALSACE-MOSELLE"], "2026-01-01", "2026-12-31")).toEqual(alsace);
    expect(holidaysBetween(["FR"], "2026-12-20", "2027-01-10")).toEqual(["2026-12-25", "2027-01-01"]);
    expect(holidaysBetween(["XX"], "2026-01-01", "2026-12-31")).toEqual([]);
  });
});

const PARIS = "Europe/Paris";
const baseRules = (holidays: Ymd[] = holidaysBetween(["FR"], "2026-01-01", "2027-12-31")): DeliveryRules => ({
  processingDays: 1,
  cutoffMinutes: 14 * 60,
  transitMin: 2,
  transitMax: 4,
  shipDays: [1, 2, 3, 4, 5],
  deliveryDays: [1, 2, 3, 4, 5, 6],
  holidays: new Set(holidays),
});

describe("worked examples (Paris, ships Mon–Fri, delivers Mon–Sat)", () => {
  const at = (iso: string) => estimateDelivery(baseRules(), new Date(iso), PARIS);

  it("counts today when ordered before the cut-off", () => {
    expect(at("2026-11-23T12:59:00Z")).toEqual({ received: "2026-11-23", ships: "2026-11-24", from: "2026-11-26", to: "2026-11-28" });
  });
  it("moves to the next working day at the cut-off (shop time, not UTC)", () => {
    expect(at("2026-11-23T13:00:00Z")).toEqual({ received: "2026-11-24", ships: "2026-11-25", from: "2026-11-27", to: "2026-11-30" });
  });
  it("skips the weekend after a Friday evening order", () => {
    expect(at("2026-11-27T17:00:00Z")?.received).toBe("2026-11-30");
  });
  it("skips Christmas and New Year's Day", () => {
    expect(at("2026-12-24T09:00:00Z")).toMatchObject({ received: "2026-12-24", ships: "2026-12-28" });
    expect(at("2026-12-31T09:00:00Z")).toMatchObject({ received: "2026-12-31", ships: "2027-01-04" });
  });
  it("skips Ascension Thursday and Whit Monday", () => {
    expect(at("2026-05-13T09:00:00Z")).toMatchObject({ received: "2026-05-13", ships: "2026-05-15" });
    expect(at("2026-05-22T09:00:00Z")).toMatchObject({ ships: "2026-05-26" });
  });
  it("is null when no day is ever open", () => {
    expect(estimateDelivery({ ...baseRules(), deliveryDays: [] }, new Date("2026-11-23T09:00:00Z"), PARIS)).toBeNull();
  });
});

// ---------------------------------------------------------------------------
// Property tests
// ---------------------------------------------------------------------------

/** mulberry32: small deterministic PRNG so a failure is reproducible from its seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ZONES = ["Europe/Paris", "America/New_York", "Pacific/Auckland", "Asia/Kolkata", "UTC", "America/Sao_Paulo"];
/** DST changes and other instants where day arithmetic goes wrong. */
const BOUNDARIES = [
  "2026-03-29T00:59:00Z", "2026-03-29T01:00:00Z", "2026-03-29T01:30:00Z", // Paris spring forward
  "2026-10-25T00:59:00Z", "2026-10-25T01:00:00Z", "2026-10-25T01:30:00Z", // Paris fall back
  "2026-03-08T06:59:00Z", "2026-03-08T07:00:00Z", "2026-11-01T05:30:00Z", // New York
  "2026-04-04T13:59:00Z", "2026-09-26T14:00:00Z", // Auckland
  "2026-12-24T12:59:00Z", "2026-12-31T22:59:00Z", "2026-12-31T23:00:00Z", "2027-04-30T21:59:00Z",
];

function randomRules(rand: () => number): { config: StorefrontConfig } {
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const days = (bias: number) => {
    const picked = [1, 2, 3, 4, 5, 6, 7].filter((d) => rand() < (d <= 5 ? bias : 0.4));
    return picked.length ? picked : [int(1, 7)];
  };
  const config = defaultStorefrontConfig();
  const transitMin = int(1, 5);
  config.delivery = {
    ...config.delivery,
    processingDays: int(0, 5),
    cutoff: `${String(int(0, 23)).padStart(2, "0")}:${String(int(0, 59)).padStart(2, "0")}`,
    transitMin,
    transitMax: transitMin + int(0, 4),
    shipDays: days(0.85),
    deliveryDays: days(0.9),
    holidayCalendars: rand() < 0.8 ? ["FR"] : ["FR-ALSACE-MOSELLE"],
  };
  return { config };
}

function randomInstant(rand: () => number, zone: string, cutoff: string): Date {
  const pick = rand();
  if (pick < 0.25) return new Date(BOUNDARIES[Math.floor(rand() * BOUNDARIES.length)]);
  const base = Date.parse("2026-01-01T00:00:00Z") + Math.floor(rand() * 730) * 86_400_000;
  if (pick < 0.6) {
    // Within a minute of the shop's cut-off or of local midnight.
    const day = new Date(base);
    const local = localDateTime(day, zone);
    const [h, m] = (rand() < 0.5 ? cutoff : "00:00").split(":").map(Number);
    const target = base + (h * 60 + m - local.minutes) * 60_000 + Math.floor(rand() * 3 - 1) * 60_000;
    return new Date(target);
  }
  return new Date(base + Math.floor(rand() * 86_400_000));
}

const openOn = (date: Ymd, weekdays: readonly number[], holidays: ReadonlySet<Ymd>) => weekdays.includes(isoWeekday(date)) && !holidays.has(date);
function openDaysBetween(after: Ymd, until: Ymd, weekdays: readonly number[], holidays: ReadonlySet<Ymd>): number {
  let n = 0;
  for (let d = addDays(after, 1); d <= until; d = addDays(d, 1)) if (openOn(d, weekdays, holidays)) n++;
  return n;
}

describe("delivery estimate properties", () => {
  const SAMPLES = 400;
  const rand = prng(20261123);
  const cases = Array.from({ length: SAMPLES }, (_, i) => {
    const zone = ZONES[i % ZONES.length];
    const { config } = randomRules(rand);
    const now = randomInstant(rand, zone, config.delivery.cutoff);
    return { i, zone, config, now };
  });

  it("satisfies the estimate's definition for every sample", () => {
    let checked = 0;
    for (const { zone, config, now } of cases) {
      const published = toPublishedConfig(config, 1, now, zone);
      const dl = published.delivery;
      const holidays = new Set(dl.holidays);
      const rules: DeliveryRules = { ...config.delivery, cutoffMinutes: dl.cutoff_minutes, holidays };
      const result = estimateDelivery(rules, now, zone);
      if (!result) continue;
      checked++;
      const today = localDateTime(now, zone);
      const ctx = `${now.toISOString()} ${zone} ${JSON.stringify(config.delivery)}`;
      // Received: today only when open and before the cut-off; otherwise the next open shipping day.
      const todayCounts = openOn(today.date, rules.shipDays, holidays) && today.minutes < rules.cutoffMinutes;
      if (todayCounts) expect(result.received, ctx).toBe(today.date);
      else {
        expect(result.received > today.date, ctx).toBe(true);
        expect(openDaysBetween(today.date, addDays(result.received, -1), rules.shipDays, holidays), ctx).toBe(0);
      }
      expect(openOn(result.received, rules.shipDays, holidays), ctx).toBe(true);
      expect(openDaysBetween(result.received, result.ships, rules.shipDays, holidays), ctx).toBe(rules.processingDays);
      expect(openOn(result.from, rules.deliveryDays, holidays), ctx).toBe(true);
      expect(openOn(result.to, rules.deliveryDays, holidays), ctx).toBe(true);
      expect(openDaysBetween(result.ships, result.from, rules.deliveryDays, holidays), ctx).toBe(rules.transitMin);
      expect(openDaysBetween(result.ships, result.to, rules.deliveryDays, holidays), ctx).toBe(rules.transitMax);
      expect(result.from <= result.to, ctx).toBe(true);
    }
    expect(checked).toBeGreaterThan(SAMPLES * 0.9);
  });

  it("renders the same dates in Liquid as the reference, in both languages", async () => {
    for (const { i, zone, config, now } of cases) {
      const published = toPublishedConfig(config, 1, now, zone);
      const rules: DeliveryRules = { ...config.delivery, cutoffMinutes: published.delivery.cutoff_minutes, holidays: new Set(published.delivery.holidays) };
      const expected = estimateDelivery(rules, now, zone);
      const html = await renderer.render({ handle: "delivery", config: published, locale: i % 2 ? "fr" : "en", shop: FRENCH_SHOP, timeZone: zone, now });
      const dates = [...html.matchAll(/<time datetime="(\d{4}-\d{2}-\d{2})">/g)].map((m) => m[1]);
      const ctx = `${now.toISOString()} ${zone} ${JSON.stringify(config.delivery)}`;
      if (!expected) {
        expect(dates, ctx).toEqual([]);
        expect(html, ctx).toMatch(/unavailable|indisponible/);
      } else {
        expect(dates, ctx).toEqual(expected.from === expected.to ? [expected.to] : [expected.from, expected.to]);
      }
    }
  }, 60_000);

  it("formats dates in English and French", async () => {
    const config = defaultStorefrontConfig();
    config.delivery.transitMin = 3;
    config.delivery.transitMax = 6;
    const now = new Date("2026-11-26T09:00:00Z"); // Thursday: ships Fri 27, arrives Tue 1 – Fri 4 Dec
    const published = toPublishedConfig(config, 1, now, PARIS);
    const render = (locale: "en" | "fr") => renderer.render({ handle: "delivery", config: published, locale, shop: FRENCH_SHOP, timeZone: PARIS, now });
    expect(await render("en")).toContain('between <time datetime="2026-12-01">Tue 1</time> and <time datetime="2026-12-04">Fri 4 Dec</time>');
    config.delivery.transitMin = 2;
    const crossMonth = toPublishedConfig(config, 1, now, PARIS);
    const fr = await renderer.render({ handle: "delivery", config: crossMonth, locale: "fr", shop: FRENCH_SHOP, timeZone: PARIS, now });
    expect(fr).toContain('entre le <time datetime="2026-11-30">lun. 30 nov.</time> et le <time datetime="2026-12-04">ven. 4 déc.</time>');
    config.delivery.transitMin = 1;
    config.delivery.transitMax = 1;
    config.delivery.processingDays = 0;
    const single = toPublishedConfig(config, 1, now, PARIS);
    const one = await renderer.render({ handle: "delivery", config: single, locale: "fr", shop: FRENCH_SHOP, timeZone: PARIS, now });
    expect(one).toContain('Livraison estimée le <time datetime="2026-11-27">ven. 27 nov.</time>');
    expect(one).toContain("Les commandes passées avant 14:00 un jour ouvré sont préparées le jour même.");
  });
});
