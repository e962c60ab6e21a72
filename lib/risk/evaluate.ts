// When the rules run (docs/risk-rules.md):
// - inside the commission job's transaction, right after new commissions are inserted
//   (evaluateNewCommissions): a commission is never visible unheld to a payout run;
// - after a partner saves payout details or a tax profile (evaluatePartners, its own transaction);
// - daily (risk:daily job): the link rules over yesterday's ClickDaily, and the partner rules again
//   for every partner with unpaid commissions, which also catches a save whose evaluation failed.
// Each run is idempotent (lib/risk/hold.ts), so a job killed halfway is simply run again.
import type { TenantDb, TenantTx } from "@/lib/db/tenant-client";
import { commissionFindings } from "./commission-checks";
import { applyFindings, holdIntoOpenCases } from "./hold";
import { onRiskHold, type RiskHoldEvent } from "./hooks";
import { linkFindings } from "./link-checks";
import { partnerFindings } from "./partner-checks";
import { loadRiskRules } from "./rules";

type Actor = { tenantId: string; userId: string | null };
const TX = { timeout: 120_000, maxWait: 60_000 } as const;

export const announceRiskHolds = (events: RiskHoldEvent[]) => events.forEach((e) => onRiskHold(e));

/** For commissions just inserted in `tx`: every commission and partner rule, then the open-case hold. */
export async function evaluateNewCommissions(tx: TenantTx, actor: Actor, commissionIds: string[]): Promise<RiskHoldEvent[]> {
  if (commissionIds.length === 0) return [];
  const book = await loadRiskRules(tx);
  const partnerIds = (await tx.commission.findMany({ where: { id: { in: commissionIds } }, select: { partnerId: true }, distinct: ["partnerId"] })).map((r) => r.partnerId);
  const findings = [
    ...(await commissionFindings(tx, book, commissionIds)),
    ...(await partnerFindings(tx, actor.tenantId, book, partnerIds)),
  ];
  const events = await applyFindings(tx, actor, findings);
  await holdIntoOpenCases(tx, actor, commissionIds);
  return events;
}

/**
 * The partner rules for these partners, inside the caller's transaction (a partner saving payout
 * details or a tax profile: the finding commits with the change, or neither does). Partners found
 * sharing an account with them are judged too. The caller announces the holds after it commits.
 */
export async function evaluatePartnersIn(tx: TenantTx, actor: Actor, partnerIds: string[]): Promise<RiskHoldEvent[]> {
  const book = await loadRiskRules(tx);
  const first = await partnerFindings(tx, actor.tenantId, book, partnerIds);
  const others = [...new Set(first.flatMap((f) => (Array.isArray(f.details.otherPartnerIds) ? (f.details.otherPartnerIds as string[]) : [])))]
    .filter((id) => !partnerIds.includes(id));
  const second = others.length ? await partnerFindings(tx, actor.tenantId, book, others) : [];
  return applyFindings(tx, actor, [...first, ...second]);
}

/** The partner rules for these partners, in a transaction of their own. */
export async function evaluatePartners(db: TenantDb, actor: Actor, partnerIds: string[]): Promise<RiskHoldEvent[]> {
  const events = await db.$transaction((tx) => evaluatePartnersIn(tx, actor, partnerIds), TX);
  announceRiskHolds(events);
  return events;
}

/** The daily sweep for one tenant: link rules for `day` (a UTC date) and partner rules for partners with unpaid commissions. */
export async function runRiskDaily(db: TenantDb, actor: Actor, day: Date): Promise<RiskHoldEvent[]> {
  const events = await db.$transaction(async (tx) => {
    const book = await loadRiskRules(tx);
    const unpaid = await tx.commission.findMany({
      where: { kind: "earning", status: { in: ["pending", "approved"] }, payoutId: null }, select: { partnerId: true }, distinct: ["partnerId"],
    });
    const findings = [
      ...(await linkFindings(tx, actor.tenantId, book, day)),
      ...(await partnerFindings(tx, actor.tenantId, book, unpaid.map((r) => r.partnerId))),
    ];
    return applyFindings(tx, actor, findings);
  }, TX);
  announceRiskHolds(events);
  return events;
}
