-- Time zones (issue 15, part 3). "Tenant"."timeZone": the agency's IANA zone, in which times are shown
-- and whose local days key the funnel's rollups; "User"."timeZone": a staff member's or partner's own
-- zone for showing times (null = the agency's). Validated as IANA names by the app (lib/kernel/time-zone.ts).
ALTER TABLE "Tenant" ADD COLUMN "timeZone" TEXT NOT NULL DEFAULT 'UTC';
ALTER TABLE "User" ADD COLUMN "timeZone" TEXT;
