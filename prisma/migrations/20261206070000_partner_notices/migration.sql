-- Partners get one e-mail for the referral changes of a few minutes, not one per move.
-- A staff move records a PartnerNotice (lib/referrals/notify-partner.ts); the partner-mail sweep
-- (lib/referrals/partner-digest.ts) claims a partner's unsent notices with FOR UPDATE SKIP LOCKED,
-- stores one OutboxEmail and marks the notices sent with its id, in one transaction.

-- CreateTable
CREATE TABLE "PartnerNotice" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "referralId" TEXT NOT NULL,
    "toStatus" "ReferralStatus" NOT NULL,
    "note" TEXT,
    "rejectReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "outboxEmailId" TEXT,

    CONSTRAINT "PartnerNotice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PartnerNotice_tenantId_partnerId_sentAt_idx" ON "PartnerNotice"("tenantId", "partnerId", "sentAt");

-- CreateIndex
CREATE INDEX "PartnerNotice_sentAt_createdAt_idx" ON "PartnerNotice"("sentAt", "createdAt");

-- AddForeignKey
ALTER TABLE "PartnerNotice" ADD CONSTRAINT "PartnerNotice_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerNotice" ADD CONSTRAINT "PartnerNotice_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerNotice" ADD CONSTRAINT "PartnerNotice_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerNotice" ADD CONSTRAINT "PartnerNotice_outboxEmailId_fkey" FOREIGN KEY ("outboxEmailId") REFERENCES "OutboxEmail"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Row-level security, exactly as for every tenant-owned table (20261206040000_row_level_security):
-- twoway_app sees and writes only the rows of the tenant in app.tenant_id; the owner (migrations,
-- the sweep's search for due partners) is not subject to it. The default privileges of that
-- migration grant the table to twoway_app already; granting again keeps it right if another user
-- runs the migrations.
GRANT SELECT, INSERT, UPDATE, DELETE ON "PartnerNotice" TO twoway_app;
ALTER TABLE "PartnerNotice" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "PartnerNotice" TO twoway_app
  USING ("tenantId" = current_setting('app.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('app.tenant_id', true));
