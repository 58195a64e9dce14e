/** English texts about company identifiers (keys start with "company."). */
export const companyEn = {
  "company.kind.siren": "SIREN",
  "company.kind.siret": "SIRET",
  "company.kind.vat": "VAT number",
  "company.valid": "{number} is a valid {kind}.",
  "company.valid.keyUnchecked": "{number} has the format of a {country} VAT number; its key cannot be checked offline.",
  "company.valid.sirenOf": "Company SIREN: {siren}.",
  "company.problem.empty": "The number is empty.",
  "company.problem.too-long": "This is too long to be a SIREN, SIRET or VAT number.",
  "company.problem.unrecognised": "Not a SIREN (9 digits), a SIRET (14 digits) or a VAT number (country code then number).",
  "company.problem.luhn": "{number} is not a valid {kind}: its check digit is wrong (Luhn check), so a digit is missing, extra or mistyped.",
  "company.problem.siren-in-siret": "{number} is not a valid SIRET: its first 9 digits are not a valid SIREN.",
  "company.problem.vat-country": "{number} does not start with the code of an EU VAT country (FR, DE, BE…; Greece is EL).",
  "company.problem.vat-format": "{number} does not have the format of a {country} VAT number.",
  "company.problem.vat-key": "{number} is not a valid French VAT number: for SIREN {siren} the key is {expectedKey}.",
} as const;
