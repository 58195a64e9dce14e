/**
 * Which items matter most now (Home shows the top three): scored items that are not done,
 * critical before recommended, failures before items to confirm or check.
 */
import type { CheckResult, Severity, Status } from "./types";

const SEVERITY_RANK: Record<Severity, number> = { critical: 0, recommended: 1, "nice-to-have": 2 };
const STATUS_RANK: Partial<Record<Status, number>> = { fail: 0, manual_pending: 1, warning: 2 };

export function topPriorities(results: CheckResult[], count = 3): CheckResult[] {
  return results
    .filter((r) => !r.informative && STATUS_RANK[r.status] !== undefined)
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (STATUS_RANK[a.status] ?? 9) - (STATUS_RANK[b.status] ?? 9))
    .slice(0, count);
}
