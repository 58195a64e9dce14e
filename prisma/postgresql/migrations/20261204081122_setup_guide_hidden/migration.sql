-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "setupGuideHiddenAt" TIMESTAMP(3);

