-- CreateTable
CREATE TABLE "PlatformRead" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "platform" TEXT NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "facts" TEXT,
    "readAt" DATETIME,
    "attemptedAt" DATETIME NOT NULL,
    "error" TEXT
);

-- CreateIndex
CREATE UNIQUE INDEX "PlatformRead_platform_shopDomain_kind_key" ON "PlatformRead"("platform", "shopDomain", "kind");

