/**
 * "Track my order" on the storefront: a shopper gives an order number and the order's e-mail
 * and gets carrier links. Built so it cannot be used to learn anything else: a wrong e-mail and
 * an unknown order get the same answer, attempts are limited per client, per address and per shop
 * (with a penalty for guessing on an order under attack: app/tracking/rate-limit.ts), and every
 * shopper-supplied character is escaped — for HTML and for Liquid, since Shopify
 * renders an app proxy's answer as Liquid.
 */
import type { PlatformAdapter } from "../../adapters/types";
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

export type LookupOutcome =
  | { kind: "found"; orderName: string; parcels: Parcel[] }
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

export async function lookupOrderParcels(input: LookupInput, adapter: PlatformAdapter | null, choices: CarrierChoices): Promise<LookupOutcome> {
  if (!validLookupInput(input.order, input.email)) return { kind: "invalid" };
  const wait = await lookupLimits.admit(input.shop, input.client);
  if (wait) return { kind: "too-many", retryAfter: Math.ceil(wait.retryAfterMs / 1000) };
  if (!adapter) return { kind: "unavailable" };
  let shipments;
  try {
    shipments = await adapter.findOrderShipments(input.order.trim(), input.email.trim());
  } catch {
    return { kind: "unavailable" };
  }
  if (!shipments) {
    await lookupLimits.recordMiss(input.shop, input.order, input.client);
    return { kind: "not-found" };
  }
  const parcels = shipments.flatMap((shipment): Parcel[] => {
    const tracking = shipment.tracking[0];
    if (shipment.status === "CANCELLED" || !tracking?.number) return [];
    const plan = planShipment(shipment, choices);
    const url = plan.action === "update" ? plan.url : plan.status === "ok" ? tracking.url : null;
    return [{ carrier: plan.carrier?.name ?? tracking.company, number: tracking.number, url }];
  });
  return { kind: "found", orderName: input.order.trim().replace(/^#?/, "#"), parcels };
}

/** HTML-escapes, and neutralises Liquid delimiters so shopper input is never evaluated by Shopify. */
export function escapeForLiquid(value: string): string {
  return escapeHtml(value).replace(/\{/g, "&#123;").replace(/\}/g, "&#125;");
}

const SAFE_LINK = /^https?:\/\//i;

/** The answer page: the outcome, then the form again (it works with no JavaScript at all). */
export function renderLookupPage(outcome: LookupOutcome | null, locale: Locale, values: { order: string; email: string }, formAction: string, clientToken?: string): string {
  const t = translator(locale);
  const e = escapeForLiquid;
  let message = "";
  if (outcome?.kind === "found") {
    const items = outcome.parcels.map((p) => {
      const carrier = e(p.carrier ?? t("tracking.lookup.carrierUnknown"));
      const link = p.url && SAFE_LINK.test(p.url)
        ? `<a class="rassure__link" href="${e(p.url)}" target="_blank" rel="noopener noreferrer">${e(t("tracking.lookup.track", { carrier: p.carrier ?? t("tracking.lookup.carrierUnknown") }))}</a>`
        : `<span class="rassure__detail">${e(t("tracking.lookup.noLink"))}</span>`;
      return `<li class="rassure__item"><span class="rassure__body"><span class="rassure__label">${carrier} · ${e(p.number)}</span>${link}</span></li>`;
    });
    message = `<h3 class="rassure__label">${e(t("tracking.lookup.found", { order: outcome.orderName }))}</h3>${items.length ? `<ul class="rassure__list">${items.join("")}</ul>` : `<p class="rassure__detail">${e(t("tracking.lookup.notShipped"))}</p>`}`;
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
