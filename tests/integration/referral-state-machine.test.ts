import { beforeAll, describe, expect, it } from "vitest";
import type { ReferralStatus } from "@/lib/db/generated/enums";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { NotFoundError } from "@/lib/kernel/errors";
import { referralStatuses } from "@/lib/referrals/codes";
import { sweepPartnerNotices } from "@/lib/referrals/partner-digest";
import { isLegal, stepsOf } from "@/lib/referrals/state-machine";
import { saveReferralDraft, submitReferral } from "@/lib/referrals/submit-referral";
import { transitionReferral } from "@/lib/referrals/transition-referral";
import { tenantWithOwner } from "../helpers/context";
import { prisma, type TenantFixture } from "../helpers/db";
import { partnerWithContext, programWith } from "../helpers/partner-context";
import { advanceTo, movePayload, referralInput } from "../helpers/referrals";

let fixture: TenantFixture;
let staff: TenantContext;
let partner: Awaited<ReturnType<typeof partnerWithContext>>;
let programId: string;
let n = 0;

/** A fresh, unique subject each time, so the duplicate check never interferes. */
async function submitted(overrides: Parameters<typeof referralInput>[1] = {}) {
  n += 1;
  const input = referralInput(programId, { subjectName: `Brand ${n}`, website: `brand-${n}.sm.test`, contactValue: `c${n}@brand-${n}.sm.test`, ...overrides });
  const { id, duplicate } = await submitReferral(partner.ctx, input);
  expect(duplicate).toBe(false);
  return id;
}

/** A submitted referral put straight into `status` (the walk there is tested separately). */
async function inStatus(status: ReferralStatus) {
  const id = await submitted();
  await prisma.referral.update({ where: { id }, data: { status } });
  return id;
}

beforeAll(async () => {
  ({ fixture, ctx: staff } = await tenantWithOwner("State Machine Agency"));
  partner = await partnerWithContext(fixture, { name: "Екатерина Иванова", market: "RU", locale: "ru" });
  programId = (await programWith(fixture, [partner.partnerId])).id;
});

describe("every pair of statuses (staff)", () => {
  const staffStatuses = referralStatuses.filter((s) => s !== "draft");
  for (const from of staffStatuses) {
    it(`from ${from}: legal moves apply with their inputs, every other move is refused`, async () => {
      for (const to of referralStatuses) {
        const id = await inStatus(from);
        if (isLegal(from, to, "staff")) {
          await expect(transitionReferral(staff, id, movePayload(to)), `${from} → ${to}`).resolves.toMatchObject({ from, to });
          const row = await prisma.referral.findUniqueOrThrow({ where: { id } });
          expect(row.status).toBe(to);
          // One row per step: a shortcut (qualified → won) records the skipped stage too.
          const steps = await prisma.referralTransition.findMany({ where: { referralId: id, actorUserId: staff.userId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
          expect([steps[0].fromStatus, steps.at(-1)!.toStatus]).toEqual([from, to]);
          expect(steps.map((s) => s.toStatus)).toEqual(stepsOf(from, to, "staff"));
        } else {
          // Winning straight from review exists only for a known client, and the refusal says so.
          const code = from === "in_review" && to === "won" ? "referral_fast_win_known_client_only" : "referral_transition_invalid";
          await expect(transitionReferral(staff, id, movePayload(to)), `${from} → ${to}`).rejects.toMatchObject({ code });
          expect((await prisma.referral.findUniqueOrThrow({ where: { id } })).status).toBe(from);
        }
      }
    });
  }

  it("a draft is the partner's: staff cannot see or move it; the partner submits it", async () => {
    n += 1;
    const { id } = await saveReferralDraft(partner.ctx, referralInput(programId, { website: `draft-${n}.sm.test`, contactValue: null, consentToIntro: false }));
    for (const to of referralStatuses) {
      await expect(transitionReferral(staff, id, movePayload(to))).rejects.toBeInstanceOf(NotFoundError);
    }
    await submitReferral(partner.ctx, referralInput(programId, { website: `draft-${n}.sm.test`, contactValue: `d${n}@x.test` }), id);
    const steps = await prisma.referralTransition.findMany({ where: { referralId: id }, orderBy: { createdAt: "asc" } });
    expect(steps.map((s) => [s.fromStatus, s.toStatus, s.actorUserId])).toEqual([[null, "draft", partner.userId], ["draft", "submitted", partner.userId]]);
    expect((await prisma.referral.findUniqueOrThrow({ where: { id } })).submittedAt).toBeInstanceOf(Date);
  });

  it("stamps qualifiedAt and closedAt and keeps the deal in minor units", async () => {
    const id = await submitted();
    await advanceTo(staff, id, "in_negotiation");
    await transitionReferral(staff, id, { to: "won", dealValueMinor: 1_250_050n, dealCurrency: "USD", closedOn: new Date("2026-01-15T00:00:00Z") });
    const row = await prisma.referral.findUniqueOrThrow({ where: { id } });
    expect(row.qualifiedAt).toBeInstanceOf(Date);
    expect([row.dealValueMinor, row.dealCurrency, row.closedAt?.toISOString()]).toEqual([1_250_050n, "USD", "2026-01-15T00:00:00.000Z"]);
    const history = await prisma.referralTransition.findMany({ where: { referralId: id }, orderBy: { createdAt: "asc" } });
    expect(history.map((h) => h.toStatus)).toEqual(["submitted", "in_review", "qualified", "in_negotiation", "won"]);
    expect(await prisma.auditLog.count({ where: { entityId: id, action: "referral.transitioned" } })).toBe(4);
  });
});

describe("required inputs", () => {
  it("refuses a move without them and changes nothing", async () => {
    const review = await inStatus("in_review");
    await expect(transitionReferral(staff, review, { to: "rejected" })).rejects.toMatchObject({ code: "reject_reason_required" });
    const qualified = await inStatus("qualified");
    await expect(transitionReferral(staff, qualified, { to: "lost", note: " " })).rejects.toMatchObject({ code: "lost_reason_required" });
    const negotiating = await inStatus("in_negotiation");
    const won = movePayload("won");
    await expect(transitionReferral(staff, negotiating, { ...won, dealValueMinor: 0n })).rejects.toMatchObject({ code: "deal_value_required" });
    await expect(transitionReferral(staff, negotiating, { ...won, dealCurrency: null })).rejects.toMatchObject({ code: "deal_currency_required" });
    await expect(transitionReferral(staff, negotiating, { ...won, closedOn: null })).rejects.toMatchObject({ code: "close_date_required" });
    await expect(transitionReferral(staff, negotiating, { ...won, closedOn: new Date(Date.now() + 5 * 86_400_000) })).rejects.toMatchObject({ code: "close_date_future" });
    const rows = await prisma.referral.findMany({ where: { id: { in: [review, qualified, negotiating] } }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => r.status)).toEqual(["in_review", "qualified", "in_negotiation"]);
    expect(await prisma.referralTransition.count({ where: { referralId: { in: [review, qualified, negotiating] } } })).toBe(3);
  });
});

describe("concurrent transitions", () => {
  it("of two moves made at the same moment exactly one applies (×5)", async () => {
    for (let round = 0; round < 5; round++) {
      // From in_review both moves are legal, and each one makes the other illegal.
      const id = await inStatus("in_review");
      const results = await Promise.allSettled([
        transitionReferral(staff, id, { to: "qualified" }),
        transitionReferral(staff, id, { to: "rejected", rejectReason: "not_a_fit" }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const failure = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(["referral_changed", "referral_transition_invalid"]).toContain(failure.reason.code);
      const steps = await prisma.referralTransition.findMany({ where: { referralId: id, fromStatus: "in_review" } });
      expect(steps).toHaveLength(1);
      expect((await prisma.referral.findUniqueOrThrow({ where: { id } })).status).toBe(steps[0].toStatus);
    }
  });

  it("the same move twice at once applies once", async () => {
    const id = await submitted();
    await advanceTo(staff, id, "in_negotiation");
    const results = await Promise.allSettled([transitionReferral(staff, id, movePayload("won")), transitionReferral(staff, id, movePayload("won"))]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await prisma.referralTransition.count({ where: { referralId: id, toStatus: "won" } })).toBe(1);
    expect(await prisma.brand.count({ where: { tenantId: fixture.tenantId, referrals: { some: { id } } } })).toBe(1);
  });
});

describe("a won referral becomes a client in the directory", () => {
  it("links the brand already in the directory under the same website", async () => {
    const brand = await prisma.brand.create({
      data: { tenantId: fixture.tenantId, name: "Sever Honey", market: "RU", website: "https://severmed.example", websiteNormalized: "severmed.example", archivedAt: new Date() },
    });
    const id = await submitted({ subjectName: "Северный мёд", website: "WWW.SEVERMED.EXAMPLE/shop/" });
    const brandsBefore = await prisma.brand.count({ where: { tenantId: fixture.tenantId } });
    await advanceTo(staff, id, "won");
    const [row, linked] = await Promise.all([prisma.referral.findUniqueOrThrow({ where: { id } }), prisma.brand.findUniqueOrThrow({ where: { id: brand.id } })]);
    expect(row.brandId).toBe(brand.id);
    expect([linked.isClient, linked.archivedAt]).toEqual([true, null]);
    expect(await prisma.brand.count({ where: { tenantId: fixture.tenantId } })).toBe(brandsBefore);
  });

  it("creates a creator in the subject's own market, with its handles, in this tenant", async () => {
    const id = await submitted({
      kind: "creator", subjectName: "Jess Rivera", sourceMarket: "US", country: "US", targetMarket: "RU", website: null,
      platforms: [{ platform: "tiktok", handle: "@JessGlow" }, { platform: "instagram", handle: "jess.rivera" }],
      contactChannel: "telegram", contactValue: "@jessglow",
    });
    await advanceTo(staff, id, "won");
    const row = await prisma.referral.findUniqueOrThrow({ where: { id }, include: { creator: { include: { platforms: { orderBy: { platform: "asc" } } } } } });
    expect(row.creator).toMatchObject({ name: "Jess Rivera", market: "US", isClient: true, tenantId: fixture.tenantId });
    expect(row.creator!.platforms.map((p) => [p.platform, p.handleNormalized, p.tenantId])).toEqual([
      ["instagram", "jess.rivera", fixture.tenantId], ["tiktok", "jessglow", fixture.tenantId],
    ]);
  });
});

describe("partner e-mail", () => {
  // Moves are batched per partner (lib/referrals/partner-digest.ts); sweeping after each move gives one mail per move.
  const sweep = () => sweepPartnerNotices({ delaySeconds: 0, appUrl: "https://app.test" });

  it("goes out in the partner's language and never carries an internal note", async () => {
    const id = await submitted({ subjectName: "Белый Лён" });
    await sweep();
    await transitionReferral(staff, id, { to: "in_review", note: "Internal: partner seems to exaggerate", internal: true });
    await sweep();
    await transitionReferral(staff, id, { to: "rejected", rejectReason: "unreachable", note: "Мы звонили дважды, без ответа.", internal: false });
    await sweep();
    const mails = await prisma.outboxEmail.findMany({ where: { to: partner.email }, orderBy: { createdAt: "asc" } });
    const [review, rejected] = mails.slice(-2);
    expect(review.subject).toBe("Рекомендация «Белый Лён»: на проверке");
    expect(review.text).toContain("Здравствуйте, Екатерина Иванова");
    expect(review.text).toContain(`https://app.test/ru/p/${fixture.slug}/referrals/${id}`);
    expect(review.text).not.toContain("exaggerate");
    expect(review.tenantId).toBe(fixture.tenantId);
    expect(rejected.subject).toBe("Рекомендация «Белый Лён»: отклонена");
    expect(rejected.text).toContain("Причина: не удалось связаться");
    expect(rejected.text).toContain("Мы звонили дважды, без ответа.");
  });

  it("is not sent for the partner's own submission", async () => {
    await sweep();
    const before = await prisma.outboxEmail.count({ where: { to: partner.email } });
    await submitted();
    await sweep();
    expect(await prisma.outboxEmail.count({ where: { to: partner.email } })).toBe(before);
  });
});
