// Partner notices are tenant-owned: another tenant can neither read, change, claim nor mail them —
// through the tenant client (first wall) nor through raw SQL that forgets the tenant (RLS, second wall).
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { tenantDb } from "@/lib/db/tenant-client";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { notifyPartner } from "@/lib/referrals/notify-partner";
import { sendPartnerDigest, sweepPartnerNotices } from "@/lib/referrals/partner-digest";
import { submitReferral } from "@/lib/referrals/submit-referral";
import { transitionReferral } from "@/lib/referrals/transition-referral";
import { tenantWithOwner } from "../helpers/context";
import { prisma, type TenantFixture } from "../helpers/db";
import { partnerWithContext, programWith } from "../helpers/partner-context";
import { referralInput } from "../helpers/referrals";

const APP = "https://app.test";
type Side = { fixture: TenantFixture; ctx: TenantContext; partner: Awaited<ReturnType<typeof partnerWithContext>>; referralId: string; noticeId: string };
let a: Side;
let b: Side;

async function side(name: string): Promise<Side> {
  const { fixture, ctx } = await tenantWithOwner(name);
  const partner = await partnerWithContext(fixture, { name: `${name} Partner` });
  const programId = (await programWith(fixture, [partner.partnerId])).id;
  const tag = randomBytes(4).toString("hex");
  const { id: referralId } = await submitReferral(partner.ctx, referralInput(programId, { subjectName: `${name} Brand`, website: `i-${tag}.test`, contactValue: `c@i-${tag}.test` }));
  await transitionReferral(ctx, referralId, { to: "in_review", note: `${name} visible note`, internal: false });
  const notice = await prisma.partnerNotice.findFirstOrThrow({ where: { referralId } });
  return { fixture, ctx, partner, referralId, noticeId: notice.id };
}

beforeAll(async () => {
  a = await side("Notice A");
  b = await side("Notice B");
});

describe("partner notices between tenants", () => {
  it("are not listed, counted or found through another tenant's client", async () => {
    const asB = tenantDb(b.fixture.tenantId);
    expect((await asB.partnerNotice.findMany()).map((n) => n.id)).toEqual([b.noticeId]);
    expect(await asB.partnerNotice.findFirst({ where: { id: a.noticeId } })).toBeNull();
    expect(await asB.partnerNotice.count({ where: { partnerId: a.partner.partnerId } })).toBe(0);
  });

  it("raw SQL without a tenant filter still sees only its own tenant's notices (row-level security)", async () => {
    const asB = tenantDb(b.fixture.tenantId);
    const rows = await asB.$queryRaw<{ id: string; tenantId: string }[]>`SELECT "id", "tenantId" FROM "PartnerNotice"`;
    expect(rows).toEqual([{ id: b.noticeId, tenantId: b.fixture.tenantId }]);
    expect(await asB.$executeRaw`UPDATE "PartnerNotice" SET "sentAt" = now() WHERE "id" = ${a.noticeId}`).toBe(0);
    await expect(asB.$executeRaw`INSERT INTO "PartnerNotice" ("id", "tenantId", "partnerId", "referralId", "toStatus")
      VALUES (${`x-${randomBytes(4).toString("hex")}`}, ${a.fixture.tenantId}, ${a.partner.partnerId}, ${a.referralId}, 'won')`).rejects.toThrow(/row-level security/);
  });

  it("cannot be changed, claimed or mailed from another tenant", async () => {
    const asB = tenantDb(b.fixture.tenantId);
    expect((await asB.partnerNotice.updateMany({ where: { id: a.noticeId }, data: { sentAt: new Date() } })).count).toBe(0);
    // B's scope asked to send A's partner's notices: nothing is claimed, nothing is mailed.
    expect(await sendPartnerDigest(b.fixture.tenantId, a.partner.partnerId, { cutoff: new Date(), now: new Date(), appUrl: APP })).toBeNull();
    // B recording a move for A's partner records nothing (the partner is not B's).
    await notifyPartner(asB, b.fixture.tenantId, { referralId: a.referralId, partnerId: a.partner.partnerId, to: "won", note: null, internal: false, rejectReason: null });
    expect(await prisma.partnerNotice.count({ where: { partnerId: a.partner.partnerId } })).toBe(1);
    expect(await prisma.partnerNotice.findUniqueOrThrow({ where: { id: a.noticeId } })).toMatchObject({ sentAt: null, outboxEmailId: null });
    expect(await prisma.outboxEmail.count({ where: { to: a.partner.email } })).toBe(0);
  });

  it("the sweep mails each partner only their own tenant's changes, as that tenant", async () => {
    await sweepPartnerNotices({ delaySeconds: 0, appUrl: APP });
    for (const [mine, other] of [[a, b], [b, a]] as const) {
      const mails = await prisma.outboxEmail.findMany({ where: { to: mine.partner.email } });
      expect(mails).toHaveLength(1);
      expect(mails[0].tenantId).toBe(mine.fixture.tenantId);
      expect(mails[0].text).toContain(`${mine.fixture.slug}/referrals/${mine.referralId}`);
      expect(mails[0].text).not.toContain(other.fixture.slug);
      expect(mails[0].text).not.toContain("Notice " + (mine === a ? "B" : "A"));
    }
  });
});
