-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "PartnerStatus" ADD VALUE 'applied';
ALTER TYPE "PartnerStatus" ADD VALUE 'declined';

-- AlterTable
ALTER TABLE "Referral" ADD COLUMN     "country" CHAR(2),
ADD COLUMN     "duplicateOfId" TEXT,
ADD COLUMN     "duplicateReason" TEXT,
ADD COLUMN     "overrideReason" TEXT,
ADD COLUMN     "platforms" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "website" TEXT;

-- CreateTable
CREATE TABLE "PartnerInvite" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "invitedById" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartnerInvite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferralSubjectKey" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "referralId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReferralSubjectKey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PartnerInvite_tokenHash_key" ON "PartnerInvite"("tokenHash");

-- CreateIndex
CREATE INDEX "PartnerInvite_tenantId_idx" ON "PartnerInvite"("tenantId");

-- CreateIndex
CREATE INDEX "PartnerInvite_partnerId_idx" ON "PartnerInvite"("partnerId");

-- CreateIndex
CREATE INDEX "ReferralSubjectKey_tenantId_key_idx" ON "ReferralSubjectKey"("tenantId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "ReferralSubjectKey_referralId_key_key" ON "ReferralSubjectKey"("referralId", "key");

-- AddForeignKey
ALTER TABLE "PartnerInvite" ADD CONSTRAINT "PartnerInvite_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerInvite" ADD CONSTRAINT "PartnerInvite_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "Referral"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferralSubjectKey" ADD CONSTRAINT "ReferralSubjectKey_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferralSubjectKey" ADD CONSTRAINT "ReferralSubjectKey_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE CASCADE ON UPDATE CASCADE;

