/**
 * The merchant's storefront blocks configuration: its shape, defaults, validation (sizes,
 * URLs, numbers) and the JSON the storefront reads. Merchant text is stored as typed; it is
 * escaped where it is printed (Liquid `escape`, PHP esc_html), so hostile text is harmless.
 */
import type { StoreLocation } from "../../adapters/types";
import type { CompanyBadge } from "../legal/company-badge.server";
import { addDays, localDateTime } from "./calendar-dates";
import { holidaysBetween, isHolidayCalendarId } from "./holidays";
import { publishedTrustPage, type TrustScan } from "../trust-page/published";
import { backedFreeFrom, type ShippingBacking } from "./shipping-backing";
import { spelledDate } from "./spelled-date";

export const LANGS = ["en", "fr"] as const;
export type Lang = (typeof LANGS)[number];
export type Localized = Record<Lang, string>;

export const ICONS = ["check", "truck", "return", "shield", "lock", "calendar", "chat", "mail", "phone", "clock", "document", "gift", "leaf"] as const;
export type IconName = (typeof ICONS)[number];

export const PROMISE_KINDS = ["shipping", "returns", "withdrawal", "custom"] as const;
export type PromiseKind = (typeof PROMISE_KINDS)[number];

export interface PromiseItem {
  kind: PromiseKind;
  icon: IconName;
  title: Localized;
  text: Localized;
  /** shipping: free-shipping threshold in minor units of the shop currency (0 = none). */
  freeFrom: number;
  /** returns / withdrawal: number of days. */
  days: number;
}

/** Trust labels and memberships a merchant may attest (FIA-Net, Fevad, Trusted Shops, a consumer mediator). */
export const TRUST_LABEL_KINDS = ["fianet", "fevad", "trusted_shops", "mediator"] as const;
export type TrustLabelKind = (typeof TRUST_LABEL_KINDS)[number];

/**
 * A membership the merchant attests, never inferred: shown only with its proof link and only
 * until its expiry date (the storefront compares it with today's date itself).
 */
export interface TrustLabel {
  kind: TrustLabelKind;
  /** The mediator's name (the other kinds have a fixed brand name). */
  name: string;
  proofUrl: string;
  /** "YYYY-MM-DD", last day the membership is valid. */
  expiresOn: string;
}

export interface StorefrontConfig {
  payment: { enabled: boolean; heading: Localized; note: Localized };
  promises: { enabled: boolean; heading: Localized; items: PromiseItem[] };
  delivery: {
    enabled: boolean;
    heading: Localized;
    note: Localized;
    processingDays: number;
    /** "HH:MM" in the shop's time zone. */
    cutoff: string;
    transitMin: number;
    transitMax: number;
    shipDays: number[];
    deliveryDays: number[];
    holidayCalendars: string[];
  };
  contact: { enabled: boolean; heading: Localized; email: string; phone: string; chatUrl: string; formUrl: string; hours: Localized };
  legal: { enabled: boolean; heading: Localized; withdrawalFormUrl: string; links: Array<{ label: Localized; url: string }> };
  /** `trustPageLink`: the bar ends with a link to the public trust page (shown only while that page is on). */
  bar: { enabled: boolean; items: Array<{ icon: IconName; text: Localized }>; trustPageLink: boolean };
  /**
   * Partners: payment methods and carriers come from the platform (published facts), the
   * merchant only hides carriers; `host` is the WordPress host the merchant names (Shopify
   * shops are always "Hosted by Shopify").
   */
  partners: { enabled: boolean; heading: Localized; hiddenCarriers: string[]; host: string; labels: TrustLabel[] };
  /** Product rating summary from the review metafields (Shopify) or native ratings (WooCommerce); `url`: where to read them. */
  reviews: { enabled: boolean; heading: Localized; url: string };
  /**
   * Physical store: shown only when the merchant says customers are welcome (`hasStore`) and the
   * platform has the address (a Shopify location, the WooCommerce store address). `location`:
   * the location's name ("" = the first active one). Hours and photo are the merchant's.
   */
  store: { enabled: boolean; hasStore: boolean; heading: Localized; location: string; hours: Localized; photoUrl: string; photoAlt: Localized };
  /** The public trust page (/apps/rassure/trust): which evidence-backed sections the merchant shows. */
  trustPage: TrustPageOptions;
}

export const TRUST_PAGE_SECTIONS = ["identity", "contact", "promises", "policies", "payments", "https", "scan"] as const;
export type TrustPageSection = (typeof TRUST_PAGE_SECTIONS)[number];
export interface TrustPageOptions {
  enabled: boolean;
  sections: TrustPageSection[];
}

export const BLOCKS = ["payment", "promises", "delivery", "contact", "legal", "bar", "partners", "reviews", "store"] as const;
export type BlockKey = (typeof BLOCKS)[number];

/** The app embed's handle: extensions/rassure-theme/blocks/trust-bar.liquid. */
export const TRUST_BAR_EMBED_HANDLE = "trust-bar";
/** Config block key → Liquid file handle in extensions/rassure-theme/blocks. */
export const BLOCK_HANDLES: Record<BlockKey, string> = { payment: "payment", promises: "promises", delivery: "delivery", contact: "contact", legal: "legal", bar: TRUST_BAR_EMBED_HANDLE, partners: "partners", reviews: "reviews", store: "store" };

/** Limits: short enough to stay readable on a phone, and a bounded metafield. */
export const LIMITS = {
  heading: 80,
  text: 240,
  barText: 60,
  url: 500,
  promiseItems: 6,
  legalLinks: 5,
  barItems: 4,
  processingDays: 20,
  transitDays: 30,
  returnDays: 365,
  /** EU Consumer Rights Directive 2011/83/EU art. 9: at least 14 days. */
  minWithdrawalDays: 14,
  freeFromMinor: 100_000_000,
  carrierName: 60,
  carriers: 12,
  trustLabels: 4,
  configBytes: 16_000,
} as const;

const blank = (): Localized => ({ en: "", fr: "" });

export function defaultStorefrontConfig(): StorefrontConfig {
  return {
    payment: { enabled: true, heading: blank(), note: blank() },
    promises: {
      enabled: true,
      heading: blank(),
      items: [
        { kind: "shipping", icon: "truck", title: blank(), text: blank(), freeFrom: 0, days: 0 },
        { kind: "returns", icon: "return", title: blank(), text: blank(), freeFrom: 0, days: 30 },
        { kind: "withdrawal", icon: "shield", title: blank(), text: blank(), freeFrom: 0, days: 14 },
      ],
    },
    delivery: {
      enabled: true,
      heading: blank(),
      note: blank(),
      processingDays: 1,
      cutoff: "14:00",
      transitMin: 2,
      transitMax: 4,
      shipDays: [1, 2, 3, 4, 5],
      deliveryDays: [1, 2, 3, 4, 5, 6],
      holidayCalendars: ["FR"],
    },
    contact: { enabled: false, heading: blank(), email: "", phone: "", chatUrl: "", formUrl: "", hours: blank() },
    legal: { enabled: true, heading: blank(), withdrawalFormUrl: "", links: [] },
    bar: { enabled: false, items: [], trustPageLink: false },
    partners: { enabled: false, heading: blank(), hiddenCarriers: [], host: "", labels: [] },
    reviews: { enabled: false, heading: blank(), url: "" },
    store: { enabled: false, hasStore: false, heading: blank(), location: "", hours: blank(), photoUrl: "", photoAlt: blank() },
    trustPage: { enabled: false, sections: [...TRUST_PAGE_SECTIONS] },
  };
}

// ---------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------

export type IssueCode = "too_long" | "too_many" | "invalid_url" | "invalid_email" | "invalid_phone" | "out_of_range" | "invalid_time" | "invalid_choice" | "required" | "too_large" | "invalid_date";

export interface ConfigIssue {
  /** Dotted path of the field, e.g. "promises.items.1.title.fr". */
  path: string;
  code: IssueCode;
  limit?: number;
}

export type ValidationResult = { ok: true; config: StorefrontConfig } | { ok: false; issues: ConfigIssue[] };

type Obj = Record<string, unknown>;
const isControlCharacter = (c: string) => {
  const code = c.charCodeAt(0);
  return (code < 0x20 && c !== "\n" && c !== "\t") || code === 0x7f;
};
const asObj = (v: unknown): Obj => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Reads a form-ish object into the typed config, collecting every problem rather than the first. */
class Reader {
  readonly issues: ConfigIssue[] = [];

  issue(path: string, code: IssueCode, limit?: number) {
    this.issues.push(limit === undefined ? { path, code } : { path, code, limit });
  }

  text(v: unknown, path: string, max: number): string {
    // Control characters (except newline/tab) have no business in storefront text.
    const value = [...(typeof v === "string" ? v : "")].filter((c) => !isControlCharacter(c)).join("").trim();
    if (value.length > max) this.issue(path, "too_long", max);
    return value;
  }

  localized(v: unknown, path: string, max: number): Localized {
    const o = asObj(v);
    return { en: this.text(o.en, `${path}.en`, max), fr: this.text(o.fr, `${path}.fr`, max) };
  }

  bool(v: unknown): boolean {
    return v === true || v === "true" || v === "on";
  }

  int(v: unknown, path: string, min: number, max: number, fallback: number): number {
    const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : fallback;
    if (!Number.isInteger(n) || n < min || n > max) {
      this.issue(path, "out_of_range", max);
      return fallback;
    }
    return n;
  }

  choice<T extends string>(v: unknown, path: string, options: readonly T[], fallback: T): T {
    if (typeof v === "string" && (options as readonly string[]).includes(v)) return v as T;
    if (v !== undefined) this.issue(path, "invalid_choice");
    return fallback;
  }

  /**
   * A same-shop path ("/pages/contact") or an https URL; never javascript:, data:, "//host", nor
   * credentials (https://user:pass@host/ shows one host and sends a login to it).
   */
  url(v: unknown, path: string): string {
    const value = this.text(v, path, LIMITS.url);
    if (value === "") return "";
    if (/^\/(?![/\\])[^\s]*$/.test(value)) return value;
    try {
      const url = new URL(value);
      if (url.protocol === "https:" && !url.username && !url.password && !/\s/.test(value)) return url.toString();
    } catch {
      // falls through to the issue
    }
    this.issue(path, "invalid_url");
    return "";
  }

  email(v: unknown, path: string): string {
    const value = this.text(v, path, 254);
    if (value === "" || /^[^\s@<>"'()]+@[^\s@<>"'()]+\.[^\s@<>"'()]+$/.test(value)) return value;
    this.issue(path, "invalid_email");
    return "";
  }

  phone(v: unknown, path: string): string {
    const value = this.text(v, path, 30);
    if (value === "" || /^\+?[0-9][0-9 ().-]{5,24}$/.test(value)) return value;
    this.issue(path, "invalid_phone");
    return "";
  }

  /** A calendar date "YYYY-MM-DD" that exists. */
  date(v: unknown, path: string): string {
    const value = this.text(v, path, 10);
    const parsed = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : null;
    if (parsed && !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value) return value;
    this.issue(path, value === "" ? "required" : "invalid_date");
    return "";
  }

  weekdays(v: unknown, path: string, fallback: number[]): number[] {
    const days = [...new Set(asArray(v).map(Number))].filter((d) => Number.isInteger(d) && d >= 1 && d <= 7).sort();
    if (days.length === 0) {
      this.issue(path, "required");
      return fallback;
    }
    return days;
  }

  list<T>(v: unknown, path: string, max: number, read: (item: unknown, path: string) => T): T[] {
    const items = asArray(v);
    if (items.length > max) this.issue(path, "too_many", max);
    return items.slice(0, max).map((item, i) => read(item, `${path}.${i}`));
  }
}

export function validateStorefrontConfig(input: unknown): ValidationResult {
  const r = new Reader();
  const d = defaultStorefrontConfig();
  const root = asObj(input);
  const payment = asObj(root.payment);
  const promises = asObj(root.promises);
  const delivery = asObj(root.delivery);
  const contact = asObj(root.contact);
  const legal = asObj(root.legal);
  const bar = asObj(root.bar);
  const partners = asObj(root.partners);
  const reviews = asObj(root.reviews);
  const store = asObj(root.store);
  const trustPage = asObj(root.trustPage);

  const cutoff = r.text(delivery.cutoff, "delivery.cutoff", 5) || d.delivery.cutoff;
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(cutoff)) r.issue("delivery.cutoff", "invalid_time");
  const transitMin = r.int(delivery.transitMin, "delivery.transitMin", 1, LIMITS.transitDays, d.delivery.transitMin);
  const transitMax = r.int(delivery.transitMax, "delivery.transitMax", transitMin, LIMITS.transitDays, Math.max(transitMin, d.delivery.transitMax));

  const config: StorefrontConfig = {
    payment: {
      enabled: r.bool(payment.enabled),
      heading: r.localized(payment.heading, "payment.heading", LIMITS.heading),
      note: r.localized(payment.note, "payment.note", LIMITS.text),
    },
    promises: {
      enabled: r.bool(promises.enabled),
      heading: r.localized(promises.heading, "promises.heading", LIMITS.heading),
      items: r.list(promises.items, "promises.items", LIMITS.promiseItems, (raw, path) => {
        const item = asObj(raw);
        const kind = r.choice(item.kind, `${path}.kind`, PROMISE_KINDS, "custom");
        const minDays = kind === "withdrawal" ? LIMITS.minWithdrawalDays : kind === "returns" ? 1 : 0;
        return {
          kind,
          icon: r.choice(item.icon, `${path}.icon`, ICONS, "check"),
          title: r.localized(item.title, `${path}.title`, LIMITS.heading),
          text: r.localized(item.text, `${path}.text`, LIMITS.text),
          freeFrom: r.int(item.freeFrom, `${path}.freeFrom`, 0, LIMITS.freeFromMinor, 0),
          days: r.int(item.days, `${path}.days`, minDays, LIMITS.returnDays, Math.max(minDays, 14)),
        };
      }),
    },
    delivery: {
      enabled: r.bool(delivery.enabled),
      heading: r.localized(delivery.heading, "delivery.heading", LIMITS.heading),
      note: r.localized(delivery.note, "delivery.note", LIMITS.text),
      processingDays: r.int(delivery.processingDays, "delivery.processingDays", 0, LIMITS.processingDays, d.delivery.processingDays),
      cutoff,
      transitMin,
      transitMax,
      shipDays: r.weekdays(delivery.shipDays, "delivery.shipDays", d.delivery.shipDays),
      deliveryDays: r.weekdays(delivery.deliveryDays, "delivery.deliveryDays", d.delivery.deliveryDays),
      holidayCalendars: asArray(delivery.holidayCalendars).filter((id): id is string => typeof id === "string" && isHolidayCalendarId(id)),
    },
    contact: {
      enabled: r.bool(contact.enabled),
      heading: r.localized(contact.heading, "contact.heading", LIMITS.heading),
      email: r.email(contact.email, "contact.email"),
      phone: r.phone(contact.phone, "contact.phone"),
      chatUrl: r.url(contact.chatUrl, "contact.chatUrl"),
      formUrl: r.url(contact.formUrl, "contact.formUrl"),
      hours: r.localized(contact.hours, "contact.hours", LIMITS.text),
    },
    legal: {
      enabled: r.bool(legal.enabled),
      heading: r.localized(legal.heading, "legal.heading", LIMITS.heading),
      withdrawalFormUrl: r.url(legal.withdrawalFormUrl, "legal.withdrawalFormUrl"),
      links: r.list(legal.links, "legal.links", LIMITS.legalLinks, (raw, path) => {
        const link = asObj(raw);
        return { label: r.localized(link.label, `${path}.label`, LIMITS.heading), url: r.url(link.url, `${path}.url`) };
      }),
    },
    bar: {
      enabled: r.bool(bar.enabled),
      items: r.list(bar.items, "bar.items", LIMITS.barItems, (raw, path) => {
        const item = asObj(raw);
        return { icon: r.choice(item.icon, `${path}.icon`, ICONS, "check"), text: r.localized(item.text, `${path}.text`, LIMITS.barText) };
      }),
      trustPageLink: r.bool(bar.trustPageLink),
    },
    partners: {
      enabled: r.bool(partners.enabled),
      heading: r.localized(partners.heading, "partners.heading", LIMITS.heading),
      hiddenCarriers: r.list(partners.hiddenCarriers, "partners.hiddenCarriers", LIMITS.carriers, (raw, path) => r.text(raw, path, LIMITS.carrierName)).filter((name) => name !== ""),
      host: r.text(partners.host, "partners.host", LIMITS.carrierName),
      labels: r.list(partners.labels, "partners.labels", LIMITS.trustLabels, (raw, path) => {
        const label = asObj(raw);
        const kind = r.choice(label.kind, `${path}.kind`, TRUST_LABEL_KINDS, "mediator");
        const name = r.text(label.name, `${path}.name`, LIMITS.carrierName);
        if (label.kind === "mediator" && name === "") r.issue(`${path}.name`, "required");
        // The attestation is worth only its proof: a public page, not a path on the shop itself.
        const proofUrl = r.url(label.proofUrl, `${path}.proofUrl`);
        if (proofUrl === "" || proofUrl.startsWith("/")) r.issue(`${path}.proofUrl`, proofUrl === "" ? "required" : "invalid_url");
        return { kind, name: kind === "mediator" ? name : "", proofUrl, expiresOn: r.date(label.expiresOn, `${path}.expiresOn`) };
      }),
    },
    reviews: {
      enabled: r.bool(reviews.enabled),
      heading: r.localized(reviews.heading, "reviews.heading", LIMITS.heading),
      url: r.url(reviews.url, "reviews.url"),
    },
    store: {
      enabled: r.bool(store.enabled),
      hasStore: r.bool(store.hasStore),
      heading: r.localized(store.heading, "store.heading", LIMITS.heading),
      location: r.text(store.location, "store.location", LIMITS.heading),
      hours: r.localized(store.hours, "store.hours", LIMITS.text),
      photoUrl: r.url(store.photoUrl, "store.photoUrl"),
      photoAlt: r.localized(store.photoAlt, "store.photoAlt", LIMITS.heading),
    },
    trustPage: {
      enabled: r.bool(trustPage.enabled),
      sections: TRUST_PAGE_SECTIONS.filter((section) => asArray(trustPage.sections ?? TRUST_PAGE_SECTIONS).includes(section)),
    },
  };
  const c = config.contact;
  if (c.enabled && !c.email && !c.phone && !c.chatUrl && !c.formUrl) r.issue("contact.email", "required");
  if (JSON.stringify(config).length > LIMITS.configBytes) r.issue("config", "too_large", LIMITS.configBytes);
  return r.issues.length > 0 ? { ok: false, issues: r.issues } : { ok: true, config };
}

// ---------------------------------------------------------------------------
// What the storefront reads
// ---------------------------------------------------------------------------

/** How far ahead holiday dates are published: the Liquid estimate looks at most 90 days ahead. */
export const PUBLISHED_HOLIDAY_DAYS = 400;

export function isStorefrontLive(config: StorefrontConfig): boolean {
  return config.trustPage.enabled || BLOCKS.some((block) => config[block].enabled);
}

/** What the platform itself says about the shop's partners, read when publishing. */
export interface PartnerFacts {
  /** Carrier names on the shop's recent shipments, as the platform records them. */
  carriers: string[];
  /** "Shopify" on Shopify; on WooCommerce the host the merchant names (may be empty). */
  host: string;
}

const NO_PARTNER_FACTS: PartnerFacts = { carriers: [], host: "" };

/** The observed carriers minus the ones the merchant hides (compared without case). */
export function publishedCarriers(observed: string[], hidden: string[]): string[] {
  const hide = new Set(hidden.map((name) => name.toLowerCase()));
  const seen = new Set<string>();
  return observed.filter((name) => {
    const key = name.toLowerCase();
    if (hide.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The location the store block shows: the one the merchant named, else the first. */
export function chooseStoreLocation(locations: StoreLocation[], name: string): StoreLocation | null {
  return locations.find((l) => l.name === name) ?? (name === "" ? (locations[0] ?? null) : null);
}

/** The store block as published: nothing unless the merchant has a store and the platform its address. */
function publishedStore(config: StorefrontConfig["store"], location: StoreLocation | null) {
  if (!config.enabled || !config.hasStore || !location) return { enabled: false };
  const lines = [location.address1, location.address2, [location.zip, location.city].filter(Boolean).join(" ")].filter((line): line is string => !!line);
  // A search link, not a map: no script and no third-party request until the shopper clicks.
  const query = [...lines, location.countryCode].filter(Boolean).join(", ");
  return {
    enabled: true,
    heading: config.heading,
    name: location.name,
    address_lines: lines,
    directions_url: `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}`,
    hours: config.hours,
    photo_url: config.photoUrl,
    photo_alt: config.photoAlt,
  };
}

/**
 * What publishing read besides the merchant's configuration; each fact left out is "not known"
 * (the block or line it backs is then left out, never assumed).
 */
export interface PublishingFacts {
  /** The register-confirmed identity the legal block may show (app/legal/company-badge.server.ts); null when the latest scan does not back it. */
  company?: CompanyBadge | null;
  partners?: PartnerFacts;
  /** The shop's store location the store block shows (chooseStoreLocation). */
  store?: StoreLocation | null;
  /** The last finished scan the trust page states (app/trust-page/published.ts). */
  trustScan?: TrustScan | null;
  /** The shop's free-shipping threshold as last read (app/storefront/shipping-backing.ts): a shipping promise's amount is published only when it backs it. */
  shipping?: ShippingBacking | null;
}

/**
 * The JSON published to the storefront (snake_case, as Liquid and PHP read it). Holidays are
 * expanded into dates from `now` on; republishing refreshes them (the admin warns when the
 * published list runs short).
 */
export function toPublishedConfig(config: StorefrontConfig, version: number, now: Date, timeZone: string, facts: PublishingFacts = {}) {
  const { company = null, partners = NO_PARTNER_FACTS, store = null, trustScan = null, shipping = null } = facts;
  const today = localDateTime(now, timeZone).date;
  const { delivery: dl } = config;
  return {
    version,
    published_at: now.toISOString(),
    holidays_until: addDays(today, PUBLISHED_HOLIDAY_DAYS),
    payment: config.payment,
    promises: {
      enabled: config.promises.enabled,
      heading: config.promises.heading,
      items: config.promises.items.map((i) => {
        // The amount only when the shop's shipping settings back it, with the day they were read (the trust page cites them).
        const freeFrom = i.kind === "shipping" ? backedFreeFrom(i.freeFrom, shipping) : 0;
        const checkedOn = freeFrom > 0 && shipping ? spelledDate(shipping.checkedAt, timeZone) : null;
        return { kind: i.kind, icon: i.icon, title: i.title, text: i.text, free_from: freeFrom, free_from_checked_on: checkedOn, days: i.days };
      }),
    },
    delivery: {
      enabled: dl.enabled,
      heading: dl.heading,
      note: dl.note,
      processing_days: dl.processingDays,
      cutoff: dl.cutoff,
      cutoff_minutes: Number(dl.cutoff.slice(0, 2)) * 60 + Number(dl.cutoff.slice(3, 5)),
      transit_min: dl.transitMin,
      transit_max: dl.transitMax,
      ship_days: dl.shipDays.join(""),
      delivery_days: dl.deliveryDays.join(""),
      holidays: holidaysBetween(dl.holidayCalendars, addDays(today, -1), addDays(today, PUBLISHED_HOLIDAY_DAYS)),
    },
    contact: {
      enabled: config.contact.enabled,
      heading: config.contact.heading,
      email: config.contact.email,
      phone: config.contact.phone,
      chat_url: config.contact.chatUrl,
      form_url: config.contact.formUrl,
      hours: config.contact.hours,
    },
    legal: {
      enabled: config.legal.enabled,
      heading: config.legal.heading,
      withdrawal_form_url: config.legal.withdrawalFormUrl,
      links: config.legal.links,
    },
    company,
    bar: {
      enabled: config.bar.enabled,
      items: config.bar.items,
      // The link only while the page it points to is published.
      trust_page_link: config.bar.trustPageLink && config.trustPage.enabled,
    },
    partners: {
      enabled: config.partners.enabled,
      heading: config.partners.heading,
      carriers: publishedCarriers(partners.carriers, config.partners.hiddenCarriers).slice(0, LIMITS.carriers),
      host: partners.host,
      labels: config.partners.labels.map((l) => ({ kind: l.kind, name: l.name, proof_url: l.proofUrl, expires_on: l.expiresOn })),
    },
    reviews: config.reviews,
    store: publishedStore(config.store, store),
    trust_page: publishedTrustPage(config.trustPage, trustScan),
  };
}

export type PublishedStorefrontConfig = ReturnType<typeof toPublishedConfig>;
