-- The SHA-256 of an imported SDN file, so the daily compliance:sdn-fetch job (lib/compliance/sdn-fetch.ts)
-- imports the official list into a tenant only when its content changed. Null for lists imported before.
ALTER TABLE "SanctionsList" ADD COLUMN "contentHash" TEXT;
CREATE INDEX "SanctionsList_tenantId_contentHash_idx" ON "SanctionsList" ("tenantId", "contentHash");
