// A small funnel tenant built by direct inserts, with every number chosen so the expected tiles,
// splits, series and LTV can be computed by hand (see tests/integration/funnel-numbers.test.ts).
// The range under test is RANGE = [2026-03-01, 2026-03-04): days D1, D2, D3. D0 is the day before
// and D4 the day after (`to` is exclusive). A second tenant holds data that must never show up.
import { randomBytes } from "node:crypto";
import type { ConversionType, CustomerSource, Market, ReferralStatus } from "@/lib/db/generated/enums";
import type { PartnerContext } from "@/lib/auth/contexts/partner";
import { resolveTenantContext } from "@/lib/auth/contexts/tenant";
import { tenantWithOwner } from "./context";
import { prisma, type TenantFixture } from "./db";
import { partnerWithContext } from "./partner-context";

export const D0 = "2026-02-28";
export const D1 = "2026-03-01";
export const D2 = "2026-03-02";
export const D3 = "2026-03-03";
export const D4 = "2026-03-04";
export const RANGE = { from: new Date(`${D1}T00:00:00Z`), to: new Date(`${D4}T00:00:00Z`) };

const at = (day: string, time = "12:00") => new Date(`${day}T${time}:00Z`);

type Dims = { partnerId: string | null; programId: string | null; sourceMarket: Market | null; targetMarket: Market | null };
type LinkRef = { id: string; partnerId: string; programId: string; sourceMarket: Market; targetMarket: Market };

async function link(tenantId: string, partnerId: string, programId: string, pair: [Market, Market]): Promise<LinkRef> {
  const row = await prisma.trackedLink.create({
    data: {
      tenantId, partnerId, programId, code: `f${randomBytes(5).toString("hex")}`, destinationUrl: "https://example.test/",
      sourceMarket: pair[0], targetMarket: pair[1],
    },
  });
  return { id: row.id, partnerId, programId, sourceMarket: pair[0], targetMarket: pair[1] };
}

/** Raw clicks of one link and day (counted, repeats of the first counted one, bots) plus the matching ClickDaily row. */
async function clicksOn(tenantId: string, l: LinkRef, day: string, counts: { clicks: number; repeats?: number; bots?: number }) {
  const { clicks, repeats = 0, bots = 0 } = counts;
  const base = { tenantId, linkId: l.id, partnerId: l.partnerId, programId: l.programId, sourceMarket: l.sourceMarket, targetMarket: l.targetMarket };
  const prefix = `fc${randomBytes(4).toString("hex")}`;
  const rows = [];
  for (let i = 0; i < clicks + repeats + bots; i++) {
    const kind = i < clicks ? "counted" : i < clicks + repeats ? "repeat" : "bot";
    rows.push({
      ...base, id: `${prefix}${i}`, occurredAt: new Date(at(day, "00:00").getTime() + (i + 1) * 60_000),
      country: l.targetMarket, referrerHost: "t.me", device: kind === "bot" ? ("bot" as const) : ("mobile" as const),
      visitorHash: `${prefix}v${i}`, isBot: kind === "bot", repeatOfId: kind === "repeat" ? `${prefix}0` : null,
    });
  }
  await prisma.click.createMany({ data: rows });
  await prisma.clickDaily.create({ data: { ...base, day: at(day, "00:00"), clicks, repeats, bots } });
}

type ReferralSpec = {
  dims: { partnerId: string; programId: string; pair: [Market, Market] };
  status: ReferralStatus;
  submittedAt: Date | null;
  qualifiedAt?: Date;
  closedAt?: Date;
  subject: string;
};

async function referral(tenantId: string, spec: ReferralSpec): Promise<string> {
  const row = await prisma.referral.create({
    data: {
      tenantId, programId: spec.dims.programId, partnerId: spec.dims.partnerId, kind: "brand", subjectName: spec.subject,
      sourceMarket: spec.dims.pair[0], targetMarket: spec.dims.pair[1], status: spec.status,
      submittedAt: spec.submittedAt, qualifiedAt: spec.qualifiedAt ?? null, closedAt: spec.closedAt ?? null,
    },
  });
  return row.id;
}

async function customer(
  tenantId: string, spec: { name: string; source: CustomerSource; referralId?: string; dims: Dims; firstSeenAt: Date },
): Promise<string> {
  const row = await prisma.customer.create({
    data: {
      tenantId, name: spec.name, externalId: `${spec.name}-${randomBytes(3).toString("hex")}`, source: spec.source,
      referralId: spec.referralId ?? null, ...spec.dims, firstSeenAt: spec.firstSeenAt,
    },
  });
  return row.id;
}

type EventSpec = {
  type: ConversionType;
  occurredAt: Date;
  dims: Dims;
  reportingMinor?: bigint | null; // undefined/null = missing FX
  reportingCurrency?: string;
  customerId?: string;
  referralId?: string;
};

async function event(tenantId: string, spec: EventSpec): Promise<string> {
  const money = spec.type === "revenue" || spec.type === "refund";
  const row = await prisma.conversionEvent.create({
    data: {
      tenantId, type: spec.type, source: "api", idempotencyKey: randomBytes(8).toString("hex"), payloadHash: "x",
      occurredAt: spec.occurredAt, ...spec.dims,
      amountMinor: money ? (spec.reportingMinor ?? 123_400n) : null, currency: money ? (spec.reportingMinor == null ? "RUB" : "USD") : null,
      reportingAmountMinor: money ? (spec.reportingMinor ?? null) : null,
      reportingCurrency: money && spec.reportingMinor != null ? (spec.reportingCurrency ?? "USD") : null,
      customerId: spec.customerId ?? null, referralId: spec.referralId ?? null,
    },
  });
  return row.id;
}

export type FunnelFixture = Awaited<ReturnType<typeof createFunnelFixture>>;

export async function createFunnelFixture() {
  // ------------------------------------------------------------ tenant A (reporting currency USD)
  const { fixture: a, ctx: staffA } = await tenantWithOwner("Funnel A");
  const p1 = await partnerWithContext(a, { name: "Anna Lee", market: "US" });
  const p2 = await partnerWithContext(a, { name: "Boris Ivanov", market: "RU" });
  const p3 = await partnerWithContext(a, { name: "Chen Idle", market: "US" }); // no activity at all
  const g1 = await prisma.program.create({ data: { tenantId: a.tenantId, name: "Warm intros", markets: ["US", "RU"] } });
  const g2 = await prisma.program.create({ data: { tenantId: a.tenantId, name: "Pool", markets: ["US", "RU"] } });
  const T = a.tenantId;

  // Links: L1 P1/G1 US>RU, L2 P2/G1 RU>RU, L3 P2/G2 RU>US.
  const l1 = await link(T, p1.partnerId, g1.id, ["US", "RU"]);
  const l2 = await link(T, p2.partnerId, g1.id, ["RU", "RU"]);
  const l3 = await link(T, p2.partnerId, g2.id, ["RU", "US"]);
  await clicksOn(T, l1, D0, { clicks: 5 }); // before the range
  await clicksOn(T, l1, D1, { clicks: 10, repeats: 2, bots: 1 });
  await clicksOn(T, l1, D3, { clicks: 4 });
  await clicksOn(T, l2, D2, { clicks: 6, bots: 3 });
  await clicksOn(T, l2, D4, { clicks: 7 }); // after the range
  await clicksOn(T, l3, D1, { clicks: 3 });
  await clicksOn(T, l3, D2, { clicks: 2, repeats: 1 });

  const P1G1UR = { partnerId: p1.partnerId, programId: g1.id, pair: ["US", "RU"] as [Market, Market] };
  const P2G1RR = { partnerId: p2.partnerId, programId: g1.id, pair: ["RU", "RU"] as [Market, Market] };
  const P2G2RU = { partnerId: p2.partnerId, programId: g2.id, pair: ["RU", "US"] as [Market, Market] };
  const P1G2UR = { partnerId: p1.partnerId, programId: g2.id, pair: ["US", "RU"] as [Market, Market] };
  const P1G1UU = { partnerId: p1.partnerId, programId: g1.id, pair: ["US", "US"] as [Market, Market] };
  const r = {
    r1: await referral(T, { dims: P1G1UR, status: "won", submittedAt: at(D1, "10:00"), qualifiedAt: at(D2, "09:00"), closedAt: at(D3, "12:00"), subject: "R1" }),
    r2: await referral(T, { dims: P1G1UR, status: "qualified", submittedAt: at(D1, "11:00"), qualifiedAt: at(D3, "08:00"), subject: "R2" }),
    r3: await referral(T, { dims: P1G1UR, status: "submitted", submittedAt: at(D2, "15:00"), subject: "R3" }),
    r4: await referral(T, { dims: P2G1RR, status: "won", submittedAt: at("2026-02-20"), qualifiedAt: at("2026-02-25"), closedAt: at(D2, "10:00"), subject: "R4" }),
    r5: await referral(T, { dims: P2G2RU, status: "lost", submittedAt: at(D3, "09:00"), qualifiedAt: at(D3, "10:00"), closedAt: at(D3, "11:00"), subject: "R5" }),
    r6: await referral(T, { dims: P2G2RU, status: "draft", submittedAt: at(D1, "09:00"), subject: "R6" }),
    r7: await referral(T, { dims: P1G2UR, status: "qualified", submittedAt: at(D2, "12:00"), qualifiedAt: at(D4, "09:00"), subject: "R7" }),
    r8: await referral(T, { dims: P2G1RR, status: "submitted", submittedAt: at(D4, "09:00"), subject: "R8" }),
    r9: await referral(T, { dims: P1G1UU, status: "won", submittedAt: at(D3, "13:00"), closedAt: at(D3, "18:00"), subject: "R9" }),
  };

  const dims = (d: typeof P1G1UR): Dims => ({ partnerId: d.partnerId, programId: d.programId, sourceMarket: d.pair[0], targetMarket: d.pair[1] });
  const none: Dims = { partnerId: null, programId: null, sourceMarket: null, targetMarket: null };
  const c = {
    c1: await customer(T, { name: "C1", source: "referral", referralId: r.r1, dims: dims(P1G1UR), firstSeenAt: at(D3, "12:00") }),
    c2: await customer(T, { name: "C2", source: "referral", referralId: r.r4, dims: dims(P2G1RR), firstSeenAt: at(D2, "10:00") }),
    c3: await customer(T, { name: "C3", source: "referral", referralId: r.r9, dims: dims(P1G1UU), firstSeenAt: at(D3, "18:00") }),
    c4: await customer(T, { name: "C4", source: "direct", dims: none, firstSeenAt: at(D2, "08:00") }),
    c5: await customer(T, { name: "C5", source: "direct", dims: { ...none, sourceMarket: "US", targetMarket: "RU" }, firstSeenAt: at(D1, "07:00") }),
    c6: await customer(T, { name: "C6", source: "direct", dims: none, firstSeenAt: at("2026-02-10") }),
  };

  const e = {
    e1: await event(T, { type: "lead", occurredAt: at(D2, "10:00"), dims: dims(P1G1UR) }),
    e2: await event(T, { type: "lead", occurredAt: at(D2, "11:00"), dims: dims(P1G1UR), referralId: r.r3 }),
    e3: await event(T, { type: "close", occurredAt: at(D3, "14:00"), dims: none }),
    e4: await event(T, { type: "revenue", occurredAt: at(D3, "13:00"), dims: dims(P1G1UR), reportingMinor: 50_000n, customerId: c.c1, referralId: r.r1 }),
    e5: await event(T, { type: "revenue", occurredAt: at(D4, "10:00"), dims: dims(P1G1UR), reportingMinor: 20_000n, customerId: c.c1, referralId: r.r1 }),
    e6: await event(T, { type: "refund", occurredAt: at(D3, "15:00"), dims: dims(P1G1UR), reportingMinor: 5_000n, customerId: c.c1, referralId: r.r1 }),
    e7: await event(T, { type: "revenue", occurredAt: at(D2, "12:00"), dims: dims(P2G1RR), reportingMinor: null, customerId: c.c2, referralId: r.r4 }),
    e8: await event(T, { type: "revenue", occurredAt: at(D1, "09:00"), dims: dims(P2G1RR), reportingMinor: 30_000n, customerId: c.c2, referralId: r.r4 }),
    e9: await event(T, { type: "revenue", occurredAt: at(D2, "13:00"), dims: none, reportingMinor: 70_000n, customerId: c.c4 }),
    e10: await event(T, { type: "revenue", occurredAt: at(D3, "16:00"), dims: { ...none, sourceMarket: "US", targetMarket: "RU" }, reportingMinor: 12_000n, reportingCurrency: "EUR", customerId: c.c5 }),
    e11: await event(T, { type: "revenue", occurredAt: at(D3, "20:00"), dims: dims(P1G1UU), reportingMinor: 10_000n, customerId: c.c3, referralId: r.r9 }),
    e12: await event(T, { type: "revenue", occurredAt: at(D0, "12:00"), dims: dims(P2G1RR), reportingMinor: 40_000n, customerId: c.c2, referralId: r.r4 }),
    e13: await event(T, { type: "revenue", occurredAt: at(D2, "14:00"), dims: none, reportingMinor: 99_900n, customerId: c.c6 }),
    e14: await event(T, { type: "close", occurredAt: at(D3, "12:30"), dims: dims(P1G1UR), referralId: r.r1 }),
  };

  // ------------------------------------------------------------ tenant B (reporting currency RUB): must never show in A
  const { fixture: b, ctx: staffB } = await tenantWithOwner("Funnel B");
  await prisma.tenant.update({ where: { id: b.tenantId }, data: { reportingCurrency: "RUB" } });
  const pb = await partnerWithContext(b, { name: "Anna Lee", market: "US" }); // same name as A's P1 on purpose
  const gb = await prisma.program.create({ data: { tenantId: b.tenantId, name: "Warm intros", markets: ["US", "RU"] } });
  const lb = await link(b.tenantId, pb.partnerId, gb.id, ["US", "RU"]);
  await clicksOn(b.tenantId, lb, D1, { clicks: 100 });
  const PB = { partnerId: pb.partnerId, programId: gb.id, pair: ["US", "RU"] as [Market, Market] };
  const rb = await referral(b.tenantId, { dims: PB, status: "won", submittedAt: at(D1, "10:00"), qualifiedAt: at(D1, "12:00"), closedAt: at(D2, "10:00"), subject: "RB" });
  const cb = await customer(b.tenantId, { name: "CB", source: "referral", referralId: rb, dims: dims(PB), firstSeenAt: at(D2, "10:00") });
  await event(b.tenantId, { type: "revenue", occurredAt: at(D2, "12:00"), dims: dims(PB), reportingMinor: 777_700n, reportingCurrency: "RUB", customerId: cb, referralId: rb });
  await event(b.tenantId, { type: "lead", occurredAt: at(D2, "12:00"), dims: dims(PB) });

  // The owner's context again, as the guard would make it after the currency change.
  const staffBNow = await resolveTenantContext(b.userId, b.slug);
  if (!staffBNow || staffB.tenantId !== staffBNow.tenantId) throw new Error("tenant B lost its owner");

  return {
    a: { fixture: a as TenantFixture, staff: staffA, p1, p2, p3, g1, g2, links: { l1, l2, l3 }, r, c, e },
    b: { fixture: b as TenantFixture, staff: staffBNow, partner: pb as { partnerId: string; ctx: PartnerContext }, program: gb },
  };
}
