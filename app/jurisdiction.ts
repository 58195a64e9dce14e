/**
 * Which consumer-law rules apply to a shop. FR rules (mentions légales, médiateur…) apply
 * to shops established in France; EU rules (14-day withdrawal, GDPR…) to shops in the
 * EU/EEA. Everything else gets the rules that apply everywhere.
 */
export type Jurisdiction = "FR" | "EU" | "OTHER";

// EU member states plus the EEA countries bound by the same consumer directives.
const EU_EEA = new Set([
  "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
  "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
]);
// French overseas departments have their own ISO codes but French law.
const FRENCH_LAW = new Set(["FR", "GP", "MQ", "GF", "RE", "YT", "MC"]);

export function jurisdictionForCountry(countryCode: string | null | undefined): Jurisdiction {
  const code = countryCode?.toUpperCase();
  if (!code) return "OTHER";
  if (FRENCH_LAW.has(code)) return "FR";
  if (EU_EEA.has(code)) return "EU";
  return "OTHER";
}

export function isJurisdiction(value: unknown): value is Jurisdiction {
  return value === "FR" || value === "EU" || value === "OTHER";
}

export function effectiveJurisdiction(shop: { countryCode: string | null; jurisdictionOverride: string | null }): Jurisdiction {
  return isJurisdiction(shop.jurisdictionOverride) ? shop.jurisdictionOverride : jurisdictionForCountry(shop.countryCode);
}
