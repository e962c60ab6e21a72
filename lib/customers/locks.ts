import type { TenantTx } from "@/lib/db/tenant-client";

/**
 * A transaction-scoped advisory lock on one name within a tenant. Writers of the same conversion
 * event, the same customer or the same referral's customer take it first and re-read after, so
 * concurrent requests produce one row instead of a unique-constraint error. Callers take locks
 * in the order event → customer → referral, so two transactions never wait on each other in a cycle.
 */
export async function lockName(tx: TenantTx, tenantId: string, name: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`${tenantId}:${name}`}::text, 0))`;
}
