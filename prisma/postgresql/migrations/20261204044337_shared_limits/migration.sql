-- CreateTable
CREATE TABLE "RateLimitCell" (
    "key" TEXT NOT NULL,
    "tat" BIGINT NOT NULL,
    "lastGrant" TEXT NOT NULL,

    CONSTRAINT "RateLimitCell_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "ShopCircuit" (
    "shopKey" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "blockedUntil" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "ShopCircuit_pkey" PRIMARY KEY ("shopKey")
);

-- CreateIndex
CREATE INDEX "RateLimitCell_tat_idx" ON "RateLimitCell"("tat");

-- CreateIndex
CREATE INDEX "ShopCircuit_blockedUntil_idx" ON "ShopCircuit"("blockedUntil");

