-- CreateTable
CREATE TABLE "FunnelDailyProgram" (
    "tenantId" TEXT NOT NULL,
    "day" DATE NOT NULL,
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

    CONSTRAINT "FunnelDailyProgram_pkey" PRIMARY KEY ("tenantId","day","programId","sourceMarket","targetMarket","reportingCurrency")
);

-- AddForeignKey
ALTER TABLE "FunnelDailyProgram" ADD CONSTRAINT "FunnelDailyProgram_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- "FunnelDailyProgram" = FunnelDaily (clicks included) summed over partners. A row trigger adds each
-- change's delta (NEW − OLD) to the row of its (tenant, day, program, pair, currency).

CREATE FUNCTION funnel_program_add(
  t TEXT, d DATE, g TEXT, s TEXT, tm TEXT, rc TEXT, a_clicks INT,
  a_referrals INT, a_qualified INT, a_closes INT, a_leads INT, a_event_closes INT,
  a_revenue BIGINT, a_revenue_events INT, a_missing INT,
  a_cohort_qualified INT, a_cohort_closes INT, a_cohort_revenue BIGINT, a_cohort_revenue_events INT, a_cohort_missing INT
) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "FunnelDailyProgram" AS f ("tenantId", "day", "programId", "sourceMarket", "targetMarket", "reportingCurrency", "clicks",
    "referrals", "qualified", "closes", "leads", "eventCloses", "revenueMinor", "revenueEvents", "missingFxEvents",
    "cohortQualified", "cohortCloses", "cohortRevenueMinor", "cohortRevenueEvents", "cohortMissingFx")
  VALUES (t, d, g, s, tm, rc, a_clicks, a_referrals, a_qualified, a_closes, a_leads, a_event_closes, a_revenue, a_revenue_events, a_missing,
    a_cohort_qualified, a_cohort_closes, a_cohort_revenue, a_cohort_revenue_events, a_cohort_missing)
  ON CONFLICT ("tenantId", "day", "programId", "sourceMarket", "targetMarket", "reportingCurrency") DO UPDATE SET
    "clicks" = f."clicks" + EXCLUDED."clicks",
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

CREATE FUNCTION funnel_program_from_daily(r "FunnelDaily", sign INT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM funnel_program_add(r."tenantId", r."day", r."programId", r."sourceMarket", r."targetMarket", r."reportingCurrency", sign * r."clicks",
    sign * r."referrals", sign * r."qualified", sign * r."closes", sign * r."leads", sign * r."eventCloses",
    sign * r."revenueMinor", sign * r."revenueEvents", sign * r."missingFxEvents",
    sign * r."cohortQualified", sign * r."cohortCloses", sign * r."cohortRevenueMinor", sign * r."cohortRevenueEvents", sign * r."cohortMissingFx");
END $$;

CREATE FUNCTION funnel_program_daily_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM funnel_program_from_daily(OLD, -1); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM funnel_program_from_daily(NEW, 1); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "FunnelDaily_by_program" AFTER INSERT OR UPDATE OR DELETE ON "FunnelDaily"
  FOR EACH ROW EXECUTE FUNCTION funnel_program_daily_trigger();

-- Recomputes one tenant's FunnelDailyProgram from FunnelDaily.
CREATE FUNCTION funnel_program_rebuild(t TEXT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "FunnelDailyProgram" WHERE "tenantId" = t;
  INSERT INTO "FunnelDailyProgram" ("tenantId", "day", "programId", "sourceMarket", "targetMarket", "reportingCurrency", "clicks",
    "referrals", "qualified", "closes", "leads", "eventCloses", "revenueMinor", "revenueEvents", "missingFxEvents",
    "cohortQualified", "cohortCloses", "cohortRevenueMinor", "cohortRevenueEvents", "cohortMissingFx")
  SELECT t, d, g, s, tm, rc, SUM(c)::int, SUM(a1)::int, SUM(a2)::int, SUM(a3)::int, SUM(a4)::int, SUM(a5)::int, SUM(a6)::bigint, SUM(a7)::int,
    SUM(a8)::int, SUM(a9)::int, SUM(a10)::int, SUM(a11)::bigint, SUM(a12)::int, SUM(a13)::int
  FROM (
    SELECT "day" AS d, "programId" AS g, "sourceMarket" AS s, "targetMarket" AS tm, "reportingCurrency" AS rc, "clicks" AS c,
      "referrals" AS a1, "qualified" AS a2, "closes" AS a3, "leads" AS a4, "eventCloses" AS a5, "revenueMinor" AS a6, "revenueEvents" AS a7,
      "missingFxEvents" AS a8, "cohortQualified" AS a9, "cohortCloses" AS a10, "cohortRevenueMinor" AS a11, "cohortRevenueEvents" AS a12, "cohortMissingFx" AS a13
    FROM "FunnelDaily" WHERE "tenantId" = t
  ) z
  GROUP BY d, g, s, tm, rc;
END $$;

-- Rows that existed before this migration.
DO $$ DECLARE x RECORD; BEGIN
  FOR x IN SELECT "id" FROM "Tenant" LOOP PERFORM funnel_program_rebuild(x."id"); END LOOP;
END $$;
