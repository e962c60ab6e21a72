// Partners choose instant status e-mails (the default, as before) or one digest a day at 08:00 in the
// agency's time zone; the partner-mail sweep honours the choice.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { getPartnerNoticeMode, setPartnerNoticeMode } from "@/lib/notifications/partner-preferences";
import { sweepPartnerNotices } from "@/lib/referrals/partner-digest";
import { submitReferral } from "@/lib/referrals/submit-referral";
import { transitionReferral } from "@/lib/referrals/transition-referral";
import { tenantWithOwner } from "../helpers/context";
import { prisma, type TenantFixture } from "../helpers/db";
import { partnerWithContext, programWith } from "../helpers/partner-context";
import { referralInput } from "../helpers/referrals";

vi.mock("server-only", () => ({}));

const APP = "https://app.test";
type Partner = Awaited<ReturnType<typeof partnerWithContext>>;
let fixture: TenantFixture;
let staff: TenantContext;
let instant: Partner;
let digest: Partner;
let programId: string;

async function moved(p: Partner, subjectName: string) {
  const tag = randomBytes(4).toString("hex");
  const { id } = await submitReferral(p.ctx, referralInput(programId, { subjectName, website: `d-${tag}.pd.test`, contactValue: `c@d-${tag}.pd.test` }));
  await transitionReferral(staff, id, { to: "in_review" });
  return id;
}
const mailsTo = (p: Partner) => prisma.outboxEmail.count({ where: { to: p.email } });
// Every unsent notice of the partner as if written on 1 December at 06:00 Moscow time.
const writtenAt0600 = (p: Partner) => prisma.partnerNotice.updateMany({ where: { partnerId: p.partnerId, sentAt: null }, data: { createdAt: new Date("2026-12-01T03:00:00Z") } });

beforeAll(async () => {
  ({ fixture, ctx: staff } = await tenantWithOwner("Digest Choice"));
  await prisma.tenant.update({ where: { id: fixture.tenantId }, data: { timeZone: "Europe/Moscow" } });
  instant = await partnerWithContext(fixture, { name: "Instant Ivan", market: "RU", locale: "ru" });
  digest = await partnerWithContext(fixture, { name: "Digest Dina", market: "RU", locale: "ru" });
  programId = (await programWith(fixture, [instant.partnerId, digest.partnerId])).id;
});

describe("the partner's choice", () => {
  it("is instant by default and changed only for the partner who chose", async () => {
    expect(await getPartnerNoticeMode(digest.ctx)).toBe("instant");
    await setPartnerNoticeMode(digest.ctx, "digest");
    expect(await getPartnerNoticeMode(digest.ctx)).toBe("digest");
    expect(await getPartnerNoticeMode(instant.ctx)).toBe("instant");
  });

  it("digest: nothing before 08:00 agency time, one mail after it, nothing more that day; instant unchanged", async () => {
    await moved(instant, "Быстрый бренд");
    await moved(digest, "Утренний бренд");
    await moved(digest, "Второй утренний бренд");
    await writtenAt0600(instant);
    await writtenAt0600(digest);

    await sweepPartnerNotices({ delaySeconds: 0, appUrl: APP, now: new Date("2026-12-01T04:59:00Z") }); // 07:59 Moscow
    expect(await mailsTo(instant)).toBe(1); // instant: as before
    expect(await mailsTo(digest)).toBe(0);

    await sweepPartnerNotices({ delaySeconds: 0, appUrl: APP, now: new Date("2026-12-01T05:01:00Z") }); // 08:01
    await sweepPartnerNotices({ delaySeconds: 0, appUrl: APP, now: new Date("2026-12-01T09:00:00Z") });
    expect(await mailsTo(digest)).toBe(1);
    const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { to: digest.email } });
    expect(mail.subject).toMatch(/^2 рекомендации обновлены/);
    expect(await prisma.partnerNotice.count({ where: { partnerId: digest.partnerId, sentAt: null } })).toBe(0);
  });
});

describe("08:00 in the agency's time zone", () => {
  it("is found across a DST change (America/New_York, 8 March 2026) and in Moscow", async () => {
    const { lastDigestBoundarySql } = await import("@/lib/notifications/digest-time");
    const { tenantWithOwner: another } = await import("../helpers/context");
    const { fixture: ny } = await another("Digest New York");
    await prisma.tenant.update({ where: { id: ny.tenantId }, data: { timeZone: "America/New_York" } });
    const boundary = async (tenantId: string, now: string) => {
      const [row] = await prisma.$queryRaw<{ b: Date }[]>`SELECT ${lastDigestBoundarySql(new Date(now))} AS b FROM "Tenant" t WHERE t."id" = ${tenantId}`;
      return row.b.toISOString();
    };
    expect(await boundary(ny.tenantId, "2026-03-07T13:30:00Z")).toBe("2026-03-07T13:00:00.000Z"); // EST: 08:00 = 13:00 UTC
    expect(await boundary(ny.tenantId, "2026-03-08T11:59:00Z")).toBe("2026-03-07T13:00:00.000Z"); // 07:59 EDT: yesterday's
    expect(await boundary(ny.tenantId, "2026-03-08T12:00:00Z")).toBe("2026-03-08T12:00:00.000Z"); // EDT: 08:00 = 12:00 UTC
    expect(await boundary(fixture.tenantId, "2026-12-06T04:30:00Z")).toBe("2026-12-05T05:00:00.000Z"); // Moscow, 07:30
    expect(await boundary(fixture.tenantId, "2026-12-06T05:30:00Z")).toBe("2026-12-06T05:00:00.000Z"); // Moscow, 08:30
  });
});
