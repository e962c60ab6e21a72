// LtvDaily is tenant-owned: its triggers run as whoever writes (the app writes as twoway_app under
// row-level security), each tenant's client sees only its own rows, and no tenant's report or
// write reaches another's. Fixture: tests/helpers/funnel-fixture.ts (tenant B: one referral
// customer with 777700 RUB, first seen on D2).
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { tenantDb } from "@/lib/db/tenant-client";
import { getLtvReport } from "@/lib/funnel/ltv";
import { getLtvReportFromRaw } from "@/lib/funnel/ltv-raw";
import { funnelScopeForPartner, funnelScopeForTenant } from "@/lib/funnel/scope";
import type { FunnelFilter, FunnelScope } from "@/lib/funnel/types";
import { createFunnelFixture, RANGE, type FunnelFixture } from "../helpers/funnel-fixture";
import { prisma } from "../helpers/db";

let f: FunnelFixture;
let A: string;
let B: string;
let scopeA: FunnelScope;
let scopeB: FunnelScope;
const period: FunnelFilter = { ...RANGE, basis: "period" };

const rowsOf = (tenantId: string) =>
  prisma.$queryRaw<{ key: string }[]>`
    SELECT concat_ws('|', "firstSeenDay", "source", "partnerId", "programId", "sourceMarket", "targetMarket", "reportingCurrency",
      "customers", "revenueMinor", "revenueEvents", "missingFxEvents") AS key
    FROM "LtvDaily" WHERE "tenantId" = ${tenantId} ORDER BY 1`;

beforeAll(async () => {
  f = await createFunnelFixture();
  A = f.a.fixture.tenantId;
  B = f.b.fixture.tenantId;
  scopeA = funnelScopeForTenant(f.a.staff);
  scopeB = funnelScopeForTenant(f.b.staff);
});

describe("LtvDaily between tenants", () => {
  it("a tenant's client sees only its own rollup rows, and cannot write another tenant's", async () => {
    const [ownA, ownB] = [await rowsOf(A), await rowsOf(B)];
    expect(ownA.length).toBeGreaterThan(0);
    expect(ownB.length).toBeGreaterThan(0);
    const seen = await tenantDb(A).$queryRaw<{ tenantId: string }[]>`SELECT "tenantId" FROM "LtvDaily"`;
    expect(seen.length).toBe(ownA.length);
    expect(new Set(seen.map((r) => r.tenantId))).toEqual(new Set([A]));
    await expect(
      tenantDb(A).$executeRaw`INSERT INTO "LtvDaily" ("tenantId", "firstSeenDay", "source", "partnerId", "programId", "sourceMarket", "targetMarket",
        "reportingCurrency", "customers") VALUES (${B}, '2026-03-02', 'direct', '', '', '', '', '', 1)`,
    ).rejects.toThrow(/row-level security/);
    expect(await tenantDb(A).$executeRaw`UPDATE "LtvDaily" SET "customers" = "customers" + 1 WHERE "tenantId" = ${B}`).toBe(0);
    expect(await rowsOf(B)).toEqual(ownB);
  });

  it("writes through a tenant's client (as twoway_app) keep that tenant's rollup exact and leave the other's alone", async () => {
    const beforeB = await rowsOf(B);
    const db = tenantDb(A);
    const customer = await db.customer.create({
      data: { tenantId: A, externalId: `iso-${randomBytes(4).toString("hex")}`, source: "direct", firstSeenAt: new Date("2026-03-02T05:00:00Z") },
    });
    const event = (customerId: string, amount: bigint) => ({
      tenantId: A, type: "revenue" as const, source: "api" as const, idempotencyKey: randomBytes(8).toString("hex"), payloadHash: "x",
      occurredAt: new Date("2026-03-02T06:00:00Z"), reportingAmountMinor: amount, reportingCurrency: "USD", customerId,
    });
    await db.conversionEvent.create({ data: event(customer.id, 4_000n) });
    // An event of A naming B's customer: B's customer is invisible to A's role, and the raw query
    // would not count it either (event and customer of different tenants).
    const cb = await prisma.customer.findFirstOrThrow({ where: { tenantId: B } });
    await db.conversionEvent.create({ data: event(cb.id, 9_999_000n) });
    await db.customer.update({ where: { id: customer.id }, data: { sourceMarket: "US", targetMarket: "RU" } });

    expect(await rowsOf(B)).toEqual(beforeB);
    const direct = (await getLtvReport(scopeA, period)).direct;
    // C4 70000 + C5 0 + this customer 4000 (the fixture's direct customers, funnel-numbers.test.ts)
    expect(direct).toEqual({ customers: 3, totalMinor: 74_000n, averageMinor: 24_667n, missingFxEvents: 1 });
    expect(await getLtvReport(scopeA, period)).toEqual(await getLtvReportFromRaw(scopeA, period));
    expect(await getLtvReport(scopeB, period)).toEqual(await getLtvReportFromRaw(scopeB, period));
  });

  it("B's report shows only B, in B's currency; naming A's partner or program yields nothing", async () => {
    const b = await getLtvReport(scopeB, period);
    expect(b.currency).toBe("RUB");
    expect(b.referral).toEqual({ customers: 1, totalMinor: 777_700n, averageMinor: 777_700n, missingFxEvents: 0 });
    expect(b.direct.customers).toBe(0);
    for (const filter of [{ ...period, partnerId: f.a.p1.partnerId }, { ...period, programId: f.a.g1.id }]) {
      const r = await getLtvReport(scopeB, filter);
      expect([r.referral.customers, r.direct.customers, r.byCohortMonth.length, r.byMarketPair.length]).toEqual([0, 0, 0, 0]);
    }
  });

  it("a partner sees only their own customers and cannot widen the scope by the filter", async () => {
    const scope = await funnelScopeForPartner(f.a.p2.ctx);
    const own = await getLtvReport(scope, period);
    expect(own.referral).toEqual({ customers: 1, totalMinor: 70_000n, averageMinor: 70_000n, missingFxEvents: 1 }); // C2
    expect(own.direct.customers).toBe(0);
    const widened = await getLtvReport(scope, { ...period, partnerId: f.a.p1.partnerId });
    expect(widened.referral.customers + widened.direct.customers).toBe(0);
  });
});
