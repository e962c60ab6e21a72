-- The ОРД wired in (issue 17, parts 3–4; docs/ord.md). Per agency: its ОРД settings (API key, host,
-- sandbox) and its own legal details; the legal details of advertisers and creators (OrdParty); the
-- contract chain of each placement (OrdContractRecord: brand → agency, agency → creator); the
-- registration state of every object sent (OrdObject: what was registered, with which payload, and
-- the creative's erid); the monthly statistics reports; and the exchange log (every request and the
-- operator's answer). The ord:sync job records each step before the next (lib/ord/sync-placement.ts).

-- CreateEnum
CREATE TYPE "OrdObjectKind" AS ENUM ('person', 'contract', 'pad', 'creative', 'media', 'statistics');

-- CreateEnum
CREATE TYPE "OrdSyncState" AS ENUM ('pending', 'sent', 'verified', 'bad', 'exported');

-- AlterTable: the last ОРД refusal of a placement (code and issues, shown on its page) and when
-- staff last asked for its erid.
ALTER TABLE "Placement" ADD COLUMN "ordError" JSONB, ADD COLUMN "ordRequestedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "OrdSettings" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "operator" TEXT NOT NULL DEFAULT 'vk',
    "apiKey" TEXT,
    "apiKeyLast4" TEXT,
    "baseUrl" TEXT,
    "sandbox" BOOLEAN NOT NULL DEFAULT true,
    "agencyName" TEXT,
    "agencyLegalForm" TEXT,
    "agencyInn" TEXT,
    "agencyKpp" TEXT,
    "agencyOgrn" TEXT,
    "defaultKktu" TEXT NOT NULL DEFAULT '30.15.1',
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrdSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable ("localType": brand | creator; "kind" of OrdContractRecord: initial | creator — written by
-- lib/ord only, not CHECKed: both are parts of unique keys, which tenant copies in tests suffix)
CREATE TABLE "OrdParty" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "localType" TEXT NOT NULL,
    "localId" TEXT NOT NULL,
    "legalForm" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "inn" TEXT,
    "kpp" TEXT,
    "ogrn" TEXT,
    "phone" TEXT,
    "foreignRegistrationNumber" TEXT,
    "foreignInn" TEXT,
    "foreignCountryCode" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrdParty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrdContractRecord" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "placementId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "signedOn" DATE NOT NULL,
    "endsOn" DATE,
    "serial" TEXT,
    "subject" TEXT NOT NULL,
    "amountMinor" BIGINT,
    "currency" CHAR(3) NOT NULL DEFAULT 'RUB',
    "vatIncluded" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrdContractRecord_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "OrdContractRecord_amount_check" CHECK ("amountMinor" IS NULL OR "amountMinor" >= 0)
);

-- CreateTable
CREATE TABLE "OrdObject" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "operator" TEXT NOT NULL,
    "kind" "OrdObjectKind" NOT NULL,
    "externalId" TEXT NOT NULL,
    "localType" TEXT NOT NULL,
    "localId" TEXT NOT NULL,
    "payloadHash" TEXT,
    "erid" TEXT,
    "state" "OrdSyncState" NOT NULL DEFAULT 'pending',
    "lastError" JSONB,
    "syncedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrdObject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrdStatisticsReport" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "placementId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "impressions" INTEGER NOT NULL,
    "clicks" INTEGER NOT NULL,
    "amountMinor" BIGINT,
    "currency" CHAR(3) NOT NULL DEFAULT 'RUB',
    "dueOn" DATE NOT NULL,
    "state" "OrdSyncState" NOT NULL DEFAULT 'pending',
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrdStatisticsReport_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "OrdStatisticsReport_counts_check" CHECK ("impressions" >= 0 AND "clicks" >= 0)
);

-- CreateTable
CREATE TABLE "OrdExchangeLog" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "placementId" TEXT,
    "objectId" TEXT,
    "reportId" TEXT,
    "kind" "OrdObjectKind" NOT NULL,
    "externalId" TEXT,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "status" INTEGER,
    "attempts" INTEGER NOT NULL,
    "sent" JSONB NOT NULL,
    "answered" JSONB,
    "errorCode" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrdExchangeLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OrdSettings_tenantId_key" ON "OrdSettings"("tenantId");
CREATE UNIQUE INDEX "OrdParty_tenantId_localType_localId_key" ON "OrdParty"("tenantId", "localType", "localId");
CREATE UNIQUE INDEX "OrdContractRecord_tenantId_placementId_kind_key" ON "OrdContractRecord"("tenantId", "placementId", "kind");
CREATE UNIQUE INDEX "OrdObject_tenantId_operator_kind_externalId_key" ON "OrdObject"("tenantId", "operator", "kind", "externalId");
CREATE INDEX "OrdObject_tenantId_localType_localId_idx" ON "OrdObject"("tenantId", "localType", "localId");
CREATE UNIQUE INDEX "OrdStatisticsReport_tenantId_placementId_month_key" ON "OrdStatisticsReport"("tenantId", "placementId", "month");
CREATE INDEX "OrdExchangeLog_tenantId_placementId_createdAt_idx" ON "OrdExchangeLog"("tenantId", "placementId", "createdAt");
CREATE INDEX "OrdExchangeLog_tenantId_createdAt_idx" ON "OrdExchangeLog"("tenantId", "createdAt");

-- AddForeignKey
ALTER TABLE "OrdSettings" ADD CONSTRAINT "OrdSettings_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "OrdParty" ADD CONSTRAINT "OrdParty_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "OrdContractRecord" ADD CONSTRAINT "OrdContractRecord_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "OrdContractRecord" ADD CONSTRAINT "OrdContractRecord_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "OrdObject" ADD CONSTRAINT "OrdObject_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "OrdStatisticsReport" ADD CONSTRAINT "OrdStatisticsReport_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "OrdStatisticsReport" ADD CONSTRAINT "OrdStatisticsReport_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "OrdExchangeLog" ADD CONSTRAINT "OrdExchangeLog_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "OrdExchangeLog" ADD CONSTRAINT "OrdExchangeLog_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Row-level security, as for every tenant-owned table (20261206185000_placements).
GRANT SELECT, INSERT, UPDATE, DELETE ON "OrdSettings", "OrdParty", "OrdContractRecord", "OrdObject", "OrdStatisticsReport", "OrdExchangeLog" TO twoway_app;
ALTER TABLE "OrdSettings" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "OrdSettings" TO twoway_app
  USING ("tenantId" = (SELECT current_setting('app.tenant_id', true)))
  WITH CHECK ("tenantId" = (SELECT current_setting('app.tenant_id', true)));
ALTER TABLE "OrdParty" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "OrdParty" TO twoway_app
  USING ("tenantId" = (SELECT current_setting('app.tenant_id', true)))
  WITH CHECK ("tenantId" = (SELECT current_setting('app.tenant_id', true)));
ALTER TABLE "OrdContractRecord" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "OrdContractRecord" TO twoway_app
  USING ("tenantId" = (SELECT current_setting('app.tenant_id', true)))
  WITH CHECK ("tenantId" = (SELECT current_setting('app.tenant_id', true)));
ALTER TABLE "OrdObject" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "OrdObject" TO twoway_app
  USING ("tenantId" = (SELECT current_setting('app.tenant_id', true)))
  WITH CHECK ("tenantId" = (SELECT current_setting('app.tenant_id', true)));
ALTER TABLE "OrdStatisticsReport" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "OrdStatisticsReport" TO twoway_app
  USING ("tenantId" = (SELECT current_setting('app.tenant_id', true)))
  WITH CHECK ("tenantId" = (SELECT current_setting('app.tenant_id', true)));
ALTER TABLE "OrdExchangeLog" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "OrdExchangeLog" TO twoway_app
  USING ("tenantId" = (SELECT current_setting('app.tenant_id', true)))
  WITH CHECK ("tenantId" = (SELECT current_setting('app.tenant_id', true)));

-- What /r/<code> answers depends on the link's placements too (the erid it appends; no erid on a
-- Russian-audience placement = refused): tell the redirect servers (lib/tracking/link-invalidation.ts).
CREATE OR REPLACE FUNCTION twoway_notify_placement_link_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  link_code TEXT;
BEGIN
  IF TG_OP <> 'INSERT' AND OLD."trackedLinkId" IS NOT NULL THEN
    SELECT code INTO link_code FROM "TrackedLink" WHERE id = OLD."trackedLinkId";
    IF link_code IS NOT NULL THEN PERFORM pg_notify('twoway_link_changed', link_code); END IF;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW."trackedLinkId" IS NOT NULL
     AND (TG_OP = 'INSERT' OR NEW."trackedLinkId" IS DISTINCT FROM OLD."trackedLinkId" OR NEW.erid IS DISTINCT FROM OLD.erid
          OR NEW."audienceMarket" IS DISTINCT FROM OLD."audienceMarket") THEN
    SELECT code INTO link_code FROM "TrackedLink" WHERE id = NEW."trackedLinkId";
    IF link_code IS NOT NULL THEN PERFORM pg_notify('twoway_link_changed', link_code); END IF;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Placement_notify_link_changed"
  AFTER INSERT OR DELETE OR UPDATE OF erid, "trackedLinkId", "audienceMarket" ON "Placement"
  FOR EACH ROW EXECUTE FUNCTION twoway_notify_placement_link_changed();
