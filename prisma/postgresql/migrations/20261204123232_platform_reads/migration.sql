-- CreateTable
CREATE TABLE "PlatformRead" (
    "id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "facts" TEXT,
    "readAt" TIMESTAMP(3),
    "attemptedAt" TIMESTAMP(3) NOT NULL,
    "error" TEXT,

    CONSTRAINT "PlatformRead_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PlatformRead_platform_shopDomain_kind_key" ON "PlatformRead"("platform", "shopDomain", "kind");

