// Commission rules as the engine sees them, and which rules apply to an event.
import type { CommissionRule } from "@/lib/db/generated/client";
import type { ConversionType } from "@/lib/db/generated/enums";
import type { TenantDb, TenantTx } from "@/lib/db/tenant-client";
import { eventTypeFor, parseTiers, type ComputeRule } from "./compute";

export type LoadedRule = { id: string; programId: string; market: string | null; currency: string; compute: ComputeRule };

export function toLoadedRule(row: CommissionRule): LoadedRule {
  return {
    id: row.id, programId: row.programId, market: row.market, currency: row.currency,
    compute: {
      id: row.id, name: row.name, basis: row.basis, percentBps: row.percentBps, durationMonths: row.durationMonths,
      amountMinor: row.amountMinor, currency: row.currency, tiers: parseTiers(row.tiers), capMinor: row.capMinor, holdDays: row.holdDays,
    },
  };
}

/** Unarchived rules of these programs, oldest first (a stable order for explanations and tests). */
export async function loadActiveRules(db: TenantDb | TenantTx, programIds: string[]): Promise<LoadedRule[]> {
  if (programIds.length === 0) return [];
  const rows = await db.commissionRule.findMany({
    where: { programId: { in: programIds }, archivedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map(toLoadedRule);
}

/**
 * Rules that may earn on an event: the event's program, the partner's market (or all markets), and
 * the event's basis — lead → lead bounty, close → close bounty, revenue → revenue share, and a
 * refund claws back revenue share.
 */
export function rulesForEvent(rules: LoadedRule[], event: { type: ConversionType; programId: string | null }, partnerMarket: string): LoadedRule[] {
  const type = event.type === "refund" ? "revenue" : event.type;
  return rules.filter((r) => r.programId === event.programId && (r.market === null || r.market === partnerMarket) && eventTypeFor(r.compute.basis) === type);
}
