/**
 * What to do about one shipment's tracking: a pure decision from what the platform holds,
 * the registry, and the merchant's overrides and custom carriers. The rules:
 * - no number → nothing to link (status "missing-number");
 * - a URL the merchant set that is a well-formed http(s) link carrying the number is never replaced;
 * - a missing or broken URL gets the carrier's link; a company Shopify cannot read (misspelt,
 *   unknown, empty) gets the carrier's exact name, when we know the carrier for sure.
 */
import type { Shipment, ShipmentTracking } from "../../adapters/types";
import { confidentCarrier, detectCarriers } from "./detect";
import { carrierUrl, type LinkContext } from "./links";
import { carrierById, carrierByName, nameKey, shopifyCompanyFor } from "./registry";
import { normaliseTrackingNumber } from "./tracking-number";
import { fillTemplate } from "./url-template";

export interface CustomCarrierDef {
  id: string;
  name: string;
  urlTemplate: string;
}

export interface CarrierChoices {
  /** nameKey(company) → "registry:<id>" | "custom:<id>" */
  overrides: ReadonlyMap<string, string>;
  customCarriers: readonly CustomCarrierDef[];
}

export const NO_CHOICES: CarrierChoices = { overrides: new Map(), customCarriers: [] };

export type FixReason = "missing-url" | "wrong-url" | "unknown-company" | "company-spelling";
export type TrackingStatus = "ok" | "missing-number" | "invalid-number" | "unknown-carrier" | "needs-fix" | "cancelled" | "several-parcels";

export interface ResolvedCarrier {
  ref: string;
  name: string;
  /** The company to write to the platform. */
  company: string;
  url: string;
  how: "override" | "custom" | "named" | "detected";
  /** Spellings that already name this carrier correctly (case-sensitive): left as they are. */
  names: string[];
}

export type TrackingPlan =
  | { action: "none"; status: Exclude<TrackingStatus, "needs-fix">; carrier: ResolvedCarrier | null }
  | { action: "update"; status: "needs-fix"; carrier: ResolvedCarrier; company: string; number: string; url: string; reasons: FixReason[] };

/** "Other" (Shopify's own word for a carrier it does not know) names no carrier. */
const NAMELESS = new Set(["", "other", "autre", "unknown", "none"]);

function carrierFromRef(ref: string, number: string, choices: CarrierChoices, context: LinkContext, how: ResolvedCarrier["how"]): ResolvedCarrier | null {
  const [kind, id] = ref.split(":", 2);
  if (kind === "registry") {
    const carrier = carrierById(id);
    if (!carrier) return null;
    const names = [carrier.shopifyName, carrier.name, ...carrier.aliases].filter((n): n is string => n !== null);
    return { ref, name: carrier.name, company: shopifyCompanyFor(carrier), url: carrierUrl(carrier, number, context), how, names };
  }
  const custom = choices.customCarriers.find((c) => c.id === id);
  return custom ? { ref, name: custom.name, company: custom.name, url: fillTemplate(custom.urlTemplate, { number, locale: context.locale ?? "en" }), how, names: [custom.name] } : null;
}

export function resolveCarrier(company: string | null, number: string, choices: CarrierChoices, context: LinkContext = {}): ResolvedCarrier | null {
  const key = nameKey(company ?? "");
  const override = key ? choices.overrides.get(key) : undefined;
  if (override) return carrierFromRef(override, number, choices, context, "override");
  const custom = key ? choices.customCarriers.find((c) => nameKey(c.name) === key) : undefined;
  if (custom) return carrierFromRef(`custom:${custom.id}`, number, choices, context, "custom");
  const named = carrierByName(company);
  if (named) return carrierFromRef(`registry:${named.id}`, number, choices, context, "named");
  const winner = confidentCarrier(detectCarriers(number, { country: context.country }));
  return winner ? carrierFromRef(`registry:${winner.carrier.id}`, number, choices, context, "detected") : null;
}

/** A link the merchant (or their logistics app) set that we must leave alone. */
export function isUsableTrackingUrl(url: string | null, number: string): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return false;
  let decoded = url;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    // keep the raw form
  }
  const haystack = decoded.toUpperCase().replace(/[\s-]/g, "");
  return haystack.includes(number);
}

export function planTracking(tracking: ShipmentTracking | undefined, choices: CarrierChoices, context: LinkContext = {}): TrackingPlan {
  if (!tracking?.number?.trim()) return { action: "none", status: "missing-number", carrier: null };
  const normalised = normaliseTrackingNumber(tracking.number);
  if (!normalised.ok) return { action: "none", status: "invalid-number", carrier: null };
  const number = normalised.value;
  const company = tracking.company?.trim() || null;
  const urlIsGood = isUsableTrackingUrl(tracking.url, number);
  const carrier = resolveCarrier(company && !NAMELESS.has(company.toLowerCase()) ? company : null, number, choices, context);
  if (!carrier) return { action: "none", status: urlIsGood ? "ok" : "unknown-carrier", carrier: null };

  const reasons: FixReason[] = [];
  if (!urlIsGood) reasons.push(tracking.url ? "wrong-url" : "missing-url");
  // A carrier Shopify does not list is written as "Other" only when the merchant named nothing.
  const companyIsFine = company !== null && (carrier.names.includes(company) || (carrier.company === "Other" && carrier.how !== "detected"));
  if (!companyIsFine) {
    reasons.push(company && carrier.names.some((n) => nameKey(n) === nameKey(company)) ? "company-spelling" : "unknown-company");
  }
  if (reasons.length === 0) return { action: "none", status: "ok", carrier };
  return {
    action: "update",
    status: "needs-fix",
    carrier,
    company: companyIsFine ? company! : carrier.company,
    // The number is written back as the platform holds it: we fix links, not labels.
    number: tracking.number.trim(),
    url: urlIsGood ? tracking.url! : carrier.url,
    reasons,
  };
}

/** Only single-parcel shipments are rewritten: several numbers share one company and we fix one link. */
export function planShipment(shipment: Shipment, choices: CarrierChoices, context: Omit<LinkContext, "country"> = {}): TrackingPlan {
  if (shipment.status === "CANCELLED") return { action: "none", status: "cancelled", carrier: null };
  // The mutation takes one number: writing it would drop the fulfillment's other parcels.
  if (shipment.tracking.filter((t) => t.number).length > 1) return { action: "none", status: "several-parcels", carrier: null };
  return planTracking(shipment.tracking[0], choices, { ...context, country: shipment.destinationCountry });
}
