-- Row-level security: the second wall between tenants (docs/rls.md).
--
-- The app keeps connecting as the database owner (DATABASE_URL's user). Tenant-scoped work runs in
-- a transaction that first does `SET LOCAL ROLE twoway_app` and
-- `set_config('app.tenant_id', <tenant id>, true)` (lib/db/client.ts); as twoway_app every
-- tenant-owned table shows and accepts only rows of that tenant, and nothing at all without the
-- setting. The owner is not subject to these policies (no FORCE ROW LEVEL SECURITY): migrations,
-- the seed, jobs and the tenant-less system paths keep working as before.
--
-- No schema change: drift.test.ts compares tables/columns/indexes, not grants or policies.

-- The role is cluster-wide and several databases may migrate at once (tests): create it race-safely.
DO $$ BEGIN
  CREATE ROLE twoway_app NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

-- The connecting user must be allowed to SET ROLE twoway_app (a no-op for a superuser).
DO $$ BEGIN
  EXECUTE format('GRANT twoway_app TO %I', current_user);
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

GRANT USAGE ON SCHEMA public TO twoway_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO twoway_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO twoway_app;
-- Tables and sequences created later by this user (later migrations) are granted too.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO twoway_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO twoway_app;
-- The migration ledger is the runner's business only.
REVOKE ALL ON "_prisma_migrations" FROM twoway_app;

-- The tenant row itself: twoway_app sees (and may update) only its own tenant.
ALTER TABLE "Tenant" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Tenant" TO twoway_app
  USING ("id" = current_setting('app.tenant_id', true))
  WITH CHECK ("id" = current_setting('app.tenant_id', true));

-- Every tenant-owned table (tenantOwnedModels in lib/db/tenant-client.ts; rls.test.ts checks that
-- the two lists agree).
ALTER TABLE "Membership" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Membership" TO twoway_app
  USING ("tenantId" = current_setting('app.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('app.tenant_id', true));
ALTER TABLE "StaffInvite" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "StaffInvite" TO twoway_app
  USING ("tenantId" = current_setting('app.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('app.tenant_id', true));
ALTER TABLE "Partner" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Partner" TO twoway_app
  USING ("tenantId" = current_setting('app.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('app.tenant_id', true));
ALTER TABLE "PartnerInvite" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "PartnerInvite" TO twoway_app
  USING ("tenantId" = current_setting('app.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('app.tenant_id', true));
ALTER TABLE "Brand" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Brand" TO twoway_app
  USING ("tenantId" = current_setting('app.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('app.tenant_id', true));
ALTER TABLE "Creator" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Creator" TO twoway_app
  USING ("tenantId" = current_setting('app.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('app.tenant_id', true));
ALTER TABLE "CreatorPlatform" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "CreatorPlatform" TO twoway_app
  USING ("tenantId" = current_setting('app.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('app.tenant_id', true));
ALTER TABLE "Program" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Program" TO twoway_app
  USING ("tenantId" = current_setting('app.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('app.tenant_id', true));
ALTER TABLE "ProgramPartner" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ProgramPartner" TO twoway_app
  USING ("tenantId" = current_setting('app.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('app.tenant_id', true));
ALTER TABLE "Referral" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Referral" TO twoway_app
  USING ("tenantId" = current_setting('app.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('app.tenant_id', true));
ALTER TABLE "ReferralSubjectKey" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ReferralSubjectKey" TO twoway_app
  USING ("tenantId" = current_setting('app.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('app.tenant_id', true));
ALTER TABLE "ReferralTransition" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ReferralTransition" TO twoway_app
  USING ("tenantId" = current_setting('app.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('app.tenant_id', true));
ALTER TABLE "AuditLog" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "AuditLog" TO twoway_app
  USING ("tenantId" = current_setting('app.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('app.tenant_id', true));
ALTER TABLE "OutboxEmail" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "OutboxEmail" TO twoway_app
  USING ("tenantId" = current_setting('app.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('app.tenant_id', true));
ALTER TABLE "Opportunity" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Opportunity" TO twoway_app
  USING ("tenantId" = current_setting('app.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('app.tenant_id', true));
ALTER TABLE "OptIn" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "OptIn" TO twoway_app
  USING ("tenantId" = current_setting('app.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('app.tenant_id', true));
ALTER TABLE "OpportunityInvitation" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "OpportunityInvitation" TO twoway_app
  USING ("tenantId" = current_setting('app.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('app.tenant_id', true));
ALTER TABLE "TrackedLink" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "TrackedLink" TO twoway_app
  USING ("tenantId" = current_setting('app.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('app.tenant_id', true));
ALTER TABLE "Click" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Click" TO twoway_app
  USING ("tenantId" = current_setting('app.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('app.tenant_id', true));
ALTER TABLE "ClickDaily" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ClickDaily" TO twoway_app
  USING ("tenantId" = current_setting('app.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('app.tenant_id', true));
ALTER TABLE "FunnelDaily" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "FunnelDaily" TO twoway_app
  USING ("tenantId" = current_setting('app.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('app.tenant_id', true));
ALTER TABLE "FunnelDailyProgram" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "FunnelDailyProgram" TO twoway_app
  USING ("tenantId" = current_setting('app.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('app.tenant_id', true));
ALTER TABLE "Customer" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Customer" TO twoway_app
  USING ("tenantId" = current_setting('app.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('app.tenant_id', true));
ALTER TABLE "ConversionEvent" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ConversionEvent" TO twoway_app
  USING ("tenantId" = current_setting('app.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('app.tenant_id', true));
ALTER TABLE "ApiKey" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ApiKey" TO twoway_app
  USING ("tenantId" = current_setting('app.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('app.tenant_id', true));
ALTER TABLE "FxRate" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "FxRate" TO twoway_app
  USING ("tenantId" = current_setting('app.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('app.tenant_id', true));
ALTER TABLE "CommissionRule" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "CommissionRule" TO twoway_app
  USING ("tenantId" = current_setting('app.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('app.tenant_id', true));
ALTER TABLE "Commission" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Commission" TO twoway_app
  USING ("tenantId" = current_setting('app.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('app.tenant_id', true));
ALTER TABLE "CommissionTransition" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "CommissionTransition" TO twoway_app
  USING ("tenantId" = current_setting('app.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('app.tenant_id', true));
ALTER TABLE "PayoutMethod" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "PayoutMethod" TO twoway_app
  USING ("tenantId" = current_setting('app.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('app.tenant_id', true));
ALTER TABLE "PayoutRun" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "PayoutRun" TO twoway_app
  USING ("tenantId" = current_setting('app.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('app.tenant_id', true));
ALTER TABLE "Payout" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Payout" TO twoway_app
  USING ("tenantId" = current_setting('app.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('app.tenant_id', true));
ALTER TABLE "PayoutItem" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "PayoutItem" TO twoway_app
  USING ("tenantId" = current_setting('app.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('app.tenant_id', true));
ALTER TABLE "StatementImport" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "StatementImport" TO twoway_app
  USING ("tenantId" = current_setting('app.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('app.tenant_id', true));
ALTER TABLE "StatementLine" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "StatementLine" TO twoway_app
  USING ("tenantId" = current_setting('app.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('app.tenant_id', true));
ALTER TABLE "TaxProfile" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "TaxProfile" TO twoway_app
  USING ("tenantId" = current_setting('app.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('app.tenant_id', true));
ALTER TABLE "SanctionsList" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "SanctionsList" TO twoway_app
  USING ("tenantId" = current_setting('app.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('app.tenant_id', true));
ALTER TABLE "SanctionsEntry" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "SanctionsEntry" TO twoway_app
  USING ("tenantId" = current_setting('app.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('app.tenant_id', true));
ALTER TABLE "Screening" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Screening" TO twoway_app
  USING ("tenantId" = current_setting('app.tenant_id', true))
  WITH CHECK ("tenantId" = current_setting('app.tenant_id', true));

-- The funnel rollup triggers (funnel_daily_*, funnel_program_*) stay SECURITY INVOKER: they read and
-- write only rows whose "tenantId" is the triggering row's, so under twoway_app they pass the same
-- policies as the statement that fired them (rls.test.ts writes through them as twoway_app).
