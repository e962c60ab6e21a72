// Owner path (bypasses row-level security, docs/security.md): the staff-mail sweep runs for every
// tenant, so finding whose items are due cannot be done inside one tenant's scope. It reads only
// (tenant, user, cutoff); the items themselves are claimed, read and marked inside that tenant's
// scope (./mail.ts, through the SystemContext's forTenant), under RLS.
import type { SystemContext } from "@/lib/auth/contexts/system";
import { lastDigestBoundarySql } from "./digest-time";

export type DueRecipient = { tenantId: string; userId: string; mailMode: "instant" | "digest"; cutoff: Date };

/**
 * Recipients with an unmailed item old enough: instant — the oldest is at least `instantCutoff` old
 * (items of the last minute coalesce into one mail); digest — the oldest is before the agency's latest
 * 08:00. `cutoff`: for a digest, the newest createdAt the mail may include. E-mail "off" never comes up (its
 * items are settled when written), nor does anyone who is no longer a member.
 */
export function recipientsWithDueItems(system: SystemContext, now: Date, instantCutoff: Date, limit: number): Promise<DueRecipient[]> {
  const boundary = lastDigestBoundarySql(now);
  return system.db.$queryRaw<DueRecipient[]>`
    SELECT d."tenantId", d."userId", d."mailMode"::text AS "mailMode", d.cutoff FROM (
      SELECT n."tenantId", n."userId", m."mailMode", min(n."createdAt") AS oldest,
        CASE WHEN m."mailMode" = 'digest' THEN ${boundary} ELSE ${instantCutoff} END AS cutoff
      FROM "StaffNotification" n
      JOIN "Membership" m ON m."tenantId" = n."tenantId" AND m."userId" = n."userId" AND m."mailMode" <> 'off'
      JOIN "Tenant" t ON t."id" = n."tenantId"
      WHERE n."mailedAt" IS NULL
      GROUP BY n."tenantId", n."userId", m."mailMode", t."timeZone"
    ) d
    WHERE d.oldest <= d.cutoff
    ORDER BY d.oldest
    LIMIT ${limit}`;
}
