// SQL building blocks shared by every funnel statement. `$queryRaw` bypasses the tenant-scoped
// client, so `scopeWhere` is the wall: each statement puts it on every table it reads.
import { empty, join, raw, sqltag as sql, type Sql } from "@prisma/client/runtime/client";
import { Market } from "@/lib/db/generated/enums";
import { DomainError } from "@/lib/kernel/errors";
import { DEFAULT_TIME_ZONE, startOfLocalDay } from "@/lib/kernel/time-zone";
import type { FunnelFilter, FunnelScope, MarketPair } from "./types";

export { empty, join, raw, sql, type Sql };

const DAY_MS = 86_400_000;
/** Longest range a query accepts (the series has one point per day). */
export const MAX_RANGE_DAYS = 731; // two years, leap day included

const markets = new Set<string>(Object.values(Market));

export function parseMarketPair(pair: string): { source: Market; target: Market } | null {
  const [source, target, extra] = pair.split(">");
  if (extra !== undefined || !markets.has(source) || !markets.has(target)) return null;
  return { source: source as Market, target: target as Market };
}

/** Rejects a range or filter the queries cannot answer honestly (the UI parses, this double-checks). */
export function checkFilter(filter: FunnelFilter): void {
  const { from, to } = filter;
  if (!(from instanceof Date) || !(to instanceof Date) || Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) {
    throw new DomainError("funnel.invalid_range");
  }
  // Whole days, each named by its UTC-midnight label (the rollups have whole local days, so a range
  // inside a day could not be answered exactly).
  if (from.getTime() % DAY_MS !== 0 || to.getTime() % DAY_MS !== 0) throw new DomainError("funnel.invalid_range");
  if (from.getTime() >= to.getTime() || to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
    throw new DomainError("funnel.invalid_range");
  }
  if (filter.marketPair && !parseMarketPair(filter.marketPair)) throw new DomainError("funnel.invalid_filter");
  if (filter.basis !== "period" && filter.basis !== "cohort") throw new DomainError("funnel.invalid_filter");
}

/** Table aliases used in the funnel's SQL (constants only: they are spliced in raw). */
export type Alias = "cd" | "fd" | "fp" | "lt" | "r" | "e" | "c" | "k";
/** The rollups (FunnelDaily, FunnelDailyProgram, LtvDaily) keep markets as text ('' = none) rather than the Market enum. */
export const isRollup = (alias: Alias) => alias === "fd" || alias === "fp" || alias === "lt";

export const col = (alias: Alias, column: string): Sql => raw(`"${alias}"."${column}"`);

/**
 * tenantId of the scope, the scope's partner (a partner scope can never be widened: the filter's
 * partnerId is ANDed, so another partner's id yields nothing), then the filter's program, market
 * pair and cross/single market. Every funnel table carries these columns (copied at write time).
 */
export function scopeWhere(scope: FunnelScope, filter: Omit<FunnelFilter, "from" | "to" | "basis">, alias: Alias): Sql {
  const parts: Sql[] = [sql`${col(alias, "tenantId")} = ${scope.tenantId}`];
  if (scope.partnerId) parts.push(sql`${col(alias, "partnerId")} = ${scope.partnerId}`);
  if (filter.partnerId) parts.push(sql`${col(alias, "partnerId")} = ${filter.partnerId}`);
  if (filter.programId) parts.push(sql`${col(alias, "programId")} = ${filter.programId}`);
  if (filter.marketPair) {
    const pair = parseMarketPair(filter.marketPair);
    if (!pair) throw new DomainError("funnel.invalid_filter");
    // FunnelDaily keeps markets as text ('' = none); the other tables as the Market enum.
    parts.push(isRollup(alias)
      ? sql`${col(alias, "sourceMarket")} = ${pair.source} AND ${col(alias, "targetMarket")} = ${pair.target}`
      : sql`${col(alias, "sourceMarket")} = ${pair.source}::"Market" AND ${col(alias, "targetMarket")} = ${pair.target}::"Market"`);
  }
  const known = isRollup(alias) ? sql` AND ${col(alias, "sourceMarket")} <> '' AND ${col(alias, "targetMarket")} <> ''` : empty;
  if (filter.crossMarket === "cross") parts.push(sql`${col(alias, "sourceMarket")} <> ${col(alias, "targetMarket")}${known}`);
  if (filter.crossMarket === "single") parts.push(sql`${col(alias, "sourceMarket")} = ${col(alias, "targetMarket")}${known}`);
  if (filter.without) parts.push(withoutWhere(filter.without, alias));
  return join(parts, " AND ");
}

/** Rows lacking `value`: the rollups keep a missing value as '', the other tables as NULL. */
function withoutWhere(value: NonNullable<FunnelFilter["without"]>, alias: Alias): Sql {
  const missing = (column: string) => (isRollup(alias) ? sql`${col(alias, column)} = ''` : sql`${col(alias, column)} IS NULL`);
  if (value === "partner") return missing("partnerId");
  if (value === "program") return missing("programId");
  return sql`(${missing("sourceMarket")} OR ${missing("targetMarket")})`;
}

/** A UTC instant as a `timestamp` literal (columns are timestamp(3) holding UTC). */
export const ts = (d: Date): Sql => sql`${d.toISOString()}::timestamp`;
/** The calendar day a filter bound names (YYYY-MM-DD; the bound is that day's UTC-midnight label). */
export const dayOf = (d: Date): string => d.toISOString().slice(0, 10);
/** A filter bound as a `date` literal: the rollups' local day (ClickDaily.day, FunnelDaily.day, …). */
export const dateOf = (d: Date): Sql => sql`${dayOf(d)}::date`;

/** The zone the scope's days are in: the one its tenant's rollups are keyed in. */
export const scopeZone = (scope: Pick<FunnelScope, "timeZone">): string => scope.timeZone ?? DEFAULT_TIME_ZONE;

/**
 * A raw timestamp `column` inside the filter's local days [from, to): from the first instant of the
 * day `from` names in the scope's zone to the first instant of the day `to` names (23, 24 or 25
 * hours a day across DST), so raw-table queries (drill-downs, exports, the LTV oracle) count exactly
 * what the rollups count on those days.
 */
export const inRange = (column: Sql, filter: Pick<FunnelFilter, "from" | "to">, scope: Pick<FunnelScope, "timeZone">): Sql => {
  const zone = scopeZone(scope);
  return sql`${column} >= ${ts(startOfLocalDay(dayOf(filter.from), zone))} AND ${column} < ${ts(startOfLocalDay(dayOf(filter.to), zone))}`;
};

/** Every calendar day in [from, to) (the series' points), as YYYY-MM-DD. */
export function utcDays(from: Date, to: Date): string[] {
  const days: string[] = [];
  const start = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  for (let t = start; t < to.getTime(); t += DAY_MS) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

export const marketPairLabel = (key: string): string => key.replace(">", "→");

export type { MarketPair };
