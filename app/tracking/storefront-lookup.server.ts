/**
 * "Track my order" on the storefront: a shopper gives an order number and the order's e-mail
 * and gets carrier links. Built so it cannot be used to learn anything else: a wrong e-mail and
 * an unknown order get the same answer, attempts are limited per client, per address and per shop
 * (with a penalty for guessing on an order under attack: app/tracking/rate-limit.ts), and every
 * shopper-supplied character is escaped — for HTML and for Liquid, since Shopify
 * renders an app proxy's answer as Liquid.
 */
import type { OrderItemLine, OrderTracking, PlatformAdapter, Shipment } from "../../adapters/types";
import { translator, type Locale } from "../i18n";
import { escapeHtml } from "../storefront/html-escape";
import { readBlockStylesheet } from "../storefront/extension-sources.server";

// The theme extension's stylesheet, inlined: an app proxy answer is drawn in the theme without
// the extension's assets, and shoppers should see the same form they saw in the block.
let blockStylesheet: string | undefined;
import { planShipment, type CarrierChoices } from "./plan";
import { sharedLimits } from "../limits/shared-store.server";
import { LookupLimits, type LimitedClient } from "./rate-limit";

export interface Parcel {
  carrier: string | null;
  number: string;
  url: string | null;
}

/** Where the order stands, as one word the page turns into a sentence. */
export type OrderStatus = "not-shipped" | "partly-shipped" | "shipped" | "delivered" | "cancelled" | "cancelled-refunded" | "refunded";

/** One parcel sent: what is in it, whether it arrived, and its tracking links (none when sent without a number). */
export interface ParcelView {
  items: OrderItemLine[];
  delivered: boolean;
  tracking: Parcel[];
}

export type LookupOutcome =
  | { kind: "found"; orderName: string; status: OrderStatus; shipments: ParcelView[]; unshipped: OrderItemLine[]; parcels: Parcel[] }
  | { kind: "not-found" }
  | { kind: "invalid" }
  | { kind: "too-many"; retryAfter: number }
  | { kind: "unavailable" };

export const lookupLimits = new LookupLimits(sharedLimits);

export interface LookupInput {
  shop: string;
  client: LimitedClient;
  order: string;
  email: string;
}

const ORDER_NAME = /^#?[A-Za-z0-9-]{1,32}$/;
const EMAIL = /^[^\s@<>"'{}]{1,128}@[^\s@<>"'{}]{1,125}\.[^\s@<>"'{}]{2,}$/;

export function validLookupInput(order: string, email: string): boolean {
  return ORDER_NAME.test(order.trim()) && email.trim().length <= 254 && EMAIL.test(email.trim());
}

/** A platform that only lists shipments (WooCommerce today): every parcel sent, nothing known about items or delivery. */
function trackingFromShipments(orderName: string, shipments: Shipment[]): OrderTracking {
  const sent = shipments.filter((shipment) => shipment.status !== "CANCELLED");
  return { orderName, cancelled: false, refunded: false, unshipped: [], shipments: sent.map((shipment) => ({ ...shipment, items: [], delivered: false })) };
}

function statusOf(order: OrderTracking): OrderStatus {
  if (order.cancelled) return order.refunded ? "cancelled-refunded" : "cancelled";
  if (order.refunded) return "refunded";
  if (order.shipments.length === 0) return "not-shipped";
  if (order.unshipped.length > 0) return "partly-shipped";
  return order.shipments.every((shipment) => shipment.delivered) ? "delivered" : "shipped";
}

function trackingLinks(shipment: Shipment, choices: CarrierChoices): Parcel[] {
  const plan = planShipment(shipment, choices);
  return shipment.tracking.flatMap((tracking, index): Parcel[] => {
    if (!tracking.number) return [];
    // The plan judges the first number (the one Rassure can rewrite); other numbers keep the shop's own link.
    const url = index === 0 ? (plan.action === "update" ? plan.url : plan.status === "ok" ? tracking.url : null) : tracking.url;
    return [{ carrier: (index === 0 ? plan.carrier?.name : null) ?? tracking.company, number: tracking.number, url }];
  });
}

export async function lookupOrderParcels(input: LookupInput, adapter: PlatformAdapter | null, choices: CarrierChoices): Promise<LookupOutcome> {
  if (!validLookupInput(input.order, input.email)) return { kind: "invalid" };
  const wait = await lookupLimits.admit(input.shop, input.client);
  if (wait) return { kind: "too-many", retryAfter: Math.ceil(wait.retryAfterMs / 1000) };
  if (!adapter) return { kind: "unavailable" };
  const order = input.order.trim();
  const email = input.email.trim();
  let tracking: OrderTracking | null;
  try {
    if (adapter.findOrderTracking) tracking = await adapter.findOrderTracking(order, email);
    else {
      const shipments = await adapter.findOrderShipments(order, email);
      tracking = shipments && trackingFromShipments(order.replace(/^#?/, "#"), shipments);
    }
  } catch {
    return { kind: "unavailable" };
  }
  if (!tracking) {
    await lookupLimits.recordMiss(input.shop, input.order, input.client);
    return { kind: "not-found" };
  }
  const shipments = tracking.shipments.map((shipment) => ({ items: shipment.items, delivered: shipment.delivered, tracking: trackingLinks(shipment, choices) }));
  return {
    kind: "found",
    orderName: tracking.orderName,
    status: statusOf(tracking),
    shipments,
    unshipped: tracking.unshipped,
    parcels: shipments.flatMap((shipment) => shipment.tracking),
  };
}

/** HTML-escapes, and neutralises Liquid delimiters so shopper input is never evaluated by Shopify. */
export function escapeForLiquid(value: string): string {
  return escapeHtml(value).replace(/\{/g, "&#123;").replace(/\}/g, "&#125;");
}

const SAFE_LINK = /^https?:\/\//i;

type Translate = ReturnType<typeof translator>;

const STATUS_TEXT: Record<OrderStatus, Parameters<Translate>[0]> = {
  "not-shipped": "tracking.lookup.notShipped",
  "partly-shipped": "tracking.lookup.partlyShipped",
  shipped: "tracking.lookup.shipped",
  delivered: "tracking.lookup.delivered",
  cancelled: "tracking.lookup.cancelled",
  "cancelled-refunded": "tracking.lookup.cancelledRefunded",
  refunded: "tracking.lookup.refunded",
};

function itemList(items: OrderItemLine[], t: Translate): string {
  return items.map((item) => t("tracking.lookup.item", { quantity: String(item.quantity), name: item.name })).join(", ");
}

function renderTrackingLink(parcel: Parcel, t: Translate): string {
  const e = escapeForLiquid;
  const carrierName = parcel.carrier ?? t("tracking.lookup.carrierUnknown");
  const link = parcel.url && SAFE_LINK.test(parcel.url)
    ? `<a class="rassure__link" href="${e(parcel.url)}" target="_blank" rel="noopener noreferrer">${e(t("tracking.lookup.track", { carrier: carrierName }))}</a>`
    : `<span class="rassure__detail">${e(t("tracking.lookup.noLink"))}</span>`;
  return `<span class="rassure__detail">${e(carrierName)} · ${e(parcel.number)}</span>${link}`;
}

/** The order's state in one sentence, then each parcel (contents, delivered or not, links), then what is still to ship. */
function renderFoundOrder(outcome: Extract<LookupOutcome, { kind: "found" }>, t: Translate): string {
  const e = escapeForLiquid;
  const total = outcome.shipments.length;
  const parcels = outcome.shipments.map((shipment, index) => {
    const parts = [
      `<span class="rassure__label">${total > 1 ? `${e(t("tracking.lookup.parcel", { n: String(index + 1), total: String(total) }))} · ` : ""}${e(t(shipment.delivered ? "tracking.lookup.parcelDelivered" : "tracking.lookup.parcelSent"))}</span>`,
      shipment.items.length ? `<span class="rassure__detail">${e(t("tracking.lookup.contains", { items: itemList(shipment.items, t) }))}</span>` : "",
      ...(shipment.tracking.length ? shipment.tracking.map((parcel) => renderTrackingLink(parcel, t)) : [`<span class="rassure__detail">${e(t("tracking.lookup.noTracking"))}</span>`]),
    ];
    return `<li class="rassure__item"><span class="rassure__body">${parts.join("")}</span></li>`;
  });
  const unshipped = outcome.unshipped.length && !outcome.status.startsWith("cancelled")
    ? `<p class="rassure__detail">${e(t("tracking.lookup.stillToShip", { items: itemList(outcome.unshipped, t) }))}</p>`
    : "";
  return `<h3 class="rassure__label">${e(t("tracking.lookup.found", { order: outcome.orderName }))}</h3>`
    + `<p class="rassure__detail" data-status="${outcome.status}">${e(t(STATUS_TEXT[outcome.status]))}</p>`
    + (parcels.length ? `<ul class="rassure__list">${parcels.join("")}</ul>` : "")
    + unshipped;
}

/** The answer page: the outcome, then the form again (it works with no JavaScript at all). */
export function renderLookupPage(outcome: LookupOutcome | null, locale: Locale, values: { order: string; email: string }, formAction: string, clientToken?: string): string {
  const t = translator(locale);
  const e = escapeForLiquid;
  let message = "";
  if (outcome?.kind === "found") {
    message = renderFoundOrder(outcome, t);
  } else if (outcome) {
    const text = {
      "not-found": t("tracking.lookup.notFound"),
      invalid: t("tracking.lookup.invalid"),
      "too-many": t("tracking.lookup.tooMany", { minutes: Math.max(1, Math.ceil((outcome.kind === "too-many" ? outcome.retryAfter : 60) / 60)) }),
      unavailable: t("tracking.lookup.unavailable"),
    }[outcome.kind];
    message = `<p class="rassure__detail" role="alert">${e(text)}</p>`;
  }
  blockStylesheet ??= readBlockStylesheet();
  return `<style>${blockStylesheet}</style>
<section class="rassure rassure--track-order" aria-labelledby="rassure-track-title">
<h2 class="rassure__title" id="rassure-track-title">${e(t("tracking.lookup.title"))}</h2>
<div aria-live="polite">${message}</div>
<form class="rassure__form" action="${e(formAction)}" method="post">
<p class="rassure__detail">${e(t("tracking.lookup.intro"))}</p>
<input type="hidden" name="locale" value="${locale}">${clientToken ? `<input type="hidden" name="client" value="${e(clientToken)}">` : ""}
<p class="rassure__item"><label class="rassure__label" for="rassure-track-order">${e(t("tracking.lookup.order"))}</label><input id="rassure-track-order" name="order" type="text" required maxlength="32" autocomplete="off" value="${e(values.order.slice(0, 32))}"></p>
<p class="rassure__item"><label class="rassure__label" for="rassure-track-email">${e(t("tracking.lookup.email"))}</label><input id="rassure-track-email" name="email" type="email" required maxlength="254" autocomplete="email" value="${e(values.email.slice(0, 254))}"></p>
<p><button class="rassure__button" type="submit">${e(t("tracking.lookup.submit"))}</button></p>
</form>
</section>`;
}
