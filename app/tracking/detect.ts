/**
 * Which carrier issued a tracking number: every registry pattern is tried, check digits are
 * verified where the format defines one, the destination country (when known) shifts the
 * odds, and the candidates come back ranked with a human-readable reason. Close scores are
 * reported as ambiguous instead of silently picking one.
 */
import { CHECK_DIGIT_ALGORITHMS } from "./check-digits";
import { CARRIERS, servesCountry, type Carrier } from "./registry";
import { normaliseTrackingNumber, type NumberProblem } from "./tracking-number";

export interface CarrierCandidate {
  carrier: Carrier;
  /** 0–1, rounded to two decimals. */
  confidence: number;
  reason: string;
}

export type Detection =
  | { ok: true; number: string; candidates: CarrierCandidate[]; ambiguous: boolean }
  | { ok: false; problem: NumberProblem };

/** Two candidates closer than this are a coin toss: say so. */
export const AMBIGUITY_MARGIN = 0.1;
const COUNTRY_BONUS = 0.1;
const COUNTRY_PENALTY = 0.25;

function scoreCarrier(carrier: Carrier, number: string, country: string | null): CarrierCandidate | null {
  let best: { weight: number; label: string } | null = null;
  for (const pattern of carrier.patterns) {
    if (!pattern.regex.test(number)) continue;
    if (pattern.check && !CHECK_DIGIT_ALGORITHMS[pattern.check](number)) continue;
    if (!best || pattern.weight > best.weight) best = pattern;
  }
  if (!best) return null;
  let confidence = best.weight;
  const reasons = [best.label];
  const serves = servesCountry(carrier, country);
  if (serves === true) {
    confidence += COUNTRY_BONUS;
    reasons.push(`delivers in ${country}`);
  } else if (serves === false) {
    confidence -= COUNTRY_PENALTY;
    reasons.push(`does not usually deliver in ${country}`);
  }
  confidence = Math.round(Math.min(0.99, Math.max(0.01, confidence)) * 100) / 100;
  return { carrier, confidence, reason: reasons.join("; ") };
}

export function detectCarriers(rawNumber: string, options: { country?: string | null } = {}): Detection {
  const normalised = normaliseTrackingNumber(rawNumber);
  if (!normalised.ok) return normalised;
  const country = options.country && /^[A-Za-z]{2}$/.test(options.country) ? options.country.toUpperCase() : null;
  const candidates = CARRIERS.map((carrier) => scoreCarrier(carrier, normalised.value, country))
    .filter((c): c is CarrierCandidate => c !== null)
    .sort((a, b) => b.confidence - a.confidence || a.carrier.name.localeCompare(b.carrier.name));
  const ambiguous = candidates.length > 1 && candidates[0].confidence - candidates[1].confidence < AMBIGUITY_MARGIN;
  return { ok: true, number: normalised.value, candidates, ambiguous };
}

/** The carrier to use without asking anyone: a clear winner with enough evidence, else null. */
export function confidentCarrier(detection: Detection, minimum = 0.5): CarrierCandidate | null {
  if (!detection.ok || detection.ambiguous) return null;
  const top = detection.candidates[0];
  return top && top.confidence >= minimum ? top : null;
}
