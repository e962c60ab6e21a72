// The ord:statistics job (issue 17, part 3): one month's statistics of the agency's placements sent to
// its ОРД — impressions entered by staff per placement, clicks counted on the placement's tracked link
// (the monthly report's numbers, lib/placements/month-report.ts) — then the month marked sent and the
// placement moved "published" → "reported".
//
// What is sent: the month's rows the report calls due (Russian audience, published in the month) with
// impressions entered and not yet sent, whose creative Twoway registered at the ОРД (an erid typed in
// by hand names a creative the operator may not know: that placement goes by the export instead).
// One request per placement, so one refusal does not hold back the others and each answer lands in
// that placement's exchange log.
//
// Killed at any line and run again, it sends nothing twice that matters: the operator keys statistics
// by creative, pad and dates, so repeating the request for a placement whose result was not committed
// updates the same record; a committed one (sentAt set) is not sent again. A retryable failure (5xx,
// timeout, 429 after the client's own retries) throws once the other placements are done, and the
// queue retries the job with backoff; a refusal is kept on the month's report row, shown translated.
import type { Prisma } from "@/lib/db/generated/client";
import type { TenantDb } from "@/lib/db/tenant-client";
import { auditIn } from "@/lib/audit/record-audit";
import { statisticsDueOn } from "@/lib/kernel/statistics-deadline";
import { isMonth, monthDays } from "@/lib/placements/month";
import { monthReportRows, type ReportRow } from "@/lib/placements/month-report";
import type { OrdClient } from "./client";
import { OrdError, type OrdIssue } from "./errors";
import { ordExternalId } from "./external-id";
import type { OrdStatisticsItem } from "./schemas";
import { ordClientFor } from "./settings";
import type { VkOrdOptions } from "./vk-client";

export type StatisticsSkip = "no_impressions" | "creative_not_registered";
export type StatisticsOutcome = {
  sent: string[];
  refused: { placementId: string; code: string; issues: OrdIssue[] }[];
  skipped: { placementId: string; reason: StatisticsSkip }[];
  notConfigured?: true;
};

export type SendStatisticsOptions = {
  client?: OrdClient | null;
  clientOptions?: Partial<Omit<VkOrdOptions, "baseUrl" | "apiKey">>;
  userId?: string | null;
  /** Test hook: called after each placement's result is committed (a "kill" is an exception thrown here). */
  afterPlacement?: (placementId: string) => void | Promise<void>;
};

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The statistics item of one placement for the month: from its publication day (or the 1st) to the month's last day. */
export function statisticsItem(tenantId: string, month: string, row: Pick<ReportRow, "id" | "publishedOn" | "impressions">, creatorPlatformId: string | null): OrdStatisticsItem {
  const { first, last } = monthDays(month);
  const start = row.publishedOn && row.publishedOn > first ? row.publishedOn : first;
  return {
    creativeExternalId: ordExternalId("creative", tenantId, row.id),
    padExternalId: ordExternalId("pad", tenantId, `channel:${creatorPlatformId ?? row.id}`),
    impressions: row.impressions ?? 0,
    dateStartActual: isoDay(start),
    dateEndActual: isoDay(last),
  };
}

export async function sendMonthStatistics(db: TenantDb, tenantId: string, month: string, options: SendStatisticsOptions = {}): Promise<StatisticsOutcome> {
  if (!isMonth(month)) throw new RangeError(`not a month: ${month}`);
  const outcome: StatisticsOutcome = { sent: [], refused: [], skipped: [] };
  const due = (await monthReportRows(db, tenantId, month)).filter((r) => r.statsDue && !r.statsSent);
  if (due.length === 0) return outcome;
  const client = options.client === undefined ? await ordClientFor(db, options.clientOptions) : options.client;
  if (!client) return { ...outcome, notConfigured: true };
  const { first } = monthDays(month);
  const dueOn = new Date(`${statisticsDueOn(month)}T00:00:00Z`);
  const ids = due.map((r) => r.id);
  const placements = new Map((await db.placement.findMany({ where: { id: { in: ids } }, select: { id: true, creatorPlatformId: true, status: true } })).map((p) => [p.id, p]));
  const creatives = new Set((await db.ordObject.findMany({
    where: { operator: client.operator, kind: "creative", localType: "placement", localId: { in: ids }, state: { in: ["sent", "verified"] } }, select: { localId: true },
  })).map((o) => o.localId));

  let retryLater: OrdError | null = null;
  for (const row of due) {
    if (row.impressions === null) { outcome.skipped.push({ placementId: row.id, reason: "no_impressions" }); continue; }
    if (!creatives.has(row.id)) { outcome.skipped.push({ placementId: row.id, reason: "creative_not_registered" }); continue; }
    const item = statisticsItem(tenantId, month, row, placements.get(row.id)?.creatorPlatformId ?? null);
    const key = { tenantId_placementId_month: { tenantId, placementId: row.id, month: first } };
    const values = { impressions: row.impressions, clicks: row.clicks, dueOn };
    // The attempt is on record before the request goes out (the report page shows "sending").
    const report = await db.ordStatisticsReport.upsert({
      where: key, create: { tenantId, placementId: row.id, month: first, ...values, state: "pending" }, update: { ...values, state: "pending" },
    });
    try {
      const { exchange } = await client.reportStatistics([item]);
      await db.$transaction(async (tx) => {
        const now = new Date();
        await tx.ordStatisticsReport.updateMany({ where: { id: report.id }, data: { state: "sent", sentAt: now } });
        await tx.ordExchangeLog.create({ data: {
          tenantId, placementId: row.id, reportId: report.id, kind: "statistics", externalId: item.creativeExternalId, method: exchange.method, path: exchange.path,
          status: exchange.status, attempts: exchange.attempts, sent: (exchange.sent ?? {}) as Prisma.InputJsonValue, answered: (exchange.answered ?? null) as Prisma.InputJsonValue,
        } });
        // The month counts as sent (the report's "sent" column), unless someone already marked it.
        await tx.placementMonthStat.updateMany({ where: { placementId: row.id, month: first, sentAt: null }, data: { sentAt: now, sentById: options.userId ?? null } });
        const moved = await tx.placement.updateMany({ where: { id: row.id, status: "published" }, data: { status: "reported" } });
        if (moved.count === 1) {
          await tx.placementTransition.create({ data: { tenantId, placementId: row.id, fromStatus: "published", toStatus: "reported", actorUserId: options.userId ?? null, note: null } });
        }
        await auditIn(tx, { tenantId, userId: options.userId ?? null }, {
          action: "placement.statistics_sent", entityType: "Placement", entityId: row.id,
          data: { month, impressions: item.impressions, clicks: row.clicks, operator: client.operator, reported: moved.count === 1 },
        });
      });
      outcome.sent.push(row.id);
    } catch (err) {
      if (!(err instanceof OrdError)) throw err;
      await db.$transaction(async (tx) => {
        await tx.ordStatisticsReport.updateMany({ where: { id: report.id }, data: { state: err.retryable ? "pending" : "bad" } });
        await tx.ordExchangeLog.create({ data: {
          tenantId, placementId: row.id, reportId: report.id, kind: "statistics", externalId: item.creativeExternalId, method: err.details.method ?? "POST",
          path: err.details.path ?? "/v3/statistics", status: err.details.status ?? null, attempts: err.details.attempts ?? 1,
          sent: item as unknown as Prisma.InputJsonValue, answered: { error: err.code, issues: err.issues } as unknown as Prisma.InputJsonValue, errorCode: err.code,
        } });
      });
      if (err.retryable) retryLater ??= err;
      else outcome.refused.push({ placementId: row.id, code: err.code, issues: err.issues });
    }
    await options.afterPlacement?.(row.id);
  }
  if (retryLater) throw retryLater;
  return outcome;
}
