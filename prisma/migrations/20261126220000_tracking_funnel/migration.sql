-- CreateEnum
CREATE TYPE "DeviceClass" AS ENUM ('desktop', 'mobile', 'tablet', 'bot', 'unknown');

-- CreateEnum
CREATE TYPE "ConversionType" AS ENUM ('lead', 'close', 'revenue', 'refund');

-- CreateEnum
CREATE TYPE "EventSource" AS ENUM ('api', 'csv', 'system');

-- CreateEnum
CREATE TYPE "CustomerSource" AS ENUM ('referral', 'direct');

-- AlterTable
ALTER TABLE "Referral" ADD COLUMN     "clickId" TEXT;

-- AlterTable
ALTER TABLE "OptIn" ADD COLUMN     "clickId" TEXT;

-- CreateTable
CREATE TABLE "TrackedLink" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "opportunityId" TEXT,
    "code" TEXT NOT NULL,
    "destinationUrl" TEXT NOT NULL,
    "sourceMarket" "Market" NOT NULL,
    "targetMarket" "Market" NOT NULL,
    "label" TEXT,
    "disabledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrackedLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Click" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "linkId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "opportunityId" TEXT,
    "sourceMarket" "Market" NOT NULL,
    "targetMarket" "Market" NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "country" CHAR(2),
    "referrerHost" TEXT,
    "device" "DeviceClass" NOT NULL DEFAULT 'unknown',
    "visitorHash" TEXT NOT NULL,
    "isBot" BOOLEAN NOT NULL DEFAULT false,
    "repeatOfId" TEXT,

    CONSTRAINT "Click_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClickDaily" (
    "tenantId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "linkId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "sourceMarket" "Market" NOT NULL,
    "targetMarket" "Market" NOT NULL,
    "clicks" INTEGER NOT NULL DEFAULT 0,
    "repeats" INTEGER NOT NULL DEFAULT 0,
    "bots" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ClickDaily_pkey" PRIMARY KEY ("tenantId","day","linkId")
);

-- CreateTable
CREATE TABLE "Customer" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "externalId" TEXT,
    "name" TEXT,
    "source" "CustomerSource" NOT NULL DEFAULT 'direct',
    "referralId" TEXT,
    "partnerId" TEXT,
    "programId" TEXT,
    "clickId" TEXT,
    "sourceMarket" "Market",
    "targetMarket" "Market",
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Customer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConversionEvent" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "type" "ConversionType" NOT NULL,
    "source" "EventSource" NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "payloadHash" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "amountMinor" BIGINT,
    "currency" CHAR(3),
    "reportingAmountMinor" BIGINT,
    "reportingCurrency" CHAR(3),
    "fxRate" DECIMAL(20,10),
    "fxRateDay" DATE,
    "customerId" TEXT,
    "externalCustomerId" TEXT,
    "clickId" TEXT,
    "referralId" TEXT,
    "partnerId" TEXT,
    "programId" TEXT,
    "sourceMarket" "Market",
    "targetMarket" "Market",
    "apiKeyId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConversionEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "createdById" TEXT,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FxRate" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "base" CHAR(3) NOT NULL,
    "quote" CHAR(3) NOT NULL,
    "rate" DECIMAL(20,10) NOT NULL,
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FxRate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TrackedLink_code_key" ON "TrackedLink"("code");

-- CreateIndex
CREATE INDEX "TrackedLink_tenantId_partnerId_idx" ON "TrackedLink"("tenantId", "partnerId");

-- CreateIndex
CREATE INDEX "TrackedLink_tenantId_programId_idx" ON "TrackedLink"("tenantId", "programId");

-- CreateIndex
CREATE INDEX "Click_tenantId_occurredAt_idx" ON "Click"("tenantId", "occurredAt");

-- CreateIndex
CREATE INDEX "Click_tenantId_partnerId_occurredAt_idx" ON "Click"("tenantId", "partnerId", "occurredAt");

-- CreateIndex
CREATE INDEX "ClickDaily_tenantId_partnerId_day_idx" ON "ClickDaily"("tenantId", "partnerId", "day");

-- CreateIndex
CREATE INDEX "ClickDaily_tenantId_day_partnerId_programId_sourceMarket_ta_idx" ON "ClickDaily"("tenantId", "day", "partnerId", "programId", "sourceMarket", "targetMarket", "clicks", "repeats", "bots");

-- CreateIndex
CREATE UNIQUE INDEX "Customer_referralId_key" ON "Customer"("referralId");

-- CreateIndex
CREATE INDEX "Customer_tenantId_source_firstSeenAt_idx" ON "Customer"("tenantId", "source", "firstSeenAt");

-- CreateIndex
CREATE INDEX "Customer_tenantId_partnerId_idx" ON "Customer"("tenantId", "partnerId");

-- CreateIndex
CREATE UNIQUE INDEX "Customer_tenantId_externalId_key" ON "Customer"("tenantId", "externalId");

-- CreateIndex
CREATE INDEX "ConversionEvent_tenantId_occurredAt_idx" ON "ConversionEvent"("tenantId", "occurredAt");

-- CreateIndex
CREATE INDEX "ConversionEvent_tenantId_customerId_idx" ON "ConversionEvent"("tenantId", "customerId");

-- CreateIndex
CREATE INDEX "ConversionEvent_tenantId_partnerId_occurredAt_idx" ON "ConversionEvent"("tenantId", "partnerId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "ConversionEvent_tenantId_idempotencyKey_key" ON "ConversionEvent"("tenantId", "idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_prefix_key" ON "ApiKey"("prefix");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_keyHash_key" ON "ApiKey"("keyHash");

-- CreateIndex
CREATE INDEX "ApiKey_tenantId_idx" ON "ApiKey"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "FxRate_tenantId_base_quote_day_key" ON "FxRate"("tenantId", "base", "quote", "day");

-- CreateIndex
CREATE INDEX "Referral_tenantId_submittedAt_idx" ON "Referral"("tenantId", "submittedAt");

-- CreateIndex
CREATE INDEX "Referral_tenantId_qualifiedAt_idx" ON "Referral"("tenantId", "qualifiedAt");

-- CreateIndex
CREATE INDEX "Referral_tenantId_closedAt_idx" ON "Referral"("tenantId", "closedAt");

-- AddForeignKey
ALTER TABLE "TrackedLink" ADD CONSTRAINT "TrackedLink_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrackedLink" ADD CONSTRAINT "TrackedLink_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrackedLink" ADD CONSTRAINT "TrackedLink_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrackedLink" ADD CONSTRAINT "TrackedLink_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClickDaily" ADD CONSTRAINT "ClickDaily_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversionEvent" ADD CONSTRAINT "ConversionEvent_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversionEvent" ADD CONSTRAINT "ConversionEvent_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FxRate" ADD CONSTRAINT "FxRate_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

