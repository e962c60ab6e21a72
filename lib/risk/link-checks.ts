// Rules judged per link and local day (the agency's rollup zone) from the ClickDaily rollup (never the raw clicks): a click spike
// (the day's counted clicks at least `threshold` % of the link's average day over the 7 days before,
// and at least `minClicks`) and a bot ratio (bots at least `threshold` % of the day's requests, with
// at least `minClicks` requests). A hit holds the partner's unpaid commissions of that link's program.
import type { TenantTx } from "@/lib/db/tenant-client";
import { isOn, type RiskRuleBook } from "./rules";
import type { RiskFinding } from "./types";

type DayRow = { linkId: string; partnerId: string; programId: string; clicks: number; repeats: number; bots: number; previous: number };

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export async function linkFindings(tx: TenantTx, tenantId: string, book: RiskRuleBook, day: Date): Promise<RiskFinding[]> {
  const spike = book.get("click_spike")!;
  const bots = book.get("bot_ratio")!;
  if (!isOn(book, "click_spike") && !isOn(book, "bot_ratio")) return [];
  const dayText = isoDay(day);
  // Raw SQL is not tenant-scoped: the tenant is in both WHERE clauses.
  const rows = await tx.$queryRaw<DayRow[]>`
    SELECT d."linkId", d."partnerId", d."programId", d.clicks, d.repeats, d.bots,
      COALESCE((SELECT sum(p.clicks) FROM "ClickDaily" p
        WHERE p."tenantId" = d."tenantId" AND p."linkId" = d."linkId"
          AND p.day >= ${dayText}::date - 7 AND p.day < ${dayText}::date), 0)::int AS previous
    FROM "ClickDaily" d
    WHERE d."tenantId" = ${tenantId} AND d.day = ${dayText}::date`;
  const findings: RiskFinding[] = [];
  for (const r of rows) {
    const subjectKey = `${r.linkId}|${dayText}`;
    const base = { partnerId: r.partnerId, subjectKey, hold: { programId: r.programId } };
    const average = r.previous / 7;
    if (isOn(book, "click_spike") && r.clicks >= (spike.minClicks ?? 0) && r.clicks * 100 >= (spike.threshold ?? 0) * Math.max(average, 1)) {
      findings.push({
        ...base, kind: "click_spike", severity: spike.severity,
        details: { linkId: r.linkId, day: dayText, clicks: r.clicks, averageClicks: Math.round(average * 10) / 10 },
      });
    }
    const requests = r.clicks + r.repeats + r.bots;
    if (isOn(book, "bot_ratio") && requests >= (bots.minClicks ?? 0) && requests > 0 && r.bots * 100 >= (bots.threshold ?? 0) * requests) {
      findings.push({
        ...base, kind: "bot_ratio", severity: bots.severity,
        details: { linkId: r.linkId, day: dayText, bots: r.bots, requests, percent: Math.round((r.bots * 1000) / requests) / 10 },
      });
    }
  }
  return findings;
}
