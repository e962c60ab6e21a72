// Every funnel figure of the fixture (tests/helpers/funnel-fixture.ts), computed by hand.
// Range [D1, D4) = 2026-03-01 .. 2026-03-03. Cheat sheet of the fixture:
//   ClickDaily counted clicks: L1 (P1, G1, US>RU): D0 5 (out), D1 10, D3 4 → 14 in range
//                              L2 (P2, G1, RU>RU): D2 6, D4 7 (out)      → 6
//                              L3 (P2, G2, RU>US): D1 3, D2 2            → 5      total 25
//   Referrals: R1 P1 G1 US>RU won  sub D1 qual D2 closed D3 (customer C1)
//              R2 P1 G1 US>RU qualified sub D1 qual D3
//              R3 P1 G1 US>RU submitted sub D2
//              R4 P2 G1 RU>RU won  sub 02-20 (out) qual 02-25 closed D2 (customer C2)
//              R5 P2 G2 RU>US lost sub D3 qual D3 closed D3
//              R6 P2 G2 RU>US draft (submittedAt D1, never counted)
//              R7 P1 G2 US>RU qualified sub D2 qual D4 (out)
//              R8 P2 G1 RU>RU submitted sub D4 (out)
//              R9 P1 G1 US>US won sub D3 closed D3, never qualified (customer C3)
//   Events (amounts in USD cents, reporting currency USD):
//     E1 lead D2 P1/G1/US>RU no referral        E2 lead D2 with referral R3 (not counted)
//     E3 close D3 no partner/program/markets      E14 close D3 with referral R1 (not counted)
//     E4 revenue D3 C1 +50000 P1/G1/US>RU         E5 revenue D4 (out) C1 +20000 P1/G1/US>RU
//     E6 refund D3 C1 5000 P1/G1/US>RU            E7 revenue D2 C2 missing FX P2/G1/RU>RU
//     E8 revenue D1 C2 +30000 P2/G1/RU>RU         E9 revenue D2 C4 (direct) +70000 no dims
//     E10 revenue D3 C5 (direct) 12000 in EUR ≠ USD → missing, US>RU, no partner/program
//     E11 revenue D3 C3 +10000 P1/G1/US>US        E12 revenue D0 (out) C2 +40000 P2/G1/RU>RU
//     E13 revenue D2 C6 (direct, first seen 02-10) +99900 no dims
//   Customers first seen: C5 D1 direct US>RU, C4 D2 direct, C2 D2 referral RU>RU, C1 D3 referral
//     US>RU, C3 D3 referral US>US, C6 02-10 direct (out of the LTV range).
import { beforeAll, describe, expect, it } from "vitest";
import {
  getFunnelSeries, getFunnelSplit, getFunnelSummary, getLeaderboard, getLtvReport, listClickRows, listCustomers, listEvents,
  listStageReferrals, exportFunnelTable, funnelCsv, funnelScopeForTenant,
} from "@/lib/funnel/queries";
import type { FunnelFilter, FunnelScope, FunnelTotals, LtvRow } from "@/lib/funnel/types";
import { createFunnelFixture, RANGE, type FunnelFixture } from "../helpers/funnel-fixture";

let f: FunnelFixture;
let scope: FunnelScope;
const period: FunnelFilter = { ...RANGE, basis: "period" };
const cohort: FunnelFilter = { ...RANGE, basis: "cohort" };

const totals = (clicks: number, referrals: number, qualified: number, closes: number, revenue: number, revenueEvents: number, missingFxEvents: number): FunnelTotals => ({
  clicks, referrals, qualified, closes, revenue: { minor: BigInt(revenue), currency: "USD" }, revenueEvents, missingFxEvents,
});
const rate = (numerator: number, denominator: number) => ({ numerator, denominator, value: denominator ? numerator / denominator : null });
const rates = (t: FunnelTotals) => ({
  clickToReferral: rate(t.referrals, t.clicks), referralToQualified: rate(t.qualified, t.referrals), qualifiedToClose: rate(t.closes, t.qualified),
});
const ltv = (customers: number, total: number, average: number | null, missingFxEvents: number): LtvRow => ({
  customers, totalMinor: BigInt(total), averageMinor: average === null ? null : BigInt(average), missingFxEvents,
});

beforeAll(async () => {
  f = await createFunnelFixture();
  scope = funnelScopeForTenant(f.a.staff);
});

describe("summary, period basis", () => {
  it("counts every stage when it happened", async () => {
    const s = await getFunnelSummary(scope, period);
    // clicks 14 + 6 + 5 = 25 (ClickDaily counted clicks; repeats and bots are not in `clicks`)
    // referrals: R1, R2 (D1), R3, R7 (D2), R5, R9 (D3) = 6; R4 before, R6 draft, R8 after
    // qualified: R1 (D2), R2 (D3), R5 (D3) + lead E1 without referral = 4 (R7 qualified on D4, E2 has a referral)
    // closes: R1, R4, R9 won in range + close E3 without referral = 4 (R5 lost, E14 has a referral)
    // revenue: E4 50000 − E6 5000 + E8 30000 + E9 70000 + E11 10000 + E13 99900 = 254900 over 6 events;
    //          E7 (no rate) and E10 (EUR) are the 2 missing; E5 and E12 are outside the range
    const expected = totals(25, 6, 4, 4, 254_900, 6, 2);
    expect(s.totals).toEqual(expected);
    // 6/25 = 0.24, 4/6, 4/4 = 1
    expect(s.rates).toEqual({ clickToReferral: rate(6, 25), referralToQualified: rate(4, 6), qualifiedToClose: rate(4, 4) });
    expect(s.rates.clickToReferral.value).toBe(0.24);
    expect(s.basis).toBe("period");
  });

  it("applies a partner filter to every stage", async () => {
    // P1: clicks L1 14; referrals R1 R2 R3 R7 R9 = 5; qualified R1 R2 + E1 = 3; closes R1 R9 = 2 (E3 has no partner);
    // revenue E4 50000 − E6 5000 + E11 10000 = 55000 over 3 events, none missing
    const s = await getFunnelSummary(scope, { ...period, partnerId: f.a.p1.partnerId });
    expect(s.totals).toEqual(totals(14, 5, 3, 2, 55_000, 3, 0));
    expect(s.rates).toEqual({ clickToReferral: rate(5, 14), referralToQualified: rate(3, 5), qualifiedToClose: rate(2, 3) });
  });

  it("applies a market pair filter to every stage", async () => {
    // US>RU: clicks L1 14; referrals R1 R2 R3 R7 = 4; qualified R1 R2 + E1 = 3; closes R1 = 1;
    // revenue E4 50000 − E6 5000 = 45000 over 2; missing E10 (US>RU, EUR) = 1
    const s = await getFunnelSummary(scope, { ...period, marketPair: "US>RU" });
    expect(s.totals).toEqual(totals(14, 4, 3, 1, 45_000, 2, 1));
  });

  it("applies single-market to every stage and leaves a rate without denominator empty", async () => {
    // single (source = target): clicks L2 6; referrals R9 = 1; qualified none in range (R4 was 02-25) = 0;
    // closes R4 (RU>RU) + R9 (US>US) = 2; revenue E8 30000 + E11 10000 = 40000 over 2, missing E7 = 1
    const s = await getFunnelSummary(scope, { ...period, crossMarket: "single" });
    expect(s.totals).toEqual(totals(6, 1, 0, 2, 40_000, 2, 1));
    // 2 closes / 0 qualified: no value, numbers kept
    expect(s.rates.qualifiedToClose).toEqual({ numerator: 2, denominator: 0, value: null });
    expect(s.rates.referralToQualified).toEqual({ numerator: 0, denominator: 1, value: 0 });
  });

  it("combines a program filter with cross-market", async () => {
    // G1 and cross: clicks L1 14 (L2 is single); referrals R1 R2 R3 = 3 (R9 single, R7 is G2); qualified R1 R2 + E1 = 3;
    // closes R1 = 1; revenue E4 − E6 = 45000 over 2; E10 has no program → not missing here
    const s = await getFunnelSummary(scope, { ...period, programId: f.a.g1.id, crossMarket: "cross" });
    expect(s.totals).toEqual(totals(14, 3, 3, 1, 45_000, 2, 0));
  });
});

describe("summary, cohort basis", () => {
  it("follows the referrals submitted in range to their outcome", async () => {
    // cohort = R1 R2 R3 R5 R7 R9 = 6; qualified (qualifiedAt set, any time): R1 R2 R5 R7 = 4; closes (won): R1 R9 = 2;
    // revenue so far of their customers: C1 (E4 50000 + E5 20000 − E6 5000 = 65000) + C3 (E11 10000) = 75000 over 4 events;
    // clicks are the period's 25
    const s = await getFunnelSummary(scope, cohort);
    expect(s.totals).toEqual(totals(25, 6, 4, 2, 75_000, 4, 0));
    expect(s.rates).toEqual({ clickToReferral: rate(6, 25), referralToQualified: rate(4, 6), qualifiedToClose: rate(2, 4) });
    expect(s.basis).toBe("cohort");
  });

  it("filters the cohort by program", async () => {
    // G2: clicks L3 5; cohort R5 R7 = 2 (R6 draft); qualified R5 R7 = 2; closes 0 (R5 lost); no customers → 0
    const s = await getFunnelSummary(scope, { ...cohort, programId: f.a.g2.id });
    expect(s.totals).toEqual(totals(5, 2, 2, 0, 0, 0, 0));
    expect(s.rates).toEqual({ clickToReferral: rate(2, 5), referralToQualified: rate(2, 2), qualifiedToClose: rate(0, 2) });
  });

  it("filters the cohort by partner", async () => {
    // P1: clicks 14; cohort R1 R2 R3 R7 R9 = 5; qualified R1 R2 R7 = 3; closes R1 R9 = 2; revenue C1 65000 + C3 10000 = 75000 / 4
    const s = await getFunnelSummary(scope, { ...cohort, partnerId: f.a.p1.partnerId });
    expect(s.totals).toEqual(totals(14, 5, 3, 2, 75_000, 4, 0));
  });
});

describe("splits, period basis", () => {
  it("by market pair, unattributed activity last; rows add up to the summary", async () => {
    const rows = await getFunnelSplit(scope, period, "marketPair");
    const expected = [
      // RU>RU: clicks L2 6; no referral in range; closes R4; revenue E8 30000 (1), missing E7
      { key: "RU>RU", label: "RU→RU", totals: totals(6, 0, 0, 1, 30_000, 1, 1) },
      // RU>US: clicks L3 5; referral R5, qualified R5; no close, no revenue
      { key: "RU>US", label: "RU→US", totals: totals(5, 1, 1, 0, 0, 0, 0) },
      // US>RU: clicks 14; R1 R2 R3 R7; qualified R1 R2 E1; close R1; E4 − E6 = 45000 (2), missing E10
      { key: "US>RU", label: "US→RU", totals: totals(14, 4, 3, 1, 45_000, 2, 1) },
      // US>US: R9 referral and close; E11 10000
      { key: "US>US", label: "US→US", totals: totals(0, 1, 0, 1, 10_000, 1, 0) },
      // no markets: close E3; E9 70000 + E13 99900 = 169900 (2)
      { key: "none", label: "", totals: totals(0, 0, 0, 1, 169_900, 2, 0) },
    ];
    expect(rows).toEqual(expected.map((r) => ({ ...r, rates: rates(r.totals) })));
  });

  it("by cross/single market", async () => {
    const rows = await getFunnelSplit(scope, period, "crossMarket");
    const expected = [
      // cross = RU>US + US>RU: clicks 5 + 14, referrals 1 + 4, qualified 1 + 3, closes 0 + 1, revenue 45000 (2), missing 1
      { key: "cross", label: "cross", totals: totals(19, 5, 4, 1, 45_000, 2, 1) },
      // single = RU>RU + US>US: clicks 6, referrals 1, qualified 0, closes 2, revenue 30000 + 10000 (2), missing 1
      { key: "single", label: "single", totals: totals(6, 1, 0, 2, 40_000, 2, 1) },
      { key: "none", label: "", totals: totals(0, 0, 0, 1, 169_900, 2, 0) },
    ];
    expect(rows).toEqual(expected.map((r) => ({ ...r, rates: rates(r.totals) })));
  });

  it("by program, labelled with the program name", async () => {
    const rows = await getFunnelSplit(scope, period, "program");
    const expected = [
      // Pool (G2): clicks L3 5; referrals R5 R7; qualified R5; nothing closed
      { key: f.a.g2.id, label: "Pool", totals: totals(5, 2, 1, 0, 0, 0, 0) },
      // Warm intros (G1): clicks 14 + 6; R1 R2 R3 R9; qualified R1 R2 E1; closes R1 R4 R9;
      // revenue 50000 − 5000 + 30000 + 10000 = 85000 (4), missing E7
      { key: f.a.g1.id, label: "Warm intros", totals: totals(20, 4, 3, 3, 85_000, 4, 1) },
      // no program: close E3; E9 + E13 = 169900 (2); missing E10
      { key: "none", label: "", totals: totals(0, 0, 0, 1, 169_900, 2, 1) },
    ];
    expect(rows).toEqual(expected.map((r) => ({ ...r, rates: rates(r.totals) })));
  });

  it("by partner, labelled with the partner name", async () => {
    const rows = await getFunnelSplit(scope, period, "partner");
    const expected = [
      // Anna Lee (P1): as the partner-filtered summary
      { key: f.a.p1.partnerId, label: "Anna Lee", totals: totals(14, 5, 3, 2, 55_000, 3, 0) },
      // Boris Ivanov (P2): clicks 6 + 5; R5; qualified R5; close R4; E8 30000 (1); missing E7
      { key: f.a.p2.partnerId, label: "Boris Ivanov", totals: totals(11, 1, 1, 1, 30_000, 1, 1) },
      // no partner: E3; E9 + E13; missing E10
      { key: "none", label: "", totals: totals(0, 0, 0, 1, 169_900, 2, 1) },
    ];
    expect(rows).toEqual(expected.map((r) => ({ ...r, rates: rates(r.totals) })));
  });

  it("by partner on the cohort basis, with a filter", async () => {
    // cohort, US>RU only: P1 has R1 R2 R3 R7 (qualified R1 R2 R7, won R1), clicks 14, revenue C1 65000 (3 events)
    const rows = await getFunnelSplit(scope, { ...cohort, marketPair: "US>RU" }, "partner");
    const t = totals(14, 4, 3, 1, 65_000, 3, 0);
    expect(rows).toEqual([{ key: f.a.p1.partnerId, label: "Anna Lee", totals: t, rates: rates(t) }]);
  });
});

describe("the unattributed row's own rows (filter `without`)", () => {
  it("the summary without a value equals the split's unattributed row, for every dimension", async () => {
    for (const [dim, without] of [["partner", "partner"], ["program", "program"], ["marketPair", "markets"], ["crossMarket", "markets"]] as const) {
      for (const filter of [period, cohort]) {
        const none = (await getFunnelSplit(scope, filter, dim)).find((r) => r.key === "none");
        const s = await getFunnelSummary(scope, { ...filter, without });
        expect(s.totals, `${dim} ${filter.basis}`).toEqual(none?.totals ?? totals(0, 0, 0, 0, 0, 0, 0));
      }
    }
  });

  it("lists only the events and stage rows without a partner or markets", async () => {
    const page = { page: 1, pageSize: 50 };
    const noPartner = await listEvents(scope, { ...period, without: "partner" }, page);
    expect(noPartner.total).toBe(4); // E3 close, E9, E10 (EUR), E13
    expect(noPartner.rows.every((e) => e.partnerId === null)).toBe(true);
    expect((await listEvents(scope, { ...period, without: "markets" }, page)).total).toBe(3); // E10 has markets
    const closes = await listStageReferrals(scope, { ...period, without: "partner" }, "closes", page);
    expect(closes.rows.map((r) => r.kind)).toEqual(["event"]); // E3
    expect((await listClickRows(scope, { ...period, without: "partner" }, page)).total).toBe(0);
  });
});

describe("series", () => {
  it("has one zero-filled point per day, period basis", async () => {
    const points = await getFunnelSeries(scope, period);
    expect(points).toEqual([
      // D1: clicks L1 10 + L3 3; R1 R2 submitted; E8 30000
      { day: "2026-03-01", clicks: 13, referrals: 2, qualified: 0, closes: 0, revenueMinor: 30_000n },
      // D2: clicks L2 6 + L3 2; R3 R7; qualified R1 + E1; close R4; E9 70000 + E13 99900 (E7 missing)
      { day: "2026-03-02", clicks: 8, referrals: 2, qualified: 2, closes: 1, revenueMinor: 169_900n },
      // D3: clicks L1 4; R5 R9; qualified R2 R5; closes R1 R9 E3; E4 50000 − E6 5000 + E11 10000 (E10 missing)
      { day: "2026-03-03", clicks: 4, referrals: 2, qualified: 2, closes: 3, revenueMinor: 55_000n },
    ]);
  });

  it("puts the cohort's outcomes on the submission day", async () => {
    const points = await getFunnelSeries(scope, cohort);
    expect(points).toEqual([
      // D1: R1 R2, both qualified, R1 won, C1 65000
      { day: "2026-03-01", clicks: 13, referrals: 2, qualified: 2, closes: 1, revenueMinor: 65_000n },
      // D2: R3 R7, R7 qualified
      { day: "2026-03-02", clicks: 8, referrals: 2, qualified: 1, closes: 0, revenueMinor: 0n },
      // D3: R5 R9, R5 qualified, R9 won, C3 10000
      { day: "2026-03-03", clicks: 4, referrals: 2, qualified: 1, closes: 1, revenueMinor: 10_000n },
    ]);
  });

  it("zero-fills days without activity", async () => {
    const points = await getFunnelSeries(scope, { from: new Date("2026-03-05T00:00:00Z"), to: new Date("2026-03-07T00:00:00Z"), basis: "period" });
    expect(points).toEqual([
      { day: "2026-03-05", clicks: 0, referrals: 0, qualified: 0, closes: 0, revenueMinor: 0n },
      { day: "2026-03-06", clicks: 0, referrals: 0, qualified: 0, closes: 0, revenueMinor: 0n },
    ]);
  });
});

describe("leaderboard", () => {
  const anna = () => ({ partnerId: f.a.p1.partnerId, name: "Anna Lee", market: "US", totals: totals(14, 5, 3, 2, 55_000, 3, 0) });
  const boris = () => ({ partnerId: f.a.p2.partnerId, name: "Boris Ivanov", market: "RU", totals: totals(11, 1, 1, 1, 30_000, 1, 1) });
  const withRates = <T extends { totals: FunnelTotals }>(r: T) => ({ ...r, rates: rates(r.totals) });

  it("lists partners with activity by closes (2 vs 1); Chen with none is left out", async () => {
    expect(await getLeaderboard(scope, period, { limit: 10 })).toEqual([withRates(anna()), withRates(boris())]);
  });

  it("sorts by a chosen column and direction, and limits", async () => {
    // revenue ascending: Boris 30000, Anna 55000
    expect((await getLeaderboard(scope, period, { limit: 10, sort: "revenue", direction: "asc" })).map((r) => r.name)).toEqual(["Boris Ivanov", "Anna Lee"]);
    // qualified→close: Boris 1/1 = 1 beats Anna 2/3
    expect((await getLeaderboard(scope, period, { limit: 10, sort: "qualifiedToClose" })).map((r) => r.name)).toEqual(["Boris Ivanov", "Anna Lee"]);
    // click→referral: Anna 5/14 beats Boris 1/11; limit 1
    expect(await getLeaderboard(scope, period, { limit: 1, sort: "clickToReferral" })).toEqual([withRates(anna())]);
  });

  it("uses the cohort basis too", async () => {
    // cohort: Anna R1 R2 R3 R7 R9 (qualified R1 R2 R7, won R1 R9, revenue 75000 / 4); Boris R5 (qualified, lost)
    const rows = await getLeaderboard(scope, cohort, { limit: 10 });
    expect(rows.map((r) => [r.name, r.totals])).toEqual([
      ["Anna Lee", totals(14, 5, 3, 2, 75_000, 4, 0)],
      ["Boris Ivanov", totals(11, 1, 1, 0, 0, 0, 0)],
    ]);
  });
});

describe("LTV", () => {
  it("compares referral and direct customers first seen in range, by month and market pair", async () => {
    const report = await getLtvReport(scope, period);
    expect(report.currency).toBe("USD");
    // referral: C1 65000 (E4 + E5 − E6), C2 70000 (E8 30000 + E12 40000; E7 missing), C3 10000
    //   = 3 customers, 145000, average 48333.33 → 48333, 1 missing
    expect(report.referral).toEqual(ltv(3, 145_000, 48_333, 1));
    // direct: C4 70000, C5 0 (its only event is in EUR → missing) = 2, 70000, average 35000, 1 missing; C6 first seen 02-10
    expect(report.direct).toEqual(ltv(2, 70_000, 35_000, 1));
    expect(report.byCohortMonth).toEqual([
      { month: "2026-03", source: "direct", ...ltv(2, 70_000, 35_000, 1) },
      { month: "2026-03", source: "referral", ...ltv(3, 145_000, 48_333, 1) },
    ]);
    expect(report.byMarketPair).toEqual([
      { pair: "RU>RU", ...ltv(1, 70_000, 70_000, 1) }, // C2
      { pair: "US>RU", ...ltv(2, 65_000, 32_500, 1) }, // C1 65000 + C5 0 (missing 1)
      { pair: "US>US", ...ltv(1, 10_000, 10_000, 0) }, // C3; C4 has no markets
    ]);
  });

  it("groups cohort months across a wider range", async () => {
    const report = await getLtvReport(scope, { from: new Date("2026-02-01T00:00:00Z"), to: new Date("2026-04-01T00:00:00Z"), basis: "period" });
    // C6 joins the direct side: 3 customers, 70000 + 99900 = 169900, average 56633.33 → 56633
    expect(report.direct).toEqual(ltv(3, 169_900, 56_633, 1));
    expect(report.byCohortMonth).toEqual([
      { month: "2026-02", source: "direct", ...ltv(1, 99_900, 99_900, 0) },
      { month: "2026-03", source: "direct", ...ltv(2, 70_000, 35_000, 1) },
      { month: "2026-03", source: "referral", ...ltv(3, 145_000, 48_333, 1) },
    ]);
  });

  it("filters by partner (direct customers have none)", async () => {
    const report = await getLtvReport(scope, { ...period, partnerId: f.a.p1.partnerId });
    // C1 65000 + C3 10000 = 75000 / 2 = 37500
    expect(report.referral).toEqual(ltv(2, 75_000, 37_500, 0));
    expect(report.direct).toEqual(ltv(0, 0, null, 0));
  });
});

describe("drill-down rows", () => {
  it("pages raw clicks, excluding bots and repeats unless asked", async () => {
    const page = await listClickRows(scope, period, { page: 3, pageSize: 10 });
    // 25 counted clicks → pages of 10, 10, 5
    expect(page.total).toBe(25);
    expect(page.rows).toHaveLength(5);
    expect(page.rows.every((r) => !r.isBot && r.repeatOfId === null)).toBe(true);
    // with repeats (L1 2 + L3 1) and bots (L1 1 + L2 3): 25 + 3 + 4 = 32
    expect((await listClickRows(scope, period, { page: 1, pageSize: 50 }, { includeExcluded: true })).total).toBe(32);
    const first = (await listClickRows(scope, { ...period, marketPair: "RU>US" }, { page: 1, pageSize: 1 })).rows[0];
    expect(first).toMatchObject({ linkCode: expect.any(String), partnerName: "Boris Ivanov", programName: "Pool", device: "mobile", referrerHost: "t.me" });
  });

  it("lists the rows behind each stage tile, newest first", async () => {
    const qualified = await listStageReferrals(scope, period, "qualified", { page: 1, pageSize: 10 });
    // R5 (D3 10:00), R2 (D3 08:00), E1 (D2 10:00), R1 (D2 09:00) = the 4 of the tile
    expect(qualified.total).toBe(4);
    expect(qualified.rows.map((r) => [r.kind, r.id])).toEqual([
      ["referral", f.a.r.r5], ["referral", f.a.r.r2], ["event", f.a.e.e1], ["referral", f.a.r.r1],
    ]);
    expect(qualified.rows[0]).toMatchObject({ subject: "R5", status: "lost", partnerName: "Boris Ivanov", programName: "Pool" });
    const closes = await listStageReferrals(scope, period, "closes", { page: 1, pageSize: 2 });
    // R9 (D3 18:00), E3 (D3 14:00) | R1 (D3 12:00), R4 (D2 10:00)
    expect(closes.total).toBe(4);
    expect(closes.rows.map((r) => r.id)).toEqual([f.a.r.r9, f.a.e.e3]);
    const cohortCloses = await listStageReferrals(scope, cohort, "closes", { page: 1, pageSize: 10 });
    expect(cohortCloses.rows.map((r) => r.id)).toEqual([f.a.r.r9, f.a.r.r1]); // submitted D3 13:00, D1 10:00
    expect((await listStageReferrals(scope, period, "referrals", { page: 1, pageSize: 10 })).total).toBe(6);
  });

  it("lists customers with LTV so far, events and missing FX", async () => {
    const all = await listCustomers(scope, period, { page: 1, pageSize: 10 });
    expect(all.total).toBe(5);
    const c2 = all.rows.find((r) => r.id === f.a.c.c2);
    // C2: E7 (missing), E8 30000, E12 40000
    expect(c2).toMatchObject({ source: "referral", partnerName: "Boris Ivanov", ltv: { minor: 70_000n, currency: "USD" }, events: 3, missingFxEvents: 1 });
    const direct = await listCustomers(scope, period, { page: 1, pageSize: 10 }, "direct");
    // C4 (D2 08:00) then C5 (D1 07:00)
    expect(direct.rows.map((r) => [r.id, r.ltv.minor, r.missingFxEvents])).toEqual([[f.a.c.c4, 70_000n, 0], [f.a.c.c5, 0n, 1]]);
  });

  it("lists events by type with the missing FX flag", async () => {
    // in range: E1 E2 E3 E4 E6 E7 E8 E9 E10 E11 E13 E14 = 12
    expect((await listEvents(scope, period, { page: 1, pageSize: 5 })).total).toBe(12);
    const revenue = await listEvents(scope, period, { page: 1, pageSize: 20 }, "revenue");
    // E4 E7 E8 E9 E10 E11 E13
    expect(revenue.total).toBe(7);
    expect(revenue.rows.filter((r) => r.missingFx).map((r) => r.id).sort()).toEqual([f.a.e.e7, f.a.e.e10].sort());
  });
});

describe("export", () => {
  it("exports the same rows as the screen, unpaginated", async () => {
    const clicks = await exportFunnelTable(scope, period, { table: "clicks" });
    expect(clicks.rows).toHaveLength(25);
    expect(clicks.truncated).toBe(false);
    const split = await exportFunnelTable(scope, period, { table: "split", dim: "partner" });
    expect(split.rows[0].slice(0, 8)).toEqual([f.a.p1.partnerId, "Anna Lee", "14", "5", "3", "2", "550.00", "USD"]);
    const { csv } = await funnelCsv(scope, period, { table: "series" }, { header: (c) => c.toUpperCase(), delimiter: ";", decimalMark: "," });
    expect(csv).toContain("DAY;CLICKS;REFERRALS;QUALIFIED;CLOSES;REVENUE;CURRENCY");
    expect(csv).toContain("2026-03-02;8;2;2;1;1699,00;USD");
  });
});
