/**
 * The carrier registry: a versioned data file (carriers.data.json) checked once at load, and
 * the lookups the rest of the tracking feature uses. Platform-neutral: no Shopify, no Prisma.
 */
import data from "./carriers.data.json";
import { isCheckDigitName, type CheckDigitName } from "./check-digits";
import { templateProblem } from "./url-template";

export interface NumberPattern {
  regex: RegExp;
  /** Evidence this pattern gives on its own, 0–1 (a check digit that holds is strong evidence). */
  weight: number;
  label: string;
  check?: CheckDigitName;
}

export interface Carrier {
  id: string;
  /** Display name. */
  name: string;
  /** The company name exactly as Shopify lists it (case-sensitive), or null when Shopify does not know the carrier. */
  shopifyName: string | null;
  aliases: string[];
  region: string;
  /** ISO 3166-1 alpha-2 destinations the carrier serves; "*" for worldwide. */
  countries: string[];
  /** https template with {number}, optionally {locale}. */
  url: string;
  /** Better template when the destination is known: may use {postcode} and {country}. */
  urlWithDestination?: string;
  patterns: NumberPattern[];
  samples: { valid: string[]; invalid: string[] };
}

interface RawCarrier extends Omit<Carrier, "patterns"> {
  patterns: Array<{ regex: string; weight: number; label: string; check?: string }>;
}

export const REGISTRY_VERSION: string = data.version;

function loadCarrier(raw: RawCarrier): Carrier {
  const where = `carrier "${raw.id}"`;
  for (const template of [raw.url, raw.urlWithDestination]) {
    const problem = template === undefined ? null : templateProblem(template);
    if (problem) throw new Error(`Carrier registry ${REGISTRY_VERSION}: ${where}: ${problem}`);
  }
  const patterns = raw.patterns.map((p) => {
    if (p.check !== undefined && !isCheckDigitName(p.check)) throw new Error(`Carrier registry: ${where}: unknown check "${p.check}"`);
    if (!(p.weight > 0 && p.weight <= 1)) throw new Error(`Carrier registry: ${where}: weight must be in (0, 1]`);
    return { regex: new RegExp(p.regex), weight: p.weight, label: p.label, ...(p.check ? { check: p.check as CheckDigitName } : {}) };
  });
  return { ...raw, patterns };
}

export const CARRIERS: readonly Carrier[] = Object.freeze((data.carriers as RawCarrier[]).map(loadCarrier));

const byId = new Map(CARRIERS.map((c) => [c.id, c]));

/** Case-, accent- and punctuation-insensitive key, so "colissimo", "Colis Prive" and "COLIS PRIVÉ" all match. */
export function nameKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

const byName = new Map<string, Carrier>();
for (const carrier of CARRIERS) {
  for (const name of [carrier.name, carrier.shopifyName, ...carrier.aliases]) {
    if (!name) continue;
    const key = nameKey(name);
    // First writer wins: "Amazon" belongs to Amazon Logistics, not to the UK entry that aliases it.
    if (!byName.has(key)) byName.set(key, carrier);
  }
}

export function carrierById(id: string): Carrier | undefined {
  return byId.get(id);
}

/** The registry carrier a merchant's company text names, if any. */
export function carrierByName(company: string | null | undefined): Carrier | undefined {
  if (!company) return undefined;
  const key = nameKey(company);
  return key ? byName.get(key) : undefined;
}

/** The company to send to Shopify: its own spelling when it knows the carrier, else "Other" (the link comes from us). */
export function shopifyCompanyFor(carrier: Carrier): string {
  return carrier.shopifyName ?? "Other";
}

export function servesCountry(carrier: Carrier, country: string | null | undefined): boolean | null {
  if (!country) return null;
  if (carrier.countries.includes("*")) return null;
  return carrier.countries.includes(country.toUpperCase());
}
