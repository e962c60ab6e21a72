// Stores findings and applies their holds, inside the caller's transaction. A per-tenant advisory
// lock serialises this step, so two evaluations at once (the commission job, a payout-details save,
// the daily job) open one case per partner and record each finding once: RiskHit is unique per
// (tenant, kind, subject) and a finding already recorded — open, cleared or confirmed — is skipped.
// Holding is ledger.holdCommissions: only unpaid, unclaimed, not yet held rows move, so a second
// run holds nothing twice. The commission transitions and an audit entry commit with the hold.
import { notifyRiskCaseOpened } from "@/lib/notifications/producers";
import { auditIn } from "@/lib/audit/record-audit";
import { holdCommissions } from "@/lib/commissions/ledger";
import type { Prisma } from "@/lib/db/generated/client";
import type { TenantTx } from "@/lib/db/tenant-client";
import type { RiskHoldEvent } from "./hooks";
import { maxSeverity } from "./rules";
import type { RiskFinding } from "./types";

type Actor = { tenantId: string; userId: string | null };

export async function lockTenantRisk(tx: TenantTx, tenantId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`risk:${tenantId}`}::text))`;
}

function holdWhere(finding: RiskFinding): Prisma.CommissionWhereInput {
  const base = { partnerId: finding.partnerId, kind: "earning" as const };
  if ("commissionIds" in finding.hold) return { ...base, id: { in: finding.hold.commissionIds } };
  if ("programId" in finding.hold) return { ...base, programId: finding.hold.programId };
  return base;
}

/**
 * Records new findings, opens or extends the partner's open case, and holds the affected commissions.
 * Returns what was held; the caller passes it to onRiskHold after its transaction commits.
 */
export async function applyFindings(tx: TenantTx, actor: Actor, findings: RiskFinding[]): Promise<RiskHoldEvent[]> {
  if (findings.length === 0) return [];
  await lockTenantRisk(tx, actor.tenantId);
  const known = await tx.riskHit.findMany({
    where: { OR: findings.map((f) => ({ kind: f.kind, subjectKey: f.subjectKey })) },
    select: { kind: true, subjectKey: true },
  });
  const seen = new Set(known.map((k) => `${k.kind}|${k.subjectKey}`));
  const fresh = findings.filter((f) => {
    const key = `${f.kind}|${f.subjectKey}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const byPartner = new Map<string, RiskFinding[]>();
  for (const f of fresh) byPartner.set(f.partnerId, [...(byPartner.get(f.partnerId) ?? []), f]);

  const events: RiskHoldEvent[] = [];
  for (const [partnerId, list] of byPartner) {
    const severity = maxSeverity(list.map((f) => f.severity));
    const open = await tx.riskCase.findFirst({ where: { partnerId, status: "open" }, select: { id: true, severity: true } });
    const riskCase = open
      ? await tx.riskCase.update({ where: { id: open.id }, data: { severity: maxSeverity([open.severity, severity]) }, select: { id: true } })
      : await tx.riskCase.create({ data: { tenantId: actor.tenantId, partnerId, severity }, select: { id: true } });
    await tx.riskHit.createMany({
      data: list.map((f) => ({ tenantId: actor.tenantId, caseId: riskCase.id, kind: f.kind, severity: f.severity, subjectKey: f.subjectKey, details: f.details })),
    });
    let held = 0;
    for (const f of list) held += (await holdCommissions(tx, actor, holdWhere(f), riskCase.id, `risk:${f.kind}`)).length;
    await auditIn(tx, actor, {
      action: open ? "risk.case_extended" : "risk.case_opened", entityType: "RiskCase", entityId: riskCase.id,
      data: { partnerId, rules: list.map((f) => f.kind), heldCommissions: held },
    });
    if (!open) await notifyRiskCaseOpened(tx, actor.tenantId, { caseId: riskCase.id, partnerId, held });
    events.push({ tenantId: actor.tenantId, caseId: riskCase.id, partnerId, opened: !open, heldCommissions: held });
  }
  return events;
}

/** New commissions of a partner whose case is still open wait with it: the partner is under review. */
export async function holdIntoOpenCases(tx: TenantTx, actor: Actor, commissionIds: string[]): Promise<number> {
  if (commissionIds.length === 0) return 0;
  await lockTenantRisk(tx, actor.tenantId);
  const rows = await tx.commission.findMany({ where: { id: { in: commissionIds }, kind: "earning", riskCaseId: null }, select: { id: true, partnerId: true } });
  const open = await tx.riskCase.findMany({ where: { status: "open", partnerId: { in: [...new Set(rows.map((r) => r.partnerId))] } }, select: { id: true, partnerId: true } });
  let held = 0;
  for (const c of open) {
    const ids = rows.filter((r) => r.partnerId === c.partnerId).map((r) => r.id);
    held += (await holdCommissions(tx, actor, { id: { in: ids } }, c.id, "risk:case_open")).length;
  }
  return held;
}
