// The daily funnel:rollup-check compares a tenant's FunnelDaily totals with the raw tables (the rules
// of funnel_daily_rebuild) without rewriting anything: consistent after the funnel fixture's clicks,
// referrals, leads, closes, revenue, refunds and a missing rate; a rollup row changed behind the
// triggers' back shows as drift in exactly that counter; another tenant's rows never count.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemContext } from "@/lib/auth/contexts/system";
import { funnelRollupDrift } from "@/lib/funnel/rollup-check";
import { createFunnelFixture, type FunnelFixture } from "../helpers/funnel-fixture";
import { prisma } from "../helpers/db";

let f: FunnelFixture;
const drift = (tenantId: string) => funnelRollupDrift(systemContext("jobs").forTenant(tenantId), tenantId);

beforeAll(async () => {
  f = await createFunnelFixture();
});

describe("funnel rollup check", () => {
  it("finds no drift where the triggers kept the rollup, and the fixture has something of every counter", async () => {
    expect(await drift(f.a.fixture.tenantId)).toEqual([]);
    expect(await drift(f.b.fixture.tenantId)).toEqual([]);
    const totals = await prisma.funnelDaily.aggregate({
      where: { tenantId: f.a.fixture.tenantId },
      _sum: { clicks: true, referrals: true, qualified: true, closes: true, leads: true, eventCloses: true, revenueEvents: true, missingFxEvents: true },
    });
    for (const [counter, sum] of Object.entries(totals._sum)) expect(sum, counter).toBeGreaterThan(0);
  });

  describe("a rollup changed behind the triggers' back", () => {
    let rowId: { tenantId: string; day: Date; partnerId: string; programId: string; sourceMarket: string; targetMarket: string; reportingCurrency: string };
    beforeAll(async () => {
      const row = await prisma.funnelDaily.findFirstOrThrow({ where: { tenantId: f.a.fixture.tenantId, referrals: { gt: 0 } } });
      rowId = { tenantId: row.tenantId, day: row.day, partnerId: row.partnerId, programId: row.programId, sourceMarket: row.sourceMarket, targetMarket: row.targetMarket, reportingCurrency: row.reportingCurrency };
      await prisma.$executeRaw`UPDATE "FunnelDaily" SET "referrals" = "referrals" + 2, "revenueMinor" = "revenueMinor" - 100
        WHERE "tenantId" = ${rowId.tenantId} AND "day" = ${rowId.day} AND "partnerId" = ${rowId.partnerId} AND "programId" = ${rowId.programId}
          AND "sourceMarket" = ${rowId.sourceMarket} AND "targetMarket" = ${rowId.targetMarket} AND "reportingCurrency" = ${rowId.reportingCurrency}`;
    });
    afterAll(async () => {
      await prisma.$executeRaw`SELECT funnel_daily_rebuild(${f.a.fixture.tenantId})`;
    });

    it("is reported counter by counter with both totals, for that tenant only", async () => {
      const found = await drift(f.a.fixture.tenantId);
      expect(found.map((d) => d.counter)).toEqual(["referrals", "revenueMinor"]);
      const referrals = found[0];
      expect(BigInt(referrals.rollup) - BigInt(referrals.raw)).toBe(2n);
      expect(BigInt(found[1].raw) - BigInt(found[1].rollup)).toBe(100n);
      expect(await drift(f.b.fixture.tenantId)).toEqual([]);
    });
  });
});
