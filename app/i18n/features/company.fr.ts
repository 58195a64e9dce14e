import type { companyEn } from "./company.en";

/** Textes français sur les identifiants d'entreprise (mêmes clés que company.en.ts). */
export const companyFr: Record<keyof typeof companyEn, string> = {
  "company.kind.siren": "SIREN",
  "company.kind.siret": "SIRET",
  "company.kind.vat": "numéro de TVA",
  "company.valid": "{number} est un {kind} valide.",
  "company.valid.keyUnchecked": "{number} a le format d'un numéro de TVA ({country}) ; sa clé ne peut pas être vérifiée hors ligne.",
  "company.valid.sirenOf": "SIREN de l'entreprise : {siren}.",
  "company.problem.empty": "Le numéro est vide.",
  "company.problem.too-long": "C'est trop long pour un SIREN, un SIRET ou un numéro de TVA.",
  "company.problem.unrecognised": "Ce n'est ni un SIREN (9 chiffres), ni un SIRET (14 chiffres), ni un numéro de TVA (code pays puis numéro).",
  "company.problem.luhn": "{number} n'est pas un {kind} valide : son chiffre de contrôle est faux (clé de Luhn), un chiffre manque, est en trop ou a été mal saisi.",
  "company.problem.siren-in-siret": "{number} n'est pas un SIRET valide : ses 9 premiers chiffres ne forment pas un SIREN valide.",
  "company.problem.vat-country": "{number} ne commence pas par le code d'un pays de TVA de l'UE (FR, DE, BE… ; la Grèce est EL).",
  "company.problem.vat-format": "{number} n'a pas le format d'un numéro de TVA ({country}).",
  "company.problem.vat-key": "{number} n'est pas un numéro de TVA français valide : pour le SIREN {siren}, la clé est {expectedKey}.",
};
