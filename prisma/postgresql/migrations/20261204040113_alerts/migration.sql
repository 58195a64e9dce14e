-- CreateTable
CREATE TABLE "AlertSettings" (
    "id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "recipient" TEXT,
    "platformEmail" TEXT,
    "timezone" TEXT,
    "language" TEXT,
    "certificateExpiry" BOOLEAN NOT NULL DEFAULT true,
    "storefrontDown" BOOLEAN NOT NULL DEFAULT true,
    "gradeDrop" BOOLEAN NOT NULL DEFAULT true,
    "quietStart" INTEGER,
    "quietEnd" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlertSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertObservation" (
    "id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "scanId" TEXT NOT NULL,
    "observedAt" TIMESTAMP(3) NOT NULL,
    "storefrontStatus" TEXT,
    "storefrontOrigin" TEXT,
    "storefrontError" TEXT,
    "tlsValidTo" TIMESTAMP(3),
    "grade" TEXT,
    "score" INTEGER,
    "statuses" TEXT NOT NULL DEFAULT '{}',

    CONSTRAINT "AlertObservation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertCondition" (
    "id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '{}',

    CONSTRAINT "AlertCondition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "facts" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "recipient" TEXT,
    "locale" TEXT,
    "subject" TEXT,
    "sendAfter" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "messageId" TEXT,
    "raisedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AlertSettings_platform_shopDomain_key" ON "AlertSettings"("platform", "shopDomain");

-- CreateIndex
CREATE UNIQUE INDEX "AlertObservation_scanId_key" ON "AlertObservation"("scanId");

-- CreateIndex
CREATE INDEX "AlertObservation_platform_shopDomain_observedAt_idx" ON "AlertObservation"("platform", "shopDomain", "observedAt");

-- CreateIndex
CREATE UNIQUE INDEX "AlertCondition_platform_shopDomain_kind_key" ON "AlertCondition"("platform", "shopDomain", "kind");

-- CreateIndex
CREATE INDEX "Alert_platform_shopDomain_raisedAt_idx" ON "Alert"("platform", "shopDomain", "raisedAt");

