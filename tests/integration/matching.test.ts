import { beforeAll, describe, expect, it } from "vitest";
import type { ReferralStatus } from "@/lib/db/generated/enums";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { ForbiddenError, NotFoundError } from "@/lib/kernel/errors";
import { inviteMatch } from "@/lib/opportunities/invite-match";
import { componentKeys } from "@/lib/opportunities/matching";
import { loadMatches } from "@/lib/opportunities/matching-load";
import { memberContext, tenantWithOwner } from "../helpers/context";
import { prisma, type TenantFixture } from "../helpers/db";
import { expectedRanking, expectedTopThree, fixtureCreators, fixtureOpportunity } from "../helpers/matching-fixture";
import { mailTo, opportunityIn, optInFor } from "../helpers/opt-ins";
import { programWith } from "../helpers/partner-context";

const APP = "http://app.test";
let a: { fixture: TenantFixture; ctx: TenantContext };
let b: { fixture: TenantFixture; ctx: TenantContext };
let programId: string;
let opportunityId: string;
const ids: Record<string, string> = {};

const perfect = { market: "US" as const, languages: ["en"], niches: ["beauty", "skincare"] };
const perfectPlatforms = (tenantId: string, handle: string) => ({ create: [{ tenantId, platform: "tiktok", handle, handleNormalized: handle, audienceSize: 50_000 }] });

async function referralsFor(creatorId: string, name: string, statuses: ReferralStatus[], rejectReason: string | null = "not_a_fit") {
  for (const status of statuses) {
    await prisma.referral.create({
      data: {
        tenantId: a.fixture.tenantId, programId, kind: "creator", subjectName: name, sourceMarket: "US", targetMarket: "RU", status, creatorId,
        submittedAt: new Date(), rejectReason: status === "rejected" ? rejectReason : null,
      },
    });
  }
}

beforeAll(async () => {
  a = await tenantWithOwner("Matching Agency");
  b = await tenantWithOwner("Foreign Agency");
  programId = (await programWith(a.fixture, [], { mode: "pool" })).id;
  const { platforms, niches, audienceMin, audienceMax, targetMarket } = fixtureOpportunity;
  opportunityId = (await opportunityIn(a.ctx, programId, { platforms: [...platforms], niches: [...niches], audienceMin, audienceMax, targetMarket, sourceMarket: "RU" })).id;
  const t = a.fixture.tenantId;

  for (const c of fixtureCreators) {
    const creator = await prisma.creator.create({
      data: {
        tenantId: t, name: c.name, market: c.market, languages: [...c.languages], niches: [...c.niches], isClient: c.isClient,
        contactEmail: c.name === "Nora Vance" ? null : `${c.handle}@creators.test`,
        platforms: { create: c.platforms.map((p) => ({ tenantId: t, platform: p.platform, handle: `@${c.handle}`, handleNormalized: c.handle, audienceSize: p.audienceSize })) },
      },
    });
    ids[c.name] = creator.id;
    await referralsFor(creator.id, c.name, [
      ...Array<ReferralStatus>(c.outcomes.won).fill("won"), ...Array<ReferralStatus>(c.outcomes.lost).fill("lost"), ...Array<ReferralStatus>(c.outcomes.rejected).fill("rejected"),
    ]);
  }
  // A duplicate rejection says nothing about the creator: it must not cost Jess a point.
  await referralsFor(ids["Jess Glow"], "Jess Glow", ["rejected"], "duplicate");

  // Perfect fits that must not be suggested: archived, a brand, already invited, already opted in, another tenant's.
  await prisma.creator.create({ data: { tenantId: t, name: "Archived Perfect", ...perfect, archivedAt: new Date(), platforms: perfectPlatforms(t, "archivedperfect") } });
  await prisma.brand.create({ data: { tenantId: t, name: "Brand Perfect", ...perfect } });
  const invited = await prisma.creator.create({ data: { tenantId: t, name: "Invited Perfect", ...perfect, contactEmail: "invited@creators.test", platforms: perfectPlatforms(t, "invitedperfect") } });
  await prisma.opportunityInvitation.create({ data: { tenantId: t, opportunityId, creatorId: invited.id, email: "invited@creators.test" } });
  await prisma.creator.create({ data: { tenantId: t, name: "Opted-in Perfect", ...perfect, contactEmail: "optedin@creators.test", platforms: perfectPlatforms(t, "optedinperfect") } });
  await optInFor(t, opportunityId, { name: "Opted In Under Another Name", contactEmail: "OptedIn@creators.test", platforms: [{ platform: "youtube", handle: "@somethingelse", audienceSize: 1 }] });
  await prisma.creator.create({ data: { tenantId: b.fixture.tenantId, name: "Foreign Perfect", ...perfect, contactEmail: "foreign@creators.test", platforms: perfectPlatforms(b.fixture.tenantId, "foreignperfect") } });
});

describe("suggested matches on the fixed fixture", () => {
  it("ranks the tenant's live creators exactly as computed by hand", async () => {
    const result = await loadMatches(a.ctx, opportunityId);
    expect(result.kind).toBe("creator");
    expect(result.suggestions.map((m) => [m.candidate.name, m.total])).toEqual(expectedRanking);
    expect(result.suggestions.slice(0, 3).map((m) => [m.candidate.name, componentKeys.map((k) => m.breakdown[k].points)])).toEqual(expectedTopThree);
    expect(result.suggestions.find((m) => m.candidate.name === "Nora Vance")?.hasEmail).toBe(false);
  });

  it("lists records already invited or opted in apart, flagged, and never archived, brands or another tenant's", async () => {
    const result = await loadMatches(a.ctx, opportunityId);
    expect(result.inTouch.map((m) => [m.candidate.name, !!m.touch?.invitedAt, m.touch?.optIn ?? null])).toEqual([
      ["Invited Perfect", true, null],
      ["Opted-in Perfect", false, "new"],
    ]);
    const names = [...result.suggestions, ...result.inTouch].map((m) => m.candidate.name);
    expect(names).not.toContain("Archived Perfect");
    expect(names).not.toContain("Brand Perfect");
    expect(names).not.toContain("Foreign Perfect");
    expect(result.candidateCount).toBe(10);
  });

  it("another tenant gets 404 for this opportunity and only its own directory for its own", async () => {
    await expect(loadMatches(b.ctx, opportunityId)).rejects.toBeInstanceOf(NotFoundError);
    const own = await opportunityIn(b.ctx, (await programWith(b.fixture, [])).id);
    const result = await loadMatches(b.ctx, own.id);
    expect([...result.suggestions, ...result.inTouch].map((m) => m.candidate.name)).toEqual(["Foreign Perfect"]);
  });
});

describe("inviting a match to opt in", () => {
  it("creates one invitation, audits it and e-mails the board link in English to a US creator", async () => {
    const result = await inviteMatch(a.ctx, opportunityId, { kind: "creator", id: ids["Jess Glow"] }, APP);
    expect(result).toEqual({ status: "sent", name: "Jess Glow", email: "jessglow@creators.test", locale: "en" });
    const [mail] = await mailTo("jessglow@creators.test");
    expect(mail.subject).toBe("Matching Agency invites you: RU skincare brand seeks US beauty creators");
    expect(mail.text).toContain(`${APP}/en/o/${a.fixture.slug}/${opportunityId}`);
    expect(await prisma.opportunityInvitation.findMany({ where: { opportunityId, creatorId: ids["Jess Glow"] } })).toEqual([
      expect.objectContaining({ tenantId: a.fixture.tenantId, email: "jessglow@creators.test", invitedById: a.ctx.userId }),
    ]);
    expect(await prisma.auditLog.count({ where: { entityId: opportunityId, action: "opportunity.match_invited" } })).toBe(1);
    const after = await loadMatches(a.ctx, opportunityId);
    expect(after.suggestions.map((m) => m.candidate.name)).not.toContain("Jess Glow");
    expect(after.inTouch.map((m) => m.candidate.name)).toContain("Jess Glow");
  });

  it("a second click, or two at once, is a no-op: one invitation, one e-mail", async () => {
    const again = await inviteMatch(a.ctx, opportunityId, { kind: "creator", id: ids["Jess Glow"] }, APP);
    expect(again).toEqual({ status: "already_invited", name: "Jess Glow" });
    const racing = await Promise.all([0, 1, 2].map(() => inviteMatch(a.ctx, opportunityId, { kind: "creator", id: ids["Ava Chen"] }, APP)));
    expect(racing.map((r) => r.status).sort()).toEqual(["already_invited", "already_invited", "sent"]);
    expect(await mailTo("jessglow@creators.test")).toHaveLength(1);
    expect(await mailTo("avachen@creators.test")).toHaveLength(1);
    expect(await prisma.opportunityInvitation.count({ where: { opportunityId, creatorId: { in: [ids["Jess Glow"], ids["Ava Chen"]] } } })).toBe(2);
  });

  it("writes in Russian to a Russian-speaking creator in Kazakhstan, with the Russian board link", async () => {
    const result = await inviteMatch(a.ctx, opportunityId, { kind: "creator", id: ids["Айгерим Сатпаева"] }, APP);
    expect(result).toMatchObject({ status: "sent", locale: "ru" });
    const [mail] = await mailTo("aigerim_beauty@creators.test");
    expect(mail.subject).toBe("Matching Agency приглашает вас: Российский бренд косметики ищет авторов из США");
    expect(mail.text).toContain("Здравствуйте, Айгерим Сатпаева!");
    expect(mail.text).toContain(`${APP}/ru/o/${a.fixture.slug}/${opportunityId}`);
  });

  it("refuses without a contact e-mail, for a closed opportunity, and for a record of the wrong side", async () => {
    await expect(inviteMatch(a.ctx, opportunityId, { kind: "creator", id: ids["Nora Vance"] }, APP)).rejects.toMatchObject({ code: "match_no_email" });
    expect(await prisma.opportunityInvitation.count({ where: { creatorId: ids["Nora Vance"] } })).toBe(0);
    const closed = await opportunityIn(a.ctx, programId, { status: "closed" });
    await expect(inviteMatch(a.ctx, closed.id, { kind: "creator", id: ids["Mia Rivera"] }, APP)).rejects.toMatchObject({ code: "opportunity_not_open" });
    const brand = await prisma.brand.findFirstOrThrow({ where: { tenantId: a.fixture.tenantId, name: "Brand Perfect" } });
    await expect(inviteMatch(a.ctx, opportunityId, { kind: "brand", id: brand.id }, APP)).rejects.toBeInstanceOf(NotFoundError);
    expect(await mailTo("miarivera@creators.test")).toHaveLength(0);
  });

  it("an analyst cannot invite; another tenant cannot invite this tenant's records or into this opportunity", async () => {
    const analyst = await memberContext(a.fixture, "analyst");
    await expect(inviteMatch(analyst, opportunityId, { kind: "creator", id: ids["Mia Rivera"] }, APP)).rejects.toBeInstanceOf(ForbiddenError);
    const bOpportunity = await opportunityIn(b.ctx, (await programWith(b.fixture, [])).id);
    await expect(inviteMatch(b.ctx, opportunityId, { kind: "creator", id: ids["Mia Rivera"] }, APP)).rejects.toBeInstanceOf(NotFoundError);
    await expect(inviteMatch(b.ctx, bOpportunity.id, { kind: "creator", id: ids["Mia Rivera"] }, APP)).rejects.toBeInstanceOf(NotFoundError);
    expect(await prisma.opportunityInvitation.count({ where: { creatorId: ids["Mia Rivera"] } })).toBe(0);
    expect(await mailTo("miarivera@creators.test")).toHaveLength(0);
  });
});
