// The daily job `notifications:stale-referrals`: staff hear of a referral that has waited longer than
// the agency's threshold (Tenant.staleReferralDays, default 7) in one open status. One item per
// referral per waiting spell: the dedupe key names the moment it entered that status, so the next
// day's run adds nothing, and a referral that moves and then stalls again is a new spell.
import { systemContext } from "@/lib/auth/contexts/system";
import { notifyStaff } from "./notify-staff";

const DAY_MS = 86_400_000;
export const WAITING_STATUSES = ["submitted", "in_review", "qualified", "in_negotiation"] as const;

type Waiting = { id: string; subjectName: string; status: string; entered: Date };

export type StaleResult = { tenants: number; referrals: number; created: number };

export async function notifyStaleReferrals(options: { now?: Date; shouldStop?: () => boolean } = {}): Promise<StaleResult & { interrupted: boolean }> {
  const now = options.now ?? new Date();
  const system = systemContext("jobs");
  const tenants = await system.db.tenant.findMany({ select: { id: true, staleReferralDays: true }, orderBy: { createdAt: "asc" } });
  const result: StaleResult = { tenants: 0, referrals: 0, created: 0 };
  for (const tenant of tenants) {
    if (options.shouldStop?.()) return { ...result, interrupted: true };
    const r = await notifyStaleInTenant(tenant.id, tenant.staleReferralDays, now);
    result.tenants++;
    result.referrals += r.referrals;
    result.created += r.created;
  }
  return { ...result, interrupted: false };
}

/** One tenant, in its scope (RLS): the waiting referrals and their items, in one transaction. */
export async function notifyStaleInTenant(tenantId: string, days: number, now: Date): Promise<{ referrals: number; created: number }> {
  const before = new Date(now.getTime() - days * DAY_MS);
  const db = systemContext("jobs").forTenant(tenantId);
  return db.$transaction(async (tx) => {
    const waiting = await tx.$queryRaw<Waiting[]>`
      SELECT r."id", r."subjectName", r."status"::text AS "status",
        COALESCE(tr.entered, r."submittedAt", r."createdAt") AS "entered"
      FROM "Referral" r
      LEFT JOIN LATERAL (
        SELECT max(x."createdAt") AS entered FROM "ReferralTransition" x
        WHERE x."tenantId" = r."tenantId" AND x."referralId" = r."id" AND x."toStatus" = r."status"
      ) tr ON true
      WHERE r."tenantId" = ${tenantId} AND r."status"::text IN (${WAITING_STATUSES[0]}, ${WAITING_STATUSES[1]}, ${WAITING_STATUSES[2]}, ${WAITING_STATUSES[3]})
        AND COALESCE(tr.entered, r."submittedAt", r."createdAt") <= ${before}
      ORDER BY 4, 1
      LIMIT 1000`;
    let created = 0;
    for (const r of waiting) {
      created += await notifyStaff(tx, {
        tenantId, kind: "referral_waiting", dedupeKey: `referral_waiting:${r.id}:${r.entered.toISOString()}`,
        params: { referralId: r.id, subjectName: r.subjectName, status: r.status, days: Math.floor((now.getTime() - r.entered.getTime()) / DAY_MS) },
      });
    }
    return { referrals: waiting.length, created };
  }, { timeout: 60_000, maxWait: 10_000 });
}
