/**
 * Which finished scans the checklist page toasts (issue 16 §5): only the one the merchant started
 * (its id, from the action's answer), once, also when it ended before the page saw it running;
 * never a scan someone or something else started (the daily refresh, a webhook, another tab).
 */
import { describe, expect, it } from "vitest";
import { scansToTell, type ScanOutcome } from "../../app/feedback/useScanFinishedToast";

const scan = (id: string, status: string, score: number | null = null): ScanOutcome => ({ id, status, score, grade: score === null ? null : "C" });

describe("scansToTell", () => {
  it("tells the merchant's scan once, when it leaves running", () => {
    const followed = new Map<string, boolean>();
    expect(scansToTell(followed, "mine", [scan("mine", "running")])).toEqual([]);
    expect(scansToTell(followed, "mine", [scan("mine", "done", 61)])).toEqual([scan("mine", "done", 61)]);
    // Later polls, re-renders and the same answer again: nothing more.
    expect(scansToTell(followed, "mine", [scan("mine", "done", 61)])).toEqual([]);
    expect(scansToTell(followed, undefined, [scan("mine", "done", 61)])).toEqual([]);
  });

  it("never tells a scan the merchant did not start from this page", () => {
    const followed = new Map<string, boolean>();
    // The page opened while the daily refresh ran; it finishes.
    expect(scansToTell(followed, undefined, [scan("daily", "running")])).toEqual([]);
    expect(scansToTell(followed, undefined, [scan("daily", "done", 55)])).toEqual([]);
    // The merchant starts one; a webhook's scan finishes first: only the merchant's is told.
    expect(scansToTell(followed, "mine", [scan("webhook", "done", 57), scan("mine", "running"), scan("daily", "done", 55)])).toEqual([]);
    expect(scansToTell(followed, "mine", [scan("webhook", "done", 57), scan("mine", "failed")])).toEqual([scan("mine", "failed")]);
  });

  it("tells a scan that finished before the page saw it running, and keeps following it after another answer", () => {
    expect(scansToTell(new Map(), "fast", [scan("fast", "done", 70)])).toEqual([scan("fast", "done", 70)]);
    const followed = new Map<string, boolean>();
    expect(scansToTell(followed, "mine", [scan("mine", "running")])).toEqual([]);
    // The merchant then confirms an item: the answer no longer names the scan, which is still followed.
    expect(scansToTell(followed, undefined, [scan("mine", "interrupted")])).toEqual([scan("mine", "interrupted")]);
  });
});
