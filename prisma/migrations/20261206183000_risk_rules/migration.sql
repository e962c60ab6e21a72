-- Fraud and risk rules (issue 16, part 1; lib/risk, docs/risk-rules.md).
--   "RiskRule"        a tenant's settings per rule kind (no row = the defaults in lib/risk/rules.ts);
--   "RiskCase"        a partner under review: open → cleared | confirmed;
--   "RiskHit"         one finding, unique per (tenant, kind, subject) so a finding is recorded once;
--   "PartnerVisitor"  visitor hashes of a partner's own portal sessions (self-referral rule);
--   "Commission"."riskCaseId"  set while a case holds the commission; payout runs skip such rows.

-- CreateEnum
CREATE TYPE "RiskRuleKind" AS ENUM ('self_referral', 'shared_payout_account', 'disposable_email', 'click_spike', 'bot_ratio', 'banned_elsewhere');

-- CreateEnum
CREATE TYPE "RiskSeverity" AS ENUM ('low', 'medium', 'high');

-- CreateEnum
CREATE TYPE "RiskCaseStatus" AS ENUM ('open', 'cleared', 'confirmed');

-- AlterTable
ALTER TABLE "Commission" ADD COLUMN "riskCaseId" TEXT;

-- CreateTable
CREATE TABLE "RiskRule" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "kind" "RiskRuleKind" NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "severity" "RiskSeverity" NOT NULL DEFAULT 'medium',
    "threshold" INTEGER,
    "minClicks" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RiskRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RiskCase" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "status" "RiskCaseStatus" NOT NULL DEFAULT 'open',
    "severity" "RiskSeverity" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,
    "note" TEXT,
    "partnerSuspended" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "RiskCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RiskHit" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "kind" "RiskRuleKind" NOT NULL,
    "severity" "RiskSeverity" NOT NULL,
    "subjectKey" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RiskHit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartnerVisitor" (
    "tenantId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "visitorHash" TEXT NOT NULL,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartnerVisitor_pkey" PRIMARY KEY ("tenantId", "partnerId", "visitorHash")
);

-- CreateIndex
CREATE INDEX "Commission_riskCaseId_idx" ON "Commission"("riskCaseId");

-- CreateIndex
CREATE UNIQUE INDEX "RiskRule_tenantId_kind_key" ON "RiskRule"("tenantId", "kind");

-- CreateIndex
CREATE INDEX "RiskCase_tenantId_status_createdAt_idx" ON "RiskCase"("tenantId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "RiskCase_tenantId_partnerId_status_idx" ON "RiskCase"("tenantId", "partnerId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "RiskHit_tenantId_kind_subjectKey_key" ON "RiskHit"("tenantId", "kind", "subjectKey");

-- CreateIndex
CREATE INDEX "RiskHit_caseId_idx" ON "RiskHit"("caseId");

-- CreateIndex
CREATE INDEX "PartnerVisitor_tenantId_visitorHash_idx" ON "PartnerVisitor"("tenantId", "visitorHash");

-- AddForeignKey
ALTER TABLE "Commission" ADD CONSTRAINT "Commission_riskCaseId_fkey" FOREIGN KEY ("riskCaseId") REFERENCES "RiskCase"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskRule" ADD CONSTRAINT "RiskRule_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskCase" ADD CONSTRAINT "RiskCase_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskCase" ADD CONSTRAINT "RiskCase_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskHit" ADD CONSTRAINT "RiskHit_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskHit" ADD CONSTRAINT "RiskHit_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "RiskCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerVisitor" ADD CONSTRAINT "PartnerVisitor_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerVisitor" ADD CONSTRAINT "PartnerVisitor_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security, exactly as for every tenant-owned table (20261206040000_row_level_security):
-- twoway_app sees and writes only the rows of the tenant in app.tenant_id.
GRANT SELECT, INSERT, UPDATE, DELETE ON "RiskRule", "RiskCase", "RiskHit", "PartnerVisitor" TO twoway_app;
ALTER TABLE "RiskRule" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "RiskRule" TO twoway_app
  USING ("tenantId" = (SELECT current_setting('app.tenant_id', true)))
  WITH CHECK ("tenantId" = (SELECT current_setting('app.tenant_id', true)));
ALTER TABLE "RiskCase" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "RiskCase" TO twoway_app
  USING ("tenantId" = (SELECT current_setting('app.tenant_id', true)))
  WITH CHECK ("tenantId" = (SELECT current_setting('app.tenant_id', true)));
ALTER TABLE "RiskHit" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "RiskHit" TO twoway_app
  USING ("tenantId" = (SELECT current_setting('app.tenant_id', true)))
  WITH CHECK ("tenantId" = (SELECT current_setting('app.tenant_id', true)));
ALTER TABLE "PartnerVisitor" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "PartnerVisitor" TO twoway_app
  USING ("tenantId" = (SELECT current_setting('app.tenant_id', true)))
  WITH CHECK ("tenantId" = (SELECT current_setting('app.tenant_id', true)));
