-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "TrackingJob";
PRAGMA foreign_keys=on;

