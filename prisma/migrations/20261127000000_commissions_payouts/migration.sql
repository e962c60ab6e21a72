-- CreateEnum
CREATE TYPE "CommissionBasis" AS ENUM ('revenue_share', 'lead_bounty', 'close_bounty');

-- CreateEnum
CREATE TYPE "CommissionKind" AS ENUM ('earning', 'clawback', 'adjustment');

-- CreateEnum
CREATE TYPE "CommissionStatus" AS ENUM ('pending', 'approved', 'paid', 'void');

-- CreateEnum
CREATE TYPE "PayoutRail" AS ENUM ('stripe', 'registry', 'manual');

-- CreateEnum
CREATE TYPE "PayoutRunStatus" AS ENUM ('draft', 'approved', 'executing', 'completed', 'cancelled');

-- CreateEnum
CREATE TYPE "PayoutStatus" AS ENUM ('held', 'ready', 'processing', 'sent', 'paid', 'partial', 'failed', 'cancelled');

-- CreateEnum
CREATE TYPE "TaxForm" AS ENUM ('us_w9', 'foreign_w8ben', 'ru_self_employed', 'ru_ip', 'ru_company');

-- CreateEnum
CREATE TYPE "ScreeningStatus" AS ENUM ('clear', 'possible_match', 'blocked');

-- CreateEnum
CREATE TYPE "StatementLineResult" AS ENUM ('matched', 'partial', 'unknown', 'duplicate');

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "payoutMinimums" JSONB NOT NULL DEFAULT '{"USD": 5000, "RUB": 100000}';

-- CreateTable
CREATE TABLE "CommissionRule" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "market" "Market",
    "name" TEXT NOT NULL,
    "basis" "CommissionBasis" NOT NULL,
    "percentBps" INTEGER,
    "durationMonths" INTEGER,
    "amountMinor" BIGINT,
    "currency" CHAR(3) NOT NULL,
    "tiers" JSONB NOT NULL DEFAULT '[]',
    "capMinor" BIGINT,
    "holdDays" INTEGER NOT NULL DEFAULT 30,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CommissionRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Commission" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "programId" TEXT,
    "ruleId" TEXT,
    "eventId" TEXT,
    "customerId" TEXT,
    "reversesId" TEXT,
    "kind" "CommissionKind" NOT NULL DEFAULT 'earning',
    "status" "CommissionStatus" NOT NULL DEFAULT 'pending',
    "amountMinor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "baseAmountMinor" BIGINT,
    "baseCurrency" CHAR(3),
    "fxRate" DECIMAL(20,10),
    "fxRateDay" DATE,
    "fxSource" TEXT,
    "explanation" JSONB NOT NULL DEFAULT '{}',
    "reason" TEXT,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "approvedAt" TIMESTAMP(3),
    "approvedById" TEXT,
    "paidAt" TIMESTAMP(3),
    "payoutId" TEXT,
    "voidedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Commission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommissionTransition" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "commissionId" TEXT NOT NULL,
    "fromStatus" "CommissionStatus",
    "toStatus" "CommissionStatus" NOT NULL,
    "action" TEXT NOT NULL,
    "payoutId" TEXT,
    "actorUserId" TEXT,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommissionTransition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PayoutMethod" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "rail" "PayoutRail" NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "stripeAccountId" TEXT,
    "stripeDetailsSubmitted" BOOLEAN NOT NULL DEFAULT false,
    "stripePayoutsEnabled" BOOLEAN NOT NULL DEFAULT false,
    "payeeName" TEXT,
    "inn" TEXT,
    "bankName" TEXT,
    "bic" TEXT,
    "accountNumber" TEXT,
    "corrAccount" TEXT,
    "details" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PayoutMethod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PayoutRun" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "PayoutRunStatus" NOT NULL DEFAULT 'draft',
    "cutoffAt" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT,
    "approvedById" TEXT,
    "approvedAt" TIMESTAMP(3),
    "executedById" TEXT,
    "executedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "registrySentAt" TIMESTAMP(3),
    "totalPayouts" INTEGER NOT NULL DEFAULT 0,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PayoutRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payout" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "rail" "PayoutRail" NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "amountMinor" BIGINT NOT NULL,
    "status" "PayoutStatus" NOT NULL DEFAULT 'ready',
    "reference" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "holdReason" TEXT,
    "releaseRequestedById" TEXT,
    "releaseRequestedAt" TIMESTAMP(3),
    "releaseNote" TEXT,
    "releasedById" TEXT,
    "releasedAt" TIMESTAMP(3),
    "externalId" TEXT,
    "failureReason" TEXT,
    "receivedAmountMinor" BIGINT,
    "receiptRef" TEXT,
    "payee" JSONB NOT NULL DEFAULT '{}',
    "sentAt" TIMESTAMP(3),
    "paidAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Payout_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PayoutItem" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "payoutId" TEXT NOT NULL,
    "commissionId" TEXT NOT NULL,
    "amountMinor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "payoutMinor" BIGINT NOT NULL,
    "fxRate" DECIMAL(20,10),
    "fxRateDay" DATE,
    "fxSource" TEXT,

    CONSTRAINT "PayoutItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatementImport" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "runId" TEXT,
    "fileName" TEXT NOT NULL,
    "importedById" TEXT,
    "lineCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatementImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatementLine" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "importId" TEXT NOT NULL,
    "lineNo" INTEGER NOT NULL,
    "reference" TEXT,
    "payeeName" TEXT,
    "amountMinor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "bookedOn" DATE,
    "result" "StatementLineResult" NOT NULL,
    "payoutId" TEXT,

    CONSTRAINT "StatementLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StripeEvent" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "processedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StripeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaxProfile" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "form" "TaxForm" NOT NULL,
    "legalName" TEXT NOT NULL,
    "tinEncrypted" TEXT,
    "tinLast4" TEXT,
    "address" TEXT,
    "country" CHAR(2),
    "region" TEXT,
    "w8benSignedOn" DATE,
    "inn" TEXT,
    "selfEmployedCheckedOn" DATE,
    "companyDetails" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TaxProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaxThreshold" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "amountMinor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,

    CONSTRAINT "TaxThreshold_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SanctionsList" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "entryCount" INTEGER NOT NULL,
    "importedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SanctionsList_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SanctionsEntry" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "listId" TEXT NOT NULL,
    "uid" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "normalizedName" TEXT NOT NULL,
    "entryType" TEXT,
    "program" TEXT,
    "remarks" TEXT,

    CONSTRAINT "SanctionsEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Screening" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "listId" TEXT,
    "status" "ScreeningStatus" NOT NULL,
    "reason" TEXT NOT NULL,
    "matches" JSONB NOT NULL DEFAULT '[]',
    "screenedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Screening_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CommissionRule_tenantId_programId_idx" ON "CommissionRule"("tenantId", "programId");

-- CreateIndex
CREATE INDEX "Commission_tenantId_partnerId_currency_status_idx" ON "Commission"("tenantId", "partnerId", "currency", "status");

-- CreateIndex
CREATE INDEX "Commission_tenantId_status_dueAt_idx" ON "Commission"("tenantId", "status", "dueAt");

-- CreateIndex
CREATE INDEX "Commission_tenantId_customerId_idx" ON "Commission"("tenantId", "customerId");

-- CreateIndex
CREATE INDEX "Commission_payoutId_idx" ON "Commission"("payoutId");

-- CreateIndex
CREATE UNIQUE INDEX "Commission_tenantId_eventId_ruleId_key" ON "Commission"("tenantId", "eventId", "ruleId");

-- CreateIndex
CREATE INDEX "CommissionTransition_tenantId_commissionId_idx" ON "CommissionTransition"("tenantId", "commissionId");

-- CreateIndex
CREATE UNIQUE INDEX "PayoutMethod_partnerId_key" ON "PayoutMethod"("partnerId");

-- CreateIndex
CREATE UNIQUE INDEX "PayoutMethod_stripeAccountId_key" ON "PayoutMethod"("stripeAccountId");

-- CreateIndex
CREATE INDEX "PayoutMethod_tenantId_idx" ON "PayoutMethod"("tenantId");

-- CreateIndex
CREATE INDEX "PayoutRun_tenantId_createdAt_idx" ON "PayoutRun"("tenantId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PayoutRun_tenantId_number_key" ON "PayoutRun"("tenantId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Payout_reference_key" ON "Payout"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "Payout_idempotencyKey_key" ON "Payout"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Payout_tenantId_status_idx" ON "Payout"("tenantId", "status");

-- CreateIndex
CREATE INDEX "Payout_tenantId_partnerId_idx" ON "Payout"("tenantId", "partnerId");

-- CreateIndex
CREATE INDEX "Payout_runId_idx" ON "Payout"("runId");

-- CreateIndex
CREATE INDEX "Payout_externalId_idx" ON "Payout"("externalId");

-- CreateIndex
CREATE INDEX "PayoutItem_tenantId_idx" ON "PayoutItem"("tenantId");

-- CreateIndex
CREATE INDEX "PayoutItem_commissionId_idx" ON "PayoutItem"("commissionId");

-- CreateIndex
CREATE UNIQUE INDEX "PayoutItem_payoutId_commissionId_key" ON "PayoutItem"("payoutId", "commissionId");

-- CreateIndex
CREATE INDEX "StatementImport_tenantId_createdAt_idx" ON "StatementImport"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "StatementLine_tenantId_importId_idx" ON "StatementLine"("tenantId", "importId");

-- CreateIndex
CREATE INDEX "StatementLine_payoutId_idx" ON "StatementLine"("payoutId");

-- CreateIndex
CREATE UNIQUE INDEX "TaxProfile_partnerId_key" ON "TaxProfile"("partnerId");

-- CreateIndex
CREATE INDEX "TaxProfile_tenantId_idx" ON "TaxProfile"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "TaxThreshold_kind_year_key" ON "TaxThreshold"("kind", "year");

-- CreateIndex
CREATE INDEX "SanctionsList_tenantId_createdAt_idx" ON "SanctionsList"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "SanctionsEntry_tenantId_listId_idx" ON "SanctionsEntry"("tenantId", "listId");

-- CreateIndex
CREATE INDEX "Screening_tenantId_partnerId_createdAt_idx" ON "Screening"("tenantId", "partnerId", "createdAt");

-- AddForeignKey
ALTER TABLE "CommissionRule" ADD CONSTRAINT "CommissionRule_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommissionRule" ADD CONSTRAINT "CommissionRule_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commission" ADD CONSTRAINT "Commission_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commission" ADD CONSTRAINT "Commission_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commission" ADD CONSTRAINT "Commission_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "CommissionRule"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commission" ADD CONSTRAINT "Commission_payoutId_fkey" FOREIGN KEY ("payoutId") REFERENCES "Payout"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommissionTransition" ADD CONSTRAINT "CommissionTransition_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommissionTransition" ADD CONSTRAINT "CommissionTransition_commissionId_fkey" FOREIGN KEY ("commissionId") REFERENCES "Commission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PayoutMethod" ADD CONSTRAINT "PayoutMethod_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PayoutMethod" ADD CONSTRAINT "PayoutMethod_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PayoutRun" ADD CONSTRAINT "PayoutRun_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payout" ADD CONSTRAINT "Payout_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payout" ADD CONSTRAINT "Payout_runId_fkey" FOREIGN KEY ("runId") REFERENCES "PayoutRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payout" ADD CONSTRAINT "Payout_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PayoutItem" ADD CONSTRAINT "PayoutItem_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PayoutItem" ADD CONSTRAINT "PayoutItem_payoutId_fkey" FOREIGN KEY ("payoutId") REFERENCES "Payout"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PayoutItem" ADD CONSTRAINT "PayoutItem_commissionId_fkey" FOREIGN KEY ("commissionId") REFERENCES "Commission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatementImport" ADD CONSTRAINT "StatementImport_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatementImport" ADD CONSTRAINT "StatementImport_runId_fkey" FOREIGN KEY ("runId") REFERENCES "PayoutRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatementLine" ADD CONSTRAINT "StatementLine_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatementLine" ADD CONSTRAINT "StatementLine_importId_fkey" FOREIGN KEY ("importId") REFERENCES "StatementImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatementLine" ADD CONSTRAINT "StatementLine_payoutId_fkey" FOREIGN KEY ("payoutId") REFERENCES "Payout"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaxProfile" ADD CONSTRAINT "TaxProfile_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaxProfile" ADD CONSTRAINT "TaxProfile_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SanctionsList" ADD CONSTRAINT "SanctionsList_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SanctionsEntry" ADD CONSTRAINT "SanctionsEntry_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SanctionsEntry" ADD CONSTRAINT "SanctionsEntry_listId_fkey" FOREIGN KEY ("listId") REFERENCES "SanctionsList"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Screening" ADD CONSTRAINT "Screening_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Screening" ADD CONSTRAINT "Screening_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;



-- Tax thresholds are data (editable per year): 1099-NEC reporting threshold and the НПД income cap.
INSERT INTO "TaxThreshold" ("id", "kind", "year", "amountMinor", "currency") VALUES
  ('us-1099-nec-2025', 'US-1099-NEC', 2025, 60000, 'USD'),
  ('us-1099-nec-2026', 'US-1099-NEC', 2026, 200000, 'USD'),
  ('ru-npd-cap-2025', 'RU-NPD-CAP', 2025, 240000000, 'RUB'),
  ('ru-npd-cap-2026', 'RU-NPD-CAP', 2026, 240000000, 'RUB')
ON CONFLICT ("kind", "year") DO NOTHING;
