-- CreateEnum
CREATE TYPE "OpportunitySide" AS ENUM ('brand_seeks_creators', 'creator_seeks_brands');

-- CreateEnum
CREATE TYPE "OpportunityStatus" AS ENUM ('draft', 'open', 'closed', 'filled');

-- CreateEnum
CREATE TYPE "OptInStatus" AS ENUM ('new', 'shortlisted', 'accepted', 'declined');

-- AlterTable
ALTER TABLE "Partner" ADD COLUMN     "refCode" TEXT;

-- AlterTable
ALTER TABLE "Referral" ADD COLUMN     "opportunityId" TEXT;

-- CreateTable
CREATE TABLE "Opportunity" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "side" "OpportunitySide" NOT NULL,
    "sourceMarket" "Market" NOT NULL,
    "targetMarket" "Market" NOT NULL,
    "platforms" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "niches" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "audienceMin" INTEGER,
    "audienceMax" INTEGER,
    "budgetMinMinor" BIGINT,
    "budgetMaxMinor" BIGINT,
    "budgetCurrency" CHAR(3),
    "prepaymentPercent" INTEGER,
    "netDays" INTEGER,
    "barter" BOOLEAN NOT NULL DEFAULT false,
    "deadline" TIMESTAMP(3),
    "slots" INTEGER NOT NULL DEFAULT 1,
    "status" "OpportunityStatus" NOT NULL DEFAULT 'draft',
    "titleEn" TEXT,
    "titleRu" TEXT,
    "descriptionEn" TEXT,
    "descriptionRu" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Opportunity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OptIn" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "opportunityId" TEXT NOT NULL,
    "partnerId" TEXT,
    "kind" "ReferralKind" NOT NULL,
    "name" TEXT NOT NULL,
    "market" "Market" NOT NULL,
    "country" CHAR(2),
    "website" TEXT,
    "platforms" JSONB NOT NULL DEFAULT '[]',
    "contactName" TEXT,
    "contactEmail" TEXT NOT NULL,
    "pitch" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "consentVersion" TEXT NOT NULL,
    "consentText" TEXT NOT NULL,
    "consentedAt" TIMESTAMP(3) NOT NULL,
    "status" "OptInStatus" NOT NULL DEFAULT 'new',
    "referralId" TEXT,
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "decisionNote" TEXT,
    "ipHash" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OptIn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OpportunityInvitation" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "opportunityId" TEXT NOT NULL,
    "brandId" TEXT,
    "creatorId" TEXT,
    "email" TEXT NOT NULL,
    "invitedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OpportunityInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Opportunity_tenantId_status_idx" ON "Opportunity"("tenantId", "status");

-- CreateIndex
CREATE INDEX "Opportunity_tenantId_programId_idx" ON "Opportunity"("tenantId", "programId");

-- CreateIndex
CREATE UNIQUE INDEX "OptIn_referralId_key" ON "OptIn"("referralId");

-- CreateIndex
CREATE INDEX "OptIn_tenantId_opportunityId_status_idx" ON "OptIn"("tenantId", "opportunityId", "status");

-- CreateIndex
CREATE INDEX "OptIn_tenantId_partnerId_idx" ON "OptIn"("tenantId", "partnerId");

-- CreateIndex
CREATE INDEX "OpportunityInvitation_tenantId_idx" ON "OpportunityInvitation"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "OpportunityInvitation_opportunityId_brandId_key" ON "OpportunityInvitation"("opportunityId", "brandId");

-- CreateIndex
CREATE UNIQUE INDEX "OpportunityInvitation_opportunityId_creatorId_key" ON "OpportunityInvitation"("opportunityId", "creatorId");

-- CreateIndex
CREATE UNIQUE INDEX "Partner_tenantId_refCode_key" ON "Partner"("tenantId", "refCode");

-- CreateIndex
CREATE INDEX "Referral_tenantId_opportunityId_idx" ON "Referral"("tenantId", "opportunityId");

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opportunity" ADD CONSTRAINT "Opportunity_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opportunity" ADD CONSTRAINT "Opportunity_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OptIn" ADD CONSTRAINT "OptIn_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OptIn" ADD CONSTRAINT "OptIn_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OptIn" ADD CONSTRAINT "OptIn_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OptIn" ADD CONSTRAINT "OptIn_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpportunityInvitation" ADD CONSTRAINT "OpportunityInvitation_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpportunityInvitation" ADD CONSTRAINT "OpportunityInvitation_opportunityId_fkey" FOREIGN KEY ("opportunityId") REFERENCES "Opportunity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpportunityInvitation" ADD CONSTRAINT "OpportunityInvitation_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpportunityInvitation" ADD CONSTRAINT "OpportunityInvitation_creatorId_fkey" FOREIGN KEY ("creatorId") REFERENCES "Creator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

