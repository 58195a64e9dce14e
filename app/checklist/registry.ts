/**
 * The check registry: every check of the spec, in its 7 categories, as data plus its pure
 * evaluator. Ids are stable (stored in scans and attestations).
 */
import { companyIdentityChecks } from "./checks/company-identity";
import { contactSupportChecks } from "./checks/contact-support";
import { deliveryReturnsChecks } from "./checks/delivery-returns";
import { legalChecks } from "./checks/legal";
import { paymentChecks } from "./checks/payment";
import { siteSecurityChecks } from "./checks/site-security";
import { operationsChecks, socialProofChecks } from "./checks/social-proof-operations";
import type { CheckDefinition, CheckSpec } from "./types";

export const CHECKS: readonly CheckSpec[] = [
  ...paymentChecks,
  ...siteSecurityChecks,
  ...legalChecks,
  ...companyIdentityChecks,
  ...deliveryReturnsChecks,
  ...contactSupportChecks,
  ...socialProofChecks,
  ...operationsChecks,
];

const BY_ID = new Map(CHECKS.map((check) => [check.id, check]));

export function checkById(id: string): CheckSpec | undefined {
  return BY_ID.get(id);
}

/** The definitions without their evaluators (what the UI and the CLI describe). */
export function checkDefinition(id: string): CheckDefinition | undefined {
  const check = BY_ID.get(id);
  if (!check) return undefined;
  const { evaluate: _evaluate, ...definition } = check;
  return definition;
}
