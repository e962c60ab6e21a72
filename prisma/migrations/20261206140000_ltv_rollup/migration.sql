-- LtvDaily: the LTV report's rollup (lib/funnel/ltv.ts), so the dashboard no longer joins every
-- customer first seen in the range to all of their events.
--
-- One row per (tenant, UTC day the customer was first seen, source, partner, program, market pair,
-- reporting currency): `customers` counts customers (on the reportingCurrency '' row); the net
-- lifetime revenue of those customers' revenue/refund events — any date — sits on the row of the
-- event's reporting currency (`revenueMinor`, `revenueEvents`); events without a reporting amount
-- are `missingFxEvents` (on the '' row). Key columns hold '' for "none", like FunnelDaily.
--
-- Which events count is exactly the raw query's (lib/funnel/ltv-raw.ts, kept as the test oracle):
-- an event of the customer's tenant whose type is revenue or refund; with a reporting amount and
-- currency it is revenue in that currency (refund = −|amount|); without a reporting amount it is
-- missing; an amount without a currency (never written by the app) counts in neither, as in the
-- raw query, where `currency = X` is NULL for it.
--
-- Invariant (tests/integration/ltv-rollup.test.ts): LtvDaily = ltv_daily_rebuild(tenant) at every
-- commit, and the report read from it equals the raw query for every filter.

-- CreateTable
CREATE TABLE "LtvDaily" (
    "tenantId" TEXT NOT NULL,
    "firstSeenDay" DATE NOT NULL,
    "source" "CustomerSource" NOT NULL,
    "partnerId" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "sourceMarket" TEXT NOT NULL,
    "targetMarket" TEXT NOT NULL,
    "reportingCurrency" TEXT NOT NULL,
    "customers" INTEGER NOT NULL DEFAULT 0,
    "revenueMinor" BIGINT NOT NULL DEFAULT 0,
    "revenueEvents" INTEGER NOT NULL DEFAULT 0,
    "missingFxEvents" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "LtvDaily_pkey" PRIMARY KEY ("tenantId","firstSeenDay","source","partnerId","programId","sourceMarket","targetMarket","reportingCurrency")
);

-- AddForeignKey
ALTER TABLE "LtvDaily" ADD CONSTRAINT "LtvDaily_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Tenant-owned: row-level security in the per-statement form of 20261206090000_rls_initplan.
ALTER TABLE "LtvDaily" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "LtvDaily" TO twoway_app
  USING ("tenantId" = (SELECT current_setting('app.tenant_id', true)))
  WITH CHECK ("tenantId" = (SELECT current_setting('app.tenant_id', true)));
-- The default privileges of 20261206040000 grant twoway_app new tables; say so explicitly anyway.
GRANT SELECT, INSERT, UPDATE, DELETE ON "LtvDaily" TO twoway_app;

-- Adds one contribution (counters may be negative) to the row of its key.
CREATE FUNCTION ltv_daily_add(
  t TEXT, d DATE, src "CustomerSource", p TEXT, g TEXT, s TEXT, tm TEXT, rc TEXT,
  a_customers INT, a_revenue BIGINT, a_revenue_events INT, a_missing INT
) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF a_customers = 0 AND a_revenue = 0 AND a_revenue_events = 0 AND a_missing = 0 THEN RETURN; END IF;
  -- A tenant being deleted: its ON DELETE CASCADEs fire these triggers after the Tenant row is gone
  -- (possibly after its LtvDaily rows went too); a new row would fail LtvDaily's foreign key, and
  -- the tenant's rollup goes with it anyway.
  IF NOT EXISTS (SELECT 1 FROM "Tenant" WHERE "id" = t) THEN RETURN; END IF;
  INSERT INTO "LtvDaily" AS l ("tenantId", "firstSeenDay", "source", "partnerId", "programId", "sourceMarket", "targetMarket", "reportingCurrency",
    "customers", "revenueMinor", "revenueEvents", "missingFxEvents")
  VALUES (t, d, src, COALESCE(p, ''), COALESCE(g, ''), COALESCE(s, ''), COALESCE(tm, ''), COALESCE(rc, ''),
    a_customers, a_revenue, a_revenue_events, a_missing)
  ON CONFLICT ("tenantId", "firstSeenDay", "source", "partnerId", "programId", "sourceMarket", "targetMarket", "reportingCurrency") DO UPDATE SET
    "customers" = l."customers" + EXCLUDED."customers",
    "revenueMinor" = l."revenueMinor" + EXCLUDED."revenueMinor",
    "revenueEvents" = l."revenueEvents" + EXCLUDED."revenueEvents",
    "missingFxEvents" = l."missingFxEvents" + EXCLUDED."missingFxEvents";
END $$;

-- Everything customer c contributes, `sign` times: itself, and the money of every event that names
-- it (same tenant), on c's key.
CREATE FUNCTION ltv_daily_customer(c "Customer", sign INT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE x RECORD;
BEGIN
  PERFORM ltv_daily_add(c."tenantId", c."firstSeenAt"::date, c."source", c."partnerId", c."programId", c."sourceMarket"::text, c."targetMarket"::text, '',
    sign, 0, 0, 0);
  FOR x IN
    SELECT CASE WHEN e."reportingAmountMinor" IS NULL THEN '' ELSE e."reportingCurrency"::text END AS rc,
      COALESCE(SUM(CASE WHEN e."type" = 'refund' THEN -ABS(e."reportingAmountMinor") ELSE e."reportingAmountMinor" END), 0)::bigint AS revenue,
      (COUNT(*) FILTER (WHERE e."reportingAmountMinor" IS NOT NULL))::int AS counted,
      (COUNT(*) FILTER (WHERE e."reportingAmountMinor" IS NULL))::int AS missing
    FROM "ConversionEvent" e
    WHERE e."customerId" = c."id" AND e."tenantId" = c."tenantId" AND e."type" IN ('revenue', 'refund')
      AND (e."reportingAmountMinor" IS NULL OR e."reportingCurrency" IS NOT NULL)
    GROUP BY 1
  LOOP
    PERFORM ltv_daily_add(c."tenantId", c."firstSeenAt"::date, c."source", c."partnerId", c."programId", c."sourceMarket"::text, c."targetMarket"::text, x.rc,
      0, sign * x.revenue, sign * x.counted, sign * x.missing);
  END LOOP;
END $$;

-- What one event contributes, `sign` times, on its customer's key. The customer row is locked
-- (FOR SHARE) so that a concurrent change of the customer's key cannot interleave: whichever
-- commits second sees the other's result.
CREATE FUNCTION ltv_daily_event(e "ConversionEvent", sign INT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  c "Customer";
  counted BOOLEAN := e."reportingAmountMinor" IS NOT NULL;
BEGIN
  IF e."customerId" IS NULL OR e."type" NOT IN ('revenue', 'refund') THEN RETURN; END IF;
  IF e."reportingAmountMinor" IS NOT NULL AND e."reportingCurrency" IS NULL THEN RETURN; END IF;
  SELECT * INTO c FROM "Customer" WHERE "id" = e."customerId" AND "tenantId" = e."tenantId" FOR SHARE;
  -- Gone: the customer's own delete trigger already took this event's money out.
  IF NOT FOUND THEN RETURN; END IF;
  PERFORM ltv_daily_add(c."tenantId", c."firstSeenAt"::date, c."source", c."partnerId", c."programId", c."sourceMarket"::text, c."targetMarket"::text,
    CASE WHEN counted THEN e."reportingCurrency"::text ELSE '' END, 0,
    CASE WHEN counted THEN sign * (CASE WHEN e."type" = 'refund' THEN -ABS(e."reportingAmountMinor") ELSE e."reportingAmountMinor" END) ELSE 0 END,
    CASE WHEN counted THEN sign ELSE 0 END, CASE WHEN counted THEN 0 ELSE sign END);
END $$;

-- A customer's insert, delete, or change of anything its key is made of moves it with all its
-- events' money. The trigger's name sorts before the foreign-key triggers ("RI_…", fired in name
-- order), so on a delete it runs while the events still name the customer; their ON DELETE SET
-- NULL then finds no customer and adds nothing.
CREATE FUNCTION ltv_daily_customer_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD."id", OLD."tenantId", OLD."firstSeenAt", OLD."source", OLD."partnerId", OLD."programId", OLD."sourceMarket", OLD."targetMarket")
      IS NOT DISTINCT FROM (NEW."id", NEW."tenantId", NEW."firstSeenAt", NEW."source", NEW."partnerId", NEW."programId", NEW."sourceMarket", NEW."targetMarket") THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM ltv_daily_customer(OLD, -1); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM ltv_daily_customer(NEW, 1); END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION ltv_daily_event_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD."tenantId", OLD."type", OLD."reportingAmountMinor", OLD."reportingCurrency", OLD."customerId")
      IS NOT DISTINCT FROM (NEW."tenantId", NEW."type", NEW."reportingAmountMinor", NEW."reportingCurrency", NEW."customerId") THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM ltv_daily_event(OLD, -1); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM ltv_daily_event(NEW, 1); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Customer_ltv_daily" AFTER INSERT OR UPDATE OR DELETE ON "Customer"
  FOR EACH ROW EXECUTE FUNCTION ltv_daily_customer_trigger();
CREATE TRIGGER "ConversionEvent_ltv_daily" AFTER INSERT OR UPDATE OR DELETE ON "ConversionEvent"
  FOR EACH ROW EXECUTE FUNCTION ltv_daily_event_trigger();

-- Recomputes one tenant's LtvDaily from Customer and ConversionEvent (bulk loads, repairs, tests).
CREATE FUNCTION ltv_daily_rebuild(t TEXT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "LtvDaily" WHERE "tenantId" = t;
  INSERT INTO "LtvDaily" ("tenantId", "firstSeenDay", "source", "partnerId", "programId", "sourceMarket", "targetMarket", "reportingCurrency",
    "customers", "revenueMinor", "revenueEvents", "missingFxEvents")
  SELECT t, d, src, p, g, s, tm, rc, SUM(n)::int, SUM(revenue)::bigint, SUM(counted)::int, SUM(missing)::int
  FROM (
    SELECT c."firstSeenAt"::date AS d, c."source" AS src, COALESCE(c."partnerId", '') AS p, COALESCE(c."programId", '') AS g,
      COALESCE(c."sourceMarket"::text, '') AS s, COALESCE(c."targetMarket"::text, '') AS tm, '' AS rc, 1 AS n, 0::bigint AS revenue, 0 AS counted, 0 AS missing
    FROM "Customer" c WHERE c."tenantId" = t
    UNION ALL
    SELECT c."firstSeenAt"::date, c."source", COALESCE(c."partnerId", ''), COALESCE(c."programId", ''),
      COALESCE(c."sourceMarket"::text, ''), COALESCE(c."targetMarket"::text, ''),
      CASE WHEN e."reportingAmountMinor" IS NULL THEN '' ELSE e."reportingCurrency"::text END, 0,
      COALESCE(CASE WHEN e."type" = 'refund' THEN -ABS(e."reportingAmountMinor") ELSE e."reportingAmountMinor" END, 0),
      (e."reportingAmountMinor" IS NOT NULL)::int, (e."reportingAmountMinor" IS NULL)::int
    FROM "ConversionEvent" e JOIN "Customer" c ON c."id" = e."customerId" AND c."tenantId" = t
    WHERE e."tenantId" = t AND e."type" IN ('revenue', 'refund') AND (e."reportingAmountMinor" IS NULL OR e."reportingCurrency" IS NOT NULL)
  ) z
  GROUP BY d, src, p, g, s, tm, rc;
END $$;

-- Customers and events written before this migration.
DO $$ DECLARE x RECORD; BEGIN
  FOR x IN SELECT "id" FROM "Tenant" LOOP PERFORM ltv_daily_rebuild(x."id"); END LOOP;
END $$;
