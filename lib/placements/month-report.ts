// The monthly placements report (issue 17, part 6): for one month in the agency's calendar, its
// placements by status, those missing an erid or a Roskomnadzor registration (the gate's own rules,
// ./check-rules.ts, on each planned date), and the ОРД statistics due and sent, with the deadline.
//
// A placement belongs to the month of its publication day, or of its planned day while unpublished.
// Statistics are due for a month from Russian-audience placements published in it; "sent" is a
// PlacementMonthStat row with sentAt. Clicks are the tracked link's counted clicks of the month
// (ClickDaily, on the agency's local days). Decisions: docs/placements.md, "Monthly report".
import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import type { TenantDb, TenantTx } from "@/lib/db/tenant-client";
import type { PlacementStatus } from "@/lib/db/generated/enums";
import { localDate } from "@/lib/kernel/time-zone";
import { statisticsDueOn } from "@/lib/kernel/statistics-deadline";
import { channelSelect, withChannelFacts } from "./channel-facts";
import { checkPlacement } from "./check-rules";
import { monthDays } from "./month";
import { loadPlatformRules } from "./platform-rules";
import { placementStatuses } from "./state-machine";

export type ReportRow = {
  id: string;
  brandName: string;
  creatorName: string;
  platform: string;
  audienceMarket: string;
  status: PlacementStatus;
  plannedOn: Date;
  publishedOn: Date | null;
  erid: string | null;
  missingErid: boolean;
  missingRegistration: boolean;
  statsDue: boolean;
  statsSent: boolean;
  impressions: number | null;
  clicks: number;
  /** The ОРД statistics job's state for the month (lib/ord/send-statistics.ts); null when never sent by it. */
  ordState: "pending" | "sent" | "verified" | "bad" | "exported" | null;
};

export type MonthReport = {
  month: string;
  dueOn: string;
  daysLeft: number;
  byStatus: Record<PlacementStatus, number>;
  total: number;
  missingErid: number;
  missingRegistration: number;
  due: number;
  sent: number;
  rows: ReportRow[];
};

const DAY_MS = 86_400_000;

/** Rows of the month, in the caller's scope (a staff context or the deadline job's tenant scope). */
export async function monthReportRows(db: TenantDb | TenantTx, tenantId: string, month: string): Promise<ReportRow[]> {
  const { first, last } = monthDays(month);
  const placements = await db.placement.findMany({
    where: { OR: [{ publishedOn: { gte: first, lte: last } }, { publishedOn: null, plannedOn: { gte: first, lte: last } }] },
    include: { brand: { select: { name: true } }, monthStats: { where: { month: first } }, ordReports: { where: { month: first }, select: { state: true } }, ...channelSelect },
    orderBy: [{ plannedOn: "asc" }, { id: "asc" }],
  });
  const rules = await loadPlatformRules(db);
  const linkIds = [...new Set(placements.map((p) => p.trackedLinkId).filter((x): x is string => !!x))];
  const clicks = new Map<string, number>();
  if (linkIds.length) {
    const rows = await db.$queryRaw<{ linkId: string; clicks: bigint }[]>`
      SELECT "linkId", sum("clicks")::bigint AS "clicks" FROM "ClickDaily"
      WHERE "tenantId" = ${tenantId} AND "linkId" = ANY(${linkIds}) AND "day" BETWEEN ${first} AND ${last}
      GROUP BY "linkId"`;
    for (const r of rows) clicks.set(r.linkId, Number(r.clicks));
  }
  return placements.map((p) => {
    const broken = checkPlacement(rules, withChannelFacts(p)).map((v) => v.rule.kind);
    const stat = p.monthStats[0] ?? null;
    const published = p.publishedOn !== null && p.publishedOn >= first && p.publishedOn <= last;
    return {
      id: p.id, brandName: p.brand.name, creatorName: p.creatorName, platform: p.platform, audienceMarket: p.audienceMarket,
      status: p.status, plannedOn: p.plannedOn, publishedOn: p.publishedOn, erid: p.erid,
      missingErid: broken.includes("erid_required"),
      missingRegistration: broken.includes("registry_above_threshold"),
      statsDue: published && p.audienceMarket === "RU",
      statsSent: stat?.sentAt != null,
      impressions: stat?.impressions ?? null,
      clicks: p.trackedLinkId ? (clicks.get(p.trackedLinkId) ?? 0) : 0,
      ordState: p.ordReports[0]?.state ?? null,
    };
  });
}

/** Due date (lib/kernel/statistics-deadline.ts) and whole days left from the agency's today (negative when late). */
export function deadlineOf(month: string, now: Date, timeZone: string): { dueOn: string; daysLeft: number } {
  const dueOn = statisticsDueOn(month);
  const today = localDate(now, timeZone);
  return { dueOn, daysLeft: Math.round((Date.parse(dueOn) - Date.parse(today)) / DAY_MS) };
}

export async function placementMonthReport(ctx: TenantContext, month: string, now = new Date()): Promise<MonthReport> {
  assertCan(ctx, "referrals:read");
  const rows = await monthReportRows(ctx.db, ctx.tenantId, month);
  const byStatus = Object.fromEntries(placementStatuses.map((s) => [s, rows.filter((r) => r.status === s).length])) as Record<PlacementStatus, number>;
  return {
    month, ...deadlineOf(month, now, ctx.timeZone), byStatus, total: rows.length,
    missingErid: rows.filter((r) => r.missingErid).length,
    missingRegistration: rows.filter((r) => r.missingRegistration).length,
    due: rows.filter((r) => r.statsDue).length,
    sent: rows.filter((r) => r.statsDue && r.statsSent).length,
    rows,
  };
}
