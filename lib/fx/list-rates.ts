import { assertCan } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/db/generated/client";
import type { TenantContext } from "@/lib/auth/contexts/tenant";

export const RATES_PAGE_SIZE = 50;

export type RatesQuery = { currency?: string; page: number };

/** The tenant's rates, newest day first; `currency` matches either side of the pair. */
export async function listRates(ctx: TenantContext, query: RatesQuery) {
  assertCan(ctx, "settings:read");
  const where: Prisma.FxRateWhereInput = query.currency ? { OR: [{ base: query.currency }, { quote: query.currency }] } : {};
  const [rows, total] = await Promise.all([
    ctx.db.fxRate.findMany({
      where,
      orderBy: [{ day: "desc" }, { base: "asc" }, { quote: "asc" }],
      skip: (query.page - 1) * RATES_PAGE_SIZE,
      take: RATES_PAGE_SIZE,
      select: { id: true, day: true, base: true, quote: true, rate: true, source: true },
    }),
    ctx.db.fxRate.count({ where }),
  ]);
  const items = rows.map((r) => ({ ...r, rate: r.rate.toFixed() }));
  return { items, total, page: query.page, pageCount: Math.max(1, Math.ceil(total / RATES_PAGE_SIZE)) };
}

/** Conversion events with an amount that could not be converted yet (no rate for their day). */
export async function countEventsMissingRate(ctx: TenantContext): Promise<number> {
  assertCan(ctx, "settings:read");
  return ctx.db.conversionEvent.count({ where: { amountMinor: { not: null }, reportingAmountMinor: null } });
}
