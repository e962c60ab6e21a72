// Owner path (bypasses row-level security, docs/security.md): the partner-mail sweep runs for every
// tenant, so finding whose notices are due cannot be done inside one tenant's scope. It reads only
// (tenant, partner, cutoff); the notices themselves are claimed, read and marked inside that tenant's
// scope (./partner-digest.ts, through the SystemContext's forTenant), under RLS.
import type { SystemContext } from "@/lib/auth/contexts/system";
import { lastDigestBoundarySql } from "@/lib/notifications/digest-time";

export type DuePartner = { tenantId: string; partnerId: string; cutoff: Date };

/**
 * Partners whose OLDEST unsent notice is due, oldest first. `cutoff` is the newest notice the mail
 * may wait for: instant partners (the default) — `cutoff` (the batching delay ago); partners who chose
 * the daily digest — the agency's latest 08:00 (lib/notifications/digest-time.ts).
 */
export function partnersWithDueNotices(system: SystemContext, cutoff: Date, limit: number, now: Date = new Date()): Promise<DuePartner[]> {
  const boundary = lastDigestBoundarySql(now);
  return system.db.$queryRaw<DuePartner[]>`
    SELECT d."tenantId", d."partnerId", d.cutoff FROM (
      SELECT n."tenantId", n."partnerId", min(n."createdAt") AS oldest,
        CASE WHEN p."noticeMode" = 'digest' THEN ${boundary} ELSE ${cutoff} END AS cutoff
      FROM "PartnerNotice" n
      JOIN "Partner" p ON p."id" = n."partnerId"
      JOIN "Tenant" t ON t."id" = n."tenantId"
      WHERE n."sentAt" IS NULL
      GROUP BY n."tenantId", n."partnerId", p."noticeMode", t."timeZone"
    ) d
    WHERE d.oldest <= d.cutoff
    ORDER BY d.oldest
    LIMIT ${limit}`;
}
