-- Promo codes (issue 16, part 5; docs/conversion-api.md "Promo codes"). A partner's personal code,
-- stored in capitals by the app (lib/promo-codes/code-format.ts, so the unique index is case-insensitive)
-- and unique per agency; the conversion API and the CSV import credit its partner
-- when no referral, click or earlier attribution of the customer does. ConversionEvent.promoCodeId
-- records that the credit came from a code.

-- CreateTable
CREATE TABLE "PromoCode" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "programId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "sourceMarket" "Market" NOT NULL,
    "targetMarket" "Market" NOT NULL,
    "createdById" TEXT,
    "deactivatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PromoCode_pkey" PRIMARY KEY ("id")
);

-- AlterTable
ALTER TABLE "ConversionEvent" ADD COLUMN "promoCodeId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "PromoCode_tenantId_code_key" ON "PromoCode"("tenantId", "code");
CREATE INDEX "PromoCode_tenantId_partnerId_idx" ON "PromoCode"("tenantId", "partnerId");
CREATE INDEX "ConversionEvent_promoCodeId_idx" ON "ConversionEvent"("promoCodeId");

-- AddForeignKey
ALTER TABLE "PromoCode" ADD CONSTRAINT "PromoCode_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PromoCode" ADD CONSTRAINT "PromoCode_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PromoCode" ADD CONSTRAINT "PromoCode_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ConversionEvent" ADD CONSTRAINT "ConversionEvent_promoCodeId_fkey" FOREIGN KEY ("promoCodeId") REFERENCES "PromoCode"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Row-level security, as for every tenant-owned table (20261206040000_row_level_security, with the
-- initplan form of 20261206090000_rls_initplan).
GRANT SELECT, INSERT, UPDATE, DELETE ON "PromoCode" TO twoway_app;
ALTER TABLE "PromoCode" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "PromoCode" TO twoway_app
  USING ("tenantId" = (SELECT current_setting('app.tenant_id', true)))
  WITH CHECK ("tenantId" = (SELECT current_setting('app.tenant_id', true)));
