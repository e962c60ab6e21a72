// НПД (self-employed tax regime) income cap: a самозанятый may earn at most the year's cap
// (2.4M RUB) under the regime. We warn staff and the partner as their paid RUB payouts from this
// tenant approach it. Only this tenant's payouts are visible to us, so this is a lower bound.
import type { TenantDb, TenantTx } from "@/lib/db/tenant-client";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { thresholdFor } from "./tax-thresholds";

type Db = TenantDb | TenantTx;

export const NPD_WARNING_PERCENT = 80;

export type NpdLevel = "ok" | "warning" | "over";
export type NpdUsage = {
  year: number;
  paidMinor: bigint;
  capMinor: bigint;
  /** The year whose cap row applies (earlier than `year` when `year` has no row yet). */
  capYear: number;
  /** Share of the cap used, in tenths of a percent (805 = 80.5 %), exact integer arithmetic. */
  permille: number;
  level: NpdLevel;
};

const yearRange = (year: number) => ({ gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) });

function usageOf(year: number, paidMinor: bigint, cap: { amountMinor: bigint; fromYear: number }): NpdUsage {
  const permille = cap.amountMinor > 0n ? Number((paidMinor * 1000n) / cap.amountMinor) : 0;
  const level: NpdLevel = paidMinor >= cap.amountMinor ? "over" : paidMinor * 100n >= cap.amountMinor * BigInt(NPD_WARNING_PERCENT) ? "warning" : "ok";
  return { year, paidMinor, capMinor: cap.amountMinor, capYear: cap.fromYear, permille, level };
}

/** НПД cap usage of these partners in `year` (paid RUB payouts, by paidAt). Partners who are not self-employed are left out. */
export async function npdUsageFor(db: Db, partnerIds: string[], year: number): Promise<Map<string, NpdUsage>> {
  const out = new Map<string, NpdUsage>();
  if (partnerIds.length === 0) return out;
  const [cap, selfEmployed] = await Promise.all([
    thresholdFor("RU-NPD-CAP", year),
    db.taxProfile.findMany({ where: { partnerId: { in: partnerIds }, form: "ru_self_employed" }, select: { partnerId: true } }),
  ]);
  if (!cap || selfEmployed.length === 0) return out;
  const ids = selfEmployed.map((p) => p.partnerId);
  const sums = await db.payout.groupBy({
    by: ["partnerId"],
    where: { partnerId: { in: ids }, status: "paid", currency: "RUB", paidAt: yearRange(year) },
    _sum: { amountMinor: true },
  });
  const paid = new Map(sums.map((s) => [s.partnerId, s._sum.amountMinor ?? 0n]));
  for (const id of ids) out.set(id, usageOf(year, paid.get(id) ?? 0n, cap));
  return out;
}

/** One partner's НПД cap usage this calendar year (UTC), or null when they are not self-employed. */
export async function npdUsage(db: Db, partnerId: string, now = new Date()): Promise<NpdUsage | null> {
  return (await npdUsageFor(db, [partnerId], now.getUTCFullYear())).get(partnerId) ?? null;
}

/** Paid RUB payouts to self-employed partners that still have no receipt (чек from «Мой налог»). */
export async function receiptsMissing(ctx: TenantContext, limit = 200) {
  const where = { status: "paid" as const, currency: "RUB", receiptRef: null, partner: { taxProfile: { is: { form: "ru_self_employed" as const } } } };
  const [items, total] = await Promise.all([
    ctx.db.payout.findMany({
      where,
      orderBy: { paidAt: "asc" },
      take: limit,
      select: { id: true, reference: true, amountMinor: true, currency: true, paidAt: true, partner: { select: { id: true, name: true } } },
    }),
    ctx.db.payout.count({ where }),
  ]);
  return { items, total };
}
