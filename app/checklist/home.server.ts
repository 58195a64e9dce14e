/** What Home shows of the checklist: the latest score and the three items that matter most now. */
import prisma from "../db.server";
import { topPriorities } from "./priorities";
import { latestChecklist } from "./scan.server";

export async function homeChecklistSummary(shopDomain: string) {
  const latest = await latestChecklist(prisma, { platform: "shopify", shopDomain }, 1);
  const report = latest.report;
  return {
    running: latest.current?.status === "running",
    score: report?.score ?? null,
    grade: report?.grade ?? null,
    label: report?.label ?? null,
    evaluatedAt: report?.evaluatedAt ?? null,
    timeZone: report?.timeZone ?? null,
    top: report ? topPriorities(report.results).map((r) => ({ id: r.id, title: r.title, summary: r.summary, status: r.status, severity: r.severity, fix: r.fix })) : [],
  };
}

export type HomeChecklistSummary = Awaited<ReturnType<typeof homeChecklistSummary>>;
