// FunnelDaily (clicks from ClickDaily included) and FunnelDailyProgram (its sum over partners) are
// maintained by database triggers; whatever writes referrals, events or customers, the
// rollup must equal a recomputation from the raw tables (`funnel_daily_rebuild`). The hand-computed
// funnel tests (funnel-numbers) read the rollup, so they check the numbers; this checks the upkeep
// through every kind of change: inserts, status moves, re-dating, re-crediting, late FX, customer
// linking, deletes.
import { beforeAll, describe, expect, it } from "vitest";
import { createFunnelFixture, type FunnelFixture } from "../helpers/funnel-fixture";
import { prisma } from "../helpers/db";

let f: FunnelFixture;

type Row = Record<string, unknown>;
const METRICS = [
  "clicks", "referrals", "qualified", "closes", "leads", "eventCloses", "revenueMinor", "revenueEvents", "missingFxEvents",
  "cohortQualified", "cohortCloses", "cohortRevenueMinor", "cohortRevenueEvents", "cohortMissingFx",
];

/** The tenant's non-zero rollup rows, as comparable strings. */
async function rollup(tenantId: string): Promise<string[]> {
  const rows = await prisma.$queryRaw<Row[]>`SELECT * FROM "FunnelDaily" WHERE "tenantId" = ${tenantId}`;
  return rows
    .filter((r) => METRICS.some((m) => Number(r[m]) !== 0))
    .map((r) => [(r.day as Date).toISOString().slice(0, 10), r.partnerId, r.programId, r.sourceMarket, r.targetMarket, r.reportingCurrency, ...METRICS.map((m) => String(r[m]))].join("|"))
    .sort();
}

/** Triggers' rollup vs a rebuild from the raw tables (the rebuild runs in a rolled-back transaction). */
async function expectConsistent(tenantId: string) {
  const maintained = await rollup(tenantId);
  let rebuilt: string[] = [];
  await prisma
    .$transaction(async (tx) => {
      await tx.$executeRaw`SELECT funnel_daily_rebuild(${tenantId})`;
      const rows = await tx.$queryRaw<Row[]>`SELECT * FROM "FunnelDaily" WHERE "tenantId" = ${tenantId}`;
      rebuilt = rows
        .filter((r) => METRICS.some((m) => Number(r[m]) !== 0))
        .map((r) => [(r.day as Date).toISOString().slice(0, 10), r.partnerId, r.programId, r.sourceMarket, r.targetMarket, r.reportingCurrency, ...METRICS.map((m) => String(r[m]))].join("|"))
        .sort();
      throw new Error("rollback");
    })
    .catch((err: Error) => {
      if (err.message !== "rollback") throw err;
    });
  expect(maintained.length).toBeGreaterThan(0);
  expect(maintained).toEqual(rebuilt);
  await expectProgramRollupConsistent(tenantId);
}

const PROGRAM_METRICS = METRICS;
const programRows = (rows: Row[]) =>
  rows
    .filter((r) => PROGRAM_METRICS.some((m) => Number(r[m]) !== 0))
    .map((r) => [(r.day as Date).toISOString().slice(0, 10), r.programId, r.sourceMarket, r.targetMarket, r.reportingCurrency, ...PROGRAM_METRICS.map((m) => String(r[m]))].join("|"))
    .sort();

/** FunnelDailyProgram (kept by triggers on FunnelDaily and ClickDaily) vs its rebuild. */
async function expectProgramRollupConsistent(tenantId: string) {
  const maintained = programRows(await prisma.$queryRaw<Row[]>`SELECT * FROM "FunnelDailyProgram" WHERE "tenantId" = ${tenantId}`);
  let rebuilt: string[] = [];
  await prisma
    .$transaction(async (tx) => {
      await tx.$executeRaw`SELECT funnel_program_rebuild(${tenantId})`;
      rebuilt = programRows(await tx.$queryRaw<Row[]>`SELECT * FROM "FunnelDailyProgram" WHERE "tenantId" = ${tenantId}`);
      throw new Error("rollback");
    })
    .catch((err: Error) => {
      if (err.message !== "rollback") throw err;
    });
  expect(maintained.some((r) => r.split("|")[5] !== "0")).toBe(true); // clicks arrived through ClickDaily's trigger
  expect(maintained).toEqual(rebuilt);
}

beforeAll(async () => {
  f = await createFunnelFixture();
});

describe("FunnelDaily upkeep", () => {
  it("matches the raw tables after the fixture's inserts", async () => {
    await expectConsistent(f.a.fixture.tenantId);
    await expectConsistent(f.b.fixture.tenantId);
  });

  it("follows referrals through status moves, re-dating, re-crediting and deletion", async () => {
    const T = f.a.fixture.tenantId;
    const refs = await prisma.referral.findMany({ where: { tenantId: T }, orderBy: { createdAt: "asc" } });
    expect(refs.length).toBeGreaterThan(4);
    const [a, b, c, d] = refs;
    await prisma.referral.update({ where: { id: a.id }, data: { status: "lost", closedAt: new Date("2026-03-05T10:00:00Z") } });
    await prisma.referral.update({ where: { id: b.id }, data: { status: "won", qualifiedAt: new Date("2026-03-02T08:00:00Z"), closedAt: new Date("2026-03-06T08:00:00Z") } });
    await prisma.referral.update({ where: { id: c.id }, data: { submittedAt: new Date("2026-02-20T12:00:00Z"), sourceMarket: "RU", targetMarket: "US" } });
    await prisma.referral.update({ where: { id: d.id }, data: { partnerId: null } });
    await expectConsistent(T);
    // A referral with a customer and revenue changes partner: its cohort revenue moves with it.
    const customer = await prisma.customer.findFirst({ where: { tenantId: T, referralId: { not: null }, events: { some: {} } } });
    expect(customer).not.toBeNull();
    await prisma.referral.update({ where: { id: customer!.referralId! }, data: { partnerId: refs.find((r) => r.partnerId && r.partnerId !== refs[0].partnerId)?.partnerId ?? null } });
    await expectConsistent(T);
  });

  it("follows events through late FX, edits and deletion, and customers through (un)linking", async () => {
    const T = f.a.fixture.tenantId;
    const missing = await prisma.conversionEvent.findFirst({ where: { tenantId: T, amountMinor: { not: null }, reportingAmountMinor: null } });
    expect(missing).not.toBeNull();
    await prisma.conversionEvent.update({ where: { id: missing!.id }, data: { reportingAmountMinor: 12_345n, reportingCurrency: "USD", fxRate: "0.0125" } });
    const some = await prisma.conversionEvent.findFirst({ where: { tenantId: T, type: "revenue", reportingAmountMinor: { not: null } } });
    await prisma.conversionEvent.update({ where: { id: some!.id }, data: { occurredAt: new Date("2026-03-03T23:59:00Z"), type: "refund" } });
    await expectConsistent(T);

    const linked = await prisma.customer.findFirst({ where: { tenantId: T, referralId: { not: null }, events: { some: {} } } });
    const free = await prisma.referral.findFirst({ where: { tenantId: T, status: { not: "draft" }, customer: null } });
    await prisma.customer.update({ where: { id: linked!.id }, data: { referralId: null } });
    await expectConsistent(T);
    await prisma.customer.update({ where: { id: linked!.id }, data: { referralId: free!.id } });
    await expectConsistent(T);

    await prisma.conversionEvent.deleteMany({ where: { tenantId: T, customerId: linked!.id } });
    // Clicks arriving later (the click writer upserts ClickDaily) reach both rollups.
    const link = await prisma.trackedLink.findFirstOrThrow({ where: { tenantId: T } });
    await prisma.$executeRaw`UPDATE "ClickDaily" SET clicks = clicks + 5 WHERE "linkId" = ${link.id}`;
    await prisma.conversionEvent.create({
      data: {
        tenantId: T, type: "lead", source: "api", idempotencyKey: "rollup-lead", payloadHash: "x", occurredAt: new Date("2026-03-02T01:00:00Z"),
        partnerId: linked!.partnerId, sourceMarket: "US", targetMarket: "RU",
      },
    });
    await expectConsistent(T);
    // The other tenant was never touched by any of this.
    await expectConsistent(f.b.fixture.tenantId);
  });

  it("moves a ClickDaily row's clicks when its pair or partner changes (a data fix re-pairing links)", async () => {
    const T = f.a.fixture.tenantId;
    const row = await prisma.clickDaily.findFirstOrThrow({ where: { tenantId: T, clicks: { gt: 0 } } });
    await prisma.$executeRaw`UPDATE "ClickDaily" SET "sourceMarket" = 'KZ', "targetMarket" = 'AE' WHERE "linkId" = ${row.linkId}`;
    await expectConsistent(T);
    const other = await prisma.partner.findFirstOrThrow({ where: { tenantId: T, id: { not: row.partnerId } } });
    await prisma.$executeRaw`UPDATE "ClickDaily" SET "partnerId" = ${other.id}, clicks = clicks + 2 WHERE "linkId" = ${row.linkId} AND day = ${row.day}`;
    await expectConsistent(T);
  });
});
