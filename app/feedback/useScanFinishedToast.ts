/**
 * One toast when a scan the page watched finishes: the page polls while a scan runs, and the
 * moment it stops running the merchant hears how it ended (score, or that it failed).
 */
import { useEffect, useRef } from "react";
import { useI18n } from "../i18n";
import { useToast } from "./toast";

interface ScanState {
  status: string;
  score: number | null;
  grade: string | null;
}

export function useScanFinishedToast(scan: ScanState | null) {
  const { t } = useI18n();
  const showToast = useToast();
  const wasRunning = useRef(scan?.status === "running");
  useEffect(() => {
    const running = scan?.status === "running";
    if (wasRunning.current && !running && scan) {
      if (scan.status === "done") showToast(scan.score === null ? t("feedback.scanFinished") : t("feedback.scanFinishedScore", { score: scan.score, grade: scan.grade ?? "-" }));
      else showToast(t("feedback.scanStopped"), { isError: true });
    }
    wasRunning.current = running;
    // Only when the scan's state changes (the translator is a new function on every render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scan?.status, scan?.score, scan?.grade]);
}
