// Payouts by status over every tenant, for /metrics (twoway_payouts, lib/ops/metrics.ts). An owner
// read (SystemContext: no tenant behind a scrape) that returns counts only — no ids, amounts or
// tenants. One GROUP BY with a short statement timeout; the metrics layer caches it for 15 s.
import type { SystemContext } from "@/lib/auth/contexts/system";
import type { PayoutStatusRow } from "@/lib/ops/metrics";

export async function payoutCountsByStatus(system: SystemContext, timeoutMs = 2_000): Promise<PayoutStatusRow[]> {
  const [, rows] = await system.db.$transaction([
    system.db.$executeRaw`SELECT set_config('statement_timeout', ${String(timeoutMs)}, true)`,
    system.db.$queryRaw<PayoutStatusRow[]>`SELECT "status"::text AS status, count(*)::int AS count FROM "Payout" GROUP BY "status"`,
  ]);
  return rows;
}
