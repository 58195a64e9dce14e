/**
 * Check-digit algorithms for tracking-number formats that define one. Pure functions over a
 * normalised number (uppercase A–Z and 0–9 only); each returns false, never throws, when the
 * input does not have the shape its format requires.
 */

export type CheckDigitName = "s10" | "ups1z" | "usps-impb" | "mod10" | "mod7" | "fedex12";

function isDigits(value: string): boolean {
  return /^[0-9]+$/.test(value);
}

const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;

/** UPU S10 (international postal items): weights 8,6,4,2,3,5,9,7 over the 8-digit serial; 11 − (sum mod 11), where 10 → 0 and 11 → 5. */
export function s10CheckDigit(serial: string): number | null {
  if (serial.length !== 8 || !isDigits(serial)) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(serial[i]) * S10_WEIGHTS[i];
  const check = 11 - (sum % 11);
  if (check === 10) return 0;
  if (check === 11) return 5;
  return check;
}

/** UPU S10 item identifier: 2 letters (service indicator) + 8-digit serial + check digit + ISO 3166 alpha-2 origin. */
export function isValidS10(code: string): boolean {
  if (!/^[A-Z]{2}[0-9]{9}[A-Z]{2}$/.test(code)) return false;
  return s10CheckDigit(code.slice(2, 10)) === Number(code[10]);
}

/** UPS 1Z: "1Z" + 15 data characters + check; letters map to (char code − 3) mod 10, every second data character doubled, check = (10 − sum mod 10) mod 10. */
export function upsCheckDigit(data: string): number | null {
  if (!/^[A-Z0-9]{15}$/.test(data)) return null;
  let sum = 0;
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    const value = c >= 48 && c <= 57 ? c - 48 : (c - 3) % 10;
    sum += i % 2 === 1 ? value * 2 : value;
  }
  return (10 - (sum % 10)) % 10;
}

/** UPS 1Z tracking number (18 characters): validates the trailing check digit. */
export function isValidUps1Z(code: string): boolean {
  if (!/^1Z[A-Z0-9]{15}[0-9]$/.test(code)) return false;
  return upsCheckDigit(code.slice(2, 17)) === Number(code[17]);
}

/** GS1 mod 10 (EAN/SSCC style): weights 3,1,3,1… from the rightmost data digit; check = (10 − sum mod 10) mod 10. */
export function gs1Mod10CheckDigit(data: string): number | null {
  if (data.length === 0 || !isDigits(data)) return null;
  let sum = 0;
  for (let i = data.length - 1, weight = 3; i >= 0; i--, weight = weight === 3 ? 1 : 3) {
    sum += Number(data[i]) * weight;
  }
  return (10 - (sum % 10)) % 10;
}

/** GS1 mod 10 over an all-digit number whose last digit is the check digit (FedEx Ground 15, Canada Post 16, SSCC). */
export function isValidMod10(code: string): boolean {
  if (code.length < 2 || !isDigits(code)) return false;
  return gs1Mod10CheckDigit(code.slice(0, -1)) === Number(code[code.length - 1]);
}

/** USPS Intelligent Mail package barcode (IMpb), 20–22 digits starting 92–95: GS1 mod 10 over all preceding digits. */
export function isValidUspsImpb(code: string): boolean {
  if (!/^9[2-5][0-9]{18,20}$/.test(code)) return false;
  return isValidMod10(code);
}

/** Mod 7 (DHL Express 10-digit waybill, Yamato 12-digit slip): the digits before the check digit, read as one number, mod 7. */
export function isValidMod7(code: string): boolean {
  if (code.length < 2 || !isDigits(code)) return false;
  let remainder = 0;
  for (let i = 0; i < code.length - 1; i++) remainder = (remainder * 10 + Number(code[i])) % 7;
  return remainder === Number(code[code.length - 1]);
}

const FEDEX12_WEIGHTS = [1, 3, 7] as const;

/** FedEx Express 12-digit: weights 1,3,7 repeating from the digit left of the check digit leftwards; check = (sum mod 11) mod 10. */
export function isValidFedex12(code: string): boolean {
  if (!/^[0-9]{12}$/.test(code)) return false;
  let sum = 0;
  for (let i = 10, k = 0; i >= 0; i--, k++) sum += Number(code[i]) * FEDEX12_WEIGHTS[k % 3];
  return (sum % 11) % 10 === Number(code[11]);
}

export const CHECK_DIGIT_ALGORITHMS: Readonly<Record<CheckDigitName, (code: string) => boolean>> = {
  s10: isValidS10,
  ups1z: isValidUps1Z,
  "usps-impb": isValidUspsImpb,
  mod10: isValidMod10,
  mod7: isValidMod7,
  fedex12: isValidFedex12,
};

export const CHECK_DIGIT_NAMES = Object.keys(CHECK_DIGIT_ALGORITHMS) as CheckDigitName[];

export function isCheckDigitName(value: unknown): value is CheckDigitName {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(CHECK_DIGIT_ALGORITHMS, value);
}
