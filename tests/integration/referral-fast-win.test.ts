// Issue 12, part 3 — fewer steps to close: staff win a referral from `qualified` (or from `in_review`
// for a known client) in one action. The skipped stages are recorded in the history with the same
// actor and time, the funnel counts them once (rollup = rebuild), the pipeline records one lead and
// one close, and the partner gets one e-mail about the final status.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { funnelScopeForTenant, getFunnelSummary } from "@/lib/funnel/queries";
import { createI18n } from "@/lib/i18n/instance";
import { overrideDuplicate } from "@/lib/referrals/override-duplicate";
import { sweepPartnerNotices } from "@/lib/referrals/partner-digest";
import { submitReferral } from "@/lib/referrals/submit-referral";
import { bulkTransition, transitionReferral } from "@/lib/referrals/transition-referral";
import { tenantWithOwner } from "../helpers/context";
import { prisma, type TenantFixture } from "../helpers/db";
import { partnerWithContext, programWith } from "../helpers/partner-context";
import { advanceTo, movePayload, referralInput } from "../helpers/referrals";

const DAY = 86_400_000;
let fixture: TenantFixture;
let staff: TenantContext;
let partner: Awaited<ReturnType<typeof partnerWithContext>>;
let programId: string;

async function submitted(overrides: Parameters<typeof referralInput>[1] = {}) {
  const tag = randomBytes(4).toString("hex");
  const input = referralInput(programId, { subjectName: `Brand ${tag}`, website: `b-${tag}.fast.test`, contactValue: `c@b-${tag}.fast.test`, ...overrides });
  return submitReferral(partner.ctx, input);
}

const history = (referralId: string) =>
  prisma.referralTransition.findMany({ where: { referralId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
// Partner e-mails are batched (lib/referrals/partner-digest.ts): every read sweeps what is pending first.
const mails = async () => {
  await sweepPartnerNotices({ delaySeconds: 0 });
  return prisma.outboxEmail.findMany({ where: { to: partner.email }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
};
const events = (referralId: string) => prisma.conversionEvent.findMany({ where: { referralId }, orderBy: { type: "asc" } });

type Row = Record<string, unknown>;
const METRICS = ["referrals", "qualified", "closes", "leads", "eventCloses", "revenueMinor", "revenueEvents", "cohortQualified", "cohortCloses", "cohortRevenueMinor"];
const rows = (list: Row[]) =>
  list
    .filter((r) => METRICS.some((m) => Number(r[m]) !== 0))
    .map((r) => [(r.day as Date).toISOString().slice(0, 10), r.partnerId, r.programId, r.sourceMarket, r.targetMarket, ...METRICS.map((m) => String(r[m]))].join("|"))
    .sort();

/** The trigger-kept FunnelDaily equals `funnel_daily_rebuild` from the raw tables (rebuilt in a rolled-back transaction). */
async function expectRollupConsistent(tenantId: string) {
  const maintained = rows(await prisma.$queryRaw<Row[]>`SELECT * FROM "FunnelDaily" WHERE "tenantId" = ${tenantId}`);
  let rebuilt: string[] = [];
  await prisma
    .$transaction(async (tx) => {
      await tx.$executeRaw`SELECT funnel_daily_rebuild(${tenantId})`;
      rebuilt = rows(await tx.$queryRaw<Row[]>`SELECT * FROM "FunnelDaily" WHERE "tenantId" = ${tenantId}`);
      throw new Error("rollback");
    })
    .catch((err: Error) => {
      if (err.message !== "rollback") throw err;
    });
  expect(maintained.length).toBeGreaterThan(0);
  expect(maintained).toEqual(rebuilt);
}

function totals(ctx: TenantContext) {
  const today = Math.floor(Date.now() / DAY) * DAY;
  return getFunnelSummary(funnelScopeForTenant(ctx), { from: new Date(today - 10 * DAY), to: new Date(today + DAY), basis: "period" }).then((s) => s.totals);
}

beforeAll(async () => {
  ({ fixture, ctx: staff } = await tenantWithOwner("Fast Win Agency"));
  partner = await partnerWithContext(fixture, { name: "Мария Петрова", market: "RU", locale: "ru" });
  programId = (await programWith(fixture, [partner.partnerId])).id;
});

describe("win from qualified in one action", () => {
  it("records in_negotiation on the way with the same actor and time, one lead, one close, one e-mail; the rollup equals its rebuild", async () => {
    const { id } = await submitted();
    await advanceTo(staff, id, "qualified");
    const qualifiedAt = (await prisma.referral.findUniqueOrThrow({ where: { id } })).qualifiedAt;
    const mailsBefore = (await mails()).length;

    const result = await transitionReferral(staff, id, { ...movePayload("won"), note: "Подписали договор", internal: false });
    expect(result).toMatchObject({ from: "qualified", to: "won", skipped: ["in_negotiation"] });

    const steps = (await history(id)).slice(-2);
    expect(steps.map((s) => [s.fromStatus, s.toStatus, s.actorUserId])).toEqual([
      ["qualified", "in_negotiation", staff.userId],
      ["in_negotiation", "won", staff.userId],
    ]);
    expect(steps[0].createdAt.getTime()).toBe(steps[1].createdAt.getTime());
    expect([steps[0].reason, steps[1].reason, steps[1].internal]).toEqual([null, "Подписали договор", false]);

    const row = await prisma.referral.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("won");
    expect(row.qualifiedAt).toEqual(qualifiedAt); // qualified once, when it was
    expect(row.brandId).not.toBeNull();

    expect((await events(id)).map((e) => e.type)).toEqual(["lead", "close", "revenue"]);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: id, action: "referral.transitioned" }, orderBy: { createdAt: "desc" } });
    expect(audit.data).toMatchObject({ from: "qualified", to: "won", skipped: ["in_negotiation"] });

    const sent = (await mails()).slice(mailsBefore);
    expect(sent).toHaveLength(1);
    expect(sent[0].subject).toContain("сделка заключена");
    expect(sent[0].text).toContain("Подписали договор");

    await expectRollupConsistent(fixture.tenantId);
  });
});

describe("win from in_review for a known client", () => {
  it("a subject already a client (duplicate of a client, overridden) is won from review: qualified once, one lead, one close, one e-mail", async () => {
    // The subject becomes a client by an earlier win.
    const website = `client-${randomBytes(4).toString("hex")}.fast.test`;
    const first = await submitted({ website, contactValue: `a@${website}` });
    await advanceTo(staff, first.id, "won");
    // The partner refers the same client again: rejected as `already_client` and linked; staff override it into review.
    const again = await submitted({ website, contactValue: `b@${website}` });
    expect(again.duplicate).toBe(true);
    await overrideDuplicate(staff, again.id, { reason: "New product line, separate deal", to: "in_review" });
    const { id } = again;
    const before = { mails: (await mails()).length, funnel: await totals(staff) };

    const result = await transitionReferral(staff, id, movePayload("won"));
    expect(result).toMatchObject({ from: "in_review", to: "won", skipped: ["qualified", "in_negotiation"] });

    const steps = (await history(id)).filter((s) => s.actorUserId === staff.userId && s.fromStatus !== "rejected");
    expect(steps.map((s) => [s.fromStatus, s.toStatus])).toEqual([["in_review", "qualified"], ["qualified", "in_negotiation"], ["in_negotiation", "won"]]);
    expect(new Set(steps.map((s) => s.createdAt.getTime())).size).toBe(1);

    const row = await prisma.referral.findUniqueOrThrow({ where: { id } });
    expect(row.qualifiedAt?.getTime()).toBe(steps[0].createdAt.getTime());
    const evs = await events(id);
    expect(evs.map((e) => [e.type, e.idempotencyKey])).toEqual([
      ["lead", `pipeline:${id}:lead`], ["close", `pipeline:${id}:close`], ["revenue", `pipeline:${id}:revenue`],
    ]);
    expect(evs.filter((e) => e.type === "lead")).toHaveLength(1);

    // The funnel: one more qualified and one more close, not two.
    const after = await totals(staff);
    expect(after.qualified - before.funnel.qualified).toBe(1);
    expect(after.closes - before.funnel.closes).toBe(1);
    expect((await mails()).length - before.mails).toBe(1);
    await expectRollupConsistent(fixture.tenantId);
  });

  it("a subject that became a client after submission (same website) is known by its subject keys", async () => {
    const { id } = await submitted();
    await advanceTo(staff, id, "in_review");
    const row = await prisma.referral.findUniqueOrThrow({ where: { id } });
    await prisma.brand.create({ data: { tenantId: fixture.tenantId, name: "Later client", market: "RU", isClient: true, website: row.website, websiteNormalized: row.website!.replace(/^https?:\/\//, "").replace(/\/$/, "") } });
    await expect(transitionReferral(staff, id, movePayload("won"))).resolves.toMatchObject({ to: "won", skipped: ["qualified", "in_negotiation"] });
  });
});

describe("moves that stay forbidden", () => {
  it("from review without a known client: refused with its own translated reason, nothing changes", async () => {
    const { id } = await submitted();
    await advanceTo(staff, id, "in_review");
    const mailsBefore = (await mails()).length;
    const stepsBefore = (await history(id)).length;
    await expect(transitionReferral(staff, id, movePayload("won"))).rejects.toMatchObject({ code: "referral_fast_win_known_client_only" });
    expect((await prisma.referral.findUniqueOrThrow({ where: { id } })).status).toBe("in_review");
    expect(await history(id)).toHaveLength(stepsBefore);
    expect(await events(id)).toEqual([]);
    expect((await mails()).length).toBe(mailsBefore);
    for (const locale of ["en", "ru"] as const) {
      const t = createI18n(locale).getFixedT(locale, "errors");
      const text = t("referral_fast_win_known_client_only");
      expect(text).not.toBe("referral_fast_win_known_client_only");
      expect(text.length).toBeGreaterThan(20);
    }
  });

  it("from submitted (and in bulk): refused as an invalid step, translated", async () => {
    const { id } = await submitted();
    await expect(transitionReferral(staff, id, movePayload("won"))).rejects.toMatchObject({ code: "referral_transition_invalid" });
    expect(await bulkTransition(staff, [id], movePayload("won"))).toEqual([{ id, ok: false, code: "referral_transition_invalid" }]);
    expect((await prisma.referral.findUniqueOrThrow({ where: { id } })).status).toBe("submitted");
    expect(createI18n("ru").getFixedT("ru", "errors")("referral_transition_invalid")).toBe("Этот шаг невозможен из текущего статуса рекомендации.");
  });

  it("bulk wins from qualified are shortcuts too, and the partner gets one e-mail about both", async () => {
    const ids = [(await submitted()).id, (await submitted()).id];
    for (const id of ids) await advanceTo(staff, id, "qualified");
    const mailsBefore = (await mails()).length;
    expect(await bulkTransition(staff, ids, movePayload("won"))).toEqual(ids.map((id) => ({ id, ok: true })));
    const sent = (await mails()).slice(mailsBefore);
    expect(sent).toHaveLength(1);
    expect(sent[0].subject).toBe("2 рекомендации обновлены в агентстве Fast Win Agency");
    expect(sent[0].text.match(/сделка заключена/g)).toHaveLength(2);
    for (const id of ids) expect((await history(id)).map((s) => s.toStatus).slice(-2)).toEqual(["in_negotiation", "won"]);
    await expectRollupConsistent(fixture.tenantId);
  });
});
