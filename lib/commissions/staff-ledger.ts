// Staff changes to the ledger. Status changes go only through ledger.ts (conditional updates that
// audit every moved row as a CommissionTransition); adjustments are also written to the audit log.
import { auditIn } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { DomainError, NotFoundError } from "@/lib/kernel/errors";
import { approveCommissions, insertCommissions, voidCommissions } from "./ledger";
import { approveDueCommissions, runCommissionJob, type JobResult } from "./run-job";
import type { AdjustmentData } from "./schemas";

const actorOf = (ctx: TenantContext) => ({ tenantId: ctx.tenantId, userId: ctx.userId });

/** Every id must be a commission of this tenant; a foreign id answers like a missing one. */
async function assertOwned(ctx: TenantContext, ids: string[]) {
  const unique = [...new Set(ids)];
  const found = await ctx.db.commission.count({ where: { id: { in: unique } } });
  if (found !== unique.length) throw new NotFoundError();
  return unique;
}

/** Staff override of the hold: approves the selected commissions that are still pending. Returns how many moved. */
export async function approveSelected(ctx: TenantContext, ids: string[]): Promise<number> {
  assertCan(ctx, "payouts:manage");
  const owned = await assertOwned(ctx, ids);
  const moved = await ctx.db.$transaction((tx) => approveCommissions(tx, actorOf(ctx), { id: { in: owned } }));
  if (moved.length === 0) throw new DomainError("commissions.nothing_to_approve");
  return moved.length;
}

/** Approves every pending commission whose hold has passed (what the job does on its own). */
export async function approveDueNow(ctx: TenantContext, now = new Date()): Promise<number> {
  assertCan(ctx, "payouts:manage");
  return approveDueCommissions(ctx.db, actorOf(ctx), now, false);
}

/** Voids the selected commissions that are pending, or approved and not in a payout. */
export async function voidSelected(ctx: TenantContext, ids: string[], reason: string): Promise<number> {
  assertCan(ctx, "payouts:manage");
  const owned = await assertOwned(ctx, ids);
  const moved = await ctx.db.$transaction((tx) => voidCommissions(tx, actorOf(ctx), { id: { in: owned } }, reason));
  if (moved.length === 0) throw new DomainError("commissions.not_voidable");
  return moved.length;
}

/**
 * A manual adjustment (signed amount, reason required). It is created APPROVED and due at once: the
 * staff member who makes it (payouts:manage) is the approval, and it nets into the next payout.
 */
export async function createAdjustment(ctx: TenantContext, data: AdjustmentData, now = new Date()): Promise<string> {
  assertCan(ctx, "payouts:manage");
  const partner = await ctx.db.partner.findFirst({ where: { id: data.partnerId }, select: { id: true } });
  if (!partner) throw new NotFoundError();
  return ctx.db.$transaction(async (tx) => {
    const [id] = await insertCommissions(tx, actorOf(ctx), [{
      partnerId: partner.id, kind: "adjustment", status: "approved", amountMinor: data.amountMinor, currency: data.currency,
      reason: data.reason, occurredAt: now, dueAt: now, approvedAt: now, approvedById: ctx.userId, createdById: ctx.userId,
      explanation: { v: 1, kind: "adjustment", reason: data.reason, amountMinor: data.amountMinor.toString(), currency: data.currency },
    }], data.reason);
    await auditIn(tx, actorOf(ctx), {
      action: "commission.adjusted", entityType: "Commission", entityId: id,
      data: { partnerId: partner.id, amountMinor: data.amountMinor.toString(), currency: data.currency, reason: data.reason },
    });
    return id;
  });
}

/** "Run job now": the scheduled job, started by a staff member. */
export async function runJobNow(ctx: TenantContext): Promise<JobResult> {
  assertCan(ctx, "payouts:manage");
  return runCommissionJob(ctx.db, actorOf(ctx));
}
