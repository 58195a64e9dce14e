/**
 * The alert vocabulary shared by the evaluation, the e-mails, the delivery and the admin:
 * which conditions exist, what each alert carries, and the states of its delivery.
 */
import type { Grade } from "../checklist/types";

export type { Grade };

export const ALERT_KINDS = ["certificate-expiry", "storefront-down", "grade-drop"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export function isAlertKind(value: unknown): value is AlertKind {
  return typeof value === "string" && (ALERT_KINDS as readonly string[]).includes(value);
}

/** What one alert says; stored as JSON with the alert, rendered into the e-mail. */
export type AlertFacts =
  | { kind: "certificate-expiry"; origin: string; validTo: string; daysLeft: number }
  | { kind: "storefront-down"; origin: string; error: string | null; since: string; probes: number }
  | { kind: "grade-drop"; fromGrade: Grade; toGrade: Grade; fromScore: number | null; toScore: number | null; regressedItems: string[] }
  /** "Send a test e-mail" in Settings. */
  | { kind: "test" };

export type AlertFactsKind = AlertFacts["kind"];

/**
 * pending: queued, goes out now; deferred: waits for the end of quiet hours; retrying: the
 * mail server failed, the queue tries again; sent; failed: the queue gave up (tried again after
 * the next scan); muted: the merchant turned this kind off; unsent: recorded only (no mail
 * server configured, or no address to send to).
 */
export const DELIVERY_STATUSES = ["pending", "deferred", "retrying", "sent", "failed", "muted", "unsent"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** The checklist item each alert points to (grade-drop: the first item that got worse). */
export const ITEM_OF_KIND: Record<Exclude<AlertKind, "grade-drop">, string> = {
  "certificate-expiry": "sec-tls-expiry",
  "storefront-down": "ops-uptime-monitoring",
};

/** Why an alert was recorded but not sent (shown translated in the admin); other reasons are the mail server's words. */
export const UNSENT_REASONS = ["noSmtp", "noRecipient", "uninstalled"] as const;
export type UnsentReason = (typeof UNSENT_REASONS)[number];
