-- CreateTable
CREATE TABLE "FunnelDaily" (
    "tenantId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "partnerId" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "sourceMarket" TEXT NOT NULL,
    "targetMarket" TEXT NOT NULL,
    "reportingCurrency" TEXT NOT NULL,
    "clicks" INTEGER NOT NULL DEFAULT 0,
    "referrals" INTEGER NOT NULL DEFAULT 0,
    "qualified" INTEGER NOT NULL DEFAULT 0,
    "closes" INTEGER NOT NULL DEFAULT 0,
    "leads" INTEGER NOT NULL DEFAULT 0,
    "eventCloses" INTEGER NOT NULL DEFAULT 0,
    "revenueMinor" BIGINT NOT NULL DEFAULT 0,
    "revenueEvents" INTEGER NOT NULL DEFAULT 0,
    "missingFxEvents" INTEGER NOT NULL DEFAULT 0,
    "cohortQualified" INTEGER NOT NULL DEFAULT 0,
    "cohortCloses" INTEGER NOT NULL DEFAULT 0,
    "cohortRevenueMinor" BIGINT NOT NULL DEFAULT 0,
    "cohortRevenueEvents" INTEGER NOT NULL DEFAULT 0,
    "cohortMissingFx" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "FunnelDaily_pkey" PRIMARY KEY ("tenantId","day","partnerId","programId","sourceMarket","targetMarket","reportingCurrency")
);

-- AddForeignKey
ALTER TABLE "FunnelDaily" ADD CONSTRAINT "FunnelDaily_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Keeping "FunnelDaily" exact: every row of Referral / ConversionEvent contributes counters; a write
-- subtracts the old row's contribution and adds the new one's. Invariant (tested):
-- FunnelDaily = funnel_daily_rebuild(tenant) at every commit.

-- Adds one contribution (the counters may be negative) to the rollup row of its key.
CREATE FUNCTION funnel_daily_add(
  t TEXT, d DATE, p TEXT, g TEXT, s TEXT, tm TEXT, rc TEXT,
  a_referrals INT, a_qualified INT, a_closes INT, a_leads INT, a_event_closes INT,
  a_revenue BIGINT, a_revenue_events INT, a_missing INT,
  a_cohort_qualified INT, a_cohort_closes INT, a_cohort_revenue BIGINT, a_cohort_revenue_events INT, a_cohort_missing INT
) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "FunnelDaily" AS f ("tenantId", "day", "partnerId", "programId", "sourceMarket", "targetMarket", "reportingCurrency",
    "referrals", "qualified", "closes", "leads", "eventCloses", "revenueMinor", "revenueEvents", "missingFxEvents",
    "cohortQualified", "cohortCloses", "cohortRevenueMinor", "cohortRevenueEvents", "cohortMissingFx")
  VALUES (t, d, COALESCE(p, ''), COALESCE(g, ''), COALESCE(s, ''), COALESCE(tm, ''), COALESCE(rc, ''),
    a_referrals, a_qualified, a_closes, a_leads, a_event_closes, a_revenue, a_revenue_events, a_missing,
    a_cohort_qualified, a_cohort_closes, a_cohort_revenue, a_cohort_revenue_events, a_cohort_missing)
  ON CONFLICT ("tenantId", "day", "partnerId", "programId", "sourceMarket", "targetMarket", "reportingCurrency") DO UPDATE SET
    "referrals" = f."referrals" + EXCLUDED."referrals",
    "qualified" = f."qualified" + EXCLUDED."qualified",
    "closes" = f."closes" + EXCLUDED."closes",
    "leads" = f."leads" + EXCLUDED."leads",
    "eventCloses" = f."eventCloses" + EXCLUDED."eventCloses",
    "revenueMinor" = f."revenueMinor" + EXCLUDED."revenueMinor",
    "revenueEvents" = f."revenueEvents" + EXCLUDED."revenueEvents",
    "missingFxEvents" = f."missingFxEvents" + EXCLUDED."missingFxEvents",
    "cohortQualified" = f."cohortQualified" + EXCLUDED."cohortQualified",
    "cohortCloses" = f."cohortCloses" + EXCLUDED."cohortCloses",
    "cohortRevenueMinor" = f."cohortRevenueMinor" + EXCLUDED."cohortRevenueMinor",
    "cohortRevenueEvents" = f."cohortRevenueEvents" + EXCLUDED."cohortRevenueEvents",
    "cohortMissingFx" = f."cohortMissingFx" + EXCLUDED."cohortMissingFx";
END $$;

-- The cohort revenue of referral r's customer(s), added `sign` times at r's submission day.
CREATE FUNCTION funnel_daily_cohort_revenue(r "Referral", customer_id TEXT, sign INT) RETURNS void LANGUAGE plpgsql AS $$
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
    PERFORM funnel_daily_add(r."tenantId", r."submittedAt"::date, r."partnerId", r."programId", r."sourceMarket"::text, r."targetMarket"::text, x.rc,
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, sign * x.revenue, sign * x.counted, sign * x.missing);
  END LOOP;
END $$;

-- Everything one referral contributes: submission (+ its cohort outcome and cohort revenue),
-- qualification, close.
CREATE FUNCTION funnel_daily_referral(r "Referral", sign INT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF r."status" <> 'draft' AND r."submittedAt" IS NOT NULL THEN
    PERFORM funnel_daily_add(r."tenantId", r."submittedAt"::date, r."partnerId", r."programId", r."sourceMarket"::text, r."targetMarket"::text, '',
      sign, 0, 0, 0, 0, 0, 0, 0,
      sign * (r."qualifiedAt" IS NOT NULL)::int, sign * (r."status" = 'won')::int, 0, 0, 0);
    PERFORM funnel_daily_cohort_revenue(r, NULL, sign);
  END IF;
  IF r."qualifiedAt" IS NOT NULL THEN
    PERFORM funnel_daily_add(r."tenantId", r."qualifiedAt"::date, r."partnerId", r."programId", r."sourceMarket"::text, r."targetMarket"::text, '',
      0, sign, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  END IF;
  IF r."status" = 'won' AND r."closedAt" IS NOT NULL THEN
    PERFORM funnel_daily_add(r."tenantId", r."closedAt"::date, r."partnerId", r."programId", r."sourceMarket"::text, r."targetMarket"::text, '',
      0, 0, sign, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  END IF;
END $$;

-- Everything one event contributes: its period stage and, through its customer's referral, cohort revenue.
CREATE FUNCTION funnel_daily_event(e "ConversionEvent", sign INT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  counted BOOLEAN := e."reportingAmountMinor" IS NOT NULL AND e."reportingCurrency" IS NOT NULL;
  net BIGINT := CASE WHEN e."type" = 'refund' THEN -ABS(e."reportingAmountMinor") ELSE e."reportingAmountMinor" END;
  r "Referral";
BEGIN
  IF e."type" IN ('lead', 'close') THEN
    IF e."referralId" IS NULL THEN
      PERFORM funnel_daily_add(e."tenantId", e."occurredAt"::date, e."partnerId", e."programId", e."sourceMarket"::text, e."targetMarket"::text, '',
        0, 0, 0, sign * (e."type" = 'lead')::int, sign * (e."type" = 'close')::int, 0, 0, 0, 0, 0, 0, 0, 0);
    END IF;
    RETURN;
  END IF;
  PERFORM funnel_daily_add(e."tenantId", e."occurredAt"::date, e."partnerId", e."programId", e."sourceMarket"::text, e."targetMarket"::text,
    CASE WHEN counted THEN e."reportingCurrency" ELSE '' END,
    0, 0, 0, 0, 0, CASE WHEN counted THEN sign * net ELSE 0 END, CASE WHEN counted THEN sign ELSE 0 END, CASE WHEN counted THEN 0 ELSE sign END,
    0, 0, 0, 0, 0);
  IF e."customerId" IS NOT NULL THEN
    SELECT ref.* INTO r FROM "Customer" c JOIN "Referral" ref ON ref."id" = c."referralId"
    WHERE c."id" = e."customerId" AND ref."tenantId" = e."tenantId";
    IF FOUND AND r."status" <> 'draft' AND r."submittedAt" IS NOT NULL THEN
      PERFORM funnel_daily_add(r."tenantId", r."submittedAt"::date, r."partnerId", r."programId", r."sourceMarket"::text, r."targetMarket"::text,
        CASE WHEN counted THEN e."reportingCurrency" ELSE '' END,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, CASE WHEN counted THEN sign * net ELSE 0 END, CASE WHEN counted THEN sign ELSE 0 END, CASE WHEN counted THEN 0 ELSE sign END);
    END IF;
  END IF;
END $$;

CREATE FUNCTION funnel_daily_referral_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD."tenantId", OLD."status", OLD."submittedAt", OLD."qualifiedAt", OLD."closedAt", OLD."partnerId", OLD."programId", OLD."sourceMarket", OLD."targetMarket")
      IS NOT DISTINCT FROM (NEW."tenantId", NEW."status", NEW."submittedAt", NEW."qualifiedAt", NEW."closedAt", NEW."partnerId", NEW."programId", NEW."sourceMarket", NEW."targetMarket") THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM funnel_daily_referral(OLD, -1); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM funnel_daily_referral(NEW, 1); END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION funnel_daily_event_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD."tenantId", OLD."type", OLD."occurredAt", OLD."reportingAmountMinor", OLD."reportingCurrency", OLD."customerId", OLD."referralId", OLD."partnerId", OLD."programId", OLD."sourceMarket", OLD."targetMarket")
      IS NOT DISTINCT FROM (NEW."tenantId", NEW."type", NEW."occurredAt", NEW."reportingAmountMinor", NEW."reportingCurrency", NEW."customerId", NEW."referralId", NEW."partnerId", NEW."programId", NEW."sourceMarket", NEW."targetMarket") THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM funnel_daily_event(OLD, -1); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM funnel_daily_event(NEW, 1); END IF;
  RETURN NULL;
END $$;

-- A customer linked to (or unlinked from) a referral moves its lifetime revenue between cohorts.
CREATE FUNCTION funnel_daily_customer_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r "Referral";
BEGIN
  IF OLD."referralId" IS NOT DISTINCT FROM NEW."referralId" THEN RETURN NULL; END IF;
  IF OLD."referralId" IS NOT NULL THEN
    SELECT * INTO r FROM "Referral" WHERE "id" = OLD."referralId" AND "tenantId" = OLD."tenantId";
    IF FOUND THEN PERFORM funnel_daily_cohort_revenue(r, OLD."id", -1); END IF;
  END IF;
  IF NEW."referralId" IS NOT NULL THEN
    SELECT * INTO r FROM "Referral" WHERE "id" = NEW."referralId" AND "tenantId" = NEW."tenantId";
    IF FOUND THEN PERFORM funnel_daily_cohort_revenue(r, NEW."id", 1); END IF;
  END IF;
  RETURN NULL;
END $$;

-- Counted clicks arrive through ClickDaily (upserted by the click writer): add each change's delta.
CREATE FUNCTION funnel_daily_click_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE delta INT := (CASE WHEN TG_OP = 'DELETE' THEN 0 ELSE NEW."clicks" END) - (CASE WHEN TG_OP = 'INSERT' THEN 0 ELSE OLD."clicks" END);
DECLARE r "ClickDaily" := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
BEGIN
  IF delta = 0 THEN RETURN NULL; END IF;
  INSERT INTO "FunnelDaily" AS f ("tenantId", "day", "partnerId", "programId", "sourceMarket", "targetMarket", "reportingCurrency", "clicks")
  VALUES (r."tenantId", r."day", r."partnerId", r."programId", r."sourceMarket"::text, r."targetMarket"::text, '', delta)
  ON CONFLICT ("tenantId", "day", "partnerId", "programId", "sourceMarket", "targetMarket", "reportingCurrency") DO UPDATE
    SET "clicks" = f."clicks" + EXCLUDED."clicks";
  RETURN NULL;
END $$;

CREATE TRIGGER "ClickDaily_funnel_daily" AFTER INSERT OR UPDATE OR DELETE ON "ClickDaily"
  FOR EACH ROW EXECUTE FUNCTION funnel_daily_click_trigger();
CREATE TRIGGER "Referral_funnel_daily" AFTER INSERT OR UPDATE OR DELETE ON "Referral"
  FOR EACH ROW EXECUTE FUNCTION funnel_daily_referral_trigger();
CREATE TRIGGER "ConversionEvent_funnel_daily" AFTER INSERT OR UPDATE OR DELETE ON "ConversionEvent"
  FOR EACH ROW EXECUTE FUNCTION funnel_daily_event_trigger();
CREATE TRIGGER "Customer_funnel_daily" AFTER UPDATE OF "referralId" ON "Customer"
  FOR EACH ROW EXECUTE FUNCTION funnel_daily_customer_trigger();

-- Recomputes one tenant's rollup from the raw tables (bulk loads, repairs, the consistency test).
CREATE FUNCTION funnel_daily_rebuild(t TEXT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
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
    SELECT r."submittedAt"::date, r."partnerId", r."programId", r."sourceMarket"::text, r."targetMarket"::text, '',
      0, 1 AS a1, 0 AS a2, 0 AS a3, 0 AS a4, 0 AS a5, 0::bigint AS a6, 0 AS a7, 0 AS a8,
      (r."qualifiedAt" IS NOT NULL)::int AS a9, (r."status" = 'won')::int AS a10, 0::bigint AS a11, 0 AS a12, 0 AS a13
    FROM "Referral" r WHERE r."tenantId" = t AND r."status" <> 'draft' AND r."submittedAt" IS NOT NULL
    UNION ALL
    SELECT r."qualifiedAt"::date, r."partnerId", r."programId", r."sourceMarket"::text, r."targetMarket"::text, '', 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    FROM "Referral" r WHERE r."tenantId" = t AND r."qualifiedAt" IS NOT NULL
    UNION ALL
    SELECT r."closedAt"::date, r."partnerId", r."programId", r."sourceMarket"::text, r."targetMarket"::text, '', 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    FROM "Referral" r WHERE r."tenantId" = t AND r."status" = 'won' AND r."closedAt" IS NOT NULL
    UNION ALL
    SELECT e."occurredAt"::date, e."partnerId", e."programId", e."sourceMarket"::text, e."targetMarket"::text, '',
      0, 0, 0, 0, (e."type" = 'lead')::int, (e."type" = 'close')::int, 0, 0, 0, 0, 0, 0, 0, 0
    FROM "ConversionEvent" e WHERE e."tenantId" = t AND e."type" IN ('lead', 'close') AND e."referralId" IS NULL
    UNION ALL
    SELECT e."occurredAt"::date, e."partnerId", e."programId", e."sourceMarket"::text, e."targetMarket"::text,
      CASE WHEN x.counted THEN e."reportingCurrency" ELSE '' END,
      0, 0, 0, 0, 0, 0, CASE WHEN x.counted THEN x.net ELSE 0 END, x.counted::int, (NOT x.counted)::int, 0, 0, 0, 0, 0
    FROM "ConversionEvent" e
    CROSS JOIN LATERAL (SELECT e."reportingAmountMinor" IS NOT NULL AND e."reportingCurrency" IS NOT NULL AS counted,
      CASE WHEN e."type" = 'refund' THEN -ABS(e."reportingAmountMinor") ELSE e."reportingAmountMinor" END AS net) x
    WHERE e."tenantId" = t AND e."type" IN ('revenue', 'refund')
    UNION ALL
    SELECT r."submittedAt"::date, r."partnerId", r."programId", r."sourceMarket"::text, r."targetMarket"::text,
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

-- Referrals and events written before this migration.
DO $$ DECLARE x RECORD; BEGIN
  FOR x IN SELECT "id" FROM "Tenant" LOOP PERFORM funnel_daily_rebuild(x."id"); END LOOP;
END $$;
