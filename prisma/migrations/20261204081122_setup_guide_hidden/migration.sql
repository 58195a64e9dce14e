-- AlterTable
ALTER TABLE "Shop" ADD COLUMN "setupGuideHiddenAt" DATETIME;

