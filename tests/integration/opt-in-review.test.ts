import { beforeAll, describe, expect, it } from "vitest";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { ForbiddenError, NotFoundError } from "@/lib/kernel/errors";
import { listOptIns, reviewQuery } from "@/lib/opportunities/review";
import { ACCEPTED_REASON, acceptOptIn } from "@/lib/opportunities/review-accept";
import { decideOptIn } from "@/lib/opportunities/review-decide";
import { listReferrals } from "@/lib/referrals/list-referrals";
import { pipelineQuery } from "@/lib/referrals/list-query";
import { getMyReferral } from "@/lib/referrals/partner-referrals";
import { submitReferral } from "@/lib/referrals/submit-referral";
import { memberContext, tenantWithOwner } from "../helpers/context";
import { prisma, type TenantFixture } from "../helpers/db";
import { mailTo, opportunityIn, optInFor } from "../helpers/opt-ins";
import { partnerWithContext, programWith } from "../helpers/partner-context";
import { referralInput } from "../helpers/referrals";

const APP = "http://app.test";
let a: { fixture: TenantFixture; ctx: TenantContext };
let b: { fixture: TenantFixture; ctx: TenantContext };
let boris: Awaited<ReturnType<typeof partnerWithContext>>;
let alice: Awaited<ReturnType<typeof partnerWithContext>>;
let programId: string;
let opportunityId: string;

beforeAll(async () => {
  a = await tenantWithOwner("Review Agency");
  b = await tenantWithOwner("Other Agency");
  boris = await partnerWithContext(a.fixture, { name: "Борис Орлов", market: "RU", locale: "ru" });
  alice = await partnerWithContext(a.fixture, { name: "Alice Walker", market: "US" });
  programId = (await programWith(a.fixture, [boris.partnerId, alice.partnerId], { mode: "both" })).id;
  opportunityId = (await opportunityIn(a.ctx, programId)).id;
});

const ref = (optInId: string, opportunity = opportunityId) => ({ opportunityId: opportunity, optInId });

describe("accepting an opt-in", () => {
  it("creates the creator in the directory and a pool referral in the pipeline, credited to the partner", async () => {
    const optIn = await optInFor(a.fixture.tenantId, opportunityId, {
      name: "Jess Glow", market: "US", country: "US", contactName: "Jess", contactEmail: "Jess@Glow.test", partnerId: boris.partnerId, locale: "en",
      platforms: [{ platform: "tiktok", handle: "@JessGlow", audienceSize: 82_000 }, { platform: "instagram", handle: "instagram.com/jess.glow", audienceSize: 31_000 }],
    });
    const result = await acceptOptIn(a.ctx, ref(optIn.id), "Great fit for the Q1 launch", { appUrl: APP });
    expect(result).toMatchObject({ duplicate: false, created: true });

    const creator = await prisma.creator.findUniqueOrThrow({ where: { id: result.creatorId! }, include: { platforms: { orderBy: { platform: "asc" } } } });
    expect(creator).toMatchObject({ tenantId: a.fixture.tenantId, name: "Jess Glow", market: "US", country: "US", contactEmail: "Jess@Glow.test", languages: ["en"], isClient: false });
    expect(creator.platforms.map((p) => [p.tenantId, p.platform, p.handleNormalized, p.audienceSize])).toEqual([
      [a.fixture.tenantId, "instagram", "jess.glow", 31_000],
      [a.fixture.tenantId, "tiktok", "jessglow", 82_000],
    ]);

    const referral = await prisma.referral.findUniqueOrThrow({ where: { id: result.referralId }, include: { transitions: true, subjectKeys: true } });
    expect(referral).toMatchObject({
      tenantId: a.fixture.tenantId, programId, opportunityId, partnerId: boris.partnerId, mechanic: "pool", kind: "creator", creatorId: creator.id,
      subjectName: "Jess Glow", sourceMarket: "US", targetMarket: "RU", status: "submitted", contactChannel: "email", contactValue: "jess@glow.test",
      fitReason: optIn.pitch, consentToIntro: true, duplicateOfId: null,
    });
    expect(referral.submittedAt).toBeInstanceOf(Date);
    expect(referral.transitions.map((t) => [t.fromStatus, t.toStatus, t.actorUserId, t.reason])).toEqual([[null, "submitted", a.ctx.userId, ACCEPTED_REASON]]);
    expect(referral.subjectKeys.map((k) => k.key).sort()).toEqual(["email:jess@glow.test", "instagram:jess.glow", "tiktok:jessglow"]);

    const row = await prisma.optIn.findUniqueOrThrow({ where: { id: optIn.id } });
    expect(row).toMatchObject({ status: "accepted", referralId: referral.id, reviewedById: a.ctx.userId, decisionNote: "Great fit for the Q1 launch" });
    expect(await prisma.auditLog.count({ where: { entityId: optIn.id, action: "opt_in.accepted", actorUserId: a.ctx.userId } })).toBe(1);

    // In the staff pipeline, and in the credited partner's portal.
    const pipeline = await listReferrals(a.ctx, pipelineQuery.parse({ partner: boris.partnerId }));
    expect(pipeline.items.map((r) => r.id)).toContain(referral.id);
    const seenByPartner = await getMyReferral(boris.ctx, referral.id);
    expect(seenByPartner.status).toBe("submitted");
    // The applicant's contact details and pitch are not the credited partner's to see.
    expect([seenByPartner.contactName, seenByPartner.contactValue, seenByPartner.fitReason]).toEqual([null, null, null]);
  });

  it("e-mails the applicant in their language and the credited partner in theirs, never the internal note", async () => {
    const optIn = await optInFor(a.fixture.tenantId, opportunityId, { name: "Sasha Lee", contactEmail: "sasha@creators.test", partnerId: boris.partnerId, locale: "en" });
    const before = (await mailTo(boris.email)).length;
    const { referralId } = await acceptOptIn(a.ctx, ref(optIn.id), "internal: ask about rates", { appUrl: APP });
    const [applicant] = await mailTo("sasha@creators.test");
    expect(applicant.subject).toBe("Review Agency: your application for “RU skincare brand seeks US beauty creators” is accepted");
    expect(applicant.text).toContain("Hello Sasha Lee,");
    const partnerMail = (await mailTo(boris.email)).slice(before);
    expect(partnerMail).toHaveLength(1);
    expect(partnerMail[0].subject).toBe("Отклик по вашей ссылке: Sasha Lee");
    expect(partnerMail[0].text).toContain("«Российский бренд косметики ищет авторов из США»");
    expect(partnerMail[0].text).toContain(`${APP}/ru/p/${a.fixture.slug}/referrals/${referralId}`);
    for (const mail of [applicant, ...partnerMail]) expect(mail.text).not.toContain("ask about rates");
  });

  it("links an existing directory record found by a handle spelled differently, and fills only what is missing", async () => {
    const existing = await prisma.creator.create({
      data: {
        tenantId: a.fixture.tenantId, name: "Mia (directory)", market: "US", niches: ["beauty"], archivedAt: new Date(),
        platforms: { create: [{ tenantId: a.fixture.tenantId, platform: "tiktok", handle: "miarivera", handleNormalized: "miarivera", audienceSize: 140_000 }] },
      },
    });
    const optIn = await optInFor(a.fixture.tenantId, opportunityId, {
      name: "Mia Rivera", contactEmail: "mia@rivera.test",
      platforms: [{ platform: "tiktok", handle: "https://www.tiktok.com/@MiaRivera", audienceSize: 150_000 }, { platform: "youtube", handle: "@miayt", audienceSize: 5_000 }],
    });
    const result = await acceptOptIn(a.ctx, ref(optIn.id), null);
    expect(result).toMatchObject({ creatorId: existing.id, created: false, duplicate: false });
    const creator = await prisma.creator.findUniqueOrThrow({ where: { id: existing.id }, include: { platforms: { orderBy: { platform: "asc" } } } });
    expect(creator).toMatchObject({ name: "Mia (directory)", contactEmail: "mia@rivera.test", archivedAt: null });
    expect(creator.platforms.map((p) => [p.platform, p.handleNormalized, p.audienceSize])).toEqual([["tiktok", "miarivera", 140_000], ["youtube", "miayt", 5_000]]);
    expect(await prisma.creator.count({ where: { tenantId: a.fixture.tenantId, name: "Mia Rivera" } })).toBe(0);
  });

  it("creates a brand for a creator's opportunity and links the next opt-in of the same website to it", async () => {
    const seeksBrands = await opportunityIn(a.ctx, programId, { side: "creator_seeks_brands", sourceMarket: "US", targetMarket: "RU" });
    const first = await optInFor(a.fixture.tenantId, seeksBrands.id, { kind: "brand", name: "Glow Lab", market: "RU", country: "RU", website: "https://www.GlowLab.ru/shop/", platforms: [], contactEmail: "anna@glowlab.ru", locale: "ru" });
    const accepted = await acceptOptIn(a.ctx, ref(first.id, seeksBrands.id), null);
    const brand = await prisma.brand.findUniqueOrThrow({ where: { id: accepted.brandId! } });
    expect(brand).toMatchObject({ name: "Glow Lab", market: "RU", websiteNormalized: "glowlab.ru/shop", contactEmail: "anna@glowlab.ru", languages: ["ru"] });
    expect(await prisma.referral.findUniqueOrThrow({ where: { id: accepted.referralId } })).toMatchObject({ kind: "brand", brandId: brand.id, sourceMarket: "RU", targetMarket: "US", partnerId: null });

    const second = await optInFor(a.fixture.tenantId, seeksBrands.id, { kind: "brand", name: "GlowLab RU", market: "RU", website: "glowlab.ru", platforms: [], contactEmail: "sales@glowlab.ru" });
    const again = await acceptOptIn(a.ctx, ref(second.id, seeksBrands.id), null);
    expect(again.created).toBe(false);
    expect(again.brandId).toBe(brand.id);
  });
});

describe("duplicate rules apply as to a direct referral", () => {
  it("an opt-in of a subject a partner already referred becomes a duplicate of that referral", async () => {
    const earlier = await submitReferral(alice.ctx, referralInput(programId, {
      kind: "creator", subjectName: "Nora Vance", sourceMarket: "US", targetMarket: "RU", website: null, contactValue: "nora@first.test",
      platforms: [{ platform: "tiktok", handle: "@noravance" }],
    }));
    const optIn = await optInFor(a.fixture.tenantId, opportunityId, { name: "Nora V.", contactEmail: "nora@second.test", partnerId: boris.partnerId, platforms: [{ platform: "tiktok", handle: "NoraVance", audienceSize: 50_000 }] });
    const before = (await mailTo(boris.email)).length;
    const result = await acceptOptIn(a.ctx, ref(optIn.id), null);
    expect(result.duplicate).toBe(true);
    const referral = await prisma.referral.findUniqueOrThrow({ where: { id: result.referralId }, include: { transitions: { orderBy: { createdAt: "asc" } } } });
    expect(referral).toMatchObject({ status: "rejected", rejectReason: "duplicate", duplicateReason: "already_referred", duplicateOfId: earlier.id, partnerId: boris.partnerId, mechanic: "pool" });
    expect(referral.transitions.map((t) => [t.fromStatus, t.toStatus, t.actorUserId])).toEqual([[null, "submitted", a.ctx.userId], ["submitted", "rejected", null]]);
    expect(await prisma.optIn.findUniqueOrThrow({ where: { id: optIn.id } })).toMatchObject({ status: "accepted", referralId: referral.id });
    const [partnerMail] = (await mailTo(boris.email)).slice(before);
    expect(partnerMail.text).toContain("закрыта как повтор");
    expect(partnerMail.text).not.toContain("Alice");
  });

  it("an opt-in of a client becomes a duplicate with reason already_client", async () => {
    const client = await prisma.creator.create({ data: { tenantId: a.fixture.tenantId, name: "Client Creator", market: "US", isClient: true, contactEmail: "client@creators.test" } });
    const optIn = await optInFor(a.fixture.tenantId, opportunityId, { name: "Client Again", contactEmail: "CLIENT@creators.test" });
    const result = await acceptOptIn(a.ctx, ref(optIn.id), null);
    expect(result).toMatchObject({ duplicate: true, creatorId: client.id });
    expect(await prisma.referral.findUniqueOrThrow({ where: { id: result.referralId } })).toMatchObject({ duplicateReason: "already_client", duplicateOfId: null });
  });

  it("a later direct referral of an accepted opt-in's subject is the duplicate", async () => {
    const optIn = await optInFor(a.fixture.tenantId, opportunityId, { name: "First Through Board", platforms: [{ platform: "instagram", handle: "@boardfirst", audienceSize: 20_000 }] });
    const accepted = await acceptOptIn(a.ctx, ref(optIn.id), null);
    const later = await submitReferral(alice.ctx, referralInput(programId, { kind: "creator", website: null, contactValue: "other@x.test", platforms: [{ platform: "instagram", handle: "boardfirst" }] }));
    expect(later.duplicate).toBe(true);
    expect((await prisma.referral.findUniqueOrThrow({ where: { id: later.id } })).duplicateOfId).toBe(accepted.referralId);
  });
});

describe("accepting twice", () => {
  it("concurrent accepts of one opt-in make exactly one referral (×5)", async () => {
    for (let i = 0; i < 5; i++) {
      const optIn = await optInFor(a.fixture.tenantId, opportunityId, { name: `Race ${i}` });
      const results = await Promise.allSettled([acceptOptIn(a.ctx, ref(optIn.id), null), acceptOptIn(a.ctx, ref(optIn.id), null)]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(refused.reason).toMatchObject({ code: "opt_in_already_accepted" });
      expect(await prisma.referral.count({ where: { tenantId: a.fixture.tenantId, subjectName: `Race ${i}` } })).toBe(1);
      expect(await prisma.creator.count({ where: { tenantId: a.fixture.tenantId, name: `Race ${i}` } })).toBe(1);
    }
  });

  it("a second accept later is refused and changes nothing", async () => {
    const optIn = await optInFor(a.fixture.tenantId, opportunityId, { name: "Accepted Once" });
    const first = await acceptOptIn(a.ctx, ref(optIn.id), null);
    await expect(acceptOptIn(a.ctx, ref(optIn.id), null)).rejects.toMatchObject({ code: "opt_in_already_accepted" });
    await expect(decideOptIn(a.ctx, ref(optIn.id), "decline", null)).rejects.toMatchObject({ code: "opt_in_already_accepted" });
    expect(await prisma.optIn.findUniqueOrThrow({ where: { id: optIn.id } })).toMatchObject({ status: "accepted", referralId: first.referralId });
  });
});

describe("shortlisting and declining", () => {
  it("declines with an internal note and e-mails the applicant politely in Russian when they wrote in Russian", async () => {
    const optIn = await optInFor(a.fixture.tenantId, opportunityId, { name: "Айгерим", contactEmail: "aigerim@mail.test", locale: "ru", market: "KZ" });
    await decideOptIn(a.ctx, ref(optIn.id), "shortlist", null);
    await decideOptIn(a.ctx, ref(optIn.id), "decline", "Аудитория слишком молодая", { appUrl: APP });
    expect(await prisma.optIn.findUniqueOrThrow({ where: { id: optIn.id } })).toMatchObject({ status: "declined", decisionNote: "Аудитория слишком молодая", reviewedById: a.ctx.userId, referralId: null });
    const mails = await mailTo("aigerim@mail.test");
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe("Review Agency: ваш отклик на «Российский бренд косметики ищет авторов из США»");
    expect(mails[0].text).toContain("Здравствуйте, Айгерим!");
    expect(mails[0].text).toContain(`${APP}/ru/o/${a.fixture.slug}`);
    expect(mails[0].text).not.toContain("молодая");
    expect(await prisma.auditLog.findMany({ where: { entityId: optIn.id }, select: { action: true }, orderBy: { createdAt: "asc" } })).toEqual([{ action: "opt_in.shortlisted" }, { action: "opt_in.declined" }]);
    await expect(acceptOptIn(a.ctx, ref(optIn.id), null)).rejects.toMatchObject({ code: "opt_in_decision_invalid" });
  });

  it("writes to an English applicant in English, falling back to the Russian title when there is no English one", async () => {
    const ruOnly = await opportunityIn(a.ctx, programId, { titleEn: null, titleRu: "Только по-русски" });
    const optIn = await optInFor(a.fixture.tenantId, ruOnly.id, { name: "Ben", contactEmail: "ben@mail.test", locale: "en" });
    await decideOptIn(a.ctx, ref(optIn.id, ruOnly.id), "decline", null, { appUrl: APP });
    const [mail] = await mailTo("ben@mail.test");
    expect(mail.subject).toBe("Review Agency: about your application for “Только по-русски”");
    expect(mail.text).toContain("Hello Ben,");
  });

  it("takes an opt-in off the shortlist, and only a shortlisted one", async () => {
    const optIn = await optInFor(a.fixture.tenantId, opportunityId);
    await expect(decideOptIn(a.ctx, ref(optIn.id), "unshortlist", null)).rejects.toMatchObject({ code: "opt_in_decision_invalid" });
    await decideOptIn(a.ctx, ref(optIn.id), "shortlist", null);
    await decideOptIn(a.ctx, ref(optIn.id), "unshortlist", null);
    expect((await prisma.optIn.findUniqueOrThrow({ where: { id: optIn.id } })).status).toBe("new");
  });
});

describe("the review list", () => {
  it("filters by status, counts every status, and shows partner credit and the consent record", async () => {
    const opportunity = await opportunityIn(a.ctx, programId);
    const credited = await optInFor(a.fixture.tenantId, opportunity.id, { name: "Credited", partnerId: boris.partnerId, locale: "ru" });
    const shortlisted = await optInFor(a.fixture.tenantId, opportunity.id, { name: "Shortlisted" });
    await decideOptIn(a.ctx, ref(shortlisted.id, opportunity.id), "shortlist", null);

    const all = await listOptIns(a.ctx, opportunity.id, reviewQuery.parse({}));
    expect(all.statusCounts).toEqual({ new: 1, shortlisted: 1 });
    const item = all.items.find((i) => i.id === credited.id)!;
    expect(item.partner).toMatchObject({ id: boris.partnerId, name: "Борис Орлов" });
    expect(item).toMatchObject({ consentVersion: "board-consent-2026-11", consentedAt: new Date("2026-11-02T10:30:00Z"), locale: "ru" });
    expect(item).not.toHaveProperty("ipHash");
    expect(item.platforms[0]).toMatchObject({ platform: "tiktok", audienceSize: 45_000 });

    const filtered = await listOptIns(a.ctx, opportunity.id, reviewQuery.parse({ status: "shortlisted" }));
    expect(filtered.items.map((i) => [i.name, i.reviewer])).toEqual([["Shortlisted", { kind: "staff", name: "Review Agency Owner" }]]);
    expect(reviewQuery.parse({ status: "bogus", page: "-3" })).toEqual({ status: undefined, page: 1 });
  });
});

describe("roles and isolation", () => {
  it("an analyst can read the opt-ins but cannot decide", async () => {
    const analyst = await memberContext(a.fixture, "analyst");
    const optIn = await optInFor(a.fixture.tenantId, opportunityId);
    expect((await listOptIns(analyst, opportunityId, reviewQuery.parse({}))).total).toBeGreaterThan(0);
    await expect(acceptOptIn(analyst, ref(optIn.id), null)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(decideOptIn(analyst, ref(optIn.id), "decline", null)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await prisma.optIn.findUniqueOrThrow({ where: { id: optIn.id } })).status).toBe("new");
  });

  it("another tenant cannot list, accept or decline an opt-in by id, nor attach it to its own opportunity", async () => {
    const optIn = await optInFor(a.fixture.tenantId, opportunityId, { contactEmail: "victim@mail.test" });
    const otherProgram = await programWith(b.fixture, []);
    const bOpportunity = await opportunityIn(b.ctx, otherProgram.id);
    await expect(listOptIns(b.ctx, opportunityId, reviewQuery.parse({}))).rejects.toBeInstanceOf(NotFoundError);
    await expect(acceptOptIn(b.ctx, ref(optIn.id), null)).rejects.toBeInstanceOf(NotFoundError);
    await expect(acceptOptIn(b.ctx, ref(optIn.id, bOpportunity.id), null)).rejects.toBeInstanceOf(NotFoundError);
    await expect(decideOptIn(b.ctx, ref(optIn.id), "decline", null)).rejects.toBeInstanceOf(NotFoundError);
    await expect(decideOptIn(b.ctx, ref(optIn.id, bOpportunity.id), "shortlist", null)).rejects.toBeInstanceOf(NotFoundError);
    // Inside tenant A too, an opt-in is only reachable through its own opportunity.
    await expect(acceptOptIn(a.ctx, ref(optIn.id, (await opportunityIn(a.ctx, programId)).id), null)).rejects.toBeInstanceOf(NotFoundError);
    expect(await prisma.optIn.findUniqueOrThrow({ where: { id: optIn.id } })).toMatchObject({ status: "new", referralId: null, reviewedById: null });
    expect(await prisma.referral.count({ where: { tenantId: b.fixture.tenantId } })).toBe(0);
    expect(await mailTo("victim@mail.test")).toHaveLength(0);
  });
});
