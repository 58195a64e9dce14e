-- DropTable
DROP TABLE "TrackingJob";

