/**
 * fulfillmentTrackingInfoUpdate: replaces a fulfillment's tracking info.
 * Like Shopify, when the company is one Shopify knows (names are
 * case-sensitive) and no URL is given, a tracking URL is built from the number
 * (for a handful of carriers here); otherwise the URL stays empty. After a
 * change, fulfillments/update is delivered if the app subscribes to it.
 */
import { getSupportedTrackingCompanies } from "../schema";
import { findFulfillment, isoNow } from "../state";
import type { TrackingInfoRecord } from "../types";
import { queueAutomaticWebhook } from "../webhooks";
import { fulfillmentWebhookPayload } from "../webhook-payloads";
import { optBoolean, optString, type Args, type ResolverContext, type ResolverMap } from "./common";

/** Tracking pages for carriers whose URL this store builds like Shopify does. */
export const TRACKING_URL_BUILDERS: Record<string, (number: string) => string> = {
  Colissimo: (n) => `https://www.laposte.fr/outils/suivre-vos-envois?code=${encodeURIComponent(n)}`,
  "La Poste Colissimo": (n) => `https://www.laposte.fr/outils/suivre-vos-envois?code=${encodeURIComponent(n)}`,
  Chronopost: (n) => `https://www.chronopost.fr/tracking-no-cms/suivi-page?listeNumerosLT=${encodeURIComponent(n)}`,
  UPS: (n) => `https://www.ups.com/track?tracknum=${encodeURIComponent(n)}`,
  "DHL Express": (n) => `https://www.dhl.com/en/express/tracking.html?AWB=${encodeURIComponent(n)}`,
};

export function buildTrackingUrl(company: string | null, number: string | null): string | null {
  if (!company || !number) return null;
  if (!getSupportedTrackingCompanies().has(company)) return null;
  return TRACKING_URL_BUILDERS[company]?.(number) ?? null;
}

function isValidTrackingUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

interface UserError {
  field: string[];
  message: string;
}

function stringList(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (value === null) return [];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string" && v.trim() !== "");
}

function fulfillmentTrackingInfoUpdate(_root: unknown, args: Args, ctx: ResolverContext) {
  const state = ctx.store.state;
  const found = findFulfillment(state, args.fulfillmentId);
  if (!found) {
    return { fulfillment: null, userErrors: [{ field: ["fulfillmentId"], message: "Fulfillment does not exist." }] };
  }
  const { order, fulfillment } = found;
  const input = (args.trackingInfoInput ?? {}) as Record<string, unknown>;
  const userErrors: UserError[] = [];
  if (fulfillment.status === "CANCELLED") {
    userErrors.push({ field: ["fulfillmentId"], message: "Cannot update the tracking info of a cancelled fulfillment." });
  }
  if (input.number != null && input.numbers != null) {
    userErrors.push({ field: ["trackingInfoInput"], message: "You can specify either number or numbers, not both." });
  }
  if (input.url != null && input.urls != null) {
    userErrors.push({ field: ["trackingInfoInput"], message: "You can specify either url or urls, not both." });
  }
  const numbers = input.numbers != null ? stringList(input.numbers) : stringList(input.number);
  const urls = input.urls != null ? stringList(input.urls) : stringList(input.url);
  for (const url of urls ?? []) {
    if (!isValidTrackingUrl(url)) {
      userErrors.push({ field: ["trackingInfoInput", input.urls != null ? "urls" : "url"], message: `Tracking url "${url}" is not a valid URL.` });
    }
  }
  if (userErrors.length > 0) return { fulfillment: null, userErrors };

  const existing = fulfillment.trackingInfo;
  const existingCompany = existing[0]?.company ?? null;
  const company = "company" in input ? (optString(input.company)?.trim() || null) : existingCompany;
  const existingNumbers = existing.map((t) => t.number).filter((n): n is string => n !== null);
  const finalNumbers = numbers ?? existingNumbers;
  const unchanged =
    company === existingCompany &&
    finalNumbers.length === existingNumbers.length &&
    finalNumbers.every((n, i) => n === existingNumbers[i]);

  let trackingInfo: TrackingInfoRecord[] = finalNumbers.map((number, index) => {
    let url: string | null = urls ? (urls[index] ?? null) : unchanged ? (existing[index]?.url ?? null) : null;
    url ??= buildTrackingUrl(company, number);
    return { company, number, url };
  });
  if (trackingInfo.length === 0 && (company || (urls && urls.length > 0))) {
    trackingInfo = [{ company, number: null, url: urls?.[0] ?? null }];
  }

  const now = isoNow();
  fulfillment.trackingInfo = trackingInfo;
  fulfillment.updatedAt = now;
  order.updatedAt = now;
  if (optBoolean(args.notifyCustomer) === true) {
    state.customerNotifications.push({
      kind: "shipping_update",
      orderId: order.id,
      fulfillmentId: fulfillment.id,
      email: order.email,
      sentAt: now,
    });
  }
  ctx.store.log(
    `tracking of ${fulfillment.name} set to ${JSON.stringify(trackingInfo)}${optBoolean(args.notifyCustomer) ? " (customer notified)" : ""}`,
  );
  queueAutomaticWebhook(ctx.store, "fulfillments/update", () => fulfillmentWebhookPayload(ctx.store, order, fulfillment));
  return { fulfillment, userErrors: [] };
}

export const fulfillmentTrackingResolvers: ResolverMap = {
  Mutation: {
    fulfillmentTrackingInfoUpdate,
    fulfillmentTrackingInfoUpdateV2: fulfillmentTrackingInfoUpdate,
  },
};
