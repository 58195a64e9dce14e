/**
 * Company identifiers checked offline: French SIREN (9 digits) and SIRET (14 digits) with their
 * Luhn check, the French VAT number's key, and the formats of the other EU VAT numbers.
 *
 * Offline checks catch typos and invented numbers; they cannot say that a company exists. That is
 * the online directory's job (INSEE's register, VIES), which may confirm what passes here.
 */

export type CompanyIdKind = "siren" | "siret" | "vat";

export type CompanyIdProblem =
  | "empty"
  | "too-long"
  | "unrecognised" // neither 9 or 14 digits nor a country prefix followed by a VAT number
  | "luhn" // SIREN/SIRET check digit wrong
  | "siren-in-siret" // the SIRET's first 9 digits are not a valid SIREN
  | "vat-country" // a prefix that is not an EU VAT country
  | "vat-format" // the number after the prefix has the wrong shape for that country
  | "vat-key"; // French VAT key does not match the SIREN

export interface CompanyIdValid {
  valid: true;
  kind: CompanyIdKind;
  /** Digits and capitals only, as registers write them. */
  normalized: string;
  /** The SIREN inside a SIRET or a French VAT number. */
  siren?: string;
  countryCode?: string;
  /** False where the format is right but no offline check exists (e.g. a French VAT key with letters). */
  keyChecked: boolean;
}

export interface CompanyIdInvalid {
  valid: false;
  kind: CompanyIdKind | null;
  normalized: string;
  problem: CompanyIdProblem;
  /** For "vat-key": the key the SIREN gives. */
  expectedKey?: string;
}

export type CompanyIdCheck = CompanyIdValid | CompanyIdInvalid;

/** Longest identifier people paste, spaces and dots included, before it is plainly not one. */
const MAX_INPUT_LENGTH = 40;

/**
 * La Poste's establishments share the SIREN 356 000 000 and their SIRETs do not follow Luhn;
 * INSEE gives them a rule of their own: the sum of the 14 digits is a multiple of 5.
 */
const LA_POSTE_SIREN = "356000000";

/** People write numbers with spaces, dots, dashes or non-breaking spaces: "FR 81 775 670 417". */
export function normalizeCompanyId(input: string): string {
  return input.replace(/[\s.\-\u00a0\u202f]/g, "").toUpperCase();
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

/** The two-digit key of the French VAT number for a SIREN: (12 + 3 × (SIREN mod 97)) mod 97. */
export function frenchVatKey(siren: string): string {
  return String((12 + 3 * (Number(siren) % 97)) % 97).padStart(2, "0");
}

export function checkSiren(siren: string): CompanyIdCheck {
  if (!/^\d{9}$/.test(siren)) return { valid: false, kind: "siren", normalized: siren, problem: "unrecognised" };
  if (!luhnValid(siren)) return { valid: false, kind: "siren", normalized: siren, problem: "luhn" };
  return { valid: true, kind: "siren", normalized: siren, siren, countryCode: "FR", keyChecked: true };
}

export function checkSiret(siret: string): CompanyIdCheck {
  if (!/^\d{14}$/.test(siret)) return { valid: false, kind: "siret", normalized: siret, problem: "unrecognised" };
  const siren = siret.slice(0, 9);
  if (!checkSiren(siren).valid) return { valid: false, kind: "siret", normalized: siret, problem: "siren-in-siret" };
  const digitSum = [...siret].reduce((sum, digit) => sum + Number(digit), 0);
  const ok = siren === LA_POSTE_SIREN ? digitSum % 5 === 0 || luhnValid(siret) : luhnValid(siret);
  if (!ok) return { valid: false, kind: "siret", normalized: siret, problem: "luhn" };
  return { valid: true, kind: "siret", normalized: siret, siren, countryCode: "FR", keyChecked: true };
}

/**
 * The shape of each EU VAT number after its prefix (the formats VIES documents). Greece uses
 * "EL", Northern Ireland "XI". France is checked more closely below.
 */
const EU_VAT_FORMATS: Record<string, RegExp> = {
  AT: /^U\d{8}$/,
  BE: /^[01]\d{9}$/,
  BG: /^\d{9,10}$/,
  CY: /^\d{8}[A-Z]$/,
  CZ: /^\d{8,10}$/,
  DE: /^\d{9}$/,
  DK: /^\d{8}$/,
  EE: /^\d{9}$/,
  EL: /^\d{9}$/,
  ES: /^[A-Z0-9]\d{7}[A-Z0-9]$/,
  FI: /^\d{8}$/,
  FR: /^[A-HJ-NP-Z0-9]{2}\d{9}$/,
  HR: /^\d{11}$/,
  HU: /^\d{8}$/,
  IE: /^(\d{7}[A-W][A-I]?|\d[A-Z+*]\d{5}[A-W])$/,
  IT: /^\d{11}$/,
  LT: /^(\d{9}|\d{12})$/,
  LU: /^\d{8}$/,
  LV: /^\d{11}$/,
  MT: /^\d{8}$/,
  NL: /^\d{9}B\d{2}$/,
  PL: /^\d{10}$/,
  PT: /^\d{9}$/,
  RO: /^\d{2,10}$/,
  SE: /^\d{10}01$/,
  SI: /^\d{8}$/,
  SK: /^\d{10}$/,
  XI: /^(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/,
};

export function isEuVatCountry(prefix: string): boolean {
  return Object.hasOwn(EU_VAT_FORMATS, prefix);
}

export function checkVatNumber(vat: string): CompanyIdCheck {
  const prefix = vat.slice(0, 2);
  const rest = vat.slice(2);
  if (!isEuVatCountry(prefix)) return { valid: false, kind: "vat", normalized: vat, problem: "vat-country" };
  if (!EU_VAT_FORMATS[prefix].test(rest)) return { valid: false, kind: "vat", normalized: vat, problem: "vat-format" };
  if (prefix !== "FR") return { valid: true, kind: "vat", normalized: vat, countryCode: prefix, keyChecked: false };

  const key = rest.slice(0, 2);
  const siren = rest.slice(2);
  // Keys with letters come from an older allocation with no published formula: format only.
  if (!/^\d{2}$/.test(key)) return { valid: true, kind: "vat", normalized: vat, siren, countryCode: "FR", keyChecked: false };
  const expectedKey = frenchVatKey(siren);
  if (key !== expectedKey) return { valid: false, kind: "vat", normalized: vat, problem: "vat-key", expectedKey };
  return { valid: true, kind: "vat", normalized: vat, siren, countryCode: "FR", keyChecked: true };
}

/** Recognises a SIREN, a SIRET or an EU VAT number as people write it, and checks it offline. */
export function checkCompanyId(input: string): CompanyIdCheck {
  const normalized = normalizeCompanyId(input);
  if (!normalized) return { valid: false, kind: null, normalized, problem: "empty" };
  if (input.length > MAX_INPUT_LENGTH || normalized.length > 20) return { valid: false, kind: null, normalized: normalized.slice(0, 20), problem: "too-long" };
  if (/^\d{9}$/.test(normalized)) return checkSiren(normalized);
  if (/^\d{14}$/.test(normalized)) return checkSiret(normalized);
  if (/^[A-Z]{2}[A-Z0-9+*]+$/.test(normalized)) return checkVatNumber(normalized);
  return { valid: false, kind: null, normalized, problem: "unrecognised" };
}

/**
 * Every identifier-looking number in a text (a legal notice, a footer): SIRENs and SIRETs written
 * with or without spaces, and VAT numbers. Used to find what a shop shows before checking it.
 */
export function findCompanyIds(text: string): Array<{ raw: string; check: CompanyIdCheck }> {
  const sample = text.slice(0, 200_000);
  const matches: Array<{ index: number; raw: string }> = [];
  const patterns = [
    // VAT: a country prefix then 8–13 characters, spaces or dots allowed between groups.
    /\b(?:ATU|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|FR|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK|XI)[ \u00a0\u202f]?[0-9A-Z](?:[ \u00a0\u202f.]?[0-9A-Z]){7,12}\b/g,
    // SIRET (14) or SIREN (9) digits, in groups of 3 (and a final 5 for SIRET) or run together.
    /\b\d{3}[ \u00a0\u202f.]?\d{3}[ \u00a0\u202f.]?\d{3}(?:[ \u00a0\u202f.]?\d{5})?\b/g,
  ];
  for (const pattern of patterns) {
    for (const match of sample.matchAll(pattern)) {
      // A word such as "SIRET" or "DEPUIS" starts like a VAT prefix: a VAT number's first group holds digits.
      const firstGroup = match[0].split(/[ \u00a0\u202f.]/)[0];
      if (pattern === patterns[0] && firstGroup.length > 2 && !/\d/.test(firstGroup)) continue;
      const end = match.index + match[0].length;
      if (matches.some((m) => match.index < m.index + m.raw.length && m.index < end)) continue;
      matches.push({ index: match.index, raw: match[0] });
    }
  }
  return matches.sort((a, b) => a.index - b.index).map(({ raw }) => ({ raw, check: checkCompanyId(raw) }));
}
