// Tenants never see each other's funnel; a partner sees only their own rows and cannot widen
// the scope through the filter. Fixture: tests/helpers/funnel-fixture.ts (tenant B has 100 clicks,
// one won referral, one RUB revenue event of 777700 and one lead event, all on the same days as A).
import { beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/kernel/errors";
import {
  exportFunnelTable, funnelScopeForPartner, funnelScopeForTenant, getFunnelSeries, getFunnelSplit, getFunnelSummary, getLeaderboard,
  getLtvReport, listClickRows, listCustomers, listEvents, listStageReferrals,
} from "@/lib/funnel/queries";
import type { FunnelFilter, FunnelScope } from "@/lib/funnel/types";
import { createFunnelFixture, RANGE, type FunnelFixture } from "../helpers/funnel-fixture";

let f: FunnelFixture;
let scopeA: FunnelScope;
let scopeB: FunnelScope;
const period: FunnelFilter = { ...RANGE, basis: "period" };
const cohort: FunnelFilter = { ...RANGE, basis: "cohort" };
const page = { page: 1, pageSize: 500 };

/** Every drill-down row id the scope can see under the filter. */
async function visibleIds(scope: FunnelScope, filter: FunnelFilter) {
  const [clicks, refs, qualified, closes, customers, events] = await Promise.all([
    listClickRows(scope, filter, page, { includeExcluded: true }),
    listStageReferrals(scope, filter, "referrals", page),
    listStageReferrals(scope, filter, "qualified", page),
    listStageReferrals(scope, filter, "closes", page),
    listCustomers(scope, filter, page),
    listEvents(scope, filter, page),
  ]);
  return {
    clicks, stage: [...refs.rows, ...qualified.rows, ...closes.rows], customers, events,
    partnerIds: new Set([
      ...clicks.rows.map((r) => r.partnerId), ...refs.rows.map((r) => r.partnerId), ...qualified.rows.map((r) => r.partnerId),
      ...closes.rows.map((r) => r.partnerId), ...customers.rows.map((r) => r.partnerId), ...events.rows.map((r) => r.partnerId),
    ]),
  };
}

beforeAll(async () => {
  f = await createFunnelFixture();
  scopeA = funnelScopeForTenant(f.a.staff);
  scopeB = funnelScopeForTenant(f.b.staff);
});

describe("between tenants", () => {
  it("B sees only its own numbers, in its own reporting currency", async () => {
    const s = await getFunnelSummary(scopeB, period);
    // B: 100 clicks, 1 referral, qualified RB + the lead event = 2, 1 close, 777700 RUB
    expect(s.totals).toEqual({
      clicks: 100, referrals: 1, qualified: 2, closes: 1, revenue: { minor: 777_700n, currency: "RUB" }, revenueEvents: 1, missingFxEvents: 0,
    });
    const ltv = await getLtvReport(scopeB, period);
    expect(ltv.referral.customers).toBe(1);
    expect(ltv.direct.customers).toBe(0);
  });

  it("A's totals do not include B's rows (A's clicks stay 25, not 125)", async () => {
    const s = await getFunnelSummary(scopeA, period);
    expect(s.totals.clicks).toBe(25);
    expect(s.totals.revenue.currency).toBe("USD");
    const leaders = await getLeaderboard(scopeA, period, { limit: 50 });
    // B's partner is also called "Anna Lee": only A's two partners may appear
    expect(leaders.map((r) => r.partnerId).sort()).toEqual([f.a.p1.partnerId, f.a.p2.partnerId].sort());
  });

  it("naming the other tenant's partner or program in the filter yields nothing", async () => {
    for (const [scope, partnerId, programId] of [
      [scopeB, f.a.p1.partnerId, f.a.g1.id],
      [scopeA, f.b.partner.partnerId, f.b.program.id],
    ] as const) {
      for (const filter of [{ ...period, partnerId }, { ...cohort, programId }]) {
        const s = await getFunnelSummary(scope, filter);
        expect(s.totals).toMatchObject({ clicks: 0, referrals: 0, qualified: 0, closes: 0, revenueEvents: 0, missingFxEvents: 0 });
        expect(s.totals.revenue.minor).toBe(0n);
        expect(await getFunnelSplit(scope, filter, "partner")).toEqual([]);
        expect((await getFunnelSeries(scope, filter)).every((p) => !p.clicks && !p.referrals && !p.closes && !p.revenueMinor)).toBe(true);
        const ids = await visibleIds(scope, filter);
        expect([ids.clicks.total, ids.stage.length, ids.customers.total, ids.events.total]).toEqual([0, 0, 0, 0]);
        const ltv = await getLtvReport(scope, filter);
        expect(ltv.referral.customers + ltv.direct.customers).toBe(0);
      }
    }
  });

  it("drill-down rows of each tenant carry only its own partners", async () => {
    const a = await visibleIds(scopeA, period);
    const b = await visibleIds(scopeB, period);
    expect(a.clicks.total).toBe(32); // 25 counted + 3 repeats + 4 bots (raw rows, excluded ones included)
    expect(b.clicks.total).toBe(100);
    expect(a.partnerIds.has(f.b.partner.partnerId)).toBe(false);
    expect([...b.partnerIds]).toEqual([f.b.partner.partnerId]);
    const aEventIds = new Set(a.events.rows.map((r) => r.id));
    expect(b.events.rows.some((r) => aEventIds.has(r.id))).toBe(false);
    const exported = await exportFunnelTable(scopeB, period, { table: "customers" });
    expect(exported.rows.map((r) => r[1])).toEqual(["CB"]);
  });
});

describe("partner scope", () => {
  it("takes the tenant's reporting currency and rollup zone and forces the partner", async () => {
    const p1 = await funnelScopeForPartner(f.a.p1.ctx);
    expect(p1).toEqual({ tenantId: f.a.fixture.tenantId, reportingCurrency: "USD", partnerId: f.a.p1.partnerId, timeZone: "UTC" });
    const pb = await funnelScopeForPartner(f.b.partner.ctx);
    expect(pb.reportingCurrency).toBe("RUB");
  });

  it("sees only that partner's tiles and rows", async () => {
    const scope = await funnelScopeForPartner(f.a.p2.ctx);
    // P2 period: clicks 6 + 5, referral R5, qualified R5, close R4, E8 30000, E7 missing (see funnel-numbers)
    const s = await getFunnelSummary(scope, period);
    expect(s.totals).toEqual({
      clicks: 11, referrals: 1, qualified: 1, closes: 1, revenue: { minor: 30_000n, currency: "USD" }, revenueEvents: 1, missingFxEvents: 1,
    });
    const split = await getFunnelSplit(scope, period, "partner");
    expect(split.map((r) => r.key)).toEqual([f.a.p2.partnerId]);
    const ids = await visibleIds(scope, period);
    expect([...ids.partnerIds]).toEqual([f.a.p2.partnerId]);
    expect(ids.clicks.total).toBe(15); // 11 counted + L2's 3 bots + L3's 1 repeat
    expect(ids.customers.rows.map((r) => r.id)).toEqual([f.a.c.c2]);
    const ltv = await getLtvReport(scope, period);
    expect(ltv.referral.customers).toBe(1);
    expect(ltv.direct.customers).toBe(0); // direct customers belong to no partner
  });

  it("cannot be widened by another partner's id in the filter", async () => {
    const scope = await funnelScopeForPartner(f.a.p2.ctx);
    for (const filter of [{ ...period, partnerId: f.a.p1.partnerId }, { ...cohort, partnerId: f.a.p1.partnerId }]) {
      const s = await getFunnelSummary(scope, filter);
      expect([s.totals.clicks, s.totals.referrals, s.totals.qualified, s.totals.closes, s.totals.revenueEvents]).toEqual([0, 0, 0, 0, 0]);
      const ids = await visibleIds(scope, filter);
      expect([ids.clicks.total, ids.stage.length, ids.customers.total, ids.events.total]).toEqual([0, 0, 0, 0]);
      expect(await getFunnelSplit(scope, filter, "program")).toEqual([]);
    }
    // a crafted scope object with the partner removed is the only way to widen; the portal never builds one
    const widened = { ...scope, partnerId: undefined };
    expect((await getFunnelSummary(widened, period)).totals.clicks).toBe(25);
  });

  it("has no leaderboard", async () => {
    const scope = await funnelScopeForPartner(f.a.p1.ctx);
    await expect(getLeaderboard(scope, period, { limit: 10 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(exportFunnelTable(scope, period, { table: "leaderboard" })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
