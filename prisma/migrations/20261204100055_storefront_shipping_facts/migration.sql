-- AlterTable
ALTER TABLE "StorefrontConfig" ADD COLUMN "shippingFacts" TEXT;

