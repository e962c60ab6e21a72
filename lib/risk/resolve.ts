// Staff resolve a risk case: clear it (the held commissions go back to their normal flow) or confirm
// it (the held commissions are voided; optionally the partner is suspended). Both are conditional on
// the case still being open, so two staff members acting at once cannot both resolve it, and both
// are audited in the same transaction as the ledger change.
import { auditIn } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { clearRiskHold, voidCommissions } from "@/lib/commissions/ledger";
import type { TenantTx } from "@/lib/db/tenant-client";
import { DomainError, NotFoundError } from "@/lib/kernel/errors";
import { changePartnerStatus } from "@/lib/partners/change-partner-status";

const actorOf = (ctx: TenantContext) => ({ tenantId: ctx.tenantId, userId: ctx.userId });

async function closeCase(tx: TenantTx, ctx: TenantContext, caseId: string, status: "cleared" | "confirmed", note: string | null) {
  const found = await tx.riskCase.findUnique({ where: { id: caseId }, select: { id: true, partnerId: true } });
  if (!found) throw new NotFoundError();
  const { count } = await tx.riskCase.updateMany({
    where: { id: caseId, status: "open" },
    data: { status, resolvedAt: new Date(), resolvedById: ctx.userId, note },
  });
  if (count === 0) throw new DomainError("risk.case_not_open");
  return found;
}

export async function clearRiskCase(ctx: TenantContext, caseId: string, input: { note: string | null }) {
  assertCan(ctx, "payouts:manage");
  return ctx.db.$transaction(async (tx) => {
    const found = await closeCase(tx, ctx, caseId, "cleared", input.note);
    const released = await clearRiskHold(tx, actorOf(ctx), caseId, input.note);
    await auditIn(tx, actorOf(ctx), {
      action: "risk.case_cleared", entityType: "RiskCase", entityId: caseId,
      data: { partnerId: found.partnerId, commissions: released.length, ...(input.note ? { note: input.note } : {}) },
    });
    return { released: released.length };
  });
}

export async function confirmRiskCase(ctx: TenantContext, caseId: string, input: { note: string; suspend: boolean }, appUrl: string) {
  assertCan(ctx, "payouts:manage");
  const result = await ctx.db.$transaction(async (tx) => {
    const found = await closeCase(tx, ctx, caseId, "confirmed", input.note);
    const voided = await voidCommissions(tx, actorOf(ctx), { riskCaseId: caseId }, `risk: ${input.note}`);
    await auditIn(tx, actorOf(ctx), {
      action: "risk.case_confirmed", entityType: "RiskCase", entityId: caseId,
      data: { partnerId: found.partnerId, voided: voided.length, suspend: input.suspend, note: input.note },
    });
    return { partnerId: found.partnerId, voided: voided.length };
  });
  let suspended = false;
  if (input.suspend) {
    const partner = await ctx.db.partner.findUnique({ where: { id: result.partnerId }, select: { status: true } });
    if (partner?.status === "active") {
      await changePartnerStatus(ctx, result.partnerId, { action: "suspend", reason: input.note }, appUrl);
      await ctx.db.riskCase.update({ where: { id: caseId }, data: { partnerSuspended: true } });
      suspended = true;
    }
  }
  return { ...result, suspended };
}
