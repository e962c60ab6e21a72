// Commission rules as the engine sees them, and which rules apply to an event.
import type { CommissionRule } from "@/lib/db/generated/client";
import type { ConversionType } from "@/lib/db/generated/enums";
import type { TenantDb, TenantTx } from "@/lib/db/tenant-client";
import type { GroupTerms } from "@/lib/groups/membership";
import { eventTypeFor, parseTiers, type ComputeRule } from "./compute";

export type LoadedRule = { id: string; programId: string; groupId: string | null; market: string | null; currency: string; compute: ComputeRule };

export function toLoadedRule(row: CommissionRule): LoadedRule {
  return {
    id: row.id, programId: row.programId, groupId: row.groupId, market: row.market, currency: row.currency,
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
 *
 * Partner groups (docs/partner-groups.md): `group` is the group the partner was in when the event
 * happened. A rule of another group never applies. For each basis, the group's own rules (for the
 * partner's market or all markets) replace the program-wide rules of that basis; a basis the group
 * has no rule for keeps the program-wide rules. The group's holding period, when set, replaces the
 * rule's for the commissions it earns.
 */
export function rulesForEvent(
  rules: LoadedRule[], event: { type: ConversionType; programId: string | null }, partnerMarket: string, group: GroupTerms | null = null,
): LoadedRule[] {
  const type = event.type === "refund" ? "revenue" : event.type;
  const matching = rules.filter((r) =>
    r.programId === event.programId && (r.market === null || r.market === partnerMarket) && eventTypeFor(r.compute.basis) === type
    && (r.groupId === null || r.groupId === group?.id));
  const groupBases = new Set(matching.filter((r) => r.groupId !== null).map((r) => r.compute.basis));
  const chosen = matching.filter((r) => r.groupId !== null || !groupBases.has(r.compute.basis));
  if (group?.holdDays == null) return chosen;
  return chosen.map((r) => ({ ...r, compute: { ...r.compute, holdDays: group.holdDays! } }));
}
