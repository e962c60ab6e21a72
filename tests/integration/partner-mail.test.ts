// Partner status e-mails are batched: staff moves record notices; one sweep sends each partner ONE
// e-mail for their due notices (lib/referrals/partner-digest.ts), exactly once even when sweeps race.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { overrideDuplicate } from "@/lib/referrals/override-duplicate";
import { sweepPartnerNotices } from "@/lib/referrals/partner-digest";
import { submitReferral } from "@/lib/referrals/submit-referral";
import { bulkTransition, transitionReferral } from "@/lib/referrals/transition-referral";
import { tenantWithOwner } from "../helpers/context";
import { prisma, type TenantFixture } from "../helpers/db";
import { partnerWithContext, programWith } from "../helpers/partner-context";
import { referralInput } from "../helpers/referrals";

const APP = "https://app.test";
let fixture: TenantFixture;
let staff: TenantContext;
let programId: string;
type Partner = Awaited<ReturnType<typeof partnerWithContext>>;
let maria: Partner; // ru
let ann: Partner; // en

async function submitted(partner: Partner, subjectName: string) {
  const tag = randomBytes(4).toString("hex");
  const input = referralInput(programId, { subjectName, website: `b-${tag}.digest.test`, contactValue: `c@b-${tag}.digest.test` });
  const { id, duplicate } = await submitReferral(partner.ctx, input);
  expect(duplicate).toBe(false);
  return id;
}

const mailsTo = (p: Partner) => prisma.outboxEmail.findMany({ where: { to: p.email }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
const unsent = (p: Partner) => prisma.partnerNotice.count({ where: { partnerId: p.partnerId, sentAt: null } });
const sweep = (options: Parameters<typeof sweepPartnerNotices>[0] = {}) => sweepPartnerNotices({ delaySeconds: 0, appUrl: APP, ...options });

beforeAll(async () => {
  ({ fixture, ctx: staff } = await tenantWithOwner("Digest Agency"));
  maria = await partnerWithContext(fixture, { name: "Мария Петрова", market: "RU", locale: "ru" });
  ann = await partnerWithContext(fixture, { name: "Ann Lee", market: "US", locale: "en" });
  programId = (await programWith(fixture, [maria.partnerId, ann.partnerId])).id;
  await sweep(); // nothing of this file's partners is pending before each test
});

describe("one e-mail for the changes of a few minutes", () => {
  it("three quick moves of one referral and one of another: one Russian mail with each referral's latest status", async () => {
    const tea = await submitted(maria, "Алтайский чай");
    const honey = await submitted(maria, "Северный мёд");
    await transitionReferral(staff, tea, { to: "in_review", note: "Internal: partner seems to exaggerate", internal: true });
    await transitionReferral(staff, tea, { to: "qualified", note: "Созвонились, бюджет подтверждён.", internal: false });
    await transitionReferral(staff, tea, { to: "in_negotiation" });
    await transitionReferral(staff, honey, { to: "rejected", rejectReason: "not_a_fit" });
    expect(await mailsTo(maria)).toHaveLength(0); // recorded, not mailed
    expect(await unsent(maria)).toBe(4);
    // Times in her own zone (User.timeZone, over the agency's UTC): moves of 1 December at 12:00 UTC read 15:00 Moscow time.
    await prisma.user.update({ where: { id: maria.userId }, data: { timeZone: "Europe/Moscow" } });
    await prisma.partnerNotice.updateMany({ where: { partnerId: maria.partnerId, sentAt: null }, data: { createdAt: new Date("2026-12-01T12:00:00Z") } });

    const result = await sweep();
    expect(result.mails).toBeGreaterThanOrEqual(1);
    const mails = await mailsTo(maria);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail.tenantId).toBe(fixture.tenantId);
    expect(mail.subject).toBe("2 рекомендации обновлены в агентстве Digest Agency");
    expect(mail.text).toBe([
      "Здравствуйте, Мария Петрова!",
      "",
      "Новые статусы ваших рекомендаций в агентстве Digest Agency:",
      "• «Алтайский чай»: идут переговоры — 01.12.2026, 15:00\u00a0(МСК)",
      "  Комментарий агентства: Созвонились, бюджет подтверждён.",
      "• «Северный мёд»: отклонена — 01.12.2026, 15:00\u00a0(МСК)",
      "  Причина: сейчас не подходит клиентам агентства",
      "",
      `Все ваши рекомендации в кабинете партнёра: ${APP}/ru/p/${fixture.slug}/referrals`,
      "",
      "— Digest Agency, через Twoway",
    ].join("\n"));
    // Only the latest state: the earlier statuses are not listed, the internal note never leaves.
    expect(mail.text).not.toMatch(/на проверке|квалифицирована|exaggerate/);

    // Every notice is marked with the mail that carried it; nothing is left to send.
    const notices = await prisma.partnerNotice.findMany({ where: { partnerId: maria.partnerId } });
    expect(notices).toHaveLength(4);
    expect(new Set(notices.map((n) => n.outboxEmailId))).toEqual(new Set([mail.id]));
    expect(notices.every((n) => n.sentAt !== null)).toBe(true);
    await sweep();
    expect(await mailsTo(maria)).toHaveLength(1);
  });

  it("one referral moved several times: the usual single mail about its latest status, in English", async () => {
    const id = await submitted(ann, "Glow Lab");
    await transitionReferral(staff, id, { to: "in_review" });
    await transitionReferral(staff, id, { to: "qualified" });
    await sweep();
    const mails = await mailsTo(ann);
    expect(mails.map((m) => m.subject)).toEqual(["Your referral “Glow Lab”: qualified"]);
    expect(mails[0].text).toContain(`See it in your partner portal: ${APP}/en/p/${fixture.slug}/referrals/${id}`);
  });

  it("a bulk move of many referrals is one mail", async () => {
    const ids = [];
    for (let i = 1; i <= 5; i++) ids.push(await submitted(maria, `Бренд ${i}`));
    await sweep();
    const before = (await mailsTo(maria)).length;
    expect(await bulkTransition(staff, ids, { to: "in_review" })).toEqual(ids.map((id) => ({ id, ok: true })));
    await sweep();
    const sent = (await mailsTo(maria)).slice(before);
    expect(sent.map((m) => m.subject)).toEqual(["5 рекомендаций обновлено в агентстве Digest Agency"]);
    expect(sent[0].text.match(/: на проверке — .+\(МСК\)$/gm)).toHaveLength(5); // Maria reads Moscow time (her own zone, set above)
  });
});

describe("the delay", () => {
  it("a notice newer than the delay waits; once the oldest is due, newer ones ride along", async () => {
    const first = await submitted(ann, "Wait Co");
    const second = await submitted(ann, "Later Co");
    const before = (await mailsTo(ann)).length;
    await transitionReferral(staff, first, { to: "in_review" });

    await sweep({ delaySeconds: 300 });
    expect(await mailsTo(ann)).toHaveLength(before);
    expect(await unsent(ann)).toBe(1);

    // The first change is now 6 minutes old; a second one just happened.
    await prisma.partnerNotice.updateMany({ where: { partnerId: ann.partnerId, sentAt: null }, data: { createdAt: new Date(Date.now() - 360_000) } });
    await transitionReferral(staff, second, { to: "rejected", rejectReason: "unreachable" });
    await sweep({ delaySeconds: 300 });
    const sent = (await mailsTo(ann)).slice(before);
    expect(sent.map((m) => m.subject)).toEqual(["2 referrals updated at Digest Agency"]);
    expect(sent[0].text).toMatch(/• Wait Co: in review — [^\n]+\sUTC\n/); // the agency's zone: Ann set none
    expect(sent[0].text).toMatch(/• Later Co: rejected — [^\n]+\n {2}Reason: we could not reach them/);
    expect(await unsent(ann)).toBe(0);
  });

  it("reads PARTNER_MAIL_DELAY_SECONDS (default 300) when no delay is given", async () => {
    const id = await submitted(ann, "Env Co");
    const before = (await mailsTo(ann)).length;
    await transitionReferral(staff, id, { to: "in_review" });
    const saved = process.env.PARTNER_MAIL_DELAY_SECONDS;
    try {
      delete process.env.PARTNER_MAIL_DELAY_SECONDS;
      await sweepPartnerNotices({ appUrl: APP });
      expect(await mailsTo(ann)).toHaveLength(before);
      process.env.PARTNER_MAIL_DELAY_SECONDS = "0";
      await sweepPartnerNotices({ appUrl: APP });
      expect(await mailsTo(ann)).toHaveLength(before + 1);
      process.env.PARTNER_MAIL_DELAY_SECONDS = "5 minutes";
      await expect(sweepPartnerNotices({ appUrl: APP })).rejects.toThrow(/PARTNER_MAIL_DELAY_SECONDS/);
    } finally {
      if (saved === undefined) delete process.env.PARTNER_MAIL_DELAY_SECONDS;
      else process.env.PARTNER_MAIL_DELAY_SECONDS = saved;
    }
  });
});

describe("exactly once", () => {
  it("sweeps racing each other send one mail per partner and mark every notice once", async () => {
    const partners = [maria, ann];
    await sweep();
    const before = new Map<string, number>();
    for (const p of partners) before.set(p.email, (await mailsTo(p)).length);
    for (const p of partners) {
      for (let i = 0; i < 3; i++) await transitionReferral(staff, await submitted(p, `Race ${i} ${p.partnerId.slice(-4)}`), { to: "in_review" });
    }
    const results = await Promise.all(Array.from({ length: 6 }, () => sweep()));
    for (const p of partners) {
      const sent = (await mailsTo(p)).slice(before.get(p.email));
      expect(sent, p.email).toHaveLength(1);
      const notices = await prisma.partnerNotice.findMany({ where: { partnerId: p.partnerId, outboxEmailId: sent[0].id } });
      expect(notices).toHaveLength(3);
      expect(await unsent(p)).toBe(0);
    }
    expect(results.reduce((n, r) => n + r.notices, 0)).toBeGreaterThanOrEqual(6);
  });

  it("skips notices another sweep holds without waiting, never sends what is left early, and loses nothing if that sweep dies", async () => {
    const held = await submitted(ann, "Held Co");
    const fresh = await submitted(ann, "Fresh Co");
    await sweep();
    const before = (await mailsTo(ann)).length;
    await transitionReferral(staff, held, { to: "in_review" });
    await prisma.partnerNotice.updateMany({ where: { partnerId: ann.partnerId, sentAt: null }, data: { createdAt: new Date(Date.now() - 400_000) } });
    // Another sweep (a second app instance) has claimed the due notice and not committed yet.
    const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    try {
      await holder.query("BEGIN");
      const { rowCount } = await holder.query(`SELECT id FROM "PartnerNotice" WHERE "partnerId" = $1 AND "sentAt" IS NULL FOR UPDATE`, [ann.partnerId]);
      expect(rowCount).toBe(1);
      await transitionReferral(staff, fresh, { to: "in_review" }); // a new change, not due on its own
      const started = Date.now();
      await sweep({ delaySeconds: 300 });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(await mailsTo(ann)).toHaveLength(before); // neither the held notice nor the fresh one alone
      await holder.query("ROLLBACK"); // that sweep died before its commit
    } finally {
      await holder.end();
    }
    await sweep({ delaySeconds: 300 });
    const sent = (await mailsTo(ann)).slice(before);
    expect(sent.map((m) => m.subject)).toEqual(["2 referrals updated at Digest Agency"]);
    expect(sent[0].text).toMatch(/• Held Co: in review — [^\n]+\n• Fresh Co: in review — /);
  });
});

describe("what a partner may see", () => {
  it("internal notes and override reasons are never stored or mailed; a visible note is", async () => {
    const id = await submitted(maria, "Тихий бренд");
    await sweep();
    const before = (await mailsTo(maria)).length;
    await transitionReferral(staff, id, { to: "rejected", rejectReason: "duplicate", note: "Internal: same owner as Acme", internal: true });
    await overrideDuplicate(staff, id, { reason: "Different product line, internal call", to: "in_review" });
    await transitionReferral(staff, id, { to: "qualified", note: "Internal: big budget", internal: true });
    const notes = await prisma.partnerNotice.findMany({ where: { referralId: id }, select: { note: true } });
    expect(notes).toEqual([{ note: null }, { note: null }, { note: null }]);
    await sweep();
    const [mail] = (await mailsTo(maria)).slice(before);
    expect(mail.subject).toBe("Рекомендация «Тихий бренд»: квалифицирована");
    expect(mail.text).not.toMatch(/Internal|Acme|product line|budget|Причина/);
  });

  it("a partner removed before the sweep gets nothing; their notices are closed without a mail", async () => {
    const gone = await partnerWithContext(fixture, { name: "Gone Partner" });
    await prisma.programPartner.create({ data: { tenantId: fixture.tenantId, programId, partnerId: gone.partnerId } });
    const id = await submitted(gone, "Orphan Co");
    await transitionReferral(staff, id, { to: "in_review" });
    await prisma.partner.update({ where: { id: gone.partnerId }, data: { status: "removed" } });
    const result = await sweep();
    expect(result.dropped).toBeGreaterThanOrEqual(1);
    expect(await mailsTo(gone)).toHaveLength(0);
    expect(await prisma.partnerNotice.findMany({ where: { partnerId: gone.partnerId }, select: { sentAt: true, outboxEmailId: true } }))
      .toEqual([{ sentAt: expect.any(Date), outboxEmailId: null }]);
    // And a move made while removed records nothing at all.
    await transitionReferral(staff, id, { to: "qualified" });
    expect(await prisma.partnerNotice.count({ where: { partnerId: gone.partnerId } })).toBe(1);
  });
});
