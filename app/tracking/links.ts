/**
 * Platform-neutral tracking links: the one function both platforms (Shopify fulfillments,
 * WooCommerce orders) and the storefront lookup call to turn a number into a carrier link.
 */
import { confidentCarrier, detectCarriers } from "./detect";
import { carrierById, carrierByName, shopifyCompanyFor, type Carrier } from "./registry";
import { normaliseTrackingNumber, type NumberProblem } from "./tracking-number";
import { fillTemplate } from "./url-template";

export interface LinkContext {
  /** Destination country, ISO 3166-1 alpha-2. */
  country?: string | null;
  postcode?: string | null;
  /** Shopper/merchant language for carriers whose page takes one ("en", "fr"). */
  locale?: string | null;
}

export function carrierUrl(carrier: Pick<Carrier, "url" | "urlWithDestination">, number: string, context: LinkContext = {}): string {
  const locale = (context.locale ?? "en").slice(0, 2).toLowerCase();
  const destination = carrier.urlWithDestination && context.postcode && context.country;
  return fillTemplate(destination ? carrier.urlWithDestination! : carrier.url, {
    number,
    locale: /^[a-z]{2}$/.test(locale) ? locale : "en",
    postcode: context.postcode?.replace(/\s+/g, "").toUpperCase() ?? "",
    country: context.country?.toUpperCase() ?? "",
  });
}

export interface TrackingLink {
  carrierId: string;
  carrierName: string;
  /** What to send as Shopify's tracking company. */
  shopifyCompany: string;
  number: string;
  url: string;
  /** "named": the hint named the carrier; "detected": recognised from the number. */
  basis: "named" | "detected";
  confidence: number;
}

export type TrackingLinkResult = { ok: true; link: TrackingLink } | { ok: false; problem: NumberProblem | "unknown-carrier" | "ambiguous" };

/**
 * A link for `number`. `carrierHint` is a registry id or a carrier name as people write it
 * ("colissimo", "DHL Express"); without a usable hint the number itself decides, and only
 * a clear winner is accepted.
 */
export function buildTrackingLink(number: string, carrierHint?: string | null, country?: string | null, context: Omit<LinkContext, "country"> = {}): TrackingLinkResult {
  const normalised = normaliseTrackingNumber(number);
  if (!normalised.ok) return { ok: false, problem: normalised.problem };
  const linkContext = { ...context, country };
  const named = carrierHint ? (carrierById(carrierHint) ?? carrierByName(carrierHint)) : undefined;
  if (named) {
    return { ok: true, link: linkFor(named, normalised.value, "named", 1, linkContext) };
  }
  const detection = detectCarriers(normalised.value, { country });
  const winner = confidentCarrier(detection);
  if (!winner) return { ok: false, problem: detection.ok && detection.ambiguous ? "ambiguous" : "unknown-carrier" };
  return { ok: true, link: linkFor(winner.carrier, normalised.value, "detected", winner.confidence, linkContext) };
}

function linkFor(carrier: Carrier, number: string, basis: TrackingLink["basis"], confidence: number, context: LinkContext): TrackingLink {
  return {
    carrierId: carrier.id,
    carrierName: carrier.name,
    shopifyCompany: shopifyCompanyFor(carrier),
    number,
    url: carrierUrl(carrier, number, context),
    basis,
    confidence,
  };
}
