/**
 * Tracking numbers as they arrive (typed by a merchant, pasted from a label, sent by a
 * logistics app): spaces and dashes are presentation, case is not significant. Anything else
 * outside A–Z/0–9, or an absurd length, is refused rather than guessed at.
 */
export const MAX_TRACKING_NUMBER_LENGTH = 40;

export type NumberProblem = "empty" | "too-long" | "invalid-characters";

export type NormalisedNumber = { ok: true; value: string } | { ok: false; problem: NumberProblem };

export function normaliseTrackingNumber(raw: string | null | undefined): NormalisedNumber {
  const compact = (raw ?? "").normalize("NFKC").replace(/[\s\-.]/g, "").toUpperCase();
  if (compact === "") return { ok: false, problem: "empty" };
  if (compact.length > MAX_TRACKING_NUMBER_LENGTH) return { ok: false, problem: "too-long" };
  if (!/^[A-Z0-9]+$/.test(compact)) return { ok: false, problem: "invalid-characters" };
  return { ok: true, value: compact };
}
