-- CreateTable
CREATE TABLE "RateLimitCell" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "tat" BIGINT NOT NULL,
    "lastGrant" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "ShopCircuit" (
    "shopKey" TEXT NOT NULL PRIMARY KEY,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "blockedUntil" BIGINT NOT NULL DEFAULT 0
);

-- CreateIndex
CREATE INDEX "RateLimitCell_tat_idx" ON "RateLimitCell"("tat");

-- CreateIndex
CREATE INDEX "ShopCircuit_blockedUntil_idx" ON "ShopCircuit"("blockedUntil");

