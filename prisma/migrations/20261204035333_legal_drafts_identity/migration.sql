-- CreateTable
CREATE TABLE "LegalIdentity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "platform" TEXT NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "fields" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "LegalText" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "platform" TEXT NOT NULL,
    "shopDomain" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "previousBody" TEXT,
    "platformRef" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "CompanyVerification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "identifier" TEXT NOT NULL,
    "register" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "name" TEXT,
    "details" TEXT,
    "checkedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "LegalIdentity_platform_shopDomain_key" ON "LegalIdentity"("platform", "shopDomain");

-- CreateIndex
CREATE INDEX "LegalText_platform_shopDomain_kind_createdAt_idx" ON "LegalText"("platform", "shopDomain", "kind", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CompanyVerification_identifier_register_key" ON "CompanyVerification"("identifier", "register");

