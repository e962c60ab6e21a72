// What a payout run would pay, without changing anything: approved, unclaimed commissions due by
// the cutoff, grouped per partner in the currency and on the rail of the partner's payout method,
// converted with a recorded rate where currencies differ, netted (clawbacks are negative rows),
// and checked against the minimum and the compliance gate. A fixed number of queries however many
// commissions there are: one read per table, one rate lookup per currency pair.
import type { PayoutRail } from "@/lib/db/generated/enums";
import type { TenantDb } from "@/lib/db/tenant-client";
import { payoutHoldReasons, type HoldReason } from "@/lib/compliance/gate";
import { convertToReporting } from "@/lib/fx/convert";
import { parseDecimal } from "@/lib/fx/decimal";
import { CROSS_CURRENCY, convertMinor, utcDay } from "@/lib/fx/pick-rate";
import { readPayoutMinimums } from "./minimums";

export type PlannedItem = {
  commissionId: string;
  amountMinor: bigint;
  currency: string;
  payoutMinor: bigint;
  fxRate: string | null;
  fxRateDay: Date | null;
  fxSource: string | null;
};

export type FxNote = { from: string; to: string; rate: string; rateDay: Date; source: string };

export type PlannedGroup = {
  partnerId: string;
  partnerName: string;
  rail: PayoutRail;
  currency: string;
  hasMethod: boolean;
  items: PlannedItem[];
  netMinor: bigint;
  minimumMinor: bigint;
  fx: FxNote[];
  holdReasons: HoldReason[];
};

export type SkipReason = "below_minimum" | "missing_rate";

/** Commissions left out of this run and why; they stay approved and unclaimed. */
export type SkippedGroup = {
  partnerId: string;
  partnerName: string;
  rail: PayoutRail;
  currency: string;
  /** The commission currency that has no rate (missing_rate), else the payout currency. */
  fromCurrency: string;
  commissionCount: number;
  /** In `currency` for below_minimum; in `fromCurrency` (unconverted) for missing_rate. */
  amountMinor: bigint;
  minimumMinor: bigint;
  reason: SkipReason;
};

export type PayoutPlan = {
  cutoffAt: Date;
  rateDay: Date;
  groups: PlannedGroup[];
  skipped: SkippedGroup[];
  totals: { currency: string; netMinor: bigint; payouts: number; held: number }[];
};

type Rate = { ok: true; rate: string; rateDay: Date; source: string } | { ok: false };

/**
 * One rate per currency pair for the cutoff day, taken through convertToReporting (same rules as
 * every other conversion: latest rate ≤ 7 days old, direct, inverse or cross via RUB). Each
 * commission is then converted with that exact stored 10-decimal rate, so payoutMinor can be
 * recomputed from the PayoutItem snapshot alone.
 */
async function rateFor(db: TenantDb, from: string, to: string, day: Date): Promise<Rate> {
  const result = await convertToReporting(db, { amountMinor: 0n, currency: from, reportingCurrency: to, day });
  if (!result.ok) return { ok: false };
  const rows = await db.fxRate.findMany({
    where: { day: result.rateDay, base: { in: [from, to, CROSS_CURRENCY] }, quote: { in: [from, to, CROSS_CURRENCY] } },
    select: { source: true },
    distinct: ["source"],
  });
  const source = [...new Set(rows.map((r) => r.source))].sort().join("+") || "fx";
  return { ok: true, rate: result.rate, rateDay: result.rateDay, source };
}

export async function planPayoutRun(db: TenantDb, input: { cutoffAt: Date; now?: Date }): Promise<PayoutPlan> {
  const cutoffAt = input.cutoffAt;
  const rateDay = utcDay(cutoffAt);
  const commissions = await db.commission.findMany({
    // A commission on a risk hold (lib/risk) waits for staff to clear it.
    where: { status: "approved", payoutId: null, riskCaseId: null, dueAt: { lte: cutoffAt } },
    select: { id: true, partnerId: true, amountMinor: true, currency: true },
    orderBy: [{ partnerId: "asc" }, { id: "asc" }],
  });
  const partnerIds = [...new Set(commissions.map((c) => c.partnerId))];
  const [partners, methods, minimums, holds] = await Promise.all([
    db.partner.findMany({ where: { id: { in: partnerIds } }, select: { id: true, name: true } }),
    db.payoutMethod.findMany({ where: { partnerId: { in: partnerIds } }, select: { partnerId: true, rail: true, currency: true } }),
    readPayoutMinimums(db),
    payoutHoldReasons(db, partnerIds, input.now),
  ]);
  const nameBy = new Map(partners.map((p) => [p.id, p.name]));
  const methodBy = new Map(methods.map((m) => [m.partnerId, m]));

  const rates = new Map<string, Rate>();
  const groups = new Map<string, PlannedGroup>();
  const missing = new Map<string, SkippedGroup>();
  for (const c of commissions) {
    const method = methodBy.get(c.partnerId);
    // Without a payout method the partner is paid in the commission's own currency; the gate holds it.
    const currency = method?.currency ?? c.currency;
    const rail: PayoutRail = method?.rail ?? "manual";
    const partnerName = nameBy.get(c.partnerId) ?? "";
    const minimumMinor = minimums.get(currency) ?? 0n;
    let item: PlannedItem;
    if (c.currency === currency) {
      item = { commissionId: c.id, amountMinor: c.amountMinor, currency: c.currency, payoutMinor: c.amountMinor, fxRate: null, fxRateDay: null, fxSource: null };
    } else {
      const pair = `${c.currency}>${currency}`;
      if (!rates.has(pair)) rates.set(pair, await rateFor(db, c.currency, currency, rateDay));
      const rate = rates.get(pair)!;
      if (!rate.ok) {
        const key = `${c.partnerId}|${c.currency}|${currency}`;
        const skip = missing.get(key) ?? {
          partnerId: c.partnerId, partnerName, rail, currency, fromCurrency: c.currency,
          commissionCount: 0, amountMinor: 0n, minimumMinor, reason: "missing_rate" as const,
        };
        skip.commissionCount += 1;
        skip.amountMinor += c.amountMinor;
        missing.set(key, skip);
        continue;
      }
      item = {
        commissionId: c.id, amountMinor: c.amountMinor, currency: c.currency,
        payoutMinor: convertMinor(c.amountMinor, c.currency, currency, parseDecimal(rate.rate)!),
        fxRate: rate.rate, fxRateDay: rate.rateDay, fxSource: rate.source,
      };
    }
    const key = `${c.partnerId}|${currency}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        partnerId: c.partnerId, partnerName, rail, currency, hasMethod: !!method, items: [], netMinor: 0n, minimumMinor,
        fx: [], holdReasons: holds.get(c.partnerId) ?? [],
      };
      groups.set(key, group);
    }
    group.items.push(item);
    group.netMinor += item.payoutMinor;
    if (item.fxRate && !group.fx.some((f) => f.from === item.currency)) {
      group.fx.push({ from: item.currency, to: currency, rate: item.fxRate, rateDay: item.fxRateDay!, source: item.fxSource! });
    }
  }

  const planned: PlannedGroup[] = [];
  const skipped: SkippedGroup[] = [...missing.values()];
  for (const group of groups.values()) {
    if (group.netMinor <= 0n || group.netMinor < group.minimumMinor) {
      skipped.push({
        partnerId: group.partnerId, partnerName: group.partnerName, rail: group.rail, currency: group.currency,
        fromCurrency: group.currency, commissionCount: group.items.length, amountMinor: group.netMinor,
        minimumMinor: group.minimumMinor, reason: "below_minimum",
      });
    } else planned.push(group);
  }
  const byName = (a: { partnerName: string; currency: string }, b: { partnerName: string; currency: string }) =>
    a.partnerName.localeCompare(b.partnerName) || a.currency.localeCompare(b.currency);
  planned.sort(byName);
  skipped.sort(byName);

  const totals = new Map<string, { currency: string; netMinor: bigint; payouts: number; held: number }>();
  for (const g of planned) {
    const total = totals.get(g.currency) ?? { currency: g.currency, netMinor: 0n, payouts: 0, held: 0 };
    total.netMinor += g.netMinor;
    total.payouts += 1;
    if (g.holdReasons.length > 0) total.held += 1;
    totals.set(g.currency, total);
  }
  return { cutoffAt, rateDay, groups: planned, skipped, totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)) };
}
