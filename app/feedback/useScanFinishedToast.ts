/**
 * One toast when the scan the merchant started finishes, in their language: the score, or that it
 * did not finish. Tied to that scan's id (the action's answer), not to "a scan stopped running":
 * the daily refresh or a webhook's scan finishing while the page is open is not the merchant's,
 * and a scan that finished before the page could see it running still gets its toast. Each id is
 * told once, whatever re-renders, polls or later submissions follow.
 */
import { useEffect, useRef } from "react";
import { useI18n } from "../i18n";
import { useToast } from "./toast";

export interface ScanOutcome {
  id: string;
  status: string;
  score: number | null;
  grade: string | null;
}

/**
 * The scans to tell the merchant about now, given the ones already followed (id → told yet?),
 * the scan the latest answer says they started, and the newest scans' outcomes. Updates `followed`.
 */
export function scansToTell(followed: Map<string, boolean>, startedScanId: string | null | undefined, scans: ScanOutcome[]): ScanOutcome[] {
  // An id enters when the merchant starts it and stays, so it is never told twice.
  if (startedScanId && !followed.has(startedScanId)) followed.set(startedScanId, false);
  const finished: ScanOutcome[] = [];
  for (const [id, told] of followed) {
    const scan = scans.find((s) => s.id === id);
    if (told || !scan || scan.status === "running") continue;
    followed.set(id, true);
    finished.push(scan);
  }
  return finished;
}

export function useScanFinishedToast(startedScanId: string | null | undefined, scans: ScanOutcome[]) {
  const { t } = useI18n();
  const showToast = useToast();
  const translate = useRef(t);
  translate.current = t;
  const followed = useRef(new Map<string, boolean>());
  useEffect(() => {
    const say = translate.current;
    for (const scan of scansToTell(followed.current, startedScanId, scans)) {
      if (scan.status === "done") showToast(scan.score === null ? say("feedback.scanFinished") : say("feedback.scanFinishedScore", { score: scan.score, grade: scan.grade ?? "-" }));
      else showToast(say("feedback.scanStopped"), { isError: true });
    }
  }, [startedScanId, scans, showToast]);
}

/** Whether the scan the merchant started is still running (the page keeps polling until it is not). */
export function isScanRunning(scanId: string | null | undefined, scans: ScanOutcome[]): boolean {
  return !!scanId && scans.find((s) => s.id === scanId)?.status === "running";
}
