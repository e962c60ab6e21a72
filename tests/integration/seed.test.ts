import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
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
});
