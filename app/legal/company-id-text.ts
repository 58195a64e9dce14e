/** One sentence saying whether a company identifier is valid offline, and why not, in the merchant's language. */
import type { Translate } from "../i18n";
import type { CompanyIdCheck } from "./company-id";

/** Groups digits as registers print them: SIREN "775 670 417", SIRET "732 829 320 00074", VAT "FR 81 775670417". */
export function formatCompanyId(check: CompanyIdCheck): string {
  const n = check.normalized;
  if (check.kind === "siren" && /^\d{9}$/.test(n)) return n.replace(/^(\d{3})(\d{3})(\d{3})$/, "$1 $2 $3");
  if (check.kind === "siret" && /^\d{14}$/.test(n)) return n.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, "$1 $2 $3 $4");
  if (check.kind === "vat" && n.startsWith("FR") && n.length === 13) return `FR ${n.slice(2, 4)} ${n.slice(4)}`;
  return n;
}

export function describeCompanyIdCheck(check: CompanyIdCheck, t: Translate): string {
  const number = formatCompanyId(check);
  const kind = check.kind ? t(`company.kind.${check.kind}`) : "";
  const country = check.normalized.slice(0, 2);
  if (check.valid) {
    const head = check.keyChecked ? t("company.valid", { number, kind }) : t("company.valid.keyUnchecked", { number, country });
    return check.siren && check.kind !== "siren" ? `${head} ${t("company.valid.sirenOf", { siren: check.siren })}` : head;
  }
  const siren = check.normalized.slice(4);
  return t(`company.problem.${check.problem}`, { number, kind, country, siren, expectedKey: check.expectedKey ?? "" });
}
