/** English texts of background jobs (keys start with "jobs."). */
export const jobsEn = {
  "jobs.failures.title": "Some background work did not go through",
  "jobs.failures.intro": "Rassure tried several times, waiting longer between tries, then stopped. Nothing else is held up.",
  "jobs.failures.item": "{label}: {count} failed, last on {date}",
  "jobs.failures.reason": "Last reason: {reason}",
  "jobs.failures.more": "If this keeps happening, check that Rassure still has access to your shop, or contact support with the reason above.",
  "jobs.kind.tracking.check-fulfillment": "Tracking link checks",
  "jobs.kind.checklist.scan": "Trust checklist scans",
  "jobs.kind.other": "Other background tasks",
} as const;
