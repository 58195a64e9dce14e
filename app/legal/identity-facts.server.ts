/**
 * Collects the company identity facts of a scan: the identifiers the shop's legal notice shows
 * and those the merchant gave Rassure, each checked offline, the valid ones confirmed by the
 * public registers (cached; a register out of reach leaves them "unreachable", never invalid).
 */
import type { CompanyIdentifierFact, CompanyIdentityFacts, PlatformChecklistFacts } from "../../adapters/checklist-snapshot";
import type { PrismaClient } from "../db.server";
import { checkCompanyId, findCompanyIds } from "./company-id";
import { confirmWithRegister, registerOptionsFromEnv, type RegisterOptions } from "./company-registers.server";
import type { LegalIdentityFields } from "./identity";
import { loadIdentity, type ShopKey } from "./identity.server";

/** A notice may repeat its numbers; the registers are asked about a few at most per scan. */
const MAX_IDENTIFIERS = 6;

export async function collectCompanyIdentity(
  db: PrismaClient,
  facts: PlatformChecklistFacts,
  identity: LegalIdentityFields | null,
  options: RegisterOptions & { enabled?: boolean } = registerOptionsFromEnv(),
): Promise<CompanyIdentityFacts> {
  const found: Array<{ source: CompanyIdentifierFact["source"]; raw: string }> = [];
  for (const page of facts.legalPages.filter((p) => p.kind === "legal-notice")) {
    for (const { raw } of findCompanyIds(page.text)) found.push({ source: "legal-notice", raw });
  }
  for (const raw of [identity?.siren, identity?.vatNumber]) if (raw) found.push({ source: "merchant", raw });

  const seen = new Set<string>();
  const identifiers: CompanyIdentifierFact[] = [];
  for (const { source, raw } of found) {
    const check = checkCompanyId(raw);
    const key = `${source}:${check.normalized}`;
    if (seen.has(key) || identifiers.length >= MAX_IDENTIFIERS) continue;
    seen.add(key);
    const answer = check.valid && options.enabled !== false ? await confirmWithRegister(db, raw, options) : null;
    identifiers.push({
      source,
      raw,
      normalized: check.normalized,
      kind: check.kind,
      validOffline: check.valid,
      problem: check.valid ? null : check.problem,
      siren: check.valid ? (check.siren ?? null) : null,
      register: !check.valid
        ? null
        : !answer
          ? { name: check.kind === "vat" ? "vies" : "company-directory", status: "not-asked", registeredName: null, checkedAt: null, reason: null }
          : answer.status === "unreachable"
            ? { name: answer.register, status: "unreachable", registeredName: null, checkedAt: null, reason: answer.reason }
            : { name: answer.register, status: answer.status, registeredName: answer.name, checkedAt: answer.checkedAt.toISOString(), reason: null },
    });
  }
  const company = facts.contact.address?.company?.trim() || null;
  return { identifiers, shownName: identity?.legalName || company };
}

/** The scan's identity collector for a shop: its stored company details, the registers per the environment. */
export function companyIdentityCollector(db: PrismaClient, shop: ShopKey) {
  return async (facts: PlatformChecklistFacts) => collectCompanyIdentity(db, facts, await loadIdentity(db, shop));
}
