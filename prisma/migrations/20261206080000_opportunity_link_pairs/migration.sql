-- Opportunity links count like the referrals they bring (lib/opportunities/market-pairs.ts).
--
-- Until now a partner's link for "RU brand seeks US creators" (opportunity RU → US) took the
-- opportunity's pair as posted, RU → US, while an applicant it brought became the referral US → RU
-- (source = the applicant's own market). The funnel split one flow over two market-pair rows. This
-- migration gives those links the referral pair and carries it to everything that copied the
-- link's pair: clicks, their daily rollup (and through it FunnelDaily / FunnelDailyProgram), and
-- customers and conversion events credited through such a click without a referral.
--
-- Idempotent: a link is swapped only while its pair still equals its opportunity's posted pair
-- (and the two markets differ), and the copies are only ever set to their link's / click's pair.
-- No schema change (drift.test.ts is unaffected). Runs as the owner, so row-level security does
-- not filter these statements.

-- 1. The ClickDaily trigger added only the change of `clicks` to the row's own key, so an UPDATE
--    that moves a ClickDaily row to another pair (step 4) left FunnelDaily's clicks on the old
--    pair. Now a key change subtracts the old row's clicks from the old key and adds the new row's
--    to the new one; the click writer's upsert (same key, more clicks) still adds just the delta.
CREATE OR REPLACE FUNCTION funnel_daily_click_add(r "ClickDaily", n INT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF n = 0 THEN RETURN; END IF;
  INSERT INTO "FunnelDaily" AS f ("tenantId", "day", "partnerId", "programId", "sourceMarket", "targetMarket", "reportingCurrency", "clicks")
  VALUES (r."tenantId", r."day", r."partnerId", r."programId", r."sourceMarket"::text, r."targetMarket"::text, '', n)
  ON CONFLICT ("tenantId", "day", "partnerId", "programId", "sourceMarket", "targetMarket", "reportingCurrency") DO UPDATE
    SET "clicks" = f."clicks" + EXCLUDED."clicks";
END $$;

CREATE OR REPLACE FUNCTION funnel_daily_click_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD."tenantId", OLD."day", OLD."partnerId", OLD."programId", OLD."sourceMarket", OLD."targetMarket")
      IS NOT DISTINCT FROM (NEW."tenantId", NEW."day", NEW."partnerId", NEW."programId", NEW."sourceMarket", NEW."targetMarket") THEN
    PERFORM funnel_daily_click_add(NEW, NEW."clicks" - OLD."clicks");
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM funnel_daily_click_add(OLD, -OLD."clicks"); END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM funnel_daily_click_add(NEW, NEW."clicks"); END IF;
  RETURN NULL;
END $$;

-- 2. Hold off the click writer (a separate redirect server may still be running) until this
--    commits, so no click is stored from a link row read before the swap.
LOCK TABLE "Click", "ClickDaily" IN SHARE ROW EXCLUSIVE MODE;

-- 3. The links: posted pair (S → T) becomes the referral pair (T → S).
UPDATE "TrackedLink" l
   SET "sourceMarket" = o."targetMarket", "targetMarket" = o."sourceMarket", "updatedAt" = CURRENT_TIMESTAMP
  FROM "Opportunity" o
 WHERE o."id" = l."opportunityId" AND o."tenantId" = l."tenantId"
   AND l."sourceMarket" = o."sourceMarket" AND l."targetMarket" = o."targetMarket"
   AND o."sourceMarket" <> o."targetMarket";

-- 4. Clicks and their daily rollup take their opportunity link's pair (the writer copies it from
--    the link; links never change pair otherwise). The ClickDaily trigger moves FunnelDaily's
--    clicks, whose own trigger moves FunnelDailyProgram's.
UPDATE "Click" c
   SET "sourceMarket" = l."sourceMarket", "targetMarket" = l."targetMarket"
  FROM "TrackedLink" l
 WHERE l."id" = c."linkId" AND l."opportunityId" IS NOT NULL
   AND (c."sourceMarket", c."targetMarket") IS DISTINCT FROM (l."sourceMarket", l."targetMarket");

UPDATE "ClickDaily" cd
   SET "sourceMarket" = l."sourceMarket", "targetMarket" = l."targetMarket"
  FROM "TrackedLink" l
 WHERE l."id" = cd."linkId" AND l."opportunityId" IS NOT NULL
   AND (cd."sourceMarket", cd."targetMarket") IS DISTINCT FROM (l."sourceMarket", l."targetMarket");

-- 5. Customers and events credited through such a click with no referral copied the click's pair
--    (lib/conversions/attribute-event.ts, ingest.ts): still the old one exactly when it is the
--    click's new pair reversed. Events' FunnelDaily trigger moves their stages and revenue.
UPDATE "Customer" cu
   SET "sourceMarket" = c."sourceMarket", "targetMarket" = c."targetMarket", "updatedAt" = CURRENT_TIMESTAMP
  FROM "Click" c JOIN "TrackedLink" l ON l."id" = c."linkId" AND l."opportunityId" IS NOT NULL
 WHERE c."id" = cu."clickId" AND c."tenantId" = cu."tenantId" AND cu."referralId" IS NULL
   AND cu."sourceMarket" = c."targetMarket" AND cu."targetMarket" = c."sourceMarket" AND c."sourceMarket" <> c."targetMarket";

UPDATE "ConversionEvent" e
   SET "sourceMarket" = c."sourceMarket", "targetMarket" = c."targetMarket"
  FROM "Click" c JOIN "TrackedLink" l ON l."id" = c."linkId" AND l."opportunityId" IS NOT NULL
 WHERE c."id" = e."clickId" AND c."tenantId" = e."tenantId" AND e."referralId" IS NULL
   AND e."sourceMarket" = c."targetMarket" AND e."targetMarket" = c."sourceMarket" AND c."sourceMarket" <> c."targetMarket";
