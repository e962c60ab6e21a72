// The rows behind the tiles, paginated: raw clicks, stage referrals (and API lead/close events),
// customers with their LTV so far, conversion events. Same scope and filters as the aggregates.
import { funnelDb } from "./scope";
import type { ConversionType, CustomerSource } from "@/lib/db/generated/enums";
import { checkFilter, col, dateOf, inRange, raw, scopeWhere, sql, type Sql } from "./sql";
import { countedReferralSql, revenueParts, wonReferralSql } from "./stages";
import type {
  ClickRow, CustomerRow, EventRow, FunnelFilter, FunnelScope, FunnelStage, Page, PageRequest, StageRow,
} from "./types";

export const MAX_PAGE_SIZE = 500;

/** Limit/offset of a page request; `unbounded` (exports) passes its own cap. */
export type Window = { limit: number; offset: number };

export function pageWindow(page: PageRequest): Window {
  const size = Math.min(Math.max(1, Math.floor(page.pageSize) || 1), MAX_PAGE_SIZE);
  const number = Math.max(1, Math.floor(page.page) || 1);
  return { limit: size, offset: (number - 1) * size };
}

const toPage = <T>(rows: T[], total: number, w: Window): Page<T> => ({
  rows, total, page: w.offset / w.limit + 1, pageSize: w.limit,
});

// Names for display; the joined tables are held to the scope's tenant too. `alias` is a constant.
const partnerJoin = (alias: string, tenantId: string): Sql =>
  sql`LEFT JOIN "Partner" pa ON pa."id" = ${raw(`"${alias}"."partnerId"`)} AND pa."tenantId" = ${tenantId}`;
const programJoin = (alias: string, tenantId: string): Sql =>
  sql`LEFT JOIN "Program" pr ON pr."id" = ${raw(`"${alias}"."programId"`)} AND pr."tenantId" = ${tenantId}`;

// ---------------------------------------------------------------- clicks

function clicksFrom(scope: FunnelScope, filter: FunnelFilter, includeExcluded: boolean): Sql {
  const counted = includeExcluded ? sql`TRUE` : sql`NOT k."isBot" AND k."repeatOfId" IS NULL`;
  return sql`FROM "Click" k WHERE ${scopeWhere(scope, filter, "k")} AND ${inRange(col("k", "occurredAt"), filter, scope)} AND ${counted}`;
}

/** Raw clicks, newest first; bots and repeats left out unless `includeExcluded`. */
export async function clickRows(scope: FunnelScope, filter: FunnelFilter, w: Window, includeExcluded = false): Promise<ClickRow[]> {
  checkFilter(filter);
  return funnelDb(scope).$queryRaw<ClickRow[]>(sql`
    SELECT k."id", k."occurredAt", k."linkId", l."code" AS "linkCode", k."partnerId", COALESCE(pa."name", '') AS "partnerName",
      k."programId", COALESCE(pr."name", '') AS "programName", k."sourceMarket"::text AS "sourceMarket",
      k."targetMarket"::text AS "targetMarket", k."country", k."device"::text AS device, k."referrerHost", k."isBot", k."repeatOfId"
    FROM (SELECT k.* ${clicksFrom(scope, filter, includeExcluded)} ORDER BY k."occurredAt" DESC, k."id" DESC LIMIT ${w.limit} OFFSET ${w.offset}) k
    JOIN "TrackedLink" l ON l."id" = k."linkId" AND l."tenantId" = ${scope.tenantId}
    ${partnerJoin("k", scope.tenantId)} ${programJoin("k", scope.tenantId)}
    ORDER BY k."occurredAt" DESC, k."id" DESC`);
}

export async function listClickRows(
  scope: FunnelScope, filter: FunnelFilter, page: PageRequest, options: { includeExcluded?: boolean } = {},
): Promise<Page<ClickRow>> {
  const w = pageWindow(page);
  const [rows, [count]] = await Promise.all([
    clickRows(scope, filter, w, options.includeExcluded),
    // The total comes from ClickDaily, kept in the same transaction as the clicks: counting
    // millions of raw rows for a page header would cost more than the whole dashboard.
    funnelDb(scope).$queryRaw<{ n: number }[]>(sql`SELECT COALESCE(SUM(cd."clicks"${options.includeExcluded ? sql` + cd."repeats" + cd."bots"` : sql``}), 0)::int AS n
      FROM "ClickDaily" cd WHERE ${scopeWhere(scope, filter, "cd")} AND cd."day" >= ${dateOf(filter.from)} AND cd."day" < ${dateOf(filter.to)}`),
  ]);
  return toPage(rows, count?.n ?? 0, w);
}

// ---------------------------------------------------------------- stage rows

/** The rows a stage tile counts, as one union (kind, id, at and the columns shown). */
function stageUnion(scope: FunnelScope, filter: FunnelFilter, stage: FunnelStage): Sql {
  const r = scopeWhere(scope, filter, "r");
  const submittedIn = sql`${countedReferralSql("r")} AND ${inRange(col("r", "submittedAt"), filter, scope)}`;
  const referral = (at: Sql, where: Sql) => sql`SELECT 'referral' AS kind, r."id", ${at} AS at, r."subjectName" AS subject,
      r."status"::text AS status, r."partnerId", r."programId", r."sourceMarket"::text AS "sourceMarket",
      r."targetMarket"::text AS "targetMarket", r."submittedAt", r."qualifiedAt", r."closedAt"
    FROM "Referral" r WHERE ${r} AND ${where}`;
  const events = (type: "lead" | "close") => sql`SELECT 'event' AS kind, e."id", e."occurredAt" AS at,
      e."externalCustomerId" AS subject, NULL::text AS status, e."partnerId", e."programId", e."sourceMarket"::text,
      e."targetMarket"::text, NULL::timestamp, NULL::timestamp, NULL::timestamp
    FROM "ConversionEvent" e WHERE ${scopeWhere(scope, filter, "e")} AND e."type" = ${type}::"ConversionType"
      AND e."referralId" IS NULL AND ${inRange(col("e", "occurredAt"), filter, scope)}`;
  if (filter.basis === "cohort") {
    const outcome = stage === "qualified" ? sql` AND r."qualifiedAt" IS NOT NULL` : stage === "closes" ? sql` AND ${wonReferralSql("r")}` : sql``;
    return referral(col("r", "submittedAt"), sql`${submittedIn}${outcome}`);
  }
  if (stage === "referrals") return referral(col("r", "submittedAt"), submittedIn);
  if (stage === "qualified") {
    return sql`${referral(col("r", "qualifiedAt"), inRange(col("r", "qualifiedAt"), filter, scope))} UNION ALL ${events("lead")}`;
  }
  return sql`${referral(col("r", "closedAt"), sql`${wonReferralSql("r")} AND ${inRange(col("r", "closedAt"), filter, scope)}`)} UNION ALL ${events("close")}`;
}

export async function stageRows(scope: FunnelScope, filter: FunnelFilter, stage: FunnelStage, w: Window): Promise<StageRow[]> {
  checkFilter(filter);
  return funnelDb(scope).$queryRaw<StageRow[]>(sql`
    SELECT s.*, pa."name" AS "partnerName", pr."name" AS "programName"
    FROM (SELECT * FROM (${stageUnion(scope, filter, stage)}) u ORDER BY at DESC, "id" DESC LIMIT ${w.limit} OFFSET ${w.offset}) s
    ${partnerJoin("s", scope.tenantId)} ${programJoin("s", scope.tenantId)}
    ORDER BY s.at DESC, s."id" DESC`);
}

/** Period: referrals submitted / qualified / won in range, plus lead/close events without a referral; cohort: the cohort's referrals. */
export async function listStageReferrals(
  scope: FunnelScope, filter: FunnelFilter, stage: FunnelStage, page: PageRequest,
): Promise<Page<StageRow>> {
  const w = pageWindow(page);
  const [rows, [count]] = await Promise.all([
    stageRows(scope, filter, stage, w),
    funnelDb(scope).$queryRaw<{ n: number }[]>(sql`SELECT COUNT(*)::int AS n FROM (${stageUnion(scope, filter, stage)}) u`),
  ]);
  return toPage(rows, count?.n ?? 0, w);
}

// ---------------------------------------------------------------- customers

function customersFrom(scope: FunnelScope, filter: FunnelFilter, source?: CustomerSource): Sql {
  const bySource = source ? sql` AND c."source" = ${source}::"CustomerSource"` : sql``;
  return sql`FROM "Customer" c WHERE ${scopeWhere(scope, filter, "c")} AND ${inRange(col("c", "firstSeenAt"), filter, scope)}${bySource}`;
}

type CustomerSqlRow = Omit<CustomerRow, "ltv"> & { ltvMinor: bigint };

export async function customerRows(scope: FunnelScope, filter: FunnelFilter, w: Window, source?: CustomerSource): Promise<CustomerRow[]> {
  checkFilter(filter);
  const m = revenueParts(scope.reportingCurrency);
  const rows = await funnelDb(scope).$queryRaw<CustomerSqlRow[]>(sql`
    SELECT c."id", c."name", c."externalId", c."source"::text AS source, c."partnerId", pa."name" AS "partnerName",
      c."programId", pr."name" AS "programName", c."sourceMarket"::text AS "sourceMarket", c."targetMarket"::text AS "targetMarket",
      c."firstSeenAt", ev.revenue AS "ltvMinor", ev.events, ev.missing AS "missingFxEvents"
    FROM (SELECT c.* ${customersFrom(scope, filter, source)} ORDER BY c."firstSeenAt" DESC, c."id" DESC LIMIT ${w.limit} OFFSET ${w.offset}) c
    LEFT JOIN LATERAL (
      SELECT ${m.revenue} AS revenue, COUNT(*)::int AS events, ${m.missing} AS missing
      FROM "ConversionEvent" e WHERE e."tenantId" = ${scope.tenantId} AND e."customerId" = c."id"
    ) ev ON TRUE
    ${partnerJoin("c", scope.tenantId)} ${programJoin("c", scope.tenantId)}
    ORDER BY c."firstSeenAt" DESC, c."id" DESC`);
  return rows.map(({ ltvMinor, ...r }) => ({ ...r, ltv: { minor: BigInt(ltvMinor), currency: scope.reportingCurrency } }));
}

/** Customers first seen in the period (the LTV cohort), with LTV so far, events and missing-FX counts. */
export async function listCustomers(
  scope: FunnelScope, filter: FunnelFilter, page: PageRequest, source?: CustomerSource,
): Promise<Page<CustomerRow>> {
  const w = pageWindow(page);
  const [rows, [count]] = await Promise.all([
    customerRows(scope, filter, w, source),
    funnelDb(scope).$queryRaw<{ n: number }[]>(sql`SELECT COUNT(*)::int AS n ${customersFrom(scope, filter, source)}`),
  ]);
  return toPage(rows, count?.n ?? 0, w);
}

// ---------------------------------------------------------------- events

function eventsFrom(scope: FunnelScope, filter: FunnelFilter, type?: ConversionType): Sql {
  const byType = type ? sql` AND e."type" = ${type}::"ConversionType"` : sql``;
  return sql`FROM "ConversionEvent" e WHERE ${scopeWhere(scope, filter, "e")} AND ${inRange(col("e", "occurredAt"), filter, scope)}${byType}`;
}

export async function eventRows(scope: FunnelScope, filter: FunnelFilter, w: Window, type?: ConversionType): Promise<EventRow[]> {
  checkFilter(filter);
  return funnelDb(scope).$queryRaw<EventRow[]>(sql`
    SELECT e."id", e."type"::text AS type, e."source"::text AS source, e."occurredAt", e."amountMinor", e."currency",
      e."reportingAmountMinor", e."reportingCurrency",
      (e."type" IN ('revenue', 'refund') AND (e."reportingAmountMinor" IS NULL OR e."reportingCurrency" IS DISTINCT FROM ${scope.reportingCurrency})) AS "missingFx",
      e."customerId", cu."name" AS "customerName", e."externalCustomerId", e."referralId", e."partnerId", pa."name" AS "partnerName",
      e."programId", pr."name" AS "programName", e."sourceMarket"::text AS "sourceMarket", e."targetMarket"::text AS "targetMarket"
    FROM (SELECT e.* ${eventsFrom(scope, filter, type)} ORDER BY e."occurredAt" DESC, e."id" DESC LIMIT ${w.limit} OFFSET ${w.offset}) e
    LEFT JOIN "Customer" cu ON cu."id" = e."customerId" AND cu."tenantId" = ${scope.tenantId}
    ${partnerJoin("e", scope.tenantId)} ${programJoin("e", scope.tenantId)}
    ORDER BY e."occurredAt" DESC, e."id" DESC`);
}

/** Conversion events that happened in the period (any basis), newest first. */
export async function listEvents(scope: FunnelScope, filter: FunnelFilter, page: PageRequest, type?: ConversionType): Promise<Page<EventRow>> {
  const w = pageWindow(page);
  const [rows, [count]] = await Promise.all([
    eventRows(scope, filter, w, type),
    funnelDb(scope).$queryRaw<{ n: number }[]>(sql`SELECT COUNT(*)::int AS n ${eventsFrom(scope, filter, type)}`),
  ]);
  return toPage(rows, count?.n ?? 0, w);
}
