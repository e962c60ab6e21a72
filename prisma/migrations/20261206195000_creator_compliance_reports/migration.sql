-- Creator compliance data and monthly placement statistics (issue 17, parts 5–6; docs/placements.md).
-- A channel (CreatorPlatform) carries its Roskomnadzor registry number; its subscriber count is the
-- existing audienceSize. A creator carries a staff-set legal status for the contract chain and may be
-- linked to the partner account whose tax profile, where filed, decides that status instead.
-- PlacementMonthStat: the impressions staff enter per placement and month, and whether that month's
-- statistics were sent to the ОРД (by hand after an export, or by the ОРД sync).

-- CreateEnum
CREATE TYPE "CreatorLegalStatus" AS ENUM ('individual', 'self_employed', 'sole_proprietor', 'company');

-- AlterTable
ALTER TABLE "CreatorPlatform" ADD COLUMN "rknRegistryNumber" TEXT;
ALTER TABLE "Creator" ADD COLUMN "legalStatus" "CreatorLegalStatus";
ALTER TABLE "Creator" ADD COLUMN "partnerId" TEXT;
ALTER TABLE "Creator" ADD CONSTRAINT "Creator_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "Creator_tenantId_partnerId_idx" ON "Creator"("tenantId", "partnerId");

-- CreateTable
CREATE TABLE "PlacementMonthStat" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "placementId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "impressions" INTEGER NOT NULL,
    "enteredById" TEXT,
    "sentAt" TIMESTAMP(3),
    "sentById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlacementMonthStat_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "PlacementMonthStat_month_check" CHECK (EXTRACT(DAY FROM "month") = 1),
    CONSTRAINT "PlacementMonthStat_impressions_check" CHECK ("impressions" >= 0)
);

CREATE UNIQUE INDEX "PlacementMonthStat_placementId_month_key" ON "PlacementMonthStat"("placementId", "month");
CREATE INDEX "PlacementMonthStat_tenantId_month_idx" ON "PlacementMonthStat"("tenantId", "month");

ALTER TABLE "PlacementMonthStat" ADD CONSTRAINT "PlacementMonthStat_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PlacementMonthStat" ADD CONSTRAINT "PlacementMonthStat_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security, as for every tenant-owned table (20261206185000_placements).
GRANT SELECT, INSERT, UPDATE, DELETE ON "PlacementMonthStat" TO twoway_app;
ALTER TABLE "PlacementMonthStat" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "PlacementMonthStat" TO twoway_app
  USING ("tenantId" = (SELECT current_setting('app.tenant_id', true)))
  WITH CHECK ("tenantId" = (SELECT current_setting('app.tenant_id', true)));
