-- "Click" partitioned by month (issue 14, part 6; docs/operations.md, "Partitioned clicks and retention").
--
-- Native declarative partitioning on "occurredAt" (UTC): one partition per calendar month, named
-- "Click_YYYY_MM", plus "Click_default" for rows no month partition takes (a clock far off, a
-- backfill into a month whose partition was dropped). The daily job clicks:partitions
-- (lib/tracking/partitions.ts) creates the coming months ahead, moves rows out of the default
-- partition, deletes each agency's clicks older than its retention and drops month partitions no
-- agency keeps. The rollups ("ClickDaily", "FunnelDaily", …) are separate tables written by the click
-- writer and their own triggers; nothing on "Click" feeds them, so deleting clicks never changes them.
--
-- A partitioned table's unique keys must contain the partition key: the primary key becomes
-- ("id", "occurredAt"). Lookups by id alone (attribution: lib/attribution/resolve-click.ts) probe
-- each partition's primary-key index; the click writer conflicts on ("id", "occurredAt"), which is
-- the same row (a retried batch carries the same id and time).
--
-- Existing rows are MOVED: the old table is renamed, the new one created with partitions covering
-- every month from the oldest click through two months ahead, the rows copied, the old table
-- dropped. One transaction (lib/db/migrate.ts); the lock holds off a redirect server that is still
-- running until the new table is in place (its batches wait and are then written to the new table).

LOCK TABLE "Click" IN ACCESS EXCLUSIVE MODE;

ALTER TABLE "Click" RENAME TO "Click_unpartitioned";
ALTER TABLE "Click_unpartitioned" DROP CONSTRAINT "Click_pkey";
DROP INDEX "Click_tenantId_occurredAt_idx";
DROP INDEX "Click_tenantId_partnerId_occurredAt_idx";
DROP INDEX "Click_linkId_visitorHash_occurredAt_idx";

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

    CONSTRAINT "Click_pkey" PRIMARY KEY ("id", "occurredAt")
) PARTITION BY RANGE ("occurredAt");

CREATE INDEX "Click_tenantId_occurredAt_idx" ON "Click"("tenantId", "occurredAt");
CREATE INDEX "Click_tenantId_partnerId_occurredAt_idx" ON "Click"("tenantId", "partnerId", "occurredAt");
CREATE INDEX "Click_linkId_visitorHash_occurredAt_idx" ON "Click"("linkId", "visitorHash", "occurredAt");

-- Row-level security as on every tenant-owned table (20261206040000, per-statement form of
-- 20261206090000). Policies and grants of a partitioned table govern every access through it; the
-- partitions themselves are not granted to twoway_app at all (see below), so the app's role can
-- reach clicks only through "Click" and its policy.
ALTER TABLE "Click" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Click" TO twoway_app
  USING ("tenantId" = (SELECT current_setting('app.tenant_id', true)))
  WITH CHECK ("tenantId" = (SELECT current_setting('app.tenant_id', true)));
GRANT SELECT, INSERT, UPDATE, DELETE ON "Click" TO twoway_app;

CREATE TABLE "Click_default" PARTITION OF "Click" DEFAULT;
REVOKE ALL ON "Click_default" FROM twoway_app;

-- Creates the partition of the month containing `month` unless it exists; true when it did. Rows of
-- that month waiting in "Click_default" are moved into it: the partition is built as a plain table,
-- filled from the default partition, then attached (ATTACH checks that no row of the range is left
-- in the default partition, and takes a lighter lock on "Click" than CREATE … PARTITION OF).
-- Concurrent callers are serialised by a transaction-level advisory lock.
CREATE OR REPLACE FUNCTION twoway_click_partition_ensure(month timestamp) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
  lo timestamp := date_trunc('month', month);
  hi timestamp := date_trunc('month', month) + interval '1 month';
  part text := 'Click_' || to_char(date_trunc('month', month), 'YYYY_MM');
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('twoway_click_partitions'));
  IF EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relname = part AND n.nspname = current_schema()) THEN
    RETURN false;
  END IF;
  EXECUTE format('CREATE TABLE %I (LIKE "Click" INCLUDING DEFAULTS)', part);
  EXECUTE format(
    'WITH moved AS (DELETE FROM "Click_default" WHERE "occurredAt" >= %L AND "occurredAt" < %L RETURNING *) INSERT INTO %I SELECT * FROM moved',
    lo, hi, part);
  EXECUTE format('ALTER TABLE "Click" ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', part, lo, hi);
  EXECUTE format('REVOKE ALL ON %I FROM twoway_app', part);
  RETURN true;
END $$;

-- Every month from the oldest stored click through two months ahead (none stored: from this month).
SELECT twoway_click_partition_ensure(m)
  FROM generate_series(
         LEAST(COALESCE((SELECT date_trunc('month', min("occurredAt")) FROM "Click_unpartitioned"), date_trunc('month', now() AT TIME ZONE 'UTC')),
               date_trunc('month', now() AT TIME ZONE 'UTC')),
         GREATEST(COALESCE((SELECT date_trunc('month', max("occurredAt")) FROM "Click_unpartitioned"), date_trunc('month', now() AT TIME ZONE 'UTC')),
                  date_trunc('month', now() AT TIME ZONE 'UTC') + interval '2 months'),
         interval '1 month') AS m;

INSERT INTO "Click" ("id", "tenantId", "linkId", "partnerId", "programId", "opportunityId", "sourceMarket", "targetMarket",
                     "occurredAt", "country", "referrerHost", "device", "visitorHash", "isBot", "repeatOfId")
SELECT "id", "tenantId", "linkId", "partnerId", "programId", "opportunityId", "sourceMarket", "targetMarket",
       "occurredAt", "country", "referrerHost", "device", "visitorHash", "isBot", "repeatOfId"
  FROM "Click_unpartitioned";

DROP TABLE "Click_unpartitioned";

-- Per-agency retention of raw clicks in whole months (null = keep forever); Settings → Workspace.
ALTER TABLE "Tenant" ADD COLUMN "clickRetentionMonths" INTEGER;
ALTER TABLE "Tenant" ADD CONSTRAINT "Tenant_clickRetentionMonths_check"
  CHECK ("clickRetentionMonths" IS NULL OR "clickRetentionMonths" BETWEEN 3 AND 120);
