// The batched click writer against a real database: daily rollups across UTC days, idempotent
// retries, the buffer bound, and rebuildClickDaily agreeing with what the writer maintained.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClickWriter, rebuildClickDaily } from "@/lib/tracking/click-store";
import type { ClickRow } from "@/lib/tracking/types";
import { newClickId } from "@/lib/tracking/visitor";
import { createTenantFixture, prisma } from "../helpers/db";
import { partnerIn, programIn } from "../helpers/partner-fixtures";

let pool: pg.Pool;
beforeAll(() => {
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
});
afterAll(() => pool.end());

async function link(tenantId: string) {
  const program = await programIn(tenantId);
  const partner = await partnerIn(tenantId, "active");
  return prisma.trackedLink.create({
    data: {
      tenantId,
      partnerId: partner.id,
      programId: program.id,
      code: `cs${randomBytes(5).toString("hex")}`,
      destinationUrl: "https://example.com/",
      sourceMarket: "RU",
      targetMarket: "US",
    },
  });
}

type Link = Awaited<ReturnType<typeof link>>;

function row(l: Link, at: string, extra: Partial<ClickRow> = {}): ClickRow {
  return {
    id: newClickId(),
    tenantId: l.tenantId,
    linkId: l.id,
    partnerId: l.partnerId,
    programId: l.programId,
    opportunityId: null,
    sourceMarket: l.sourceMarket,
    targetMarket: l.targetMarket,
    occurredAt: Date.parse(at),
    country: null,
    referrerHost: null,
    device: "desktop",
    visitorHash: "h",
    isBot: false,
    repeatOfId: null,
    ...extra,
  };
}

const rollup = async (tenantId: string) =>
  (await prisma.clickDaily.findMany({ where: { tenantId }, orderBy: [{ day: "asc" }, { linkId: "asc" }] })).map((r) => ({
    day: r.day.toISOString().slice(0, 10),
    linkId: r.linkId,
    partnerId: r.partnerId,
    programId: r.programId,
    sourceMarket: r.sourceMarket,
    targetMarket: r.targetMarket,
    clicks: r.clicks,
    repeats: r.repeats,
    bots: r.bots,
  }));

describe("ClickWriter", () => {
  it("splits rollups by UTC day and link, counting clicks, repeats and bots apart", async () => {
    const { tenantId } = await createTenantFixture("Rollup Agency");
    const [l1, l2] = [await link(tenantId), await link(tenantId)];
    const writer = new ClickWriter({ db: pool, intervalMs: 60_000, batchSize: 10_000 });
    const first = row(l1, "2026-11-26T23:59:59.999Z");
    writer.add(first);
    writer.add(row(l1, "2026-11-26T23:59:59.999Z", { repeatOfId: first.id }));
    writer.add(row(l1, "2026-11-27T00:00:00.000Z"));
    writer.add(row(l1, "2026-11-27T08:00:00.000Z", { isBot: true, device: "bot" }));
    writer.add(row(l2, "2026-11-27T12:00:00.000Z"));
    await writer.flush();
    // A second batch adds to the same day's counters.
    writer.add(row(l2, "2026-11-27T13:00:00.000Z"));
    await writer.close();

    const stored = await prisma.click.findFirst({ where: { id: first.id } });
    expect(stored!.occurredAt.toISOString()).toBe("2026-11-26T23:59:59.999Z");
    const common = { sourceMarket: "RU", targetMarket: "US" };
    expect(await rollup(tenantId)).toEqual(
      [
        { day: "2026-11-26", linkId: l1.id, partnerId: l1.partnerId, programId: l1.programId, ...common, clicks: 1, repeats: 1, bots: 0 },
        { day: "2026-11-27", linkId: l1.id, partnerId: l1.partnerId, programId: l1.programId, ...common, clicks: 1, repeats: 0, bots: 1 },
        { day: "2026-11-27", linkId: l2.id, partnerId: l2.partnerId, programId: l2.programId, ...common, clicks: 2, repeats: 0, bots: 0 },
      ].sort((a, b) => (a.day + a.linkId < b.day + b.linkId ? -1 : 1)),
    );
  });

  it("a batch written twice (commit acknowledged too late) is counted once", async () => {
    const { tenantId } = await createTenantFixture("Retry Agency");
    const l = await link(tenantId);
    const rows = [row(l, "2026-11-27T10:00:00Z"), row(l, "2026-11-27T10:01:00Z")];
    const writer = new ClickWriter({ db: pool, intervalMs: 60_000 });
    for (const r of rows) writer.add(r);
    await writer.flush();
    for (const r of rows) writer.add({ ...r });
    await writer.flush();
    await writer.close();
    expect(await prisma.click.count({ where: { linkId: l.id } })).toBe(2);
    expect((await rollup(tenantId))[0].clicks).toBe(2);
  });

  it("clicks on a link deleted while they were buffered are dropped, not poisoning the batch", async () => {
    const { tenantId } = await createTenantFixture("Deleted Link Agency");
    const [kept, gone] = [await link(tenantId), await link(tenantId)];
    const writer = new ClickWriter({ db: pool, intervalMs: 60_000 });
    writer.add(row(kept, "2026-11-27T10:00:00Z"));
    writer.add(row(gone, "2026-11-27T10:00:00Z"));
    await prisma.trackedLink.delete({ where: { id: gone.id } });
    await writer.close();
    expect(await prisma.click.count({ where: { tenantId } })).toBe(1);
    expect((await rollup(tenantId)).map((r) => [r.linkId, r.clicks])).toEqual([[kept.id, 1]]);
  });

  it("drops and counts clicks beyond the buffer bound instead of growing without limit", async () => {
    const { tenantId } = await createTenantFixture("Bound Agency");
    const l = await link(tenantId);
    const logged: string[] = [];
    const writer = new ClickWriter({ db: pool, intervalMs: 60_000, maxBuffered: 3, log: (m) => logged.push(m) });
    for (let i = 0; i < 5; i++) writer.add(row(l, "2026-11-27T10:00:00Z"));
    expect(writer.getStats()).toMatchObject({ buffered: 3, dropped: 2 });
    expect(logged[0]).toContain("click buffer full");
    await writer.close();
    expect(await prisma.click.count({ where: { linkId: l.id } })).toBe(3);
  });

  it("close() keeps retrying a failing database until it answers", async () => {
    const { tenantId } = await createTenantFixture("Close Agency");
    const l = await link(tenantId);
    let calls = 0;
    const flaky = {
      query: ((...args: Parameters<pg.Pool["query"]>) =>
        ++calls <= 2 ? Promise.reject(new Error("down")) : (pool.query as (...a: unknown[]) => unknown)(...args)) as pg.Pool["query"],
    };
    const writer = new ClickWriter({ db: flaky, intervalMs: 60_000, log: () => undefined });
    writer.add(row(l, "2026-11-27T10:00:00Z"));
    await writer.close();
    expect(calls).toBe(3);
    expect(await prisma.click.count({ where: { linkId: l.id } })).toBe(1);
  });
});

describe("rebuildClickDaily", () => {
  it("recomputes exactly what the writer maintained, for that tenant only", async () => {
    const a = await createTenantFixture("Rebuild A");
    const b = await createTenantFixture("Rebuild B");
    const [a1, a2, b1] = [await link(a.tenantId), await link(a.tenantId), await link(b.tenantId)];
    const writer = new ClickWriter({ db: pool, intervalMs: 60_000, batchSize: 7 });
    const days = ["2026-11-25T03:00:00Z", "2026-11-26T23:30:00Z", "2026-11-27T00:10:00Z"];
    let counted: ClickRow | undefined;
    for (let i = 0; i < 60; i++) {
      const l = [a1, a2, b1][i % 3];
      const kind = i % 5;
      const r = row(l, days[i % days.length], kind === 4 ? { isBot: true, device: "bot" } : {});
      if (kind === 3 && counted) r.repeatOfId = counted.id;
      else if (kind === 0) counted = r;
      writer.add(r);
      if (i % 13 === 0) await writer.flush();
    }
    await writer.close();

    const maintainedA = await rollup(a.tenantId);
    const maintainedB = await rollup(b.tenantId);
    expect(maintainedA.reduce((n, r) => n + r.clicks + r.repeats + r.bots, 0)).toBe(40);
    expect(maintainedA.some((r) => r.repeats > 0) && maintainedA.some((r) => r.bots > 0)).toBe(true);

    // Damage A's rollup, then repair it.
    await prisma.clickDaily.updateMany({ where: { tenantId: a.tenantId }, data: { clicks: 999 } });
    await prisma.clickDaily.deleteMany({ where: { tenantId: a.tenantId, linkId: a2.id } });
    await rebuildClickDaily(pool, a.tenantId);
    expect(await rollup(a.tenantId)).toEqual(maintainedA);
    expect(await rollup(b.tenantId)).toEqual(maintainedB);
  });
});
