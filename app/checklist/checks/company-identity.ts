/**
 * The company behind the shop is real, active and the one the shop names: its SIREN/SIRET and
 * VAT numbers pass their offline checks, agree with each other, and the public registers
 * (INSEE's directory, VIES) confirm them. A register out of reach is "not verified", a warning,
 * never a failure.
 */
import type { CompanyIdentifierFact } from "../../../adapters/checklist-snapshot";
import { companyNamesMatch } from "../../legal/company-name";
import type { CheckSpec, Evidence } from "../types";
import { fail, list, pass, unavailable, warning, text } from "./outcome";

const PROBLEM: Record<string, { en: string; fr: string }> = {
  luhn: { en: "its check digit is wrong", fr: "son chiffre de contrôle est faux" },
  "siren-in-siret": { en: "its first 9 digits are not a valid SIREN", fr: "ses 9 premiers chiffres ne forment pas un SIREN valide" },
  "vat-key": { en: "its key does not match the SIREN", fr: "sa clé ne correspond pas au SIREN" },
  "vat-format": { en: "it does not have the format of a VAT number of its country", fr: "il n'a pas le format d'un numéro de TVA de son pays" },
  "vat-country": { en: "it does not start with an EU country code", fr: "il ne commence pas par un code pays de l'UE" },
  unrecognised: { en: "it is neither a SIREN, a SIRET nor a VAT number", fr: "ce n'est ni un SIREN, ni un SIRET, ni un numéro de TVA" },
};

const SOURCE = { "legal-notice": { en: "legal notice", fr: "mentions légales" }, merchant: { en: "your company details in Rassure", fr: "vos informations d'entreprise dans Rassure" } };

function evidenceOf(id: CompanyIdentifierFact): Evidence {
  const register = id.register ? ` — ${id.register.name}: ${id.register.status}${id.register.registeredName ? ` (${id.register.registeredName})` : ""}${id.register.checkedAt ? ` ${id.register.checkedAt.slice(0, 10)}` : ""}` : "";
  return { source: `${id.source}: ${id.kind ?? "identifier"}`, value: `${id.normalized} ${id.validOffline ? "valid offline" : `invalid offline (${id.problem})`}${register}` };
}

export const companyIdentityChecks: CheckSpec[] = [
  {
    id: "leg-company-identity",
    category: "legal",
    severity: "recommended",
    jurisdictions: ["FR"],
    platforms: ["shopify", "woocommerce"],
    title: text("Your company identity is valid and confirmed by the registers", "L'identité de votre entreprise est valide et confirmée par les registres"),
    failureTitle: text("Your company identity does not check out", "L'identité de votre entreprise n'est pas vérifiable"),
    why: text(
      "Shoppers and the authorities look up the SIREN and VAT number a shop shows. A mistyped or closed number makes an honest shop look like a fake one, and the legal notice must identify the real company.",
      "Les clients et l'administration vérifient le SIREN et le numéro de TVA affichés. Un numéro erroné ou d'une société fermée fait passer une boutique honnête pour une fausse, et les mentions légales doivent identifier la vraie entreprise.",
    ),
    legalBasis: ["LCEN art. 1-1 (publisher identification)", "Code de commerce R123-237", "CGI art. 286 ter (VAT number)"],
    fix: { adminPath: { shopify: "apps/rassure/app/legal", woocommerce: "admin.php?page=rassure" }, docsUrl: "https://annuaire-entreprises.data.gouv.fr" },
    evaluate: ({ snapshot }) => {
      const identity = snapshot.companyIdentity;
      if (!identity) return unavailable(text("Not checked in this scan.", "Non vérifié lors de cette analyse."));
      const ids = identity.identifiers;
      const evidence = ids.map(evidenceOf);
      if (!ids.length) {
        return fail("high", text("No SIREN, SIRET or VAT number found in your legal notice or your company details.", "Aucun SIREN, SIRET ou numéro de TVA trouvé dans vos mentions légales ni vos informations d'entreprise."));
      }
      const invalid = ids.filter((id) => !id.validOffline);
      if (invalid.length) {
        const [first] = invalid;
        const why = PROBLEM[first.problem ?? "unrecognised"] ?? PROBLEM.unrecognised;
        return fail("high", text(`${first.raw} in your ${SOURCE[first.source].en} is not valid: ${why.en}.`, `${first.raw} dans vos ${SOURCE[first.source].fr} n'est pas valide : ${why.fr}.`), evidence);
      }
      const sirens = [...new Set(ids.map((id) => id.siren).filter((s): s is string => Boolean(s)))];
      if (sirens.length > 1) {
        return fail("high", text(`Your numbers name different companies (SIREN ${list(sirens)}).`, `Vos numéros désignent des entreprises différentes (SIREN ${list(sirens)}).`), evidence);
      }
      const refused = ids.find((id) => id.register?.status === "ceased" || id.register?.status === "not-found");
      if (refused?.register) {
        const closed = refused.register.status === "ceased";
        return fail(
          "high",
          closed
            ? text(`The company directory lists ${refused.normalized} as closed.`, `L'annuaire des entreprises indique ${refused.normalized} comme fermée.`)
            : text(`${refused.register.name === "vies" ? "VIES" : "The company directory"} does not know ${refused.normalized}.`, `${refused.register.name === "vies" ? "VIES" : "L'annuaire des entreprises"} ne connaît pas ${refused.normalized}.`),
          evidence,
        );
      }
      const confirmed = ids.filter((id) => id.register?.status === "confirmed");
      const mismatch = identity.shownName ? confirmed.find((id) => id.register?.registeredName && !companyNamesMatch(identity.shownName!, id.register.registeredName)) : undefined;
      if (mismatch?.register) {
        return warning(
          "medium",
          text(`The register names ${mismatch.register.registeredName}, your shop shows ${identity.shownName}: check which is right.`, `Le registre indique ${mismatch.register.registeredName}, votre boutique affiche ${identity.shownName} : vérifiez lequel est juste.`),
          evidence,
        );
      }
      if (confirmed.length && confirmed.length === ids.length) {
        return pass("high", text(`Confirmed by the registers: ${list(confirmed.map((id) => id.normalized))}.`, `Confirmé par les registres : ${list(confirmed.map((id) => id.normalized))}.`), evidence);
      }
      return warning(
        "low",
        text("Your numbers are valid, but the registers could not be asked this time: not verified yet.", "Vos numéros sont valides, mais les registres n'ont pas pu être consultés cette fois-ci : pas encore vérifiés."),
        evidence,
      );
    },
  },
];
