import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { contactChannels, rejectReasons } from "@/lib/referrals/codes";
import { normalizeContact } from "@/lib/referrals/schemas";
import { storedPlatforms, subjectKeys } from "@/lib/referrals/subject-keys";
import { decodeReason } from "@/lib/referrals/transition-reason";
import { DEMO_PASSWORD, seedDemo } from "@/prisma/seed";
import { createScratchDatabase } from "../helpers/scratch-db";

let prisma: PrismaClient;
let drop: () => Promise<void>;

beforeAll(async () => {
  const db = await createScratchDatabase("twoway_seed");
  drop = db.drop;
  await migrate(db.url);
  prisma = createPrismaClient(db.url);
});
afterAll(async () => {
  await prisma?.$disconnect();
  await drop?.();
});

describe("seedDemo", () => {
  it("loads both demo tenants once", async () => {
    const first = await seedDemo(prisma);
    const counts = async () => ({
      tenants: await prisma.tenant.count(), referrals: await prisma.referral.count(),
      transitions: await prisma.referralTransition.count(), users: await prisma.user.count(),
    });
    const before = await counts();
    const second = await seedDemo(prisma);
    expect(second).toEqual(first);
    expect(await counts()).toEqual(before);
    expect(before.tenants).toBe(2);
    expect(first.tenantSlug).toBe("northstar");
  });

  it("gives every sign-in a working password and the promised roles", async () => {
    const { signIns } = await seedDemo(prisma);
    for (const s of signIns) {
      const user = await prisma.user.findUniqueOrThrow({ where: { email: s.email } });
      expect(await verifyPassword(DEMO_PASSWORD, user.passwordHash!)).toBe(true);
    }
    const owner = await prisma.user.findUniqueOrThrow({
      where: { email: "owner@northstar.test" },
      include: { memberships: { include: { tenant: true } } },
    });
    expect(owner.memberships.map((m) => [m.tenant.slug, m.role]).sort()).toEqual([["northstar", "owner"], ["volga", "admin"]]);
    const partners = await prisma.partner.findMany({ where: { userId: { not: null } }, include: { user: true } });
    expect(partners.map((p) => p.user!.email).sort()).toEqual(["partner.ru@northstar.test", "partner.us@northstar.test"]);
  });

  it("has referral histories that end in each referral's status", async () => {
    const referrals = await prisma.referral.findMany({
      where: { tenant: { slug: "northstar" } },
      include: { transitions: { orderBy: { createdAt: "asc" } } },
    });
    expect(new Set(referrals.map((r) => r.status))).toEqual(
      new Set(["submitted", "in_review", "qualified", "in_negotiation", "won", "lost", "rejected"]),
    );
    expect(new Set(referrals.map((r) => `${r.sourceMarket}->${r.targetMarket}`))).toEqual(
      new Set(["US->RU", "RU->US", "US->US", "RU->RU"]),
    );
    for (const r of referrals) {
      expect(r.transitions.at(-1)!.toStatus).toBe(r.status);
      r.transitions.forEach((t, i) => expect(t.fromStatus).toBe(i === 0 ? null : r.transitions[i - 1].toStatus));
      if (r.status === "won") expect(typeof r.dealValueMinor).toBe("bigint");
      if (r.status === "lost") expect(r.lostReason).toBeTruthy();
    }
  });

  it("describes each referral's subject the way a partner's submission would", async () => {
    const referrals = await prisma.referral.findMany({
      where: { tenant: { slug: "northstar" } },
      include: { brand: true, creator: { include: { platforms: true } }, subjectKeys: true, transitions: true },
    });
    for (const r of referrals) {
      const subject = r.brand ?? r.creator;
      expect(subject, r.subjectName).toBeTruthy();
      // Source is the subject's own market; the pair says where the introduction goes.
      expect(r.sourceMarket, r.subjectName).toBe(subject!.market);
      expect(r.country).toBe(subject!.country);
      expect(r.website).toBe(r.brand?.website ?? null);
      const byPlatform = (a: { platform: string }, b: { platform: string }) => a.platform.localeCompare(b.platform);
      expect(storedPlatforms(r.platforms).sort(byPlatform)).toEqual((r.creator?.platforms ?? []).map((p) => ({ platform: p.platform, handle: p.handle })).sort(byPlatform));
      // A channel the form offers, with a value the form would accept unchanged.
      expect(contactChannels).toContain(r.contactChannel);
      expect(normalizeContact(r.contactChannel as (typeof contactChannels)[number], r.contactValue!)).toEqual({ value: r.contactValue });
      // Duplicate protection: the keys a submission would write for this subject.
      const keys = subjectKeys({ ...r, platforms: storedPlatforms(r.platforms) });
      expect(keys.length, r.subjectName).toBeGreaterThan(0);
      expect(r.subjectKeys.map((k) => k.key).sort()).toEqual(keys);
      if (r.status === "rejected") {
        expect(rejectReasons).toContain(r.rejectReason);
        const step = r.transitions.find((t) => t.toStatus === "rejected")!;
        expect(decodeReason("rejected", step.reason).code).toBe(r.rejectReason);
      } else {
        expect(r.rejectReason).toBeNull();
      }
      // A won referral made its subject a client.
      if (r.status === "won") expect(subject!.isClient, r.subjectName).toBe(true);
    }
  });
  it("seeds a funnel whose daily rollups agree with its raw clicks", async () => {
    await seedDemo(prisma);
    const tenant = await prisma.tenant.findUniqueOrThrow({ where: { slug: "northstar" } });
    const raw = await prisma.$queryRaw<{ counted: bigint; repeats: bigint; bots: bigint }[]>`
      SELECT count(*) FILTER (WHERE NOT "isBot" AND "repeatOfId" IS NULL) AS counted,
             count(*) FILTER (WHERE NOT "isBot" AND "repeatOfId" IS NOT NULL) AS repeats,
             count(*) FILTER (WHERE "isBot") AS bots
      FROM "Click" WHERE "tenantId" = ${tenant.id}`;
    const rollup = await prisma.clickDaily.aggregate({ where: { tenantId: tenant.id }, _sum: { clicks: true, repeats: true, bots: true } });
    expect(Number(raw[0].counted)).toBeGreaterThan(1000);
    expect(rollup._sum).toEqual({ clicks: Number(raw[0].counted), repeats: Number(raw[0].repeats), bots: Number(raw[0].bots) });
    // Every repeat points at a counted click of the same link.
    const badRepeats = await prisma.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "Click" c LEFT JOIN "Click" o ON o.id = c."repeatOfId"
      WHERE c."tenantId" = ${tenant.id} AND c."repeatOfId" IS NOT NULL AND (o.id IS NULL OR o."linkId" <> c."linkId" OR o."repeatOfId" IS NOT NULL)`;
    expect(Number(badRepeats[0].n)).toBe(0);
    // Exactly one event lacks an FX rate (it predates the rates), and it is shown as missing.
    expect(await prisma.conversionEvent.count({ where: { tenantId: tenant.id, amountMinor: { not: null }, reportingAmountMinor: null } })).toBe(1);
    const won = await prisma.referral.count({ where: { tenantId: tenant.id, status: "won" } });
    expect(await prisma.customer.count({ where: { tenantId: tenant.id, source: "referral" } })).toBe(won);
  });
});
