/**
 * What the trust page may state about the shop's last trust check, as published with the
 * storefront configuration (snake_case, read by the Liquid answer and by the WooCommerce
 * plugin alike): HTTPS only when the platform reported it on, the grade only when the scan gave
 * one, each with the day it was checked written out in the shop's time zone. A fact the scan
 * did not observe is null, and the page leaves it out.
 */
import { spelledDate } from "../storefront/spelled-date";

/** The last finished scan, as far as the trust page is concerned. */
export interface TrustScan {
  finishedAt: Date;
  grade: string | null;
  /** HTTPS as the platform reported it on that scan (null: not reported). */
  https: boolean | null;
  /** The shop's IANA time zone as that scan saw it; null: unknown (UTC is used). */
  timeZone: string | null;
}

function validZone(zone: string | null): string {
  if (!zone) return "UTC";
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone;
  } catch {
    return "UTC"; // a zone this runtime does not know backs no date
  }
}

/** `options` is the merchant's TrustPageOptions (storefront/config.ts, which publishes through here: typed by shape, not imported). */
export function publishedTrustPage<Section extends string>(options: { enabled: boolean; sections: Section[] }, scan: TrustScan | null) {
  const checkedOn = scan ? spelledDate(scan.finishedAt, validZone(scan.timeZone)) : null;
  return {
    enabled: options.enabled,
    sections: options.sections,
    https_checked_on: scan?.https === true ? checkedOn : null,
    scan: scan?.grade && checkedOn ? { grade: scan.grade, checked_on: checkedOn } : null,
  };
}

export type PublishedTrustPage = ReturnType<typeof publishedTrustPage>;
