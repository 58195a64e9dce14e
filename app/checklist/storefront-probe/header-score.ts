/**
 * Observatory-style security-header sub-score (MDN HTTP Observatory, checklist-spec.md
 * [M1]): start at 100, apply each test's modifier, floor to a multiple of 5 and read the
 * grade chart. Bonuses (only granted at ≥ 90) are left out: this is a sub-score next to the
 * checklist, not a replacement for the Observatory.
 */
import type { CookieFact, StorefrontFacts } from "../../../adapters/checklist-snapshot";

const GRADES: Array<[number, string]> = [
  [100, "A+"], [90, "A"], [85, "A-"], [80, "B+"], [70, "B"], [65, "B-"], [60, "C+"], [50, "C"], [45, "C-"], [40, "D+"], [30, "D"], [25, "D-"], [0, "F"],
];

export function gradeForScore(score: number): string {
  return GRADES.find(([minimum]) => score >= minimum)?.[1] ?? "F";
}

interface HeaderScoreInput {
  headers: Record<string, string>;
  https: boolean;
  redirectOutcome: NonNullable<StorefrontFacts["httpRedirect"]>["outcome"] | null;
  cookies: CookieFact[];
  /** External scripts loaded without Subresource Integrity. */
  externalScriptsWithoutSri: number;
}

export function scoreHeaders(input: HeaderScoreInput): NonNullable<StorefrontFacts["headerScore"]> {
  const { headers } = input;
  const csp = headers["content-security-policy"] ?? "";
  const missing: string[] = [];
  let score = 100;
  const penalise = (points: number, what: string) => {
    score -= points;
    missing.push(what);
  };
  if (!csp) penalise(25, "Content-Security-Policy");
  else if (/unsafe-inline/.test(csp) && !/nonce-|sha(256|384|512)-/.test(csp)) penalise(20, "Content-Security-Policy without unsafe-inline");
  if (!/frame-ancestors/.test(csp) && !headers["x-frame-options"]) penalise(20, "X-Frame-Options or frame-ancestors");
  if ((headers["x-content-type-options"] ?? "").toLowerCase() !== "nosniff") penalise(5, "X-Content-Type-Options: nosniff");
  if (/unsafe-url|no-referrer-when-downgrade/i.test(headers["referrer-policy"] ?? "")) penalise(5, "safe Referrer-Policy");
  if (input.https && !headers["strict-transport-security"]) penalise(20, "Strict-Transport-Security");
  if (input.redirectOutcome === "none") penalise(20, "HTTP → HTTPS redirect");
  else if (input.redirectOutcome === "other-host-first") penalise(5, "redirect to HTTPS on the same host first");
  if (input.cookies.some((c) => !c.secure)) penalise(40, "Secure flag on cookies");
  else if (input.cookies.some((c) => !c.httpOnly && /sess/i.test(c.name))) penalise(30, "HttpOnly flag on session cookies");
  if (input.externalScriptsWithoutSri > 0) penalise(5, "Subresource Integrity on external scripts");
  const floored = Math.max(0, Math.floor(score / 5) * 5);
  return { score: floored, grade: gradeForScore(floored), missing };
}
