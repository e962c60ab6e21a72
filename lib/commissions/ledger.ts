// The only code that changes a commission's status or payout claim. Every change is a conditional
// UPDATE (the row must still be in the expected state, so concurrent runs and replays cannot move a
// row twice) followed by a CommissionTransition row for exactly the rows that moved: the audit trail
// of the ledger. Call these inside a transaction so the change and its audit commit together.
import { randomUUID } from "node:crypto";
import type { CommissionStatus } from "@/lib/db/generated/enums";
import type { Prisma } from "@/lib/db/generated/client";
import type { TenantDb, TenantTx } from "@/lib/db/tenant-client";
import { emitCommissionMove, emitWebhook } from "@/lib/webhooks/emit";

export type LedgerAction =
  | "created"
  | "approved"
  | "auto_approved"
  | "voided"
  | "claimed"
  | "released"
  | "paid"
  | "payment_reversed"
  | "risk_held"
  | "risk_cleared";

type Actor = { tenantId: string; userId: string | null };
type Db = TenantTx | TenantDb;

export type NewCommission = Omit<Prisma.CommissionCreateManyInput, "tenantId" | "status" | "id"> & { status?: "pending" | "approved" };

/**
 * Inserts commissions, skipping any (tenant, event, rule) that already exists, and audits the rows
 * this call actually inserted. Returns those rows' ids. Safe to run twice or concurrently.
 */
export async function insertCommissions(tx: Db, actor: Actor, rows: NewCommission[], reason?: string): Promise<string[]> {
  if (rows.length === 0) return [];
  const created = await tx.commission.createManyAndReturn({
    data: rows.map((row) => ({ ...row, tenantId: actor.tenantId, status: row.status ?? "pending" })),
    skipDuplicates: true,
    select: { id: true, status: true },
  });
  await tx.commissionTransition.createMany({
    data: created.map((row) => ({
      tenantId: actor.tenantId, commissionId: row.id, fromStatus: null, toStatus: row.status,
      action: "created", actorUserId: actor.userId, reason: reason ?? null,
    })),
  });
  await emitWebhook(tx, { type: "commission.created", commissionIds: created.map((row) => row.id) });
  return created.map((row) => row.id);
}

/**
 * Moves the commissions in `where` that are still in `from` to `to`, sets `data` on them, and audits
 * each moved row. Returns the moved rows (id, amount, currency). Rows no longer in `from` are left alone.
 */
export async function moveCommissions(
  tx: Db,
  actor: Actor,
  change: {
    where: Prisma.CommissionWhereInput;
    from: CommissionStatus;
    to: CommissionStatus;
    action: LedgerAction;
    data?: Prisma.CommissionUpdateManyMutationInput & { payoutId?: string | null; riskCaseId?: string | null };
    payoutId?: string | null;
    reason?: string | null;
  },
) {
  const moved = await tx.commission.updateManyAndReturn({
    where: { ...change.where, status: change.from },
    data: { ...(change.data ?? {}), status: change.to },
    select: { id: true, amountMinor: true, currency: true, partnerId: true },
  });
  if (moved.length) {
    await tx.commissionTransition.createMany({
      data: moved.map((row) => ({
        tenantId: actor.tenantId, commissionId: row.id, fromStatus: change.from, toStatus: change.to,
        action: change.action, payoutId: change.payoutId ?? null, actorUserId: actor.userId, reason: change.reason ?? null,
      })),
    });
    await emitCommissionMove(tx, change, moved);
  }
  return moved;
}

/**
 * Approves pending commissions: by the system once `dueAt` has passed, or by staff — which overrides
 * the rest of the hold, so the commission is due (payable) from now on.
 */
export async function approveCommissions(tx: Db, actor: Actor, where: Prisma.CommissionWhereInput, auto = false) {
  const now = new Date();
  const data = { approvedAt: now, approvedById: actor.userId };
  const action = auto ? "auto_approved" : "approved";
  if (auto) return moveCommissions(tx, actor, { where, from: "pending", to: "approved", action, data });
  // Staff approval inside the hold makes the row due now; rows already due keep their date.
  const early = await moveCommissions(tx, actor, {
    where: { AND: [where, { dueAt: { gt: now } }] }, from: "pending", to: "approved", action, data: { ...data, dueAt: now },
  });
  const due = await moveCommissions(tx, actor, { where: { AND: [where, { dueAt: { lte: now } }] }, from: "pending", to: "approved", action, data });
  return [...early, ...due];
}

/** Voids pending or approved commissions that no payout holds. */
export async function voidCommissions(tx: Db, actor: Actor, where: Prisma.CommissionWhereInput, reason: string) {
  const data = { voidedAt: new Date() };
  const fromPending = await moveCommissions(tx, actor, { where, from: "pending", to: "void", action: "voided", data, reason });
  const fromApproved = await moveCommissions(tx, actor, { where: { ...where, payoutId: null }, from: "approved", to: "void", action: "voided", data, reason });
  return [...fromPending, ...fromApproved];
}

/**
 * Claims approved, unclaimed commissions for a payout. Two runs racing for the same rows: the row
 * lock of the UPDATE serialises them and the loser finds `payoutId` already set, so each commission
 * ends up in exactly one payout.
 */
export function claimForPayout(tx: Db, actor: Actor, ids: string[], payoutId: string) {
  return moveCommissions(tx, actor, {
    where: { id: { in: ids }, payoutId: null, riskCaseId: null }, from: "approved", to: "approved", action: "claimed",
    data: { payoutId }, payoutId,
  });
}

/**
 * Claims for many payouts at once (a payout run): one UPDATE … FROM unnest per call and one INSERT
 * for the audit rows, instead of two statements per payout. Same guarantees as claimForPayout: a row
 * is claimed only while it is approved, unclaimed and not on a risk hold, under the row lock of the UPDATE.
 */
export async function claimForPayouts(tx: Db, actor: Actor, claims: { commissionId: string; payoutId: string }[]) {
  if (claims.length === 0) return [];
  // Raw SQL is not scoped by the tenant client: the tenant is in the WHERE and in every audit row.
  const moved = await tx.$queryRaw<{ id: string; payoutId: string }[]>`
    UPDATE "Commission" AS c SET "payoutId" = v.payout, "updatedAt" = now()
    FROM unnest(${claims.map((c) => c.commissionId)}::text[], ${claims.map((c) => c.payoutId)}::text[]) AS v(id, payout)
    WHERE c.id = v.id AND c."tenantId" = ${actor.tenantId} AND c.status = 'approved' AND c."payoutId" IS NULL
      AND c."riskCaseId" IS NULL
    RETURNING c.id, c."payoutId"`;
  if (moved.length) {
    await tx.$executeRaw`
      INSERT INTO "CommissionTransition" ("id", "tenantId", "commissionId", "fromStatus", "toStatus", "action", "payoutId", "actorUserId", "createdAt")
      SELECT v.tid, ${actor.tenantId}, v.cid, 'approved', 'approved', 'claimed', v.payout, ${actor.userId}, now()
      FROM unnest(${moved.map(() => `ct_${randomUUID()}`)}::text[], ${moved.map((m) => m.id)}::text[], ${moved.map((m) => m.payoutId)}::text[]) AS v(tid, cid, payout)`;
  }
  return moved;
}

/** Gives a payout's commissions back to the pool (cancelled run, failed payout). */
export function releaseFromPayout(tx: Db, actor: Actor, payoutId: string, reason: string) {
  return moveCommissions(tx, actor, {
    where: { payoutId }, from: "approved", to: "approved", action: "released", data: { payoutId: null }, payoutId, reason,
  });
}

/** Marks a payout's commissions paid. */
export function markPayoutCommissionsPaid(tx: Db, actor: Actor, payoutId: string, paidAt = new Date()) {
  return moveCommissions(tx, actor, {
    where: { payoutId }, from: "approved", to: "paid", action: "paid", data: { paidAt }, payoutId,
  });
}

/** A payment that was reported paid and then reversed: its commissions become approved and unclaimed again. */
export function reversePaidCommissions(tx: Db, actor: Actor, payoutId: string, reason: string) {
  return moveCommissions(tx, actor, {
    where: { payoutId }, from: "paid", to: "approved", action: "payment_reversed", data: { payoutId: null, paidAt: null }, payoutId, reason,
  });
}

/**
 * Puts unpaid, unclaimed commissions on a risk hold (lib/risk): `riskCaseId` is set, the status stays,
 * and no payout run claims the row until the hold is cleared. Rows already held, claimed, paid or
 * void are left alone, so applying the same hold twice moves nothing the second time.
 */
export async function holdCommissions(tx: Db, actor: Actor, where: Prisma.CommissionWhereInput, riskCaseId: string, reason: string) {
  const scope = { AND: [where, { riskCaseId: null, payoutId: null }] };
  const change = { where: scope, action: "risk_held" as const, data: { riskCaseId }, reason };
  const pending = await moveCommissions(tx, actor, { ...change, from: "pending", to: "pending" });
  const approved = await moveCommissions(tx, actor, { ...change, from: "approved", to: "approved" });
  return [...pending, ...approved];
}

/** Staff cleared the risk case: its held commissions go back to their normal flow. */
export async function clearRiskHold(tx: Db, actor: Actor, riskCaseId: string, reason: string | null) {
  const change = { where: { riskCaseId }, action: "risk_cleared" as const, data: { riskCaseId: null }, reason };
  const pending = await moveCommissions(tx, actor, { ...change, from: "pending", to: "pending" });
  const approved = await moveCommissions(tx, actor, { ...change, from: "approved", to: "approved" });
  return [...pending, ...approved];
}
