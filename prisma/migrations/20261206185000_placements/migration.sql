-- Placements and ad-labelling rules as data (issue 17, parts 1–2; docs/ord.md, docs/ad-rules.md).
-- A placement is a creator's paid post for a brand, out of a won referral or an accepted opt-in; it
-- moves draft → ready_to_label → labelled → approved_to_publish → published → reported, each step a
-- PlacementTransition row. PlatformRule rows are the rules a placement is checked against on its
-- planned date before approval (lib/placements/check-rules.ts).

-- CreateEnum
CREATE TYPE "PlacementStatus" AS ENUM ('draft', 'ready_to_label', 'labelled', 'approved_to_publish', 'published', 'reported');

-- CreateEnum
CREATE TYPE "PlatformRuleKind" AS ENUM ('banned', 'erid_required', 'label_required', 'registry_above_threshold', 'disclosure_required', 'statistics_deadline');

-- CreateTable
CREATE TABLE "Placement" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "referralId" TEXT,
    "optInId" TEXT,
    "brandId" TEXT NOT NULL,
    "creatorId" TEXT,
    "creatorPlatformId" TEXT,
    "creatorName" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "channelSubscribers" INTEGER,
    "rknRegistryNumber" TEXT,
    "audienceMarket" "Market" NOT NULL,
    "plannedOn" DATE NOT NULL,
    "creativeText" TEXT NOT NULL,
    "mediaUrls" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "priceMinor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "trackedLinkId" TEXT,
    "erid" TEXT,
    "disclosureText" TEXT,
    "status" "PlacementStatus" NOT NULL DEFAULT 'draft',
    "postUrl" TEXT,
    "publishedOn" DATE,
    "proofUrl" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Placement_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Placement_price_check" CHECK ("priceMinor" >= 0)
);

-- CreateTable
CREATE TABLE "PlacementTransition" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "placementId" TEXT NOT NULL,
    "fromStatus" "PlacementStatus",
    "toStatus" "PlacementStatus" NOT NULL,
    "actorUserId" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlacementTransition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlatformRule" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "audienceMarket" "Market" NOT NULL,
    "platform" TEXT,
    "kind" "PlatformRuleKind" NOT NULL,
    "threshold" INTEGER,
    "params" JSONB,
    "effectiveFrom" DATE NOT NULL,
    "effectiveTo" DATE,
    "warnOnly" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT NOT NULL,
    "sourceUrl" TEXT,
    "verified" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlatformRule_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "PlatformRule_dates_check" CHECK ("effectiveTo" IS NULL OR "effectiveTo" >= "effectiveFrom")
);

-- CreateIndex
CREATE INDEX "Placement_tenantId_status_idx" ON "Placement"("tenantId", "status");
CREATE INDEX "Placement_tenantId_plannedOn_idx" ON "Placement"("tenantId", "plannedOn");
CREATE INDEX "Placement_tenantId_referralId_idx" ON "Placement"("tenantId", "referralId");
CREATE INDEX "Placement_tenantId_optInId_idx" ON "Placement"("tenantId", "optInId");
CREATE INDEX "PlacementTransition_tenantId_placementId_createdAt_idx" ON "PlacementTransition"("tenantId", "placementId", "createdAt");
CREATE UNIQUE INDEX "PlatformRule_tenantId_key_key" ON "PlatformRule"("tenantId", "key");
CREATE INDEX "PlatformRule_tenantId_audienceMarket_idx" ON "PlatformRule"("tenantId", "audienceMarket");

-- AddForeignKey
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_optInId_fkey" FOREIGN KEY ("optInId") REFERENCES "OptIn"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_creatorId_fkey" FOREIGN KEY ("creatorId") REFERENCES "Creator"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_creatorPlatformId_fkey" FOREIGN KEY ("creatorPlatformId") REFERENCES "CreatorPlatform"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Placement" ADD CONSTRAINT "Placement_trackedLinkId_fkey" FOREIGN KEY ("trackedLinkId") REFERENCES "TrackedLink"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "PlacementTransition" ADD CONSTRAINT "PlacementTransition_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PlacementTransition" ADD CONSTRAINT "PlacementTransition_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PlatformRule" ADD CONSTRAINT "PlatformRule_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security, as for every tenant-owned table (20261206040000_row_level_security, with the
-- initplan form of 20261206090000_rls_initplan).
GRANT SELECT, INSERT, UPDATE, DELETE ON "Placement", "PlacementTransition", "PlatformRule" TO twoway_app;
ALTER TABLE "Placement" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Placement" TO twoway_app
  USING ("tenantId" = (SELECT current_setting('app.tenant_id', true)))
  WITH CHECK ("tenantId" = (SELECT current_setting('app.tenant_id', true)));
ALTER TABLE "PlacementTransition" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "PlacementTransition" TO twoway_app
  USING ("tenantId" = (SELECT current_setting('app.tenant_id', true)))
  WITH CHECK ("tenantId" = (SELECT current_setting('app.tenant_id', true)));
ALTER TABLE "PlatformRule" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "PlatformRule" TO twoway_app
  USING ("tenantId" = (SELECT current_setting('app.tenant_id', true)))
  WITH CHECK ("tenantId" = (SELECT current_setting('app.tenant_id', true)));

-- The shipped rules (docs/ad-rules.md, read 2026-12-06), installed for one tenant. Idempotent: a rule
-- the tenant already has (by key) is left as it is, so an owner's edit survives a re-install.
-- A later change in the law ships as a new migration that replaces this function and calls it again.
CREATE OR REPLACE FUNCTION twoway_install_platform_rules(tenant TEXT) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "PlatformRule" ("id", "tenantId", "key", "audienceMarket", "platform", "kind", "threshold", "params",
                              "effectiveFrom", "effectiveTo", "warnOnly", "source", "sourceUrl", "verified")
  SELECT 'rule_' || md5(tenant || ':' || d.key), tenant, d.key, d.market::"Market", d.platform, d.kind::"PlatformRuleKind",
         d.threshold, d.params::jsonb, d.efrom::date, d.eto::date, d.warn, d.source, d.url, d.verified
  FROM (VALUES
    ('ru-erid', 'RU', NULL, 'erid_required', NULL, NULL, '2022-09-01', NULL, false,
     '38-ФЗ «О рекламе», ст. 18.1 (347-ФЗ)', 'https://kurs.alfabank.ru/articles/ord-erir-erid-chto-vsyo-ehto-znachit-i-kak-markirovat-reklamu', true),
    ('ru-label', 'RU', NULL, 'label_required', NULL, '{"labelText":"Реклама","advertiser":true}', '2022-09-01', NULL, false,
     '38-ФЗ «О рекламе», ст. 18.1 ч. 16', 'https://timeweb.com/ru/docs/partnerskie-programmy/programma-webmaster/pravila-markirovki-reklamy/', true),
    ('ru-registry-filing', 'RU', NULL, 'registry_above_threshold', 10000, NULL, '2024-11-01', '2024-12-31', true,
     '149-ФЗ, перечень Роскомнадзора', 'https://korvesti.ru/novosti/obshchestvo/19633-v-rossii-nachalas-registratsiya-kanalov-i-blogerov-s-auditoriej-bolee-10-tysyach-podpischikov', true),
    ('ru-registry', 'RU', NULL, 'registry_above_threshold', 10000, NULL, '2025-01-01', NULL, false,
     '149-ФЗ, перечень Роскомнадзора', 'https://new-retail.ru/novosti/retail/roskomnadzor_nachnet_blokirovat_nezaregistrirovannye_akkaunty_blogerov', true),
    ('ru-instagram-banned', 'RU', 'instagram', 'banned', NULL, NULL, '2025-09-01', NULL, false,
     '72-ФЗ от 07.04.2025', 'https://runetlex.ru/knowledge/-/zakon-o-zaprete-izmenenia-v-zakone-o-reklame-s-1-sentabra-2025-goda', true),
    ('ru-facebook-banned', 'RU', 'facebook', 'banned', NULL, NULL, '2025-09-01', NULL, false,
     '72-ФЗ от 07.04.2025', 'https://tass.ru/obschestvo/24918975', true),
    ('ru-x-banned', 'RU', 'x', 'banned', NULL, NULL, '2025-09-01', NULL, false,
     '72-ФЗ от 07.04.2025', 'https://dept.one/memo/zapret-reklama', false),
    ('ru-statistics-deadline', 'RU', NULL, 'statistics_deadline', NULL, '{"dayOfNextMonth":30,"capAtMonthEnd":true}', '2022-09-01', NULL, false,
     'Правила передачи данных в ЕРИР (не проверено)', NULL, false),
    ('us-disclosure', 'US', NULL, 'disclosure_required', NULL, '{"text":"#ad"}', '2023-07-26', NULL, false,
     'FTC Endorsement Guides, 16 CFR Part 255 (88 FR 48092)', 'https://regulations.justia.com/regulations/fedreg/2023/07/26/2023-14795.html', false)
  ) AS d(key, market, platform, kind, threshold, params, efrom, eto, warn, source, url, verified)
  ON CONFLICT ("tenantId", "key") DO NOTHING
$$;

-- Every new agency gets them (sign-up, the demo seed, test fixtures alike) …
CREATE OR REPLACE FUNCTION twoway_tenant_platform_rules() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM twoway_install_platform_rules(NEW."id");
  RETURN NEW;
END
$$;
CREATE TRIGGER "Tenant_platform_rules" AFTER INSERT ON "Tenant"
  FOR EACH ROW EXECUTE FUNCTION twoway_tenant_platform_rules();

-- … and every existing one now.
SELECT twoway_install_platform_rules("id") FROM "Tenant";
