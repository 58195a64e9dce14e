/**
 * The company behind the shop, as the legal texts need it. Part comes from the platform
 * (name, address, e-mail, phone, host), the rest only the merchant knows (SIREN, capital,
 * publication director, mediator…) and is asked once in a short form, then remembered.
 */
import { checkCompanyId } from "./company-id";

export const IDENTITY_FIELDS = [
  "legalName",
  "legalForm",
  "shareCapital",
  "siren",
  "rcsCity",
  "vatNumber",
  "address",
  "email",
  "phone",
  "publicationDirector",
  "hostName",
  "hostAddress",
  "hostPhone",
  "mediatorName",
  "mediatorUrl",
  "deliveryTimes",
  "returnCosts",
] as const;

export type IdentityField = (typeof IDENTITY_FIELDS)[number];
export type LegalIdentityFields = Record<IdentityField, string>;

/** Merchant text ends up in published legal pages: long enough for a real address, no more. */
export const MAX_FIELD_LENGTH = 300;

export const EMPTY_IDENTITY: LegalIdentityFields = Object.fromEntries(IDENTITY_FIELDS.map((field) => [field, ""])) as LegalIdentityFields;

export type IdentityProblem = "too-long" | "company-id" | "vat" | "url" | "email" | "return-costs";

/** Keeps known fields only, as trimmed single strings; control characters removed. */
export function cleanIdentity(input: Partial<Record<string, unknown>>): LegalIdentityFields {
  const clean = { ...EMPTY_IDENTITY };
  for (const field of IDENTITY_FIELDS) {
    const value = input[field];
    // eslint-disable-next-line no-control-regex
    if (typeof value === "string") clean[field] = value.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "").trim();
  }
  return clean;
}

/** What the merchant typed that cannot go into a legal page as it is. Empty fields are fine (asked later). */
export function identityProblems(fields: LegalIdentityFields): Partial<Record<IdentityField, IdentityProblem>> {
  const problems: Partial<Record<IdentityField, IdentityProblem>> = {};
  for (const field of IDENTITY_FIELDS) if (fields[field].length > MAX_FIELD_LENGTH) problems[field] = "too-long";
  if (fields.siren && !problems.siren) {
    const check = checkCompanyId(fields.siren);
    if (!check.valid || check.kind === "vat") problems.siren = "company-id";
  }
  if (fields.vatNumber && !problems.vatNumber) {
    const check = checkCompanyId(fields.vatNumber);
    if (!check.valid || check.kind !== "vat") problems.vatNumber = "vat";
  }
  if (fields.mediatorUrl && !problems.mediatorUrl && !isPublicHttpsUrl(fields.mediatorUrl)) problems.mediatorUrl = "url";
  if (fields.email && !problems.email && !/^[^\s@<>"]{1,64}@[^\s@<>"]{1,200}\.[a-z]{2,24}$/i.test(fields.email)) problems.email = "email";
  if (fields.returnCosts && !["seller", "customer"].includes(fields.returnCosts)) problems.returnCosts = "return-costs";
  return problems;
}

/** An https link a shopper can follow: no credentials, no script scheme. */
export function isPublicHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && !url.username && !url.password && url.hostname.includes(".");
  } catch {
    return false;
  }
}

export interface IdentityDefaults {
  platform: "shopify" | "woocommerce";
  company: string | null;
  address: string | null;
  email: string | null;
  phone: string | null;
}

/**
 * What the platform already says, used where the merchant left a field empty. On Shopify the
 * host is Shopify itself (its published head-office address); on WordPress the merchant names
 * their own host.
 */
export function withDefaults(saved: LegalIdentityFields, defaults: IdentityDefaults): LegalIdentityFields {
  const merged = { ...saved };
  const fill = (field: IdentityField, value: string | null) => {
    if (!merged[field] && value) merged[field] = value;
  };
  fill("legalName", defaults.company?.replace(/^(SAS|SASU|SARL|EURL|SA|SNC)\s+/i, "").trim() ?? null);
  const form = defaults.company?.match(/\b(SAS|SASU|SARL|EURL|SA|SNC)\b/i)?.[1];
  fill("legalForm", form ? form.toUpperCase() : null);
  fill("address", defaults.address);
  fill("email", defaults.email);
  fill("phone", defaults.phone);
  if (defaults.platform === "shopify") {
    fill("hostName", "Shopify Inc.");
    fill("hostAddress", "151 O'Connor Street, Ground floor, Ottawa, Ontario, K2P 2L8, Canada");
  }
  return merged;
}
