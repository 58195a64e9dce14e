-- CreateTable
CREATE TABLE "ChecklistScan" (
    "id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "score" INTEGER,
    "grade" TEXT,
    "label" TEXT,
    "report" TEXT,
    "snapshot" TEXT,
    "error" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ChecklistScan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChecklistAttestation" (
    "id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "checkId" TEXT NOT NULL,
    "evidence" TEXT NOT NULL,
    "attestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChecklistAttestation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ChecklistScan_platform_shopDomain_startedAt_idx" ON "ChecklistScan"("platform", "shopDomain", "startedAt");

-- CreateIndex
CREATE INDEX "ChecklistScan_status_startedAt_idx" ON "ChecklistScan"("status", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ChecklistAttestation_platform_shopDomain_checkId_key" ON "ChecklistAttestation"("platform", "shopDomain", "checkId");

