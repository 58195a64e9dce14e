/**
 * Reference implementation of the delivery-date estimate that blocks/delivery.liquid computes
 * at render time (tests hold the Liquid to it). Same rules, written on calendar dates:
 * - the order counts as received today if today is an open shipping day and the shop's local
 *   time is before the cut-off, else on the next open shipping day;
 * - it ships `processingDays` open shipping days after that;
 * - it arrives between the `transitMin`-th and `transitMax`-th open delivery day after shipping.
 * "Open" means the ISO weekday is listed and the date is not a holiday.
 */
import { addDays, isoWeekday, localDateTime, type Ymd } from "./calendar-dates";

export interface DeliveryRules {
  processingDays: number;
  cutoffMinutes: number;
  transitMin: number;
  transitMax: number;
  /** ISO weekdays (1 = Monday) the shop ships / the carrier delivers on. */
  shipDays: readonly number[];
  deliveryDays: readonly number[];
  holidays: ReadonlySet<Ymd>;
}

export interface DeliveryEstimate {
  received: Ymd;
  ships: Ymd;
  from: Ymd;
  to: Ymd;
}

/** The Liquid walks at most 91 days; beyond that it shows "unavailable", and so does this. */
export const ESTIMATE_HORIZON_DAYS = 90;

export function estimateDelivery(rules: DeliveryRules, now: Date, timeZone: string): DeliveryEstimate | null {
  const local = localDateTime(now, timeZone);
  const open = (date: Ymd, weekdays: readonly number[]) => weekdays.includes(isoWeekday(date)) && !rules.holidays.has(date);
  const last = addDays(local.date, ESTIMATE_HORIZON_DAYS);

  let received = local.date;
  if (!(open(received, rules.shipDays) && local.minutes < rules.cutoffMinutes)) {
    do received = addDays(received, 1);
    while (received <= last && !open(received, rules.shipDays));
  }
  let ships = received;
  for (let left = rules.processingDays; left > 0 && ships <= last; ) {
    ships = addDays(ships, 1);
    if (open(ships, rules.shipDays)) left--;
  }
  let day = ships;
  let from: Ymd | null = null;
  for (let count = 0; day < last; ) {
    day = addDays(day, 1);
    if (!open(day, rules.deliveryDays)) continue;
    count++;
    if (count === rules.transitMin) from = day;
    if (count === rules.transitMax) return from ? { received, ships, from, to: day } : null;
  }
  return null;
}
