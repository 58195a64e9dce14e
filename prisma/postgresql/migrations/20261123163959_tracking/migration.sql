-- CreateTable
CREATE TABLE "TrackingSettings" (
    "id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "autoFix" BOOLEAN NOT NULL DEFAULT true,
    "notifyCustomer" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrackingSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CarrierOverride" (
    "id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "companyKey" TEXT NOT NULL,
    "company" TEXT NOT NULL,
    "carrierRef" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CarrierOverride_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomCarrier" (
    "id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "urlTemplate" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustomCarrier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrackingFix" (
    "id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderName" TEXT,
    "fulfillmentId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "previousCompany" TEXT,
    "previousUrl" TEXT,
    "company" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "notifiedCustomer" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrackingFix_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrackingJob" (
    "id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "fulfillmentId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "runAfter" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "outcome" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrackingJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TrackingSettings_platform_shopDomain_key" ON "TrackingSettings"("platform", "shopDomain");

-- CreateIndex
CREATE UNIQUE INDEX "CarrierOverride_platform_shopDomain_companyKey_key" ON "CarrierOverride"("platform", "shopDomain", "companyKey");

-- CreateIndex
CREATE UNIQUE INDEX "CustomCarrier_platform_shopDomain_nameKey_key" ON "CustomCarrier"("platform", "shopDomain", "nameKey");

-- CreateIndex
CREATE INDEX "TrackingFix_platform_shopDomain_createdAt_idx" ON "TrackingFix"("platform", "shopDomain", "createdAt");

-- CreateIndex
CREATE INDEX "TrackingFix_fulfillmentId_idx" ON "TrackingFix"("fulfillmentId");

-- CreateIndex
CREATE INDEX "TrackingJob_status_runAfter_idx" ON "TrackingJob"("status", "runAfter");

-- CreateIndex
CREATE INDEX "TrackingJob_platform_shopDomain_idx" ON "TrackingJob"("platform", "shopDomain");

