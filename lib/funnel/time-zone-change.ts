// Changing an agency's time zone (issue 15, part 3; docs/operations.md, "Funnel days (time zones)"). The funnel's
// rollups (ClickDaily, FunnelDaily, FunnelDailyProgram, LtvDaily) are keyed by the agency's local
// days in "Tenant"."rollupTimeZone" (migration 20261206181000_rollups_local_days). A new zone is
// saved in "timeZone" and, in the same transaction, the job funnel:rekey-time-zone is enqueued; the
// job rebuilds the rollups on the new zone's days and sets rollupTimeZone, in one transaction.
// Until it has run, the funnel keeps showing (consistent) days of the old zone.
//
// The job can be killed and run again at any point: the re-key is one transaction (a kill rolls it
// back) and rebuilds to the same rows when nothing changed (SQL twoway_rollup_rekey). It takes the
// tenant's exclusive rollup lock, which the rollup triggers take shared, and locks "ClickDaily"
// first (the click writer reads the zone in its one statement).
import { timeZoneSchema } from "@/lib/kernel/time-zone";
import type { TenantDb, TenantTx } from "@/lib/db/tenant-client";

export const REKEY_TASK = "funnel:rekey-time-zone";

/** How long one re-key may run (its statement and transaction); a big tenant's ClickDaily is rebuilt from raw clicks. */
const REKEY_TIMEOUT_MS = 30 * 60_000;

/**
 * Sets the agency's time zone (an IANA name, stored in its canonical spelling) inside the caller's
 * transaction `tx` (tenant-scoped: `ctx.db.$transaction(async (tx) => …)`), and enqueues the re-key
 * of its rollups in that same transaction when their zone differs. Throws a ZodError
 * ("invalid_time_zone") for an unknown zone. Returns the stored zone and whether a re-key was queued.
 */
export async function changeTenantTimeZone(tx: TenantTx, tenantId: string, zone: string): Promise<{ timeZone: string; rekeyQueued: boolean }> {
  const timeZone = timeZoneSchema.parse(zone);
  const rows = await tx.$queryRaw<{ rollupTimeZone: string }[]>`
    UPDATE "Tenant" SET "timeZone" = ${timeZone}, "updatedAt" = now() WHERE "id" = ${tenantId} RETURNING "rollupTimeZone"`;
  if (rows.length !== 1) throw new Error("changeTenantTimeZone: tenant not found");
  // Also when a re-key is still waiting with the old target: the job reads the zone when it runs.
  const rekeyQueued = rows[0].rollupTimeZone !== timeZone;
  if (rekeyQueued) await tx.$queryRaw`SELECT twoway_enqueue_rollup_rekey(${tenantId})::text`;
  return { timeZone, rekeyQueued };
}

/**
 * The job's work: re-keys the tenant's rollups to its current "timeZone" (idempotent). Returns the
 * zone they are keyed in afterwards, or null when the tenant no longer exists.
 */
export async function rekeyTenantRollups(db: TenantDb, tenantId: string): Promise<string | null> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL statement_timeout = ${REKEY_TIMEOUT_MS}`);
      const [row] = await tx.$queryRaw<{ zone: string | null }[]>`SELECT twoway_rollup_rekey(${tenantId}) AS zone`;
      return row?.zone ?? null;
    },
    { timeout: REKEY_TIMEOUT_MS, maxWait: 60_000 },
  );
}
