// The daily job `placements:statistics-deadline` (issue 17, part 6): a week before a month's ОРД
// statistics are due (lib/kernel/statistics-deadline.ts), staff who can act on placements are told when placements
// of that month still lack sent statistics. "Today" is each agency's own date (Tenant.timeZone). One
// notice per agency and month: the dedupe key names the month, so later runs — the next days, a retry
// after a crash at any line — add nothing.
import { systemContext } from "@/lib/auth/contexts/system";
import { deadlineOf, monthReportRows } from "@/lib/placements/month-report";
import { localMonth, shiftMonth } from "@/lib/placements/month";
import { notifyStaff } from "./notify-staff";

export const WARN_DAYS_BEFORE = 7;

export type DeadlineResult = { tenants: number; warned: number; created: number; interrupted: boolean };

export async function warnStatisticsDeadline(options: { now?: Date; shouldStop?: () => boolean; tenantIds?: string[] } = {}): Promise<DeadlineResult> {
  const now = options.now ?? new Date();
  const system = systemContext("jobs");
  const tenants = await system.db.tenant.findMany({
    where: options.tenantIds ? { id: { in: options.tenantIds } } : {}, select: { id: true, timeZone: true }, orderBy: { createdAt: "asc" },
  });
  const result: DeadlineResult = { tenants: 0, warned: 0, created: 0, interrupted: false };
  for (const tenant of tenants) {
    if (options.shouldStop?.()) return { ...result, interrupted: true };
    const created = await warnTenant(tenant.id, tenant.timeZone, now);
    result.tenants++;
    if (created !== null) result.warned++;
    result.created += created ?? 0;
  }
  return result;
}

/** One agency: the month reported in its current month is the previous one; null when nothing is to be said. */
export async function warnTenant(tenantId: string, timeZone: string, now: Date): Promise<number | null> {
  const month = shiftMonth(localMonth(now, timeZone), -1);
  const { dueOn, daysLeft } = deadlineOf(month, now, timeZone);
  if (daysLeft < 0 || daysLeft > WARN_DAYS_BEFORE) return null;
  const db = systemContext("jobs").forTenant(tenantId);
  return db.$transaction(async (tx) => {
    const unsent = (await monthReportRows(tx, tenantId, month)).filter((r) => r.statsDue && !r.statsSent).length;
    if (unsent === 0) return null;
    return notifyStaff(tx, {
      tenantId, kind: "statistics_due", dedupeKey: `statistics_due:${month}`,
      params: { month, dueOn, unsent },
    });
  }, { timeout: 60_000, maxWait: 10_000 });
}
