// The yearly 1099-NEC report for US payees (W-9 on file).
//
// Decision: payouts on the "stripe" rail are excluded. Stripe Connect transfers are settled by a
// payment processor (a third-party settlement organisation), which reports them to the IRS on
// Form 1099-K; reporting them again on 1099-NEC would double-count. Only our own non-card
// payments count: the "registry" (bank transfer) and "manual" rails. Only payouts with status
// "paid" count, by the calendar year of `paidAt` (UTC), and only in USD.
import type { PayoutRail } from "@/lib/db/generated/enums";
import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { thresholdFor, type Threshold } from "./tax-thresholds";

export const REPORTABLE_RAILS: readonly PayoutRail[] = ["registry", "manual"];
/** Backup withholding rate when a US payee gave no TIN (IRC §3406). */
export const BACKUP_WITHHOLDING_PERCENT = 24n;

export type Report1099Row = {
  partnerId: string;
  partnerName: string;
  legalName: string;
  tinOnFile: boolean;
  tinLast4: string | null;
  totalMinor: bigint;
  payouts: number;
  reportable: boolean;
  /** No TIN on file: 24 % of the total should have been withheld. */
  backupWithholding: boolean;
  withholdingMinor: bigint;
};
export type Report1099 = { year: number; currency: "USD"; threshold: Threshold | null; rows: Report1099Row[] };

const yearRange = (year: number) => ({ gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) });

/** Every W-9 payee with USD non-card payments paid in `year`, flagged reportable at or above the year's threshold. */
export async function report1099(ctx: TenantContext, year: number): Promise<Report1099> {
  assertCan(ctx, "payouts:read");
  const [threshold, profiles] = await Promise.all([
    thresholdFor("US-1099-NEC", year),
    ctx.db.taxProfile.findMany({
      where: { form: "us_w9" },
      select: { partnerId: true, legalName: true, tinLast4: true, partner: { select: { name: true } } },
    }),
  ]);
  const ids = profiles.map((p) => p.partnerId);
  const sums = ids.length
    ? await ctx.db.payout.groupBy({
        by: ["partnerId"],
        where: { partnerId: { in: ids }, status: "paid", currency: "USD", rail: { in: [...REPORTABLE_RAILS] }, paidAt: yearRange(year) },
        _sum: { amountMinor: true },
        _count: { _all: true },
      })
    : [];
  const byPartner = new Map(sums.map((s) => [s.partnerId, s]));
  const rows: Report1099Row[] = [];
  for (const profile of profiles) {
    const sum = byPartner.get(profile.partnerId);
    const totalMinor = sum?._sum.amountMinor ?? 0n;
    if (totalMinor <= 0n) continue;
    const tinOnFile = !!profile.tinLast4;
    rows.push({
      partnerId: profile.partnerId,
      partnerName: profile.partner.name,
      legalName: profile.legalName,
      tinOnFile,
      tinLast4: profile.tinLast4,
      totalMinor,
      payouts: sum?._count._all ?? 0,
      reportable: !!threshold && totalMinor >= threshold.amountMinor,
      backupWithholding: !tinOnFile,
      // Rounded half up to the cent.
      withholdingMinor: tinOnFile ? 0n : (totalMinor * BACKUP_WITHHOLDING_PERCENT + 50n) / 100n,
    });
  }
  rows.sort((a, b) => Number(b.reportable) - Number(a.reportable) || (b.totalMinor > a.totalMinor ? 1 : b.totalMinor < a.totalMinor ? -1 : 0) || a.partnerName.localeCompare(b.partnerName));
  return { year, currency: "USD", threshold, rows };
}

/** Minor units as a plain decimal ("2000.00") for spreadsheets. */
export function decimalOf(minor: bigint): string {
  const sign = minor < 0n ? "-" : "";
  const abs = minor < 0n ? -minor : minor;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
}
