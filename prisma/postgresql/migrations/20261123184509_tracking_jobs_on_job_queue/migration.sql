-- Tracking checks move from their own table to the job queue (BackgroundJob). The checks still
-- to do go first, as queued jobs: one per fulfillment and source (the dedupe key of the queue),
-- as the old worker also ran one check for the waiting twins of a fulfillment. A check that was
-- running when the old worker stopped runs again. Finished checks are not carried: their effect
-- is recorded in TrackingFix, and the queue keeps finished jobs for a week only.
-- On PostgreSQL the queue is pg-boss: the worker hands the rows left in BackgroundJob to
-- pg-boss when it starts (app/jobs/pg-boss-store.server.ts).
-- Edited after it was first applied (it dropped the table with the waiting checks): migrate
-- deploy applies only pending migrations, so a database past this one is not affected.
-- No quotes in these comments: the migration runner splits statements by itself.
INSERT INTO "BackgroundJob" ("id", "kind", "platform", "shopDomain", "payload", "dedupeKey", "status", "attempts", "maxAttempts", "runAfter", "lastError", "createdAt", "updatedAt")
SELECT t."id", 'tracking.check-fulfillment', t."platform", t."shopDomain",
       json_build_object('fulfillmentId', t."fulfillmentId", 'source', t."source")::text,
       t."fulfillmentId" || '|' || t."source",
       'pending', t."attempts", GREATEST(5, t."attempts" + 1), t."runAfter", t."lastError", t."createdAt", CURRENT_TIMESTAMP
FROM "TrackingJob" t
WHERE t."status" IN ('pending', 'running')
  AND t."id" = (
    SELECT first."id" FROM "TrackingJob" first
    WHERE first."fulfillmentId" = t."fulfillmentId" AND first."source" = t."source" AND first."status" IN ('pending', 'running')
    ORDER BY first."createdAt", first."id"
    LIMIT 1
  );

-- DropTable
DROP TABLE "TrackingJob";
