// Creating a payout run: the plan, then in one transaction a Payout per planned group that claims
// its commissions through the ledger. Only the rows a claim actually took count — a concurrent run
// may have claimed some first — so every commission ends up in exactly one payout.
import type { Prisma } from "@/lib/db/generated/client";
import type { TenantTx } from "@/lib/db/tenant-client";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { isUniqueViolation } from "@/lib/kernel/unique-violation";
import { auditIn } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import { claimForPayouts, releaseFromPayout } from "@/lib/commissions/ledger";
import { DomainError } from "@/lib/kernel/errors";
import { notifyPayoutsHeld } from "@/lib/notifications/producers";
import { planPayoutRun, type PlannedGroup, type PlannedItem } from "./plan";
import { newId, paymentReference } from "./reference";

export const CLAIM_CHUNK = 5000;
const ITEM_CHUNK = 5000;
// A 10,000-commission run is a few seconds of work; the lock below may also wait for another run.
const TX_OPTIONS = { timeout: 120_000, maxWait: 30_000 } as const;

export type PayeeSnapshot = {
  name: string;
  email: string;
  country: string | null;
  taxForm: string | null;
  inn: string | null;
  bankName: string | null;
  bic: string | null;
  accountNumber: string | null;
  corrAccount: string | null;
  stripeAccountId: string | null;
  details: string | null;
};

export type CreatedRun = { id: string; number: number; payouts: number; held: number };

function chunks<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

async function payeeSnapshots(tx: TenantTx, partnerIds: string[]): Promise<Map<string, PayeeSnapshot>> {
  // Sequential: a transaction is one connection, and pg does not queue concurrent queries on it.
  const partners = await tx.partner.findMany({ where: { id: { in: partnerIds } }, select: { id: true, name: true, email: true, country: true } });
  const methods = await tx.payoutMethod.findMany({ where: { partnerId: { in: partnerIds } } });
  const profiles = await tx.taxProfile.findMany({
    where: { partnerId: { in: partnerIds } }, select: { partnerId: true, form: true, legalName: true, inn: true, country: true },
  });
  const methodBy = new Map(methods.map((m) => [m.partnerId, m]));
  const profileBy = new Map(profiles.map((p) => [p.partnerId, p]));
  return new Map(
    partners.map((p) => {
      const m = methodBy.get(p.id);
      const tax = profileBy.get(p.id);
      return [p.id, {
        name: m?.payeeName || tax?.legalName || p.name,
        email: p.email,
        country: tax?.country ?? p.country ?? null,
        taxForm: tax?.form ?? null,
        inn: m?.inn || tax?.inn || null,
        bankName: m?.bankName ?? null,
        bic: m?.bic ?? null,
        accountNumber: m?.accountNumber ?? null,
        corrAccount: m?.corrAccount ?? null,
        stripeAccountId: m?.stripeAccountId ?? null,
        details: m?.details ?? null,
      }];
    }),
  );
}

/**
 * PayoutItems in one statement per chunk (a 10,000-row createMany costs seconds in the query
 * compiler; unnest costs milliseconds). Raw SQL is not scoped by the tenant client: the tenant is
 * written explicitly, and every payoutId was created in this transaction for this tenant.
 */
async function insertItems(tx: TenantTx, tenantId: string, rows: (PlannedItem & { payoutId: string })[]) {
  await tx.$executeRaw`
    INSERT INTO "PayoutItem" ("id", "tenantId", "payoutId", "commissionId", "amountMinor", "currency", "payoutMinor", "fxRate", "fxRateDay", "fxSource")
    SELECT v.id, ${tenantId}, v.payout, v.commission, v.amount, v.currency, v.minor, v.rate, v.day, v.source
    FROM unnest(
      ${rows.map(() => newId())}::text[], ${rows.map((r) => r.payoutId)}::text[], ${rows.map((r) => r.commissionId)}::text[],
      ${rows.map((r) => r.amountMinor.toString())}::bigint[], ${rows.map((r) => r.currency)}::text[], ${rows.map((r) => r.payoutMinor.toString())}::bigint[],
      ${rows.map((r) => r.fxRate)}::numeric[], ${rows.map((r) => (r.fxRateDay ? r.fxRateDay.toISOString().slice(0, 10) : null))}::date[],
      ${rows.map((r) => r.fxSource)}::text[]
    ) AS v(id, payout, commission, amount, currency, minor, rate, day, source)`;
}

async function createInTransaction(ctx: TenantContext, tx: TenantTx, cutoffAt: Date, groups: PlannedGroup[]): Promise<CreatedRun> {
  // Run creation is serialised per tenant: the second of two simultaneous runs claims after the
  // first has committed and finds those commissions taken. The ledger claim stays a conditional
  // UPDATE regardless, so correctness does not rest on this lock — it only avoids lock-order deadlocks.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`payout-run:${ctx.tenantId}`}::text, 0))`;
  const last = await tx.payoutRun.aggregate({ _max: { number: true } });
  const number = (last._max.number ?? 0) + 1;
  const run = await tx.payoutRun.create({ data: { tenantId: ctx.tenantId, number, cutoffAt, createdById: ctx.userId } });

  const snapshots = await payeeSnapshots(tx, [...new Set(groups.map((g) => g.partnerId))]);
  const rows = groups.map((g) => {
    const id = newId();
    return {
      group: g,
      data: {
        id, tenantId: ctx.tenantId, runId: run.id, partnerId: g.partnerId, rail: g.rail, currency: g.currency,
        amountMinor: 0n, status: g.holdReasons.length > 0 ? ("held" as const) : ("ready" as const),
        holdReason: g.holdReasons.length > 0 ? g.holdReasons.join(",") : null,
        reference: paymentReference(number), idempotencyKey: `payout_${id}`,
        payee: (snapshots.get(g.partnerId) ?? {}) as Prisma.InputJsonValue,
      },
    };
  });
  for (const part of chunks(rows, 1000)) await tx.payout.createMany({ data: part.map((r) => r.data) });

  const actor = { tenantId: ctx.tenantId, userId: ctx.userId };
  const items: (PlannedItem & { payoutId: string })[] = [];
  const kept: { id: string; amount: bigint; held: boolean }[] = [];
  const dropped: string[] = [];
  // Claim every planned commission for its payout in a few statements; only rows actually claimed
  // count (a concurrent run may have taken some).
  const planned = new Map<string, PlannedItem>();
  const claims: { commissionId: string; payoutId: string }[] = [];
  for (const { group, data } of rows) {
    for (const item of group.items) {
      planned.set(item.commissionId, item);
      claims.push({ commissionId: item.commissionId, payoutId: data.id });
    }
  }
  const claimedBy = new Map<string, PlannedItem[]>();
  for (const part of chunks(claims, CLAIM_CHUNK)) {
    for (const row of await claimForPayouts(tx, actor, part)) {
      const list = claimedBy.get(row.payoutId) ?? [];
      list.push(planned.get(row.id)!);
      claimedBy.set(row.payoutId, list);
    }
  }
  for (const { group, data } of rows) {
    const claimed = claimedBy.get(data.id) ?? [];
    const net = claimed.reduce((sum, i) => sum + i.payoutMinor, 0n);
    if (net <= 0n || net < group.minimumMinor) {
      if (claimed.length > 0) await releaseFromPayout(tx, actor, data.id, "below_minimum");
      dropped.push(data.id);
      continue;
    }
    kept.push({ id: data.id, amount: net, held: data.status === "held" });
    for (const i of claimed) items.push({ ...i, payoutId: data.id });
  }
  if (kept.length === 0) throw new DomainError("payouts.nothing_to_pay");
  if (dropped.length > 0) await tx.payout.deleteMany({ where: { id: { in: dropped } } });
  for (const part of chunks(items, ITEM_CHUNK)) await insertItems(tx, ctx.tenantId, part);
  // One statement for every amount. Raw SQL is not scoped by the tenant client: tenant in the WHERE.
  await tx.$executeRaw`
    UPDATE "Payout" AS p SET "amountMinor" = v.amount
    FROM unnest(${kept.map((k) => k.id)}::text[], ${kept.map((k) => k.amount.toString())}::bigint[]) AS v(id, amount)
    WHERE p.id = v.id AND p."tenantId" = ${ctx.tenantId}`;
  await tx.payoutRun.update({ where: { id: run.id }, data: { totalPayouts: kept.length } });
  const held = kept.filter((k) => k.held).length;
  if (held > 0) await notifyPayoutsHeld(tx, ctx.tenantId, run.id);
  await auditIn(tx, actor, {
    action: "payouts.run_created", entityType: "PayoutRun", entityId: run.id,
    data: { number, cutoffAt: cutoffAt.toISOString(), payouts: kept.length, held, commissions: items.length },
  });
  return { id: run.id, number, payouts: kept.length, held };
}

/**
 * Creates a draft run for everything the plan would pay at `cutoffAt`. Throws
 * DomainError("payouts.nothing_to_pay") when no payout would be left after claiming.
 */
export async function createPayoutRun(ctx: TenantContext, input: { cutoffAt: Date }): Promise<CreatedRun> {
  assertCan(ctx, "payouts:manage");
  const plan = await planPayoutRun(ctx.db, { cutoffAt: input.cutoffAt });
  if (plan.groups.length === 0) throw new DomainError("payouts.nothing_to_pay");
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.db.$transaction((tx) => createInTransaction(ctx, tx, input.cutoffAt, plan.groups), TX_OPTIONS);
    } catch (error) {
      // The number is max+1 under the lock; a unique conflict means something created a run
      // without it (or a reference collided) — try again with fresh numbers.
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}
