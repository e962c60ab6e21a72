import { beforeAll, describe, expect, it } from "vitest";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { overrideDuplicate } from "@/lib/referrals/override-duplicate";
import { getMyReferral } from "@/lib/referrals/partner-referrals";
import { saveReferralDraft, submitReferral } from "@/lib/referrals/submit-referral";
import { transitionReferral } from "@/lib/referrals/transition-referral";
import { tenantWithOwner } from "../helpers/context";
import { prisma, type TenantFixture } from "../helpers/db";
import { partnerWithContext, programWith } from "../helpers/partner-context";
import { referralInput } from "../helpers/referrals";

const DAY = 86_400_000;
let fixture: TenantFixture;
let staff: TenantContext;
let alice: Awaited<ReturnType<typeof partnerWithContext>>;
let boris: Awaited<ReturnType<typeof partnerWithContext>>;
let programId: string;
let n = 0;
const unique = (prefix: string) => `${prefix}-${++n}`;

beforeAll(async () => {
  ({ fixture, ctx: staff } = await tenantWithOwner("Duplicates Agency"));
  alice = await partnerWithContext(fixture, { name: "Alice Walker", market: "US" });
  boris = await partnerWithContext(fixture, { name: "Борис Орлов", market: "RU", locale: "ru" });
  programId = (await programWith(fixture, [alice.partnerId, boris.partnerId], { protectionWindowDays: 30 })).id;
});

/** A brand referral identified only by its website (other keys made unique). */
const byWebsite = (website: string) => referralInput(programId, { website, contactValue: `${unique("c")}@contacts.test` });

describe("normalised identities", () => {
  it("the same website spelled differently is the same brand; the later referral is rejected as a duplicate", async () => {
    const first = await submitReferral(alice.ctx, byWebsite("https://www.NormLab.ru/"));
    const second = await submitReferral(boris.ctx, byWebsite("normlab.ru/en"));
    expect([first.duplicate, second.duplicate]).toEqual([false, true]);
    const row = await prisma.referral.findUniqueOrThrow({ where: { id: second.id }, include: { transitions: { orderBy: { createdAt: "asc" } } } });
    expect(row).toMatchObject({ status: "rejected", rejectReason: "duplicate", duplicateOfId: first.id, duplicateReason: "already_referred", partnerId: boris.partnerId });
    // Nothing the partner typed is lost.
    expect([row.website, row.contactName, row.fitReason]).toEqual(["normlab.ru/en", "Анна Смирнова", referralInput(programId).fitReason]);
    expect(row.transitions.map((t) => [t.fromStatus, t.toStatus, t.actorUserId, t.reason])).toEqual([
      [null, "submitted", boris.userId, null],
      ["submitted", "rejected", null, "duplicate"],
    ]);
    expect(await prisma.auditLog.count({ where: { entityId: second.id, action: "referral.rejected_as_duplicate", actorUserId: null } })).toBe(1);
  });

  it("matches a handle given as a URL and a shared contact e-mail, but not the same handle on another platform", async () => {
    const handle = unique("jessglow");
    await submitReferral(alice.ctx, referralInput(programId, { kind: "creator", website: null, contactValue: `${handle}@mail.test`, platforms: [{ platform: "tiktok", handle: `@${handle.toUpperCase()}` }] }));
    const byUrl = await submitReferral(boris.ctx, referralInput(programId, { kind: "creator", website: null, contactValue: `${unique("x")}@mail.test`, platforms: [{ platform: "tiktok", handle: `https://www.tiktok.com/@${handle}` }] }));
    const otherPlatform = await submitReferral(boris.ctx, referralInput(programId, { kind: "creator", website: null, contactValue: `${unique("y")}@mail.test`, platforms: [{ platform: "instagram", handle }] }));
    const sameEmail = await submitReferral(boris.ctx, referralInput(programId, { kind: "creator", website: null, contactValue: `${handle.toUpperCase()}@MAIL.TEST`, platforms: [{ platform: "youtube", handle: unique("yt") }] }));
    expect([byUrl.duplicate, otherPlatform.duplicate, sameEmail.duplicate]).toEqual([true, false, true]);
    const keys = await prisma.referralSubjectKey.findMany({ where: { referralId: byUrl.id } });
    expect(keys.map((k) => k.key).sort()).toContain(`tiktok:${handle}`);
  });

  it("a draft or a rejected referral owns nothing", async () => {
    await saveReferralDraft(alice.ctx, byWebsite("draftonly.example"));
    expect((await submitReferral(boris.ctx, byWebsite("draftonly.example"))).duplicate).toBe(false);

    const rejected = await submitReferral(alice.ctx, byWebsite("rejectedfirst.example"));
    await transitionReferral(staff, rejected.id, { to: "rejected", rejectReason: "not_a_fit" });
    expect((await submitReferral(boris.ctx, byWebsite("rejectedfirst.example"))).duplicate).toBe(false);
  });

  it("the partner is told only that the subject is already known: nothing about the other referral", async () => {
    const first = await submitReferral(alice.ctx, byWebsite("secretowner.example"));
    const second = await submitReferral(boris.ctx, byWebsite("https://secretowner.example"));
    const view = await getMyReferral(boris.ctx, second.id);
    expect(view).toMatchObject({ knownToAgency: true, status: "rejected", rejectReason: "duplicate" });
    expect(view.history.at(-1)).toEqual(expect.objectContaining({ actor: "system", code: "duplicate", note: null }));
    const text = JSON.stringify(view, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
    expect(text).not.toContain(first.id);
    expect(text).not.toContain("Alice");
    expect(text).not.toContain("already_referred");
    expect(Object.keys(view)).not.toContain("duplicateOfId");
  });
});

describe("the protection window", () => {
  async function earlierReferral(website: string, daysAgo: number, program = programId) {
    const { id } = await submitReferral(alice.ctx, { ...byWebsite(website), programId: program });
    await prisma.referral.update({ where: { id }, data: { submittedAt: new Date(Date.now() - daysAgo * DAY) } });
    return id;
  }

  it("protects the first referral until its window ends, and not a minute longer", async () => {
    const inside = await earlierReferral("window-inside.example", 30 - 1 / 24);
    await earlierReferral("window-outside.example", 30 + 1 / 24);
    const a = await submitReferral(boris.ctx, byWebsite("window-inside.example"));
    const b = await submitReferral(boris.ctx, byWebsite("window-outside.example"));
    expect([a.duplicate, b.duplicate]).toEqual([true, false]);
    expect((await prisma.referral.findUniqueOrThrow({ where: { id: a.id } })).duplicateOfId).toBe(inside);
  });

  it("uses the window of the program the earlier referral was made in", async () => {
    const short = await programWith(fixture, [alice.partnerId, boris.partnerId], { protectionWindowDays: 10, name: "Short window" });
    await earlierReferral("short-window.example", 12, short.id);
    expect((await submitReferral(boris.ctx, byWebsite("short-window.example"))).duplicate).toBe(false);
  });
});

describe("already a client", () => {
  it("a brand marked as client blocks a referral with the same website", async () => {
    const brand = await prisma.brand.create({ data: { tenantId: fixture.tenantId, name: "Client Brand", market: "US", website: "https://clientbrand.example/us", websiteNormalized: "clientbrand.example/us", isClient: true } });
    const result = await submitReferral(alice.ctx, byWebsite("www.clientbrand.example"));
    expect(result.duplicate).toBe(true);
    expect(await prisma.referral.findUniqueOrThrow({ where: { id: result.id } })).toMatchObject({ duplicateReason: "already_client", duplicateOfId: null, brandId: brand.id });
    expect((await getMyReferral(alice.ctx, result.id)).knownToAgency).toBe(true);
  });

  it("a creator marked as client blocks a referral with the same handle; a non-client does not", async () => {
    const handle = unique("clientcreator");
    const creator = await prisma.creator.create({
      data: { tenantId: fixture.tenantId, name: "Client Creator", market: "RU", isClient: true, platforms: { create: [{ tenantId: fixture.tenantId, platform: "telegram", handle: `@${handle}`, handleNormalized: handle }] } },
    });
    await prisma.creator.create({
      data: { tenantId: fixture.tenantId, name: "Prospect", market: "RU", platforms: { create: [{ tenantId: fixture.tenantId, platform: "vk", handle, handleNormalized: handle }] } },
    });
    const blocked = await submitReferral(boris.ctx, referralInput(programId, { kind: "creator", website: null, contactValue: `${unique("z")}@mail.test`, platforms: [{ platform: "telegram", handle: `t.me/${handle}` }] }));
    const free = await submitReferral(boris.ctx, referralInput(programId, { kind: "creator", website: null, contactValue: `${unique("z")}@mail.test`, platforms: [{ platform: "vk", handle }] }));
    expect([blocked.duplicate, free.duplicate]).toEqual([true, false]);
    expect((await prisma.referral.findUniqueOrThrow({ where: { id: blocked.id } })).creatorId).toBe(creator.id);
  });
});

describe("staff override", () => {
  it("puts a duplicate back into review with a recorded reason", async () => {
    await submitReferral(alice.ctx, byWebsite("override.example"));
    const dup = await submitReferral(boris.ctx, byWebsite("override.example"));
    await overrideDuplicate(staff, dup.id, { reason: "Alice never contacted them; Boris has the warm relationship.", to: "in_review" });
    const row = await prisma.referral.findUniqueOrThrow({ where: { id: dup.id } });
    expect(row).toMatchObject({ status: "in_review", overrideReason: "Alice never contacted them; Boris has the warm relationship.", rejectReason: null, duplicateReason: "already_referred" });
    const last = await prisma.referralTransition.findFirstOrThrow({ where: { referralId: dup.id }, orderBy: { createdAt: "desc" } });
    expect([last.fromStatus, last.toStatus, last.actorUserId, last.internal]).toEqual(["rejected", "in_review", staff.userId, true]);
    expect(await prisma.auditLog.count({ where: { entityId: dup.id, action: "referral.duplicate_overridden", actorUserId: staff.userId } })).toBe(1);
    const view = await getMyReferral(boris.ctx, dup.id);
    expect(view.knownToAgency).toBe(false);
    expect(JSON.stringify(view)).not.toContain("Alice never contacted");
  });

  it("needs a reason and only applies to duplicates", async () => {
    const first = await submitReferral(alice.ctx, byWebsite("override-rules.example"));
    const dup = await submitReferral(boris.ctx, byWebsite("override-rules.example"));
    await expect(overrideDuplicate(staff, dup.id, { reason: "  ", to: "submitted" })).rejects.toMatchObject({ code: "override_reason_required" });
    await expect(overrideDuplicate(staff, first.id, { reason: "why not", to: "submitted" })).rejects.toMatchObject({ code: "referral_not_duplicate" });
  });
});

describe("two partners submitting the same brand at the same moment", () => {
  it("leaves exactly one owner, every time (×10)", async () => {
    for (let round = 0; round < 10; round++) {
      const [a, b] = await Promise.all([
        submitReferral(alice.ctx, byWebsite(`https://www.GlowLab${round}.ru/`)),
        submitReferral(boris.ctx, byWebsite(`glowlab${round}.ru`)),
      ]);
      expect([a.duplicate, b.duplicate].filter((d) => !d), `round ${round}`).toHaveLength(1);
      const [owner, duplicate] = a.duplicate ? [b, a] : [a, b];
      const rows = await prisma.referral.findMany({ where: { id: { in: [a.id, b.id] } } });
      const dupRow = rows.find((r) => r.id === duplicate.id)!;
      expect(dupRow).toMatchObject({ status: "rejected", duplicateOfId: owner.id, duplicateReason: "already_referred" });
      expect(rows.find((r) => r.id === owner.id)!.status).toBe("submitted");
    }
  });
});
