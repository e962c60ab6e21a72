// Owner path (bypasses row-level security, docs/security.md): the message-mail sweep runs for every
// tenant, so finding whose messages are due cannot be done inside one tenant's scope. It reads only
// (tenant, partner, cutoff); the rows themselves are claimed, read and marked inside that tenant's
// scope (./mail.ts, through the SystemContext's forTenant), under RLS.
import type { SystemContext } from "@/lib/auth/contexts/system";
import { lastDigestBoundarySql } from "@/lib/notifications/digest-time";

export type DueMessagePartner = { tenantId: string; partnerId: string; cutoff: Date };

/**
 * Partners with an unmailed message that is due, oldest first. The partner's choice for e-mails
 * (Partner.noticeMode) applies as for status e-mails: instant — at once (`now`); daily digest — the
 * messages before the agency's latest 08:00 (lib/notifications/digest-time.ts).
 */
export function partnersWithDueMessages(system: SystemContext, now: Date, limit: number): Promise<DueMessagePartner[]> {
  const boundary = lastDigestBoundarySql(now);
  return system.db.$queryRaw<DueMessagePartner[]>`
    SELECT d."tenantId", d."partnerId", d.cutoff FROM (
      SELECT r."tenantId", r."partnerId", min(r."createdAt") AS oldest,
        CASE WHEN p."noticeMode" = 'digest' THEN ${boundary} ELSE ${now} END AS cutoff
      FROM "MessageRecipient" r
      JOIN "Partner" p ON p."id" = r."partnerId"
      JOIN "Tenant" t ON t."id" = r."tenantId"
      WHERE r."mailedAt" IS NULL
      GROUP BY r."tenantId", r."partnerId", p."noticeMode", t."timeZone"
    ) d
    WHERE d.oldest <= d.cutoff
    ORDER BY d.oldest
    LIMIT ${limit}`;
}
