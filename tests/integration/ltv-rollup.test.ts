// LtvDaily (migration 20261206140000_ltv_rollup) is kept by triggers on Customer and
// ConversionEvent, and getLtvReport reads only it. Two invariants, checked after random walks of
// writes (inserts, key changes, deletes, bulk statements, re-pointed events, a customer id change,
// cross-tenant events, writes inside transactions, two transactions racing on one customer):
//   1. the trigger-kept rows equal ltv_daily_rebuild(tenant) (recomputed from the raw tables);
//   2. the report read from the rollup equals the raw query it replaced (getLtvReportFromRaw, the
//      oracle) for every filter the dashboard offers: period, partner, program, market pair,
//      cross/single market, "without", partner scope, and another reporting currency.
// The last tests break a trigger on purpose and show that the same check catches it.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { ConversionType, CustomerSource, Market } from "@/lib/db/generated/enums";
import { getLtvReport } from "@/lib/funnel/ltv";
import { getLtvReportFromRaw } from "@/lib/funnel/ltv-raw";
import { trustedFunnelScope } from "@/lib/funnel/scope";
import type { FunnelFilter, FunnelScope, MarketPair, MissingValue } from "@/lib/funnel/types";
import { getFunnelSummary } from "@/lib/funnel/queries";
import { createFunnelFixture, RANGE } from "../helpers/funnel-fixture";
import { createTenantFixture, prisma } from "../helpers/db";

const DAY = 86_400_000;
const SPAN_FROM = Date.UTC(2026, 0, 1);
const SPAN_DAYS = 120;
const MARKETS: (Market | null)[] = ["US", "RU", "KZ", null];

/** mulberry32: a small seeded generator, so a failing walk can be replayed from its seed. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  return { next, int, pick, chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof rng>;

// ---------------------------------------------------------------- the two checks

type Row = Record<string, unknown>;
const rollupLine = (r: Row) =>
  [(r.firstSeenDay as Date).toISOString().slice(0, 10), r.source, r.partnerId, r.programId, r.sourceMarket, r.targetMarket, r.reportingCurrency,
    r.customers, r.revenueMinor, r.revenueEvents, r.missingFxEvents].map(String).join("|");
const nonZero = (rows: Row[]) =>
  rows.filter((r) => ["customers", "revenueMinor", "revenueEvents", "missingFxEvents"].some((k) => Number(r[k]) !== 0)).map(rollupLine).sort();

/** Trigger-kept rows vs ltv_daily_rebuild (run in a transaction that is rolled back). */
async function rollupDifferences(tenantId: string): Promise<string[]> {
  const kept = nonZero(await prisma.$queryRaw<Row[]>`SELECT * FROM "LtvDaily" WHERE "tenantId" = ${tenantId}`);
  let rebuilt: string[] = [];
  await prisma
    .$transaction(async (tx) => {
      await tx.$executeRaw`SELECT ltv_daily_rebuild(${tenantId})`;
      rebuilt = nonZero(await tx.$queryRaw<Row[]>`SELECT * FROM "LtvDaily" WHERE "tenantId" = ${tenantId}`);
      throw new Error("rollback");
    })
    .catch((err: Error) => {
      if (err.message !== "rollback") throw err;
    });
  const keptSet = new Set(kept);
  const rebuiltSet = new Set(rebuilt);
  return [...kept.filter((l) => !rebuiltSet.has(l)).map((l) => `kept only: ${l}`), ...rebuilt.filter((l) => !keptSet.has(l)).map((l) => `rebuilt only: ${l}`)];
}

const json = (x: unknown) => JSON.stringify(x, (_k, v) => (typeof v === "bigint" ? `${v}n` : v));

/** What the compared reports contained, so a walk that only ever compared empty reports fails. */
const seen = { customers: 0, revenue: 0, missing: 0, months: 0, pairs: 0, empty: 0 };

/** Rollup report vs raw report for each (scope, filter). */
async function reportDifferences(cases: { scope: FunnelScope; filter: FunnelFilter }[]): Promise<string[]> {
  const out: string[] = [];
  for (const { scope, filter } of cases) {
    const [ours, raw] = await Promise.all([getLtvReport(scope, filter), getLtvReportFromRaw(scope, filter)]);
    if (json(ours) !== json(raw)) out.push(`${json({ scope, filter })}\n  rollup ${json(ours)}\n  raw    ${json(raw)}`);
    const both = [raw.referral, raw.direct];
    if (both.some((x) => x.customers > 0)) seen.customers++;
    else seen.empty++;
    if (both.some((x) => x.totalMinor !== 0n)) seen.revenue++;
    if (both.some((x) => x.missingFxEvents > 0)) seen.missing++;
    if (new Set(raw.byCohortMonth.map((x) => x.month)).size > 1) seen.months++;
    if (raw.byMarketPair.length > 1) seen.pairs++;
  }
  return out;
}

// ---------------------------------------------------------------- a random tenant and random writes

type World = { tenantId: string; other: string; partners: string[]; programs: string[]; customers: string[]; otherCustomers: string[]; events: string[] };

const day = (r: Rng) => new Date(SPAN_FROM + r.int(SPAN_DAYS) * DAY);
/** Instants that sit on day edges too (00:00:00.000 and 23:59:59.999 UTC). */
function instant(r: Rng): Date {
  const d = day(r).getTime();
  const edge = r.int(4);
  return new Date(edge === 0 ? d : edge === 1 ? d + DAY - 1 : d + r.int(DAY));
}

function customerFields(r: Rng, w: World) {
  const source: CustomerSource = r.chance(0.6) ? "referral" : "direct";
  return {
    source,
    partnerId: source === "referral" || r.chance(0.1) ? (r.chance(0.85) ? r.pick(w.partners) : null) : null,
    programId: r.chance(0.8) ? r.pick(w.programs) : null,
    sourceMarket: r.pick(MARKETS),
    targetMarket: r.pick(MARKETS),
    firstSeenAt: instant(r),
  };
}

async function insertCustomer(r: Rng, w: World, tenantId = w.tenantId): Promise<string> {
  const c = await prisma.customer.create({
    data: { tenantId, externalId: `x-${randomBytes(5).toString("hex")}`, name: "Customer", ...customerFields(r, w) },
  });
  return c.id;
}

/** Money fields covering every case the raw query distinguishes. */
function money(r: Rng): { reportingAmountMinor: bigint | null; reportingCurrency: string | null } {
  const amount = BigInt(r.int(200_000) - (r.chance(0.1) ? 100_000 : 0));
  const k = r.int(20);
  if (k < 11) return { reportingAmountMinor: amount, reportingCurrency: "USD" };
  if (k < 14) return { reportingAmountMinor: amount, reportingCurrency: "EUR" };
  if (k < 15) return { reportingAmountMinor: amount, reportingCurrency: "RUB" };
  if (k < 18) return { reportingAmountMinor: null, reportingCurrency: null }; // no rate yet: missing
  if (k < 19) return { reportingAmountMinor: null, reportingCurrency: "USD" };
  return { reportingAmountMinor: amount, reportingCurrency: null }; // never written by the app; neither counted nor missing in the raw query
}

function eventCustomer(r: Rng, w: World): string | null {
  const k = r.int(20);
  if (k < 16 && w.customers.length) return r.pick(w.customers);
  if (k < 18 && w.otherCustomers.length) return r.pick(w.otherCustomers); // another tenant's customer: counted nowhere
  return null;
}

async function insertEvent(r: Rng, w: World, tenantId = w.tenantId): Promise<string> {
  const type: ConversionType = r.pick(["revenue", "revenue", "revenue", "refund", "refund", "lead", "close"]);
  const e = await prisma.conversionEvent.create({
    data: {
      tenantId, type, source: "api", idempotencyKey: randomBytes(8).toString("hex"), payloadHash: "x", occurredAt: instant(r),
      amountMinor: 1n, currency: "USD", ...money(r), customerId: eventCustomer(r, w),
      partnerId: r.chance(0.5) ? r.pick(w.partners) : null, sourceMarket: r.pick(MARKETS), targetMarket: r.pick(MARKETS),
    },
  });
  return e.id;
}

async function createWorld(r: Rng): Promise<World> {
  const a = await createTenantFixture("LTV walk");
  const b = await createTenantFixture("LTV walk other");
  const w: World = {
    tenantId: a.tenantId, other: b.tenantId,
    partners: ["p1", "p2", "p3"].map((p) => `${a.tenantId}-${p}`), programs: ["g1", "g2"].map((g) => `${a.tenantId}-${g}`),
    customers: [], otherCustomers: [], events: [],
  };
  for (let i = 0; i < 4; i++) w.otherCustomers.push(await insertCustomer(r, w, b.tenantId));
  for (let i = 0; i < 18; i++) w.customers.push(await insertCustomer(r, w));
  for (let i = 0; i < 60; i++) w.events.push(await insertEvent(r, w));
  for (let i = 0; i < 6; i++) await insertEvent(r, w, b.tenantId);
  return w;
}

/** One random write; returns what it did (for the failure message). */
async function step(r: Rng, w: World): Promise<string> {
  const k = r.int(16);
  const c = w.customers.length ? r.pick(w.customers) : null;
  const e = w.events.length ? r.pick(w.events) : null;
  if (k === 0 || !c) {
    w.customers.push(await insertCustomer(r, w));
    return "insert customer";
  }
  if (k <= 2 || !e) {
    w.events.push(await insertEvent(r, w));
    return "insert event";
  }
  if (k === 3) {
    // One or several key columns of a customer.
    const f = customerFields(r, w);
    const keys = (["source", "partnerId", "programId", "sourceMarket", "targetMarket", "firstSeenAt"] as const).filter(() => r.chance(0.4));
    const data = Object.fromEntries((keys.length ? keys : (["partnerId"] as const)).map((key) => [key, f[key]]));
    await prisma.customer.update({ where: { id: c }, data });
    return `customer ${Object.keys(data).join("+")}`;
  }
  if (k === 4) {
    await prisma.customer.update({ where: { id: c }, data: { name: `Renamed ${r.int(100)}` } });
    return "customer rename (no key change)";
  }
  if (k === 5) {
    await prisma.customer.delete({ where: { id: c } });
    w.customers = w.customers.filter((x) => x !== c);
    return "delete customer (events keep no customer)";
  }
  if (k === 6) {
    await prisma.conversionEvent.update({ where: { id: e }, data: { customerId: eventCustomer(r, w) } });
    return "event re-pointed to another customer";
  }
  if (k === 7) {
    await prisma.conversionEvent.update({ where: { id: e }, data: money(r) });
    return "event money (late FX, edits)";
  }
  if (k === 8) {
    await prisma.conversionEvent.update({ where: { id: e }, data: { type: r.pick(["revenue", "refund", "lead", "close"] as const), occurredAt: instant(r) } });
    return "event type / date";
  }
  if (k === 9) {
    await prisma.conversionEvent.delete({ where: { id: e } });
    w.events = w.events.filter((x) => x !== e);
    return "delete event";
  }
  if (k === 10) {
    // A bulk statement over several customers at once.
    const [from, to] = [r.pick(w.partners), r.chance(0.3) ? null : r.pick(w.partners)];
    const n = await prisma.$executeRaw`UPDATE "Customer" SET "partnerId" = ${to} WHERE "tenantId" = ${w.tenantId} AND "partnerId" = ${from}`;
    return `bulk partner move (${n} customers)`;
  }
  if (k === 11) {
    const target = r.pick(w.customers);
    const n = await prisma.$executeRaw`UPDATE "ConversionEvent" SET "customerId" = ${target} WHERE "tenantId" = ${w.tenantId} AND "customerId" = ${c}`;
    return `bulk merge of a customer's events (${n})`;
  }
  if (k === 12) {
    // The id changes; ON UPDATE CASCADE re-points the events (fired after the rollup trigger).
    const id = `${c.slice(0, 20)}-${randomBytes(3).toString("hex")}`;
    await prisma.$executeRaw`UPDATE "Customer" SET "id" = ${id} WHERE "id" = ${c}`;
    w.customers = w.customers.map((x) => (x === c ? id : x));
    return "customer id change (cascades to events)";
  }
  if (k === 13) {
    // Several writes in one transaction, as an ingest does: move the customer, then add an event.
    const f = customerFields(r, w);
    const id = randomBytes(8).toString("hex");
    await prisma.$transaction(async (tx) => {
      await tx.customer.update({ where: { id: c }, data: { firstSeenAt: f.firstSeenAt, source: f.source } });
      await tx.conversionEvent.create({
        data: { id, tenantId: w.tenantId, type: "revenue", source: "api", idempotencyKey: id, payloadHash: "x", occurredAt: instant(r), ...money(r), customerId: c },
      });
    });
    w.events.push(id);
    return "transaction: customer moved + event";
  }
  if (k === 14) {
    const gone = await prisma.$queryRaw<{ id: string }[]>`
      DELETE FROM "ConversionEvent" WHERE "tenantId" = ${w.tenantId} AND "customerId" = ${c} AND "type" = 'refund' RETURNING "id"`;
    w.events = w.events.filter((x) => !gone.some((g) => g.id === x));
    return `bulk delete of a customer's refunds (${gone.length})`;
  }
  // An event moved to the other tenant (its customer stays here: it counts nowhere).
  await prisma.conversionEvent.update({ where: { id: e }, data: { tenantId: w.other, idempotencyKey: randomBytes(8).toString("hex") } });
  w.events = w.events.filter((x) => x !== e);
  return "event moved to another tenant";
}

/** Random filters of every kind the dashboard offers (and the partner portal's scope). */
function randomCases(r: Rng, w: World, n: number): { scope: FunnelScope; filter: FunnelFilter }[] {
  const cases: { scope: FunnelScope; filter: FunnelFilter }[] = [
    // The whole span, in the tenant's currency and in another one.
    { scope: trustedFunnelScope(w.tenantId, "USD"), filter: { from: new Date(SPAN_FROM), to: new Date(SPAN_FROM + SPAN_DAYS * DAY), basis: "period" } },
    { scope: trustedFunnelScope(w.tenantId, "EUR"), filter: { from: new Date(SPAN_FROM), to: new Date(SPAN_FROM + SPAN_DAYS * DAY), basis: "cohort" } },
  ];
  const pairs = MARKETS.flatMap((s) => MARKETS.map((t) => (s && t ? (`${s}>${t}` as MarketPair) : null))).filter((x): x is MarketPair => x !== null);
  for (let i = 0; i < n; i++) {
    const from = SPAN_FROM + (r.int(SPAN_DAYS + 10) - 5) * DAY;
    const filter: FunnelFilter = { from: new Date(from), to: new Date(from + (1 + r.int(r.chance(0.3) ? 3 : 90)) * DAY), basis: r.chance(0.5) ? "period" : "cohort" };
    if (r.chance(0.3)) filter.partnerId = r.chance(0.9) ? r.pick(w.partners) : "nobody";
    if (r.chance(0.25)) filter.programId = r.pick(w.programs);
    if (r.chance(0.25)) filter.marketPair = r.pick(pairs);
    if (r.chance(0.2)) filter.crossMarket = r.pick(["cross", "single"] as const);
    if (r.chance(0.15)) filter.without = r.pick(["partner", "program", "markets"] as readonly MissingValue[]);
    const currency = r.pick(["USD", "USD", "USD", "EUR", "RUB"]);
    const scope = r.chance(0.15) ? trustedFunnelScope(w.tenantId, currency, r.pick(w.partners)) : trustedFunnelScope(w.tenantId, currency);
    cases.push({ scope, filter });
  }
  return cases;
}

async function expectAgreement(r: Rng, w: World, label: string) {
  expect(await rollupDifferences(w.tenantId), `${label}: LtvDaily vs ltv_daily_rebuild`).toEqual([]);
  expect(await rollupDifferences(w.other), `${label}: other tenant's LtvDaily`).toEqual([]);
  expect(await reportDifferences(randomCases(r, w, 14)), `${label}: report vs raw`).toEqual([]);
}

// ---------------------------------------------------------------- the tests

const SEEDS = (process.env.LTV_WALK_SEEDS ?? "101,202,303,404").split(",").map(Number);
const STEPS = Number(process.env.LTV_WALK_STEPS ?? 100);

describe("LtvDaily on the hand-computed funnel fixture", () => {
  it("gives the report of funnel-numbers.test.ts and the raw query's for each filter", async () => {
    const f = await createFunnelFixture();
    const scope = trustedFunnelScope(f.a.fixture.tenantId, "USD");
    const period: FunnelFilter = { ...RANGE, basis: "period" };
    expect((await getLtvReport(scope, period)).referral).toEqual({ customers: 3, totalMinor: 145_000n, averageMinor: 48_333n, missingFxEvents: 1 });
    const filters: FunnelFilter[] = [
      period, { ...period, partnerId: f.a.p1.partnerId }, { ...period, programId: f.a.g2.id }, { ...period, marketPair: "US>RU" },
      { ...period, crossMarket: "single" }, { ...period, without: "markets" }, { ...period, without: "partner" },
      { from: new Date("2026-02-01T00:00:00Z"), to: new Date("2026-04-01T00:00:00Z"), basis: "cohort" },
    ];
    const cases = [
      ...filters.map((filter) => ({ scope, filter })),
      { scope: trustedFunnelScope(f.a.fixture.tenantId, "EUR"), filter: period },
      { scope: trustedFunnelScope(f.a.fixture.tenantId, "USD", f.a.p2.partnerId), filter: period },
      { scope: trustedFunnelScope(f.b.fixture.tenantId, "RUB"), filter: period },
    ];
    expect(await reportDifferences(cases)).toEqual([]);
    expect(await rollupDifferences(f.a.fixture.tenantId)).toEqual([]);
    // The rollup is not vacuous: it holds the fixture's customers and money.
    const [{ n }] = await prisma.$queryRaw<{ n: number }[]>`SELECT SUM("customers")::int AS n FROM "LtvDaily" WHERE "tenantId" = ${f.a.fixture.tenantId}`;
    expect(n).toBe(6);
  });
});

describe.each(SEEDS)("a random walk of writes (seed %i)", (seed) => {
  it(`keeps LtvDaily = rebuild and the report = the raw query after each of ${STEPS} writes`, async () => {
    const r = rng(seed);
    const w = await createWorld(r);
    await expectAgreement(r, w, `seed ${seed}, initial data`);
    const done: string[] = [];
    for (let i = 1; i <= STEPS; i++) {
      done.push(await step(r, w));
      // Every write against the rebuild; the (slower) report comparison every few writes.
      expect(await rollupDifferences(w.tenantId), `seed ${seed} after: ${done.slice(-3).join(", ")}`).toEqual([]);
      if (i % 6 === 0 || i === STEPS) await expectAgreement(r, w, `seed ${seed}, step ${i} (${done.at(-1)})`);
    }
    // The walk covered every kind of write, and the tenant still has customers and money to compare.
    expect(new Set(done.map((d) => d.replace(/ \(.*$/, ""))).size).toBeGreaterThanOrEqual(12);
    const [{ n, money }] = await prisma.$queryRaw<{ n: number; money: number }[]>`
      SELECT SUM("customers")::int AS n, COUNT(*) FILTER (WHERE "revenueMinor" <> 0)::int AS money FROM "LtvDaily" WHERE "tenantId" = ${w.tenantId}`;
    expect(n).toBeGreaterThan(5);
    expect(money).toBeGreaterThan(3);
  }, 120_000);
});

describe("the walks", () => {
  it("compared reports with customers, revenue, missing FX, several months and pairs (and empty ones)", () => {
    for (const [k, n] of Object.entries(seen)) expect(n, k).toBeGreaterThan(SEEDS.length);
  });
});

describe("a tenant deleted with its customers and events", () => {
  // Deleting a tenant that has conversion events already fails on FunnelDailyProgram's foreign key
  // (its triggers insert rows for the tenant being deleted; found while writing this, not changed
  // here): with the FunnelDaily triggers off, in a transaction that is rolled back, LtvDaily's own
  // triggers must not be what stops it.
  it("is not blocked by LtvDaily's triggers, and takes its rollup rows along", async () => {
    const r = rng(5);
    const w = await createWorld(r);
    let left = -1;
    await prisma
      .$transaction(async (tx) => {
        for (const [table, trigger] of [["ConversionEvent", "ConversionEvent_funnel_daily"], ["Customer", "Customer_funnel_daily"], ["FunnelDaily", "FunnelDaily_by_program"]]) {
          await tx.$executeRawUnsafe(`ALTER TABLE "${table}" DISABLE TRIGGER "${trigger}"`);
        }
        await tx.$executeRaw`DELETE FROM "Tenant" WHERE "id" = ${w.tenantId}`;
        [{ n: left }] = await tx.$queryRaw<{ n: number }[]>`SELECT COUNT(*)::int AS n FROM "LtvDaily" WHERE "tenantId" = ${w.tenantId}`;
        throw new Error("rollback");
      })
      .catch((err: Error) => {
        if (err.message !== "rollback") throw err;
      });
    expect(left).toBe(0);
    expect(await rollupDifferences(w.tenantId)).toEqual([]); // rolled back: still there, still exact
    expect(await rollupDifferences(w.other)).toEqual([]);
  });
});

// ---------------------------------------------------------------- concurrency

describe("two transactions racing on one customer", () => {
  let c1: pg.Client;
  let c2: pg.Client;
  beforeAll(async () => {
    [c1, c2] = [new pg.Client({ connectionString: inject("databaseUrl") }), new pg.Client({ connectionString: inject("databaseUrl") })];
    await Promise.all([c1.connect(), c2.connect()]);
  });
  afterAll(async () => {
    await Promise.all([c1?.end(), c2?.end()]);
  });

  const insertEventSql = `INSERT INTO "ConversionEvent" ("id", "tenantId", "type", "source", "idempotencyKey", "payloadHash", "occurredAt",
    "reportingAmountMinor", "reportingCurrency", "customerId") VALUES ($1, $2, 'revenue', 'api', $1, 'x', now(), 5000, 'USD', $3)`;

  it.each(["the customer moves first", "the event arrives first"])("end exact when %s", async (order) => {
    const r = rng(7);
    const t = await createTenantFixture("LTV race");
    const w: World = { tenantId: t.tenantId, other: t.tenantId, partners: ["a", "b"], programs: ["g"], customers: [], otherCustomers: [], events: [] };
    const customer = await insertCustomer(r, w);
    await prisma.customer.update({ where: { id: customer }, data: { partnerId: "a", source: "referral" } });
    const eventId = randomBytes(8).toString("hex");
    await c1.query("BEGIN");
    await c2.query("BEGIN");
    try {
      if (order === "the customer moves first") {
        await c1.query(`UPDATE "Customer" SET "partnerId" = 'b' WHERE "id" = $1`, [customer]);
        const pending = c2.query(insertEventSql, [eventId, t.tenantId, customer]); // waits for c1's row lock
        await new Promise((res) => setTimeout(res, 150));
        await c1.query("COMMIT");
        await pending;
        await c2.query("COMMIT");
      } else {
        await c2.query(insertEventSql, [eventId, t.tenantId, customer]);
        const pending = c1.query(`UPDATE "Customer" SET "partnerId" = 'b' WHERE "id" = $1`, [customer]); // waits for c2's share lock
        await new Promise((res) => setTimeout(res, 150));
        await c2.query("COMMIT");
        await pending;
        await c1.query("COMMIT");
      }
    } catch (err) {
      await Promise.all([c1.query("ROLLBACK"), c2.query("ROLLBACK")]);
      throw err;
    }
    expect(await rollupDifferences(t.tenantId)).toEqual([]);
    const rows = await prisma.$queryRaw<{ partnerId: string; revenue: bigint }[]>`
      SELECT "partnerId", SUM("revenueMinor")::bigint AS revenue FROM "LtvDaily" WHERE "tenantId" = ${t.tenantId} GROUP BY 1 HAVING SUM("revenueMinor") <> 0`;
    expect(rows).toEqual([{ partnerId: "b", revenue: 5000n }]);
  });
});

// ---------------------------------------------------------------- the checks can fail

/** Replaces a trigger function's body for the duration of `fn` (restored from pg_get_functiondef). */
async function withBrokenFunction(name: string, breakIt: (def: string) => string, fn: () => Promise<void>) {
  const [{ def }] = await prisma.$queryRaw<{ def: string }[]>`
    SELECT pg_get_functiondef(p.oid) AS def FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = current_schema() AND p.proname = ${name}`;
  const broken = breakIt(def);
  expect(broken).not.toBe(def);
  await prisma.$executeRawUnsafe(broken);
  try {
    await fn();
  } finally {
    await prisma.$executeRawUnsafe(def);
  }
}

describe("the checks catch a broken rollup", () => {
  it("a trigger that adds refunds instead of subtracting them", async () => {
    const r = rng(11);
    await withBrokenFunction("ltv_daily_event", (def) => def.replace("-ABS(", "ABS("), async () => {
      const w = await createWorld(r);
      const diffs = [...(await rollupDifferences(w.tenantId)), ...(await reportDifferences(randomCases(r, w, 4)))];
      expect(diffs.length).toBeGreaterThan(0);
      expect(diffs.join("\n")).toMatch(/rebuilt only|raw /);
    });
  });

  it("a customer trigger that forgets to move the events' money with the customer", async () => {
    const r = rng(12);
    const w = await createWorld(r);
    expect(await rollupDifferences(w.tenantId)).toEqual([]);
    await withBrokenFunction("ltv_daily_customer", (def) => def.replace(/FOR x IN[\s\S]*END LOOP;/, ""), async () => {
      const withMoney = await prisma.customer.findFirstOrThrow({ where: { tenantId: w.tenantId, events: { some: { type: "revenue", reportingCurrency: "USD" } } } });
      await prisma.customer.update({ where: { id: withMoney.id }, data: { firstSeenAt: new Date(SPAN_FROM + 200 * DAY) } });
      expect(await rollupDifferences(w.tenantId)).not.toEqual([]);
      const whole = { from: new Date(SPAN_FROM), to: new Date(SPAN_FROM + 365 * DAY), basis: "period" as const };
      expect(await reportDifferences([{ scope: trustedFunnelScope(w.tenantId, "USD"), filter: whole }])).not.toEqual([]);
    });
  });

  it("leaves the funnel's other rollups alone (the summary still reads FunnelDaily)", async () => {
    const f = await createFunnelFixture();
    const s = await getFunnelSummary(trustedFunnelScope(f.a.fixture.tenantId, "USD"), { ...RANGE, basis: "period" });
    expect(s.totals.clicks).toBe(25);
  });
});
