-- Partner groups (issue 16 part 3; docs/partner-groups.md). A group lives inside a program and has
-- its own commission rules (CommissionRule.groupId), holding period override, landing text and
-- application questions in English and Russian. ProgramPartner.groupId is the partner's group in the
-- program; PartnerGroupMove is the history the commission job reads to find the group a partner was
-- in when an event happened, so a move changes future commissions only.

-- CreateTable
CREATE TABLE "PartnerGroup" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "holdDays" INTEGER,
    "landingTextEn" TEXT,
    "landingTextRu" TEXT,
    "applicationIntroEn" TEXT,
    "applicationIntroRu" TEXT,
    "questions" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PartnerGroup_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "PartnerGroup_hold_check" CHECK ("holdDays" IS NULL OR "holdDays" BETWEEN 0 AND 365)
);

-- CreateTable
CREATE TABLE "PartnerGroupMove" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "fromGroupId" TEXT,
    "toGroupId" TEXT NOT NULL,
    "movedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "movedById" TEXT,

    CONSTRAINT "PartnerGroupMove_pkey" PRIMARY KEY ("id")
);

-- AlterTable
ALTER TABLE "ProgramPartner" ADD COLUMN "groupId" TEXT;
ALTER TABLE "CommissionRule" ADD COLUMN "groupId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "PartnerGroup_programId_slug_key" ON "PartnerGroup"("programId", "slug");
CREATE INDEX "PartnerGroup_tenantId_programId_idx" ON "PartnerGroup"("tenantId", "programId");
-- One default group per program.
CREATE UNIQUE INDEX "PartnerGroup_one_default" ON "PartnerGroup"("programId") WHERE "isDefault";
CREATE INDEX "PartnerGroupMove_tenantId_partnerId_programId_movedAt_idx" ON "PartnerGroupMove"("tenantId", "partnerId", "programId", "movedAt");
CREATE INDEX "ProgramPartner_groupId_idx" ON "ProgramPartner"("groupId");

-- AddForeignKey
ALTER TABLE "PartnerGroup" ADD CONSTRAINT "PartnerGroup_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PartnerGroup" ADD CONSTRAINT "PartnerGroup_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PartnerGroupMove" ADD CONSTRAINT "PartnerGroupMove_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PartnerGroupMove" ADD CONSTRAINT "PartnerGroupMove_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PartnerGroupMove" ADD CONSTRAINT "PartnerGroupMove_fromGroupId_fkey" FOREIGN KEY ("fromGroupId") REFERENCES "PartnerGroup"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PartnerGroupMove" ADD CONSTRAINT "PartnerGroupMove_toGroupId_fkey" FOREIGN KEY ("toGroupId") REFERENCES "PartnerGroup"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ProgramPartner" ADD CONSTRAINT "ProgramPartner_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "PartnerGroup"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CommissionRule" ADD CONSTRAINT "CommissionRule_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "PartnerGroup"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Row-level security, as for every tenant-owned table (20261206040000_row_level_security, with the
-- initplan form of 20261206090000_rls_initplan).
GRANT SELECT, INSERT, UPDATE, DELETE ON "PartnerGroup", "PartnerGroupMove" TO twoway_app;
ALTER TABLE "PartnerGroup" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "PartnerGroup" TO twoway_app
  USING ("tenantId" = (SELECT current_setting('app.tenant_id', true)))
  WITH CHECK ("tenantId" = (SELECT current_setting('app.tenant_id', true)));
ALTER TABLE "PartnerGroupMove" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "PartnerGroupMove" TO twoway_app
  USING ("tenantId" = (SELECT current_setting('app.tenant_id', true)))
  WITH CHECK ("tenantId" = (SELECT current_setting('app.tenant_id', true)));
