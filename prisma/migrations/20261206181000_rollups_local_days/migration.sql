-- The funnel's days are the agency's local days (issue 15, part 3; docs/operations.md, "Funnel days (time zones)").
--
-- Until now every rollup was keyed by the UTC day of its timestamp (`ts::date`; the columns are
-- `timestamp(3)` holding UTC). From here on a rollup day is the date on the agency's wall clock:
--   "ClickDaily".day               — local day of the click (the click writer, lib/tracking/click-store.ts)
--   "FunnelDaily".day (+ Program)  — local day of submittedAt / qualifiedAt / closedAt / occurredAt;
--                                    cohort counters sit on the local day of submittedAt
--   "LtvDaily"."firstSeenDay"      — local day the customer was first seen (cohort months follow)
--
-- Which zone: "Tenant"."rollupTimeZone", the zone the tenant's rollups ARE keyed in. It equals
-- "Tenant"."timeZone" except between a change of the agency's zone and the end of the job that
-- re-keys the rollups (lib/funnel/time-zone-change.ts, job funnel:rekey-time-zone). Triggers and
-- rebuilds always use rollupTimeZone, so at every commit the rollups equal their rebuild (the
-- invariant the consistency tests check); the funnel's reads interpret days in the same zone.
-- A new tenant starts keyed in its own zone (BEFORE INSERT trigger below: it has no rollups yet).
--
-- Existing agencies (decision): those whose defaultLocale is 'ru' get 'Europe/Moscow' (the Russian
-- agencies this product was built for work on Moscow time), every other one keeps 'UTC' (the days
-- its staff have been looking at). A tenant that already chose a zone (timeZone <> 'UTC') keeps it.
-- Their rollups are re-keyed here, in this transaction:
--   * FunnelDaily, FunnelDailyProgram, LtvDaily: rebuilt from the raw tables (complete).
--   * ClickDaily: rebuilt from the stored raw clicks only. Click retention
--     (lib/tracking/partitions.ts) deletes raw clicks by whole UTC months, so raw clicks cover
--     [first day of the month of the oldest stored click, now). Days before the first old-zone day
--     that lies wholly inside that span cannot be re-keyed: those rows are kept as they were (UTC
--     days), and the clicks of the partly covered boundary are counted there, never twice. A new
--     local day that has the label of such a kept day is added to it. Totals are exact; only the
--     day boundaries before the retention horizon stay UTC.
--
-- Locking: every rollup trigger takes a SHARED transaction-level advisory lock on the tenant
-- (twoway_rollup_zone, which also reads the zone); a rebuild takes it EXCLUSIVE (twoway_rollup_lock),
-- so a rebuild never interleaves with a write's triggers and a trigger that waited reads the zone
-- and the rows the rebuild committed. The re-key also locks "ClickDaily" (EXCLUSIVE, as
-- rebuildClickDaily always did), BEFORE the advisory lock, because the click writer computes the day
-- in its single statement from a snapshot taken when the statement starts: a batch that waited for
-- the lock sees the new zone. Lock order everywhere: "ClickDaily", then the advisory lock.
--
-- Functions whose signature changes (a zone argument, so a trigger reads the zone once) are dropped
-- and created again; everything else is CREATE OR REPLACE. Column types and keys are unchanged.

-- ---------------------------------------------------------------- the zone

ALTER TABLE "Tenant" ADD COLUMN "rollupTimeZone" TEXT NOT NULL DEFAULT 'UTC';

-- A new tenant has no rollups: they start keyed in its own zone.
CREATE FUNCTION twoway_tenant_rollup_zone_default() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."rollupTimeZone" := NEW."timeZone";
  RETURN NEW;
END $$;
CREATE TRIGGER "Tenant_rollup_time_zone" BEFORE INSERT ON "Tenant"
  FOR EACH ROW EXECUTE FUNCTION twoway_tenant_rollup_zone_default();

-- The local calendar date of a UTC `timestamp` in zone `tz` (inlined by the planner).
CREATE FUNCTION twoway_local_day(ts timestamp, tz TEXT) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ((ts AT TIME ZONE 'UTC') AT TIME ZONE tz)::date
$$;

-- The first instant (UTC `timestamp`) of local day `d` in zone `tz`.
CREATE FUNCTION twoway_local_day_start(d date, tz TEXT) RETURNS timestamp
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (d::timestamp AT TIME ZONE tz) AT TIME ZONE 'UTC'
$$;

-- For a trigger: the shared rollup lock of tenant t (held to the end of the transaction), then the
-- zone its rollups are keyed in ('UTC' when the tenant row is gone: a cascade of its deletion).
CREATE FUNCTION twoway_rollup_zone(t TEXT) RETURNS TEXT LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(hashtext('twoway_rollups'), hashtext(t));
  RETURN COALESCE((SELECT "rollupTimeZone" FROM "Tenant" WHERE "id" = t), 'UTC');
END $$;

-- For a rebuild: the exclusive rollup lock of tenant t; waits for every open transaction whose
-- triggers wrote t's rollups, and holds new ones off until commit.
CREATE FUNCTION twoway_rollup_lock(t TEXT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('twoway_rollups'), hashtext(t));
END $$;

-- ---------------------------------------------------------------- FunnelDaily

DROP TRIGGER "Referral_funnel_daily" ON "Referral";
DROP TRIGGER "ConversionEvent_funnel_daily" ON "ConversionEvent";
DROP TRIGGER "Customer_funnel_daily" ON "Customer";
DROP FUNCTION funnel_daily_referral_trigger();
DROP FUNCTION funnel_daily_event_trigger();
DROP FUNCTION funnel_daily_customer_trigger();
DROP FUNCTION funnel_daily_referral("Referral", INT);
DROP FUNCTION funnel_daily_event("ConversionEvent", INT);
DROP FUNCTION funnel_daily_cohort_revenue("Referral", TEXT, INT);

-- The cohort revenue of referral r's customer(s), added `sign` times at r's local submission day.
CREATE FUNCTION funnel_daily_cohort_revenue(r "Referral", customer_id TEXT, sign INT, tz TEXT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE x RECORD;
BEGIN
  IF r."status" = 'draft' OR r."submittedAt" IS NULL THEN RETURN; END IF;
  FOR x IN
    SELECT CASE WHEN e."reportingAmountMinor" IS NOT NULL AND e."reportingCurrency" IS NOT NULL THEN e."reportingCurrency" END AS rc,
      COALESCE(SUM(CASE WHEN e."type" = 'refund' THEN -ABS(e."reportingAmountMinor") ELSE e."reportingAmountMinor" END)
        FILTER (WHERE e."reportingAmountMinor" IS NOT NULL AND e."reportingCurrency" IS NOT NULL), 0)::bigint AS revenue,
      (COUNT(*) FILTER (WHERE e."reportingAmountMinor" IS NOT NULL AND e."reportingCurrency" IS NOT NULL))::int AS counted,
      (COUNT(*) FILTER (WHERE e."reportingAmountMinor" IS NULL OR e."reportingCurrency" IS NULL))::int AS missing
    FROM "ConversionEvent" e JOIN "Customer" c ON c."id" = e."customerId"
    WHERE e."tenantId" = r."tenantId" AND e."type" IN ('revenue', 'refund')
      AND (CASE WHEN customer_id IS NOT NULL THEN c."id" = customer_id ELSE c."referralId" = r."id" END)
    GROUP BY 1
  LOOP
    PERFORM funnel_daily_add(r."tenantId", twoway_local_day(r."submittedAt", tz), r."partnerId", r."programId", r."sourceMarket"::text, r."targetMarket"::text, x.rc,
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, sign * x.revenue, sign * x.counted, sign * x.missing);
  END LOOP;
END $$;

-- Everything one referral contributes: submission (+ its cohort outcome and cohort revenue),
-- qualification, close — each on its local day in zone tz.
CREATE FUNCTION funnel_daily_referral(r "Referral", sign INT, tz TEXT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF r."status" <> 'draft' AND r."submittedAt" IS NOT NULL THEN
    PERFORM funnel_daily_add(r."tenantId", twoway_local_day(r."submittedAt", tz), r."partnerId", r."programId", r."sourceMarket"::text, r."targetMarket"::text, '',
      sign, 0, 0, 0, 0, 0, 0, 0,
      sign * (r."qualifiedAt" IS NOT NULL)::int, sign * (r."status" = 'won')::int, 0, 0, 0);
    PERFORM funnel_daily_cohort_revenue(r, NULL, sign, tz);
  END IF;
  IF r."qualifiedAt" IS NOT NULL THEN
    PERFORM funnel_daily_add(r."tenantId", twoway_local_day(r."qualifiedAt", tz), r."partnerId", r."programId", r."sourceMarket"::text, r."targetMarket"::text, '',
      0, sign, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  END IF;
  IF r."status" = 'won' AND r."closedAt" IS NOT NULL THEN
    PERFORM funnel_daily_add(r."tenantId", twoway_local_day(r."closedAt", tz), r."partnerId", r."programId", r."sourceMarket"::text, r."targetMarket"::text, '',
      0, 0, sign, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  END IF;
END $$;

-- Everything one event contributes: its period stage and, through its customer's referral, cohort revenue.
CREATE FUNCTION funnel_daily_event(e "ConversionEvent", sign INT, tz TEXT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  counted BOOLEAN := e."reportingAmountMinor" IS NOT NULL AND e."reportingCurrency" IS NOT NULL;
  net BIGINT := CASE WHEN e."type" = 'refund' THEN -ABS(e."reportingAmountMinor") ELSE e."reportingAmountMinor" END;
  r "Referral";
BEGIN
  IF e."type" IN ('lead', 'close') THEN
    IF e."referralId" IS NULL THEN
      PERFORM funnel_daily_add(e."tenantId", twoway_local_day(e."occurredAt", tz), e."partnerId", e."programId", e."sourceMarket"::text, e."targetMarket"::text, '',
        0, 0, 0, sign * (e."type" = 'lead')::int, sign * (e."type" = 'close')::int, 0, 0, 0, 0, 0, 0, 0, 0);
    END IF;
    RETURN;
  END IF;
  PERFORM funnel_daily_add(e."tenantId", twoway_local_day(e."occurredAt", tz), e."partnerId", e."programId", e."sourceMarket"::text, e."targetMarket"::text,
    CASE WHEN counted THEN e."reportingCurrency" ELSE '' END,
    0, 0, 0, 0, 0, CASE WHEN counted THEN sign * net ELSE 0 END, CASE WHEN counted THEN sign ELSE 0 END, CASE WHEN counted THEN 0 ELSE sign END,
    0, 0, 0, 0, 0);
  IF e."customerId" IS NOT NULL THEN
    SELECT ref.* INTO r FROM "Customer" c JOIN "Referral" ref ON ref."id" = c."referralId"
    WHERE c."id" = e."customerId" AND ref."tenantId" = e."tenantId";
    IF FOUND AND r."status" <> 'draft' AND r."submittedAt" IS NOT NULL THEN
      PERFORM funnel_daily_add(r."tenantId", twoway_local_day(r."submittedAt", tz), r."partnerId", r."programId", r."sourceMarket"::text, r."targetMarket"::text,
        CASE WHEN counted THEN e."reportingCurrency" ELSE '' END,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, CASE WHEN counted THEN sign * net ELSE 0 END, CASE WHEN counted THEN sign ELSE 0 END, CASE WHEN counted THEN 0 ELSE sign END);
    END IF;
  END IF;
END $$;

-- The zone is read once per row change, after the change test (a no-op update costs nothing more).
-- On an UPDATE that moves a row to another tenant, each side uses its own tenant's zone.
CREATE FUNCTION funnel_daily_referral_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD."tenantId", OLD."status", OLD."submittedAt", OLD."qualifiedAt", OLD."closedAt", OLD."partnerId", OLD."programId", OLD."sourceMarket", OLD."targetMarket")
      IS NOT DISTINCT FROM (NEW."tenantId", NEW."status", NEW."submittedAt", NEW."qualifiedAt", NEW."closedAt", NEW."partnerId", NEW."programId", NEW."sourceMarket", NEW."targetMarket") THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM funnel_daily_referral(OLD, -1, twoway_rollup_zone(OLD."tenantId")); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM funnel_daily_referral(NEW, 1, twoway_rollup_zone(NEW."tenantId")); END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION funnel_daily_event_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD."tenantId", OLD."type", OLD."occurredAt", OLD."reportingAmountMinor", OLD."reportingCurrency", OLD."customerId", OLD."referralId", OLD."partnerId", OLD."programId", OLD."sourceMarket", OLD."targetMarket")
      IS NOT DISTINCT FROM (NEW."tenantId", NEW."type", NEW."occurredAt", NEW."reportingAmountMinor", NEW."reportingCurrency", NEW."customerId", NEW."referralId", NEW."partnerId", NEW."programId", NEW."sourceMarket", NEW."targetMarket") THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM funnel_daily_event(OLD, -1, twoway_rollup_zone(OLD."tenantId")); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM funnel_daily_event(NEW, 1, twoway_rollup_zone(NEW."tenantId")); END IF;
  RETURN NULL;
END $$;

-- A customer linked to (or unlinked from) a referral moves its lifetime revenue between cohorts.
CREATE FUNCTION funnel_daily_customer_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r "Referral";
BEGIN
  IF OLD."referralId" IS NOT DISTINCT FROM NEW."referralId" THEN RETURN NULL; END IF;
  IF OLD."referralId" IS NOT NULL THEN
    SELECT * INTO r FROM "Referral" WHERE "id" = OLD."referralId" AND "tenantId" = OLD."tenantId";
    IF FOUND THEN PERFORM funnel_daily_cohort_revenue(r, OLD."id", -1, twoway_rollup_zone(r."tenantId")); END IF;
  END IF;
  IF NEW."referralId" IS NOT NULL THEN
    SELECT * INTO r FROM "Referral" WHERE "id" = NEW."referralId" AND "tenantId" = NEW."tenantId";
    IF FOUND THEN PERFORM funnel_daily_cohort_revenue(r, NEW."id", 1, twoway_rollup_zone(r."tenantId")); END IF;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Referral_funnel_daily" AFTER INSERT OR UPDATE OR DELETE ON "Referral"
  FOR EACH ROW EXECUTE FUNCTION funnel_daily_referral_trigger();
CREATE TRIGGER "ConversionEvent_funnel_daily" AFTER INSERT OR UPDATE OR DELETE ON "ConversionEvent"
  FOR EACH ROW EXECUTE FUNCTION funnel_daily_event_trigger();
CREATE TRIGGER "Customer_funnel_daily" AFTER UPDATE OF "referralId" ON "Customer"
  FOR EACH ROW EXECUTE FUNCTION funnel_daily_customer_trigger();

-- ClickDaily rows already carry their (local) day; the trigger only takes the tenant's shared rollup
-- lock, so funnel_daily_rebuild cannot interleave with a click batch. During a re-key
-- (twoway.rollup_rekey = 'on', transaction-local) it adds nothing: FunnelDaily is rebuilt after.
CREATE OR REPLACE FUNCTION funnel_daily_click_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE t TEXT := CASE WHEN TG_OP = 'DELETE' THEN OLD."tenantId" ELSE NEW."tenantId" END;
BEGIN
  IF current_setting('twoway.rollup_rekey', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'UPDATE' AND (OLD."tenantId", OLD."day", OLD."partnerId", OLD."programId", OLD."sourceMarket", OLD."targetMarket")
      IS NOT DISTINCT FROM (NEW."tenantId", NEW."day", NEW."partnerId", NEW."programId", NEW."sourceMarket", NEW."targetMarket") THEN
    IF NEW."clicks" = OLD."clicks" THEN RETURN NULL; END IF;
    PERFORM pg_advisory_xact_lock_shared(hashtext('twoway_rollups'), hashtext(t));
    PERFORM funnel_daily_click_add(NEW, NEW."clicks" - OLD."clicks");
    RETURN NULL;
  END IF;
  PERFORM pg_advisory_xact_lock_shared(hashtext('twoway_rollups'), hashtext(t));
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM funnel_daily_click_add(OLD, -OLD."clicks"); END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM funnel_daily_click_add(NEW, NEW."clicks"); END IF;
  RETURN NULL;
END $$;

-- FunnelDailyProgram follows FunnelDaily row by row, except during a re-key (rebuilt after).
CREATE OR REPLACE FUNCTION funnel_program_daily_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('twoway.rollup_rekey', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM funnel_program_from_daily(OLD, -1); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM funnel_program_from_daily(NEW, 1); END IF;
  RETURN NULL;
END $$;

-- Recomputes one tenant's rollup from the raw tables (bulk loads, repairs, re-keys, the consistency
-- test), on local days in the tenant's rollupTimeZone. Takes the tenant's exclusive rollup lock.
CREATE OR REPLACE FUNCTION funnel_daily_rebuild(t TEXT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE tz TEXT;
BEGIN
  PERFORM twoway_rollup_lock(t);
  tz := COALESCE((SELECT "rollupTimeZone" FROM "Tenant" WHERE "id" = t), 'UTC');
  DELETE FROM "FunnelDaily" WHERE "tenantId" = t;
  INSERT INTO "FunnelDaily" ("tenantId", "day", "partnerId", "programId", "sourceMarket", "targetMarket", "reportingCurrency", "clicks",
    "referrals", "qualified", "closes", "leads", "eventCloses", "revenueMinor", "revenueEvents", "missingFxEvents",
    "cohortQualified", "cohortCloses", "cohortRevenueMinor", "cohortRevenueEvents", "cohortMissingFx")
  SELECT t, d, COALESCE(p, ''), COALESCE(g, ''), COALESCE(s, ''), COALESCE(tm, ''), COALESCE(rc, ''),
    SUM(c)::int, SUM(a1)::int, SUM(a2)::int, SUM(a3)::int, SUM(a4)::int, SUM(a5)::int, SUM(a6)::bigint, SUM(a7)::int, SUM(a8)::int,
    SUM(a9)::int, SUM(a10)::int, SUM(a11)::bigint, SUM(a12)::int, SUM(a13)::int
  FROM (
    SELECT cd."day" AS d, cd."partnerId" AS p, cd."programId" AS g, cd."sourceMarket"::text AS s, cd."targetMarket"::text AS tm, '' AS rc,
      cd."clicks" AS c, 0 AS a1, 0 AS a2, 0 AS a3, 0 AS a4, 0 AS a5, 0::bigint AS a6, 0 AS a7, 0 AS a8, 0 AS a9, 0 AS a10, 0::bigint AS a11, 0 AS a12, 0 AS a13
    FROM "ClickDaily" cd WHERE cd."tenantId" = t
    UNION ALL
    SELECT twoway_local_day(r."submittedAt", tz), r."partnerId", r."programId", r."sourceMarket"::text, r."targetMarket"::text, '',
      0, 1 AS a1, 0 AS a2, 0 AS a3, 0 AS a4, 0 AS a5, 0::bigint AS a6, 0 AS a7, 0 AS a8,
      (r."qualifiedAt" IS NOT NULL)::int AS a9, (r."status" = 'won')::int AS a10, 0::bigint AS a11, 0 AS a12, 0 AS a13
    FROM "Referral" r WHERE r."tenantId" = t AND r."status" <> 'draft' AND r."submittedAt" IS NOT NULL
    UNION ALL
    SELECT twoway_local_day(r."qualifiedAt", tz), r."partnerId", r."programId", r."sourceMarket"::text, r."targetMarket"::text, '', 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    FROM "Referral" r WHERE r."tenantId" = t AND r."qualifiedAt" IS NOT NULL
    UNION ALL
    SELECT twoway_local_day(r."closedAt", tz), r."partnerId", r."programId", r."sourceMarket"::text, r."targetMarket"::text, '', 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    FROM "Referral" r WHERE r."tenantId" = t AND r."status" = 'won' AND r."closedAt" IS NOT NULL
    UNION ALL
    SELECT twoway_local_day(e."occurredAt", tz), e."partnerId", e."programId", e."sourceMarket"::text, e."targetMarket"::text, '',
      0, 0, 0, 0, (e."type" = 'lead')::int, (e."type" = 'close')::int, 0, 0, 0, 0, 0, 0, 0, 0
    FROM "ConversionEvent" e WHERE e."tenantId" = t AND e."type" IN ('lead', 'close') AND e."referralId" IS NULL
    UNION ALL
    SELECT twoway_local_day(e."occurredAt", tz), e."partnerId", e."programId", e."sourceMarket"::text, e."targetMarket"::text,
      CASE WHEN x.counted THEN e."reportingCurrency" ELSE '' END,
      0, 0, 0, 0, 0, 0, CASE WHEN x.counted THEN x.net ELSE 0 END, x.counted::int, (NOT x.counted)::int, 0, 0, 0, 0, 0
    FROM "ConversionEvent" e
    CROSS JOIN LATERAL (SELECT e."reportingAmountMinor" IS NOT NULL AND e."reportingCurrency" IS NOT NULL AS counted,
      CASE WHEN e."type" = 'refund' THEN -ABS(e."reportingAmountMinor") ELSE e."reportingAmountMinor" END AS net) x
    WHERE e."tenantId" = t AND e."type" IN ('revenue', 'refund')
    UNION ALL
    SELECT twoway_local_day(r."submittedAt", tz), r."partnerId", r."programId", r."sourceMarket"::text, r."targetMarket"::text,
      CASE WHEN x.counted THEN e."reportingCurrency" ELSE '' END,
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, CASE WHEN x.counted THEN x.net ELSE 0 END, x.counted::int, (NOT x.counted)::int
    FROM "ConversionEvent" e
    JOIN "Customer" c ON c."id" = e."customerId"
    JOIN "Referral" r ON r."id" = c."referralId" AND r."tenantId" = t
    CROSS JOIN LATERAL (SELECT e."reportingAmountMinor" IS NOT NULL AND e."reportingCurrency" IS NOT NULL AS counted,
      CASE WHEN e."type" = 'refund' THEN -ABS(e."reportingAmountMinor") ELSE e."reportingAmountMinor" END AS net) x
    WHERE e."tenantId" = t AND e."type" IN ('revenue', 'refund') AND r."status" <> 'draft' AND r."submittedAt" IS NOT NULL
  ) z
  GROUP BY d, p, g, s, tm, rc;
END $$;

-- ---------------------------------------------------------------- LtvDaily

DROP TRIGGER "Customer_ltv_daily" ON "Customer";
DROP TRIGGER "ConversionEvent_ltv_daily" ON "ConversionEvent";
DROP FUNCTION ltv_daily_customer_trigger();
DROP FUNCTION ltv_daily_event_trigger();
DROP FUNCTION ltv_daily_customer("Customer", INT);
DROP FUNCTION ltv_daily_event("ConversionEvent", INT);

-- Everything customer c contributes, `sign` times: itself, and the money of every event that names
-- it (same tenant), on c's key (its local first-seen day in zone tz).
CREATE FUNCTION ltv_daily_customer(c "Customer", sign INT, tz TEXT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE x RECORD;
  d DATE := twoway_local_day(c."firstSeenAt", tz);
BEGIN
  PERFORM ltv_daily_add(c."tenantId", d, c."source", c."partnerId", c."programId", c."sourceMarket"::text, c."targetMarket"::text, '',
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
    PERFORM ltv_daily_add(c."tenantId", d, c."source", c."partnerId", c."programId", c."sourceMarket"::text, c."targetMarket"::text, x.rc,
      0, sign * x.revenue, sign * x.counted, sign * x.missing);
  END LOOP;
END $$;

-- What one event contributes, `sign` times, on its customer's key. The customer row is locked
-- (FOR SHARE) so that a concurrent change of the customer's key cannot interleave.
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
  PERFORM ltv_daily_add(c."tenantId", twoway_local_day(c."firstSeenAt", twoway_rollup_zone(c."tenantId")), c."source", c."partnerId", c."programId",
    c."sourceMarket"::text, c."targetMarket"::text,
    CASE WHEN counted THEN e."reportingCurrency"::text ELSE '' END, 0,
    CASE WHEN counted THEN sign * (CASE WHEN e."type" = 'refund' THEN -ABS(e."reportingAmountMinor") ELSE e."reportingAmountMinor" END) ELSE 0 END,
    CASE WHEN counted THEN sign ELSE 0 END, CASE WHEN counted THEN 0 ELSE sign END);
END $$;

CREATE FUNCTION ltv_daily_customer_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD."id", OLD."tenantId", OLD."firstSeenAt", OLD."source", OLD."partnerId", OLD."programId", OLD."sourceMarket", OLD."targetMarket")
      IS NOT DISTINCT FROM (NEW."id", NEW."tenantId", NEW."firstSeenAt", NEW."source", NEW."partnerId", NEW."programId", NEW."sourceMarket", NEW."targetMarket") THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM ltv_daily_customer(OLD, -1, twoway_rollup_zone(OLD."tenantId")); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM ltv_daily_customer(NEW, 1, twoway_rollup_zone(NEW."tenantId")); END IF;
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

-- Recomputes one tenant's LtvDaily from Customer and ConversionEvent, on local days in its
-- rollupTimeZone, under the tenant's exclusive rollup lock.
CREATE OR REPLACE FUNCTION ltv_daily_rebuild(t TEXT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE tz TEXT;
BEGIN
  PERFORM twoway_rollup_lock(t);
  tz := COALESCE((SELECT "rollupTimeZone" FROM "Tenant" WHERE "id" = t), 'UTC');
  DELETE FROM "LtvDaily" WHERE "tenantId" = t;
  INSERT INTO "LtvDaily" ("tenantId", "firstSeenDay", "source", "partnerId", "programId", "sourceMarket", "targetMarket", "reportingCurrency",
    "customers", "revenueMinor", "revenueEvents", "missingFxEvents")
  SELECT t, d, src, p, g, s, tm, rc, SUM(n)::int, SUM(revenue)::bigint, SUM(counted)::int, SUM(missing)::int
  FROM (
    SELECT twoway_local_day(c."firstSeenAt", tz) AS d, c."source" AS src, COALESCE(c."partnerId", '') AS p, COALESCE(c."programId", '') AS g,
      COALESCE(c."sourceMarket"::text, '') AS s, COALESCE(c."targetMarket"::text, '') AS tm, '' AS rc, 1 AS n, 0::bigint AS revenue, 0 AS counted, 0 AS missing
    FROM "Customer" c WHERE c."tenantId" = t
    UNION ALL
    SELECT twoway_local_day(c."firstSeenAt", tz), c."source", COALESCE(c."partnerId", ''), COALESCE(c."programId", ''),
      COALESCE(c."sourceMarket"::text, ''), COALESCE(c."targetMarket"::text, ''),
      CASE WHEN e."reportingAmountMinor" IS NULL THEN '' ELSE e."reportingCurrency"::text END, 0,
      COALESCE(CASE WHEN e."type" = 'refund' THEN -ABS(e."reportingAmountMinor") ELSE e."reportingAmountMinor" END, 0),
      (e."reportingAmountMinor" IS NOT NULL)::int, (e."reportingAmountMinor" IS NULL)::int
    FROM "ConversionEvent" e JOIN "Customer" c ON c."id" = e."customerId" AND c."tenantId" = t
    WHERE e."tenantId" = t AND e."type" IN ('revenue', 'refund') AND (e."reportingAmountMinor" IS NULL OR e."reportingCurrency" IS NOT NULL)
  ) z
  GROUP BY d, src, p, g, s, tm, rc;
END $$;

-- ---------------------------------------------------------------- ClickDaily

-- Recomputes tenant t's ClickDaily from its stored raw clicks, keyed in zone `tz` (default: its
-- rollupTimeZone), with the click writer's counting rules (clicks = neither bot nor repeat; repeats;
-- bots). The stored rows are keyed in rollupTimeZone. Raw clicks cover [C, now) with C the first
-- instant of the UTC month of the oldest stored click (retention deletes whole UTC months); stored
-- rows of days before the first rollupTimeZone day that starts at or after C are kept (their raw
-- clicks may be gone), clicks from that day's start on are counted again in `tz` and added to a kept
-- row of the same day if there is one. No raw clicks: nothing changes. The caller holds
-- "ClickDaily" in EXCLUSIVE mode (the click writer reads the zone in its own statement) and the
-- tenant's exclusive rollup lock; FunnelDaily follows through its ClickDaily trigger (or, during a
-- re-key, is rebuilt afterwards).
CREATE FUNCTION click_daily_rebuild(t TEXT, tz TEXT DEFAULT NULL) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  old_tz TEXT := COALESCE((SELECT "rollupTimeZone" FROM "Tenant" WHERE "id" = t), 'UTC');
  new_tz TEXT := COALESCE(tz, old_tz);
  covered timestamp := (SELECT date_trunc('month', min("occurredAt")) FROM "Click" WHERE "tenantId" = t);
  first_day DATE;
BEGIN
  IF covered IS NULL THEN RETURN; END IF;
  first_day := twoway_local_day(covered, old_tz);
  IF twoway_local_day_start(first_day, old_tz) < covered THEN first_day := first_day + 1; END IF;
  DELETE FROM "ClickDaily" WHERE "tenantId" = t AND "day" >= first_day;
  INSERT INTO "ClickDaily" AS cd ("tenantId", "day", "linkId", "partnerId", "programId", "sourceMarket", "targetMarket", "clicks", "repeats", "bots")
  SELECT "tenantId", twoway_local_day("occurredAt", new_tz), "linkId", min("partnerId"), min("programId"),
         min("sourceMarket"::text)::"Market", min("targetMarket"::text)::"Market",
         count(*) FILTER (WHERE NOT "isBot" AND "repeatOfId" IS NULL),
         count(*) FILTER (WHERE NOT "isBot" AND "repeatOfId" IS NOT NULL),
         count(*) FILTER (WHERE "isBot")
    FROM "Click" WHERE "tenantId" = t AND "occurredAt" >= twoway_local_day_start(first_day, old_tz)
   GROUP BY "tenantId", twoway_local_day("occurredAt", new_tz), "linkId"
  ON CONFLICT ("tenantId", "day", "linkId") DO UPDATE
     SET "clicks" = cd."clicks" + EXCLUDED."clicks",
         "repeats" = cd."repeats" + EXCLUDED."repeats",
         "bots" = cd."bots" + EXCLUDED."bots";
END $$;

-- ---------------------------------------------------------------- re-keying a tenant

-- Re-keys every rollup of tenant t to its "timeZone" (the job funnel:rekey-time-zone; this
-- migration for existing agencies). Idempotent: with rollupTimeZone = timeZone it rebuilds to the
-- same rows. One transaction: readers see the old keys or the new ones, never a mix. Lock order:
-- "ClickDaily" (EXCLUSIVE: holds off click batches of every tenant until commit; the redirects
-- themselves never wait, they buffer), then the tenant's exclusive rollup lock.
CREATE FUNCTION twoway_rollup_rekey(t TEXT) RETURNS TEXT LANGUAGE plpgsql AS $$
DECLARE tz TEXT;
BEGIN
  LOCK TABLE "ClickDaily" IN EXCLUSIVE MODE;
  PERFORM twoway_rollup_lock(t);
  -- A concurrent change of the zone waits for this transaction (and then enqueues the job again).
  SELECT "timeZone" INTO tz FROM "Tenant" WHERE "id" = t FOR NO KEY UPDATE;
  IF NOT FOUND THEN RETURN NULL; END IF;
  -- ClickDaily and FunnelDaily are rebuilt whole below: their row-by-row upkeep would only be redone.
  PERFORM set_config('twoway.rollup_rekey', 'on', true);
  PERFORM click_daily_rebuild(t, tz);
  UPDATE "Tenant" SET "rollupTimeZone" = tz WHERE "id" = t AND "rollupTimeZone" IS DISTINCT FROM tz;
  PERFORM funnel_daily_rebuild(t);
  PERFORM funnel_program_rebuild(t);
  PERFORM set_config('twoway.rollup_rekey', 'off', true);
  PERFORM ltv_daily_rebuild(t);
  RETURN tz;
END $$;

-- ---------------------------------------------------------------- existing agencies

UPDATE "Tenant" SET "timeZone" = 'Europe/Moscow' WHERE "defaultLocale" = 'ru' AND "timeZone" = 'UTC';
-- Their rollups were built on UTC days (the old triggers used ::date): rollupTimeZone is 'UTC' (the
-- column's default above), so each re-key below starts from UTC days.
DO $$ DECLARE x RECORD; BEGIN
  FOR x IN SELECT "id" FROM "Tenant" WHERE "timeZone" <> 'UTC' ORDER BY "id" LOOP PERFORM twoway_rollup_rekey(x."id"); END LOOP;
END $$;

-- ---------------------------------------------------------------- the re-key job

-- Enqueues the job funnel:rekey-time-zone for tenant t (lib/funnel/time-zone-change.ts), in the
-- caller's transaction: a change of "Tenant"."timeZone" and its job commit or roll back together.
-- SECURITY DEFINER because twoway_app has no rights on the queue's schema; it can only add this one
-- job, for its own tenant (app.tenant_id), keyed so that a waiting job is replaced, not doubled (a
-- running one gets a successor: graphile-worker's job_key). The task reads the zone from the tenant
-- row, so the payload names only the tenant.
CREATE FUNCTION twoway_enqueue_rollup_rekey(t TEXT) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
  IF COALESCE(current_setting('app.tenant_id', true), '') NOT IN ('', t) THEN
    RAISE EXCEPTION 'twoway_enqueue_rollup_rekey: not the tenant in scope';
  END IF;
  PERFORM graphile_worker.add_job('funnel:rekey-time-zone', json_build_object('tenantId', t),
    max_attempts := 10, job_key := 'funnel-rekey:' || t);
END $$;
REVOKE ALL ON FUNCTION twoway_enqueue_rollup_rekey(TEXT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION twoway_enqueue_rollup_rekey(TEXT) TO twoway_app;
