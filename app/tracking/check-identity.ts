/**
 * How a tracking check is named on the job queue: its kind, and one dedupe key per fulfillment
 * and source. Kept apart from the worker (jobs.server.ts, which reaches the platforms) so that
 * erasure can find a fulfillment's checks without importing the platform clients.
 */
export type JobSource = "webhook" | "backfill";

export const JOB_SOURCES: readonly JobSource[] = ["webhook", "backfill"];

export const TRACKING_JOB = "tracking.check-fulfillment";

export const trackingCheckKey = (fulfillmentId: string, source: JobSource) => `${fulfillmentId}|${source}`;
