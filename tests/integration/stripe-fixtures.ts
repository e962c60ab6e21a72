// Ledger rows for the Stripe and earnings tests: commissions made through the ledger functions,
// a payout run and payout written directly (the payouts module builds them in the product).
import { randomBytes } from "node:crypto";
import { approveCommissions, claimForPayout, insertCommissions } from "@/lib/commissions/ledger";
import type { PayoutRail, PayoutStatus } from "@/lib/db/generated/enums";
import { tenantDb } from "@/lib/db/tenant-client";
import { prisma } from "../helpers/db";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Commissions for a partner (approved unless said otherwise). Returns their ids. */
export async function commissionsFor(
  tenantId: string,
  partnerId: string,
  amounts: bigint[],
  options: { currency?: string; approve?: boolean; kind?: "earning" | "clawback" | "adjustment"; ruleId?: string; reason?: string } = {},
): Promise<string[]> {
  const db = tenantDb(tenantId);
  const actor = { tenantId, userId: null };
  const ids = await insertCommissions(db, actor, amounts.map((amountMinor) => ({
    partnerId, amountMinor, currency: options.currency ?? "USD", kind: options.kind ?? "earning",
    ruleId: options.ruleId ?? null, reason: options.reason ?? null,
    occurredAt: day("2026-10-01"), dueAt: day("2026-10-31"),
  })));
  if (options.approve !== false) await approveCommissions(db, actor, { id: { in: ids } });
  return ids;
}

/**
 * A payout carrying these (approved) commissions: run, payout, items and the ledger claim. The
 * payout starts `sent` on the Stripe rail unless said otherwise.
 */
export async function payoutFor(
  tenantId: string,
  partnerId: string,
  commissionIds: string[],
  options: { rail?: PayoutRail; status?: PayoutStatus; currency?: string; externalId?: string | null } = {},
) {
  const db = tenantDb(tenantId);
  const rows = await prisma.commission.findMany({ where: { id: { in: commissionIds } } });
  const currency = options.currency ?? rows[0]?.currency ?? "USD";
  const amountMinor = rows.reduce((sum, row) => sum + row.amountMinor, 0n);
  const run = await prisma.payoutRun.create({ data: { tenantId, number: Math.floor(Math.random() * 1e9), cutoffAt: new Date(), status: "executing" } });
  const suffix = randomBytes(6).toString("hex");
  const payout = await prisma.payout.create({
    data: {
      tenantId, runId: run.id, partnerId, rail: options.rail ?? "stripe", currency, amountMinor,
      status: options.status ?? "sent", reference: `TW-${suffix}`, idempotencyKey: `payout_${suffix}`,
      externalId: options.externalId ?? null,
    },
  });
  await prisma.payoutItem.createMany({
    data: rows.map((row) => ({ tenantId, payoutId: payout.id, commissionId: row.id, amountMinor: row.amountMinor, currency: row.currency, payoutMinor: row.amountMinor })),
  });
  await claimForPayout(db, { tenantId, userId: null }, commissionIds, payout.id);
  return { run, payout };
}
