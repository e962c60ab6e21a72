// Owner path (bypasses row-level security, docs/security.md): the partner-mail sweep runs for every
// tenant, so finding whose notices are due cannot be done inside one tenant's scope. It reads only
// (tenant, partner) pairs; the notices themselves are claimed, read and marked inside that tenant's
// scope (./partner-digest.ts, through the SystemContext's forTenant), under RLS.
import type { SystemContext } from "@/lib/auth/contexts/system";

export type DuePartner = { tenantId: string; partnerId: string };

/** Partners whose OLDEST unsent notice was created at or before `cutoff`, oldest first. */
export function partnersWithDueNotices(system: SystemContext, cutoff: Date, limit: number): Promise<DuePartner[]> {
  return system.db.$queryRaw<DuePartner[]>`
    SELECT "tenantId", "partnerId" FROM "PartnerNotice"
    WHERE "sentAt" IS NULL
    GROUP BY "tenantId", "partnerId"
    HAVING min("createdAt") <= ${cutoff}
    ORDER BY min("createdAt")
    LIMIT ${limit}`;
}
