// The funnel's days are the agency's local days (issue 15, part 3; migration
// 20261206181000_rollups_local_days). An America/New_York agency and a Europe/Moscow one get clicks
// (through the real click writer), referrals (submitted, qualified and won), lead events, customers
// and revenue at 23:30 / 00:30 local and on New York's DST switch days (2026-03-08: 23 hours;
// 2026-11-01: 25 hours). Checked:
//   - every rollup (ClickDaily, FunnelDaily, FunnelDailyProgram, LtvDaily) puts each on the local day
//     written by hand below (and lib/kernel/time-zone agrees);
//   - the trigger-kept rollups equal their rebuilds (click_daily_rebuild, funnel_daily_rebuild,
//     funnel_program_rebuild, ltv_daily_rebuild);
//   - for a day-range filter the rollup answers equal the raw-table ones (drill-down counts, raw
//     clicks, the LTV oracle), the raw side bounded by the local day's real start and end;
//   - "today" at 23:59 and at 00:01 local;
//   - changing the agency's zone queues the re-key in the same transaction; until the job runs the
//     rollups stay consistent in the old zone; the job re-keys everything (a kept pre-retention
//     ClickDaily day included) and a second run changes nothing;
//   - a trigger that keys by the UTC date (the old `::date`) is caught by the same checks.
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { JobHelpers, Task } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { resolveTenantContext, type TenantContext } from "@/lib/auth/contexts/tenant";
import { makeTasks } from "@/lib/jobs/tasks";
import { clickRows } from "@/lib/funnel/drilldown";
import { getLtvReport } from "@/lib/funnel/ltv";
import { getLtvReportFromRaw } from "@/lib/funnel/ltv-raw";
import { parseFunnelParams, presetRange } from "@/lib/funnel/params";
import { funnelScopeForTenant, getFunnelSeries, getFunnelSummary, listClickRows, listCustomers, listEvents, listStageReferrals } from "@/lib/funnel/queries";
import { changeTenantTimeZone, REKEY_TASK } from "@/lib/funnel/time-zone-change";
import { listLinks } from "@/lib/links/list-links";
import type { LinkListQuery } from "@/lib/links/schemas";
import type { FunnelFilter, FunnelScope } from "@/lib/funnel/types";
import { addDays, localDate } from "@/lib/kernel/time-zone";
import { ClickWriter } from "@/lib/tracking/click-store";
import type { ClickRow } from "@/lib/tracking/types";
import { newClickId } from "@/lib/tracking/visitor";
import { createTenantFixture, prisma } from "../helpers/db";
import { partnerIn, programIn } from "../helpers/partner-fixtures";

// The job's task list reaches modules marked server-only (as in click-partitions.test.ts).
vi.mock("server-only", () => ({}));

const NY = "America/New_York";
const MSK = "Europe/Moscow";

/** Each instant and the local date it belongs to, worked out by hand. */
type Case = { at: string; day: string; note: string };
const CASES: Record<typeof NY | typeof MSK, Case[]> = {
  [NY]: [
    { at: "2026-03-08T04:30:00Z", day: "2026-03-07", note: "23:30 EST, the evening before spring-forward" },
    { at: "2026-03-08T05:30:00Z", day: "2026-03-08", note: "00:30 EST on the switch day" },
    { at: "2026-03-08T06:59:00Z", day: "2026-03-08", note: "01:59 EST, a minute before the clocks jump" },
    { at: "2026-03-08T07:00:00Z", day: "2026-03-08", note: "03:00 EDT" },
    { at: "2026-03-09T03:30:00Z", day: "2026-03-08", note: "23:30 EDT, the end of the 23-hour day" },
    { at: "2026-03-09T04:30:00Z", day: "2026-03-09", note: "00:30 EDT" },
    { at: "2026-11-01T03:30:00Z", day: "2026-10-31", note: "23:30 EDT before fall-back" },
    { at: "2026-11-01T04:30:00Z", day: "2026-11-01", note: "00:30 EDT on the switch day" },
    { at: "2026-11-01T05:30:00Z", day: "2026-11-01", note: "01:30 EDT, the first one" },
    { at: "2026-11-01T06:30:00Z", day: "2026-11-01", note: "01:30 EST, the second one" },
    { at: "2026-11-02T04:30:00Z", day: "2026-11-01", note: "23:30 EST, the end of the 25-hour day" },
    { at: "2026-11-02T05:30:00Z", day: "2026-11-02", note: "00:30 EST" },
  ],
  [MSK]: [
    { at: "2026-03-07T20:30:00Z", day: "2026-03-07", note: "23:30 MSK" },
    { at: "2026-03-07T21:30:00Z", day: "2026-03-08", note: "00:30 MSK (still 03-07 in UTC)" },
    { at: "2026-10-31T20:59:00Z", day: "2026-10-31", note: "23:59 MSK" },
    { at: "2026-10-31T21:01:00Z", day: "2026-11-01", note: "00:01 MSK" },
    { at: "2026-11-01T20:30:00Z", day: "2026-11-01", note: "23:30 MSK" },
  ],
};

const midnight = (day: string) => new Date(`${day}T00:00:00Z`);
const dayFilter = (from: string, toExclusive: string, basis: FunnelFilter["basis"] = "period"): FunnelFilter => ({ from: midnight(from), to: midnight(toExclusive), basis });
const amountOf = (i: number) => 100 * (i + 1);

type Agency = { tenantId: string; ctx: TenantContext; linkId: string; partnerId: string; programId: string; cases: Case[] };

let pool: pg.Pool;
const agencies = new Map<string, Agency>();

/** A tenant in `zone` (set before any data, so nothing needs re-keying) with one partner, program and link. */
async function agencyIn(zone: string, cases: Case[]): Promise<Agency> {
  const fixture = await createTenantFixture(`Local days ${zone}`);
  await prisma.$executeRaw`UPDATE "Tenant" SET "timeZone" = ${zone}, "rollupTimeZone" = ${zone} WHERE "id" = ${fixture.tenantId}`;
  const ctx = await resolveTenantContext(fixture.userId, fixture.slug);
  if (!ctx) throw new Error("no context");
  const program = await programIn(fixture.tenantId);
  const partner = await partnerIn(fixture.tenantId, "active");
  const link = await prisma.trackedLink.create({
    data: {
      tenantId: fixture.tenantId, partnerId: partner.id, programId: program.id, code: `ld${randomBytes(5).toString("hex")}`,
      destinationUrl: "https://example.com/", sourceMarket: "RU", targetMarket: "US",
    },
  });
  return { tenantId: fixture.tenantId, ctx, linkId: link.id, partnerId: partner.id, programId: program.id, cases };
}

/** At each case's instant: a counted click (the real writer), a won referral (submitted, qualified and closed then), its customer with a revenue event, and a lead event without a referral. */
async function writeActivity(a: Agency) {
  const writer = new ClickWriter({ db: pool, intervalMs: 60_000 });
  for (const [i, c] of a.cases.entries()) {
    const click: ClickRow = {
      id: newClickId(), tenantId: a.tenantId, linkId: a.linkId, partnerId: a.partnerId, programId: a.programId, opportunityId: null,
      sourceMarket: "RU", targetMarket: "US", occurredAt: Date.parse(c.at), country: null, referrerHost: null, device: "desktop",
      visitorHash: `v${i}`, isBot: false, repeatOfId: null,
    };
    writer.add(click);
    const at = new Date(c.at);
    const referral = await prisma.referral.create({
      data: {
        tenantId: a.tenantId, programId: a.programId, partnerId: a.partnerId, kind: "brand", subjectName: `Subject ${i}`,
        sourceMarket: "RU", targetMarket: "US", status: "won", submittedAt: at, qualifiedAt: at, closedAt: at,
      },
    });
    const customer = await prisma.customer.create({
      data: {
        tenantId: a.tenantId, externalId: `cust-${i}`, source: "referral", referralId: referral.id, partnerId: a.partnerId,
        programId: a.programId, sourceMarket: "RU", targetMarket: "US", firstSeenAt: at,
      },
    });
    const event = { tenantId: a.tenantId, source: "api" as const, payloadHash: "h", occurredAt: at, partnerId: a.partnerId, programId: a.programId, sourceMarket: "RU" as const, targetMarket: "US" as const };
    await prisma.conversionEvent.create({
      data: {
        ...event, type: "revenue", idempotencyKey: `rev-${i}`, amountMinor: BigInt(amountOf(i)), currency: "USD",
        reportingAmountMinor: BigInt(amountOf(i)), reportingCurrency: "USD", customerId: customer.id, referralId: referral.id,
      },
    });
    await prisma.conversionEvent.create({ data: { ...event, type: "lead", idempotencyKey: `lead-${i}`, externalCustomerId: `lead-${i}` } });
  }
  await writer.close();
}

// ---------------------------------------------------------------- what the rollups say per day

type PerDay = Record<string, string>;

/** Per day: "clicks/referrals/qualified/closes/leads/revenue/cohortReferrals/cohortRevenue" from FunnelDaily (or FunnelDailyProgram). */
async function funnelByDay(db: Db, table: "FunnelDaily" | "FunnelDailyProgram", tenantId: string): Promise<PerDay> {
  const rows = await db.$queryRawUnsafe<{ day: string; v: string }[]>(`
    SELECT to_char("day", 'YYYY-MM-DD') AS day, concat_ws('/', SUM("clicks"), SUM("referrals"), SUM("qualified"), SUM("closes"), SUM("leads"),
      SUM("revenueMinor"), SUM("cohortCloses"), SUM("cohortRevenueMinor")) AS v
    FROM "${table}" WHERE "tenantId" = $1 GROUP BY 1 HAVING SUM(abs("clicks") + abs("referrals") + abs("leads") + abs("revenueMinor") + abs("cohortRevenueMinor")) > 0 ORDER BY 1`, tenantId);
  return Object.fromEntries(rows.map((r) => [r.day, r.v]));
}
async function clicksByDay(db: Db, tenantId: string): Promise<PerDay> {
  const rows = await db.$queryRaw<{ day: string; v: string }[]>`
    SELECT to_char("day", 'YYYY-MM-DD') AS day, SUM("clicks")::text AS v FROM "ClickDaily" WHERE "tenantId" = ${tenantId} GROUP BY 1 ORDER BY 1`;
  return Object.fromEntries(rows.map((r) => [r.day, r.v]));
}
async function ltvByDay(db: Db, tenantId: string): Promise<PerDay> {
  const rows = await db.$queryRaw<{ day: string; v: string }[]>`
    SELECT to_char("firstSeenDay", 'YYYY-MM-DD') AS day, concat_ws('/', SUM("customers"), SUM("revenueMinor")) AS v
    FROM "LtvDaily" WHERE "tenantId" = ${tenantId} GROUP BY 1 HAVING SUM(abs("customers") + abs("revenueMinor")) > 0 ORDER BY 1`;
  return Object.fromEntries(rows.map((r) => [r.day, r.v]));
}

/** What the rollups must say when the cases are keyed by `dayOf`. */
function expected(cases: Case[], dayOf: (c: Case) => string, keptClicks: Record<string, number> = {}) {
  const funnel = new Map<string, number[]>(Object.entries(keptClicks).map(([d, n]) => [d, [n, 0, 0, 0, 0, 0, 0, 0]]));
  const clicks: PerDay = Object.fromEntries(Object.entries(keptClicks).map(([d, n]) => [d, String(n)]));
  const ltv = new Map<string, number[]>();
  for (const [i, c] of cases.entries()) {
    const d = dayOf(c);
    const f = funnel.get(d) ?? [0, 0, 0, 0, 0, 0, 0, 0];
    // Everything of a case happens at one instant: period and cohort counters land on the same day.
    [1, 1, 1, 1, 1, amountOf(i), 1, amountOf(i)].forEach((v, k) => (f[k] += v));
    funnel.set(d, f);
    clicks[d] = String(Number(clicks[d] ?? 0) + 1);
    const l = ltv.get(d) ?? [0, 0];
    l[0] += 1;
    l[1] += amountOf(i);
    ltv.set(d, l);
  }
  const sorted = (m: Map<string, number[]>) => Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)).map(([d, v]) => [d, v.join("/")]));
  return { funnel: sorted(funnel), clicks: Object.fromEntries(Object.entries(clicks).sort(([a], [b]) => a.localeCompare(b))), ltv: sorted(ltv) };
}

type Db = Pick<typeof prisma, "$queryRaw" | "$queryRawUnsafe" | "$executeRaw" | "$executeRawUnsafe">;

async function expectDays(a: Agency, dayOf: (c: Case) => string, keptClicks: Record<string, number> = {}) {
  const want = expected(a.cases, dayOf, keptClicks);
  expect(await clicksByDay(prisma, a.tenantId), "ClickDaily").toEqual(want.clicks);
  expect(await funnelByDay(prisma, "FunnelDaily", a.tenantId), "FunnelDaily").toEqual(want.funnel);
  expect(await funnelByDay(prisma, "FunnelDailyProgram", a.tenantId), "FunnelDailyProgram").toEqual(want.funnel);
  expect(await ltvByDay(prisma, a.tenantId), "LtvDaily").toEqual(want.ltv);
}

// ---------------------------------------------------------------- trigger-kept = rebuilt

/** Every rollup row of the tenant (non-zero), as lines, per table. */
async function snapshot(db: Db, tenantId: string): Promise<Record<string, string[]>> {
  const lines = async (table: string, zeroTest: string) =>
    (await db.$queryRawUnsafe<{ line: string }[]>(`SELECT (t.*)::text AS line FROM "${table}" t WHERE "tenantId" = $1 AND (${zeroTest}) ORDER BY 1`, tenantId)).map((r) => r.line);
  return {
    ClickDaily: await lines("ClickDaily", `"clicks" + "repeats" + "bots" <> 0`),
    FunnelDaily: await lines("FunnelDaily", `abs("clicks") + abs("referrals") + abs("qualified") + abs("closes") + abs("leads") + abs("eventCloses") + abs("revenueMinor") + abs("revenueEvents") + abs("missingFxEvents") + abs("cohortQualified") + abs("cohortCloses") + abs("cohortRevenueMinor") + abs("cohortRevenueEvents") + abs("cohortMissingFx") <> 0`),
    FunnelDailyProgram: await lines("FunnelDailyProgram", `abs("clicks") + abs("referrals") + abs("qualified") + abs("closes") + abs("leads") + abs("eventCloses") + abs("revenueMinor") + abs("revenueEvents") + abs("missingFxEvents") + abs("cohortQualified") + abs("cohortCloses") + abs("cohortRevenueMinor") + abs("cohortRevenueEvents") + abs("cohortMissingFx") <> 0`),
    LtvDaily: await lines("LtvDaily", `abs("customers") + abs("revenueMinor") + abs("revenueEvents") + abs("missingFxEvents") <> 0`),
  };
}

/** Inside `db`'s transaction: the rollups as kept, then as rebuilt from the raw tables (the caller rolls back). */
async function keptAndRebuilt(db: Db, tenantId: string) {
  const kept = await snapshot(db, tenantId);
  await db.$executeRaw`SELECT click_daily_rebuild(${tenantId})`;
  await db.$executeRaw`SELECT funnel_daily_rebuild(${tenantId})`;
  await db.$executeRaw`SELECT funnel_program_rebuild(${tenantId})`;
  await db.$executeRaw`SELECT ltv_daily_rebuild(${tenantId})`;
  return { kept, rebuilt: await snapshot(db, tenantId) };
}

class Rollback extends Error {}
async function rolledBack<T>(work: (tx: Db) => Promise<T>): Promise<T> {
  let result: T | undefined;
  await prisma
    .$transaction(async (tx) => {
      result = await work(tx);
      throw new Rollback();
    })
    .catch((err: unknown) => {
      if (!(err instanceof Rollback)) throw err;
    });
  return result as T;
}

async function expectConsistent(tenantId: string) {
  const { kept, rebuilt } = await rolledBack((tx) => keptAndRebuilt(tx, tenantId));
  expect(kept.FunnelDaily.length).toBeGreaterThan(0);
  expect(kept).toEqual(rebuilt);
}

// ---------------------------------------------------------------- rollup = raw, for a day range

async function expectRollupEqualsRaw(scope: FunnelScope, filter: FunnelFilter, expectedReferrals: number) {
  const summary = await getFunnelSummary(scope, filter);
  expect(summary.totals.referrals).toBe(expectedReferrals);
  const page = { page: 1, pageSize: 500 };
  // Drill-downs count raw rows between the local day's real bounds.
  expect((await listStageReferrals(scope, filter, "referrals", page)).total).toBe(summary.totals.referrals);
  expect((await listStageReferrals(scope, filter, "qualified", page)).total).toBe(summary.totals.qualified); // referrals + lead events
  expect((await listStageReferrals(scope, filter, "closes", page)).total).toBe(summary.totals.closes);
  const clicks = await listClickRows(scope, filter, page); // total from ClickDaily, rows from Click
  expect(clicks.rows.length).toBe(clicks.total);
  expect(clicks.total).toBe(summary.totals.clicks);
  expect((await clickRows(scope, filter, { limit: 500, offset: 0 })).length).toBe(summary.totals.clicks);
  const events = await listEvents(scope, filter, page, "revenue");
  expect(events.rows.reduce((n, e) => n + Number(e.reportingAmountMinor ?? 0), 0)).toBe(Number(summary.totals.revenue.minor));
  const customers = await listCustomers(scope, filter, page);
  const ltv = await getLtvReport(scope, filter);
  expect(customers.total).toBe(ltv.referral.customers + ltv.direct.customers);
  expect(ltv).toEqual(await getLtvReportFromRaw(scope, filter));
}

// ---------------------------------------------------------------- the tests

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  for (const zone of [NY, MSK] as const) {
    const a = await agencyIn(zone, CASES[zone]);
    await writeActivity(a);
    agencies.set(zone, a);
  }
});
afterAll(() => pool.end());

describe("the funnel's days in the agency's zone", () => {
  it("the hand-written local days are the zone rules' (lib/kernel/time-zone)", () => {
    for (const zone of [NY, MSK] as const) {
      for (const c of CASES[zone]) expect(localDate(new Date(c.at), zone), `${zone} ${c.note}`).toBe(c.day);
    }
  });

  it("a tenant created in a zone has its rollups keyed in it from the start", async () => {
    const t = await prisma.tenant.create({ data: { slug: `tz-${randomBytes(4).toString("hex")}`, name: "Tokyo", timeZone: "Asia/Tokyo" } });
    expect(t.rollupTimeZone).toBe("Asia/Tokyo");
    await prisma.tenant.delete({ where: { id: t.id } });
  });

  for (const zone of [NY, MSK] as const) {
    describe(zone, () => {
      it("puts clicks, referrals, events, cohorts and customers on their local days in every rollup", async () => {
        await expectDays(agencies.get(zone)!, (c) => c.day);
      });

      it("keeps the rollups equal to their rebuilds", async () => {
        await expectConsistent(agencies.get(zone)!.tenantId);
      });

      it("answers a day range from the rollups exactly as the raw tables do", async () => {
        const a = agencies.get(zone)!;
        const scope = funnelScopeForTenant(a.ctx);
        expect(scope.timeZone).toBe(zone);
        const count = (from: string, to: string) => a.cases.filter((c) => c.day >= from && c.day < to).length;
        for (const [from, to] of [["2026-03-08", "2026-03-09"], ["2026-11-01", "2026-11-02"], ["2026-03-07", "2026-03-09"], ["2026-10-31", "2026-11-03"], ["2026-03-01", "2026-11-30"]]) {
          await expectRollupEqualsRaw(scope, dayFilter(from, to), count(from, to));
          await expectRollupEqualsRaw(scope, dayFilter(from, to, "cohort"), count(from, to));
        }
        // The series has one point per local day (the 23- and 25-hour days too).
        const series = await getFunnelSeries(scope, dayFilter("2026-10-31", "2026-11-03"));
        expect(series.map((p) => [p.day, p.referrals])).toEqual(["2026-10-31", "2026-11-01", "2026-11-02"].map((d) => [d, count(d, addDays(d, 1))]));
        // Cohort months are local months: the LTV report's months come from LtvDaily's local days.
        const ltv = await getLtvReport(scope, dayFilter("2026-03-01", "2026-12-01"));
        expect(ltv.byCohortMonth.map((m) => [m.month, m.customers])).toEqual(
          [...new Set(a.cases.map((c) => c.day.slice(0, 7)))].sort().map((m) => [m, a.cases.filter((c) => c.day.startsWith(m)).length]),
        );
      });
    });
  }

  it("'today' is the local date: 23:59 is still the day, 00:01 the next", async () => {
    const a = agencies.get(NY)!;
    const scope = funnelScopeForTenant(a.ctx);
    const late = new Date("2026-03-09T03:59:00Z"); // 23:59 EDT on 2026-03-08
    const early = new Date("2026-03-09T04:01:00Z"); // 00:01 EDT on 2026-03-09
    expect(parseFunnelParams({}, late, NY).view.to).toBe("2026-03-08");
    expect(parseFunnelParams({}, early, NY).view.to).toBe("2026-03-09");
    expect(parseFunnelParams({ period: "month" }, late, NY).view.from).toBe("2026-03-01");
    // The same instants in UTC are already the 9th.
    expect(parseFunnelParams({}, late).view.to).toBe("2026-03-09");
    const today = async (now: Date) => {
      const { to } = presetRange("7d", now, scope.timeZone);
      return (await getFunnelSummary(scope, { from: new Date(to.getTime() - 86_400_000), to, basis: "period" })).totals.referrals;
    };
    expect(await today(late)).toBe(4); // 00:30 EST, 01:59 EST, 03:00 EDT, 23:30 EDT
    expect(await today(early)).toBe(1); // 00:30 EDT
    // Moscow: 23:59 and 00:01 on the night of 31 October.
    const m = agencies.get(MSK)!;
    expect(presetRange("7d", new Date("2026-10-31T20:59:00Z"), MSK).to).toEqual(midnight("2026-11-01"));
    expect(presetRange("7d", new Date("2026-10-31T21:01:00Z"), MSK).to).toEqual(midnight("2026-11-02"));
    expect((await getFunnelSummary(funnelScopeForTenant(m.ctx), dayFilter("2026-10-31", "2026-11-01"))).totals.referrals).toBe(1);
    // The link list's "clicks in the last 30 days" ends on the local today too: the two clicks of
    // 1 November (Moscow) are in at 23:30 on 30 November and out at 00:30 on 1 December.
    const clicks30d = async (now: Date) => (await listLinks(m.ctx, { status: "all", page: 1 } as LinkListQuery, now)).items.find((l) => l.id === m.linkId)?.clicks30d;
    expect(await clicks30d(new Date("2026-11-30T20:30:00Z"))).toBe(2);
    expect(await clicks30d(new Date("2026-11-30T21:30:00Z"))).toBe(0);
  });

  it("a change of the agency's zone queues the re-key with it; the job re-keys everything, and again changes nothing", async () => {
    const a = agencies.get(NY)!;
    // A day counted from clicks that retention has since deleted: kept as it is, never re-keyed.
    await prisma.clickDaily.create({
      data: { tenantId: a.tenantId, day: midnight("2025-06-01"), linkId: a.linkId, partnerId: a.partnerId, programId: a.programId, sourceMarket: "RU", targetMarket: "US", clicks: 7 },
    });
    await expectConsistent(a.tenantId);

    const jobs = () => prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = ${REKEY_TASK} AND key = ${`funnel-rekey:${a.tenantId}`}`.then((r) => r[0].n);
    // A failing transaction takes the change and its job with it.
    await expect(a.ctx.db.$transaction(async (tx) => {
      await changeTenantTimeZone(tx, a.tenantId, MSK);
      throw new Error("later step failed");
    })).rejects.toThrow("later step failed");
    expect(await jobs()).toBe(0);
    await expect(a.ctx.db.$transaction((tx) => changeTenantTimeZone(tx, a.tenantId, "Mars/Olympus"))).rejects.toThrow();

    const result = await a.ctx.db.$transaction((tx) => changeTenantTimeZone(tx, a.tenantId, "europe/moscow"));
    expect(result).toEqual({ timeZone: MSK, rekeyQueued: true });
    expect(await jobs()).toBe(1);
    const zones = () => prisma.tenant.findUniqueOrThrow({ where: { id: a.tenantId }, select: { timeZone: true, rollupTimeZone: true } });
    expect(await zones()).toEqual({ timeZone: MSK, rollupTimeZone: NY });

    // Until the job has run: still New York days, still consistent, also after a new write.
    await prisma.referral.create({
      data: {
        tenantId: a.tenantId, programId: a.programId, partnerId: a.partnerId, kind: "brand", subjectName: "During the change",
        sourceMarket: "RU", targetMarket: "US", status: "submitted", submittedAt: new Date("2026-06-15T02:00:00Z"),
      },
    });
    expect((await funnelByDay(prisma, "FunnelDaily", a.tenantId))["2026-06-14"]).toBe("0/1/0/0/0/0/0/0");
    await expectConsistent(a.tenantId);

    const task = makeTasks(() => false)[REKEY_TASK] as Task;
    await task({ tenantId: a.tenantId }, {} as JobHelpers);
    expect(await zones()).toEqual({ timeZone: MSK, rollupTimeZone: MSK });
    await prisma.referral.deleteMany({ where: { tenantId: a.tenantId, subjectName: "During the change" } });
    const kept = { "2025-06-01": 7 };
    await expectDays(a, (c) => localDate(new Date(c.at), MSK), kept);
    expect(a.cases.some((c) => localDate(new Date(c.at), MSK) !== c.day)).toBe(true); // the re-key moved rows
    await expectConsistent(a.tenantId);
    const ctx = await resolveTenantContext(a.ctx.userId, a.ctx.slug);
    const scope = funnelScopeForTenant(ctx!);
    expect(scope.timeZone).toBe(MSK);
    const inMoscow = (from: string, to: string) => a.cases.filter((c) => localDate(new Date(c.at), MSK) >= from && localDate(new Date(c.at), MSK) < to).length;
    for (const [from, to] of [["2026-03-08", "2026-03-09"], ["2026-11-01", "2026-11-02"], ["2026-11-02", "2026-11-03"]]) {
      await expectRollupEqualsRaw(scope, dayFilter(from, to), inMoscow(from, to));
    }

    // Killed and run again, or run twice: the same rows.
    const before = await snapshot(prisma, a.tenantId);
    await task({ tenantId: a.tenantId }, {} as JobHelpers);
    expect(await snapshot(prisma, a.tenantId)).toEqual(before);
    // Setting the zone it already has queues nothing.
    expect(await ctx!.db.$transaction((tx) => changeTenantTimeZone(tx, a.tenantId, MSK))).toEqual({ timeZone: MSK, rekeyQueued: false });
  });

  it("the daily rollup check queues the re-key of a tenant whose rollups are not in its zone (a lost job, a zone set by hand)", async () => {
    const t = await createTenantFixture("Zone set by hand");
    await prisma.$executeRaw`UPDATE "Tenant" SET "timeZone" = 'Asia/Tokyo' WHERE "id" = ${t.tenantId}`;
    const queued = () => prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = ${REKEY_TASK} AND key = ${`funnel-rekey:${t.tenantId}`}`.then((r) => r[0].n);
    expect(await queued()).toBe(0);
    await (makeTasks(() => false)["funnel:rollup-check"] as Task)({}, {} as JobHelpers);
    expect(await queued()).toBe(1);
  });

  it("catches a trigger that keys by the UTC date (mutation check)", async () => {
    const m = agencies.get(MSK)!;
    const problems = await rolledBack(async (tx) => {
      const [{ def }] = await tx.$queryRaw<{ def: string }[]>`
        SELECT pg_get_functiondef(p.oid) AS def FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = current_schema() AND p.proname = 'funnel_daily_referral'`;
      const broken = def.replaceAll(`twoway_local_day(r."submittedAt", tz)`, `r."submittedAt"::date`);
      expect(broken).not.toBe(def);
      await tx.$executeRawUnsafe(broken);
      // 00:30 in Moscow is still the previous day in UTC.
      await (tx as unknown as typeof prisma).referral.create({
        data: {
          tenantId: m.tenantId, programId: m.programId, partnerId: m.partnerId, kind: "brand", subjectName: "Mutant",
          sourceMarket: "RU", targetMarket: "US", status: "submitted", submittedAt: new Date("2026-05-19T21:30:00Z"),
        },
      });
      const perDay = await funnelByDay(tx, "FunnelDaily", m.tenantId);
      const { kept, rebuilt } = await keptAndRebuilt(tx, m.tenantId);
      return { perDay, same: JSON.stringify(kept) === JSON.stringify(rebuilt) };
    });
    expect(problems.perDay["2026-05-19"]).toBe("0/1/0/0/0/0/0/0"); // the UTC date: wrong
    expect(problems.same).toBe(false); // and the consistency check sees it
    // Rolled back: the real trigger is in place again.
    await expectConsistent(m.tenantId);
  });
});
