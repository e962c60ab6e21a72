-- Notifications (issue 15, part 2; lib/notifications).
--   "StaffNotification"   one row per staff recipient of a "needs attention" item: new referrals and
--                         opt-ins, referrals waiting too long, held or failed payouts, possible
--                         sanctions matches, failing webhooks. Title and text are built when shown,
--                         from "kind" and "params", in the reader's language. Written in the same
--                         transaction as the event that causes it; "dedupeKey" makes a second write
--                         of the same event (a retried job, a replayed webhook) a no-op.
--   "Membership.mailMode" e-mail per staff member and agency: instant (default) / digest / off.
--   "Partner.noticeMode"  the partner's status e-mails: instant (default, as before) / digest.
--   "Tenant.staleReferralDays" how long a referral may wait in one open status (default 7).
CREATE TYPE "StaffMailMode" AS ENUM ('instant', 'digest', 'off');
CREATE TYPE "PartnerMailMode" AS ENUM ('instant', 'digest');

ALTER TABLE "Membership" ADD COLUMN "mailMode" "StaffMailMode" NOT NULL DEFAULT 'instant';
ALTER TABLE "Partner" ADD COLUMN "noticeMode" "PartnerMailMode" NOT NULL DEFAULT 'instant';
ALTER TABLE "Tenant" ADD COLUMN "staleReferralDays" INTEGER NOT NULL DEFAULT 7;

CREATE TABLE "StaffNotification" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "dedupeKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),
    "mailedAt" TIMESTAMP(3),
    "outboxEmailId" TEXT,

    CONSTRAINT "StaffNotification_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "StaffNotification_tenantId_userId_dedupeKey_key" ON "StaffNotification"("tenantId", "userId", "dedupeKey");
CREATE INDEX "StaffNotification_tenantId_userId_readAt_createdAt_idx" ON "StaffNotification"("tenantId", "userId", "readAt", "createdAt");
CREATE INDEX "StaffNotification_mailedAt_createdAt_idx" ON "StaffNotification"("mailedAt", "createdAt");

ALTER TABLE "StaffNotification" ADD CONSTRAINT "StaffNotification_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "StaffNotification" ADD CONSTRAINT "StaffNotification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "StaffNotification" ADD CONSTRAINT "StaffNotification_outboxEmailId_fkey" FOREIGN KEY ("outboxEmailId") REFERENCES "OutboxEmail"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Row-level security, exactly as for every tenant-owned table (20261206040000_row_level_security).
-- Within a tenant, a staff member reads only their own rows: the domain functions filter by the
-- caller's user id (lib/notifications/inbox.ts), and the isolation test proves it.
GRANT SELECT, INSERT, UPDATE, DELETE ON "StaffNotification" TO twoway_app;
ALTER TABLE "StaffNotification" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "StaffNotification" TO twoway_app
  USING ("tenantId" = (SELECT current_setting('app.tenant_id', true)))
  WITH CHECK ("tenantId" = (SELECT current_setting('app.tenant_id', true)));
