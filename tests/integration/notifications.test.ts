// Staff notifications (lib/notifications): each producer writes one item per staff member whose role
// may act on it, in the event's transaction, once per event (dedupe key); the daily waiting-referral
// job; e-mail per member's choice (instant / digest / off), exactly once, in the reader's language.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { importSdnCsv } from "@/lib/compliance/sdn-import";
import { screenPartner } from "@/lib/compliance/screen";
import { createI18n } from "@/lib/i18n/instance";
import { listNotifications, markAllNotificationsRead, markNotificationRead, unreadCount } from "@/lib/notifications/inbox";
import { sweepStaffNotifications } from "@/lib/notifications/mail";
import { setMailMode } from "@/lib/notifications/preferences";
import { notifyReferralSubmitted } from "@/lib/notifications/producers";
import { renderNotification } from "@/lib/notifications/render";
import { notifyStaleInTenant } from "@/lib/notifications/stale-referrals";
import { submitOptIn } from "@/lib/opportunities/opt-in";
import { optInInput } from "@/lib/opportunities/schemas";
import { createPayoutRun } from "@/lib/payouts/create-run";
import { markPayoutFailedManually } from "@/lib/payouts/manual";
import { submitReferral } from "@/lib/referrals/submit-referral";
import { transitionReferral } from "@/lib/referrals/transition-referral";
import { poolProgram, postedOpportunity } from "../helpers/board";
import { memberContext } from "../helpers/context";
import { prisma } from "../helpers/db";
import { partnerWithContext, programWith } from "../helpers/partner-context";
import { referralInput } from "../helpers/referrals";
import { sdnFixture } from "./compliance-fixtures";
import { approved, payee, payoutWorld, type World } from "./payouts-fixtures";

vi.mock("server-only", () => ({}));
process.env.AUTH_SECRET ??= "notifications-test-secret-0123456789abcdef";

const APP = "https://app.test";
let w: World;
let owner: TenantContext;
let admin: TenantContext;
let manager: TenantContext;
let analyst: TenantContext;
let programId: string;
type Partner = Awaited<ReturnType<typeof partnerWithContext>>;
let partner: Partner;

const itemsOf = (ctx: TenantContext, kind: string) => prisma.staffNotification.findMany({ where: { tenantId: ctx.tenantId, userId: ctx.userId, kind }, orderBy: { createdAt: "asc" } });
const kindCount = async (kind: string) => prisma.staffNotification.count({ where: { tenantId: w.fixture.tenantId, kind } });
const recipients = async (kind: string, key?: string) =>
  (await prisma.staffNotification.findMany({ where: { tenantId: w.fixture.tenantId, kind, ...(key ? { dedupeKey: key } : {}) }, select: { userId: true } })).map((r) => r.userId).sort();
const roles = (...ctxs: TenantContext[]) => ctxs.map((c) => c.userId).sort();

async function submitted(subjectName: string) {
  const tag = randomBytes(4).toString("hex");
  const { id } = await submitReferral(partner.ctx, referralInput(programId, { subjectName, website: `n-${tag}.notify.test`, contactValue: `c@n-${tag}.notify.test` }));
  return id;
}

beforeAll(async () => {
  w = await payoutWorld("Notify Agency");
  owner = w.ctx;
  await prisma.user.update({ where: { id: owner.userId }, data: { locale: "ru" } });
  admin = await memberContext(w.fixture, "admin");
  manager = await memberContext(w.fixture, "manager");
  analyst = await memberContext(w.fixture, "analyst");
  partner = await partnerWithContext(w.fixture, { name: "Мария Петрова", market: "RU", locale: "ru" });
  programId = (await programWith(w.fixture, [partner.partnerId])).id;
});

describe("producers and recipients", () => {
  it("a partner's referral tells owner, admin and manager (who may act on referrals), not the analyst — once", async () => {
    const id = await submitted("Алтайский чай");
    expect(await recipients("referral_submitted", `referral_submitted:${id}`)).toEqual(roles(owner, admin, manager));
    const [item] = await itemsOf(manager, "referral_submitted");
    expect(item.params).toEqual({ referralId: id, subjectName: "Алтайский чай", partnerName: "Мария Петрова" });
    // The same event again (a retried call) adds nothing.
    await w.ctx.db.$transaction((tx) => notifyReferralSubmitted(tx, w.fixture.tenantId, id));
    expect(await recipients("referral_submitted", `referral_submitted:${id}`)).toHaveLength(3);
  });

  it("a referral rejected at once as a duplicate needs nobody's attention", async () => {
    const first = referralInput(programId, { subjectName: "Дубль", website: "dup.notify.test", contactValue: "c@dup.notify.test" });
    await submitReferral(partner.ctx, first);
    const before = await kindCount("referral_submitted");
    const { duplicate } = await submitReferral(partner.ctx, first);
    expect(duplicate).toBe(true);
    expect(await kindCount("referral_submitted")).toBe(before);
  });

  it("an opt-in on the board tells those who may act on opportunities", async () => {
    const pool = await poolProgram(w.fixture);
    const opportunity = await postedOpportunity(w.fixture, pool.id, { titleEn: "US creators wanted", titleRu: "Ищем авторов из США" });
    const input = optInInput.parse({
      kind: "creator", name: "Jess Glow", market: "US", country: "US", website: "",
      platforms: [{ platform: "tiktok", handle: "@jessglow_n", audienceSize: "125 000" }],
      contactName: "Jess", contactEmail: "jess@notify.test", pitch: "US beauty creator.", consent: "yes",
    });
    const meta = { locale: "en" as const, ip: "198.51.100.77", cookies: { get: () => undefined } };
    expect(await submitOptIn({ slug: w.fixture.slug, opportunityId: opportunity.id }, input, meta)).toBe("received");
    expect(await recipients("opt_in_received")).toEqual(roles(owner, admin, manager));
    const [item] = await itemsOf(owner, "opt_in_received");
    expect(item.params).toMatchObject({ opportunityId: opportunity.id, name: "Jess Glow", titleRu: "Ищем авторов из США" });
  });

  it("a payout run with held payouts tells those who manage payouts (owner, admin) only", async () => {
    const held = await payee(w, { name: "Held Payee", rail: "manual", taxForm: null });
    const clear = await payee(w, { name: "Clear Payee", rail: "manual" });
    await approved(w, held, [[10000n, "USD"]]);
    await approved(w, clear, [[10000n, "USD"]]);
    const run = await createPayoutRun(owner, { cutoffAt: new Date() });
    expect(run.held).toBe(1);
    expect(await recipients("payouts_held")).toEqual(roles(owner, admin));
    const [item] = await itemsOf(admin, "payouts_held");
    expect(item.params).toEqual({ runId: run.id, runNumber: run.number, held: 1 });

    // A failed payout (here the bank rejected its registry line, recorded by staff) tells them too.
    const ready = await owner.db.payout.findFirstOrThrow({ where: { runId: run.id, partnerId: clear } });
    await owner.db.payoutRun.update({ where: { id: run.id }, data: { status: "executing" } });
    await owner.db.payout.update({ where: { id: ready.id }, data: { status: "sent" } });
    await markPayoutFailedManually(admin, ready.id, "Account closed");
    expect(await recipients("payout_failed")).toEqual(roles(owner, admin));
    expect((await itemsOf(owner, "payout_failed"))[0].params).toMatchObject({ payoutId: ready.id, runId: run.id, partnerName: "Clear Payee" });
  });

  it("a possible sanctions match is reported once per set of matches, not on every re-screen", async () => {
    await importSdnCsv(owner, sdnFixture(), "sdn.csv");
    const listed = await payee(w, { name: "Sergey Ivanov", rail: "manual", screening: null });
    const s = await screenPartner(owner.db, owner.tenantId, listed, null);
    expect(s.status).toBe("possible_match");
    await screenPartner(owner.db, owner.tenantId, listed, null); // the daily re-screen finds the same
    expect(await recipients("sanctions_possible_match")).toEqual(roles(owner, admin));
    expect((await itemsOf(owner, "sanctions_possible_match"))[0].params).toEqual({ partnerId: listed, partnerName: "Sergey Ivanov" });
  });
});

describe("referrals waiting too long (the daily job)", () => {
  it("one item per referral per waiting spell, not one a day; a new spell after a move is a new item", async () => {
    const id = await submitted("Северный мёд");
    const backdate = (days: number) =>
      prisma.referralTransition.updateMany({ where: { referralId: id }, data: { createdAt: new Date(Date.now() - days * 86_400_000) } });
    await backdate(8);
    const now = new Date();
    await notifyStaleInTenant(w.fixture.tenantId, 7, now);
    await notifyStaleInTenant(w.fixture.tenantId, 7, new Date(now.getTime() + 86_400_000)); // the next day
    const mine = (await itemsOf(manager, "referral_waiting")).filter((n) => (n.params as { referralId: string }).referralId === id);
    expect(mine).toHaveLength(1);
    expect(mine[0].params).toMatchObject({ status: "submitted", days: 8 });
    expect(await recipients("referral_waiting")).not.toContain(analyst.userId);

    // Below the agency's threshold: nothing.
    const fresh = await submitted("Свежая рекомендация");
    await notifyStaleInTenant(w.fixture.tenantId, 7, now);
    expect((await itemsOf(manager, "referral_waiting")).some((n) => (n.params as { referralId: string }).referralId === fresh)).toBe(false);

    // Moved on, then stalled again: a new spell.
    await transitionReferral(manager, id, { to: "in_review" });
    await prisma.referralTransition.updateMany({ where: { referralId: id, toStatus: "in_review" }, data: { createdAt: new Date(Date.now() - 10 * 86_400_000) } });
    await notifyStaleInTenant(w.fixture.tenantId, 7, now);
    const spells = (await itemsOf(manager, "referral_waiting")).filter((n) => (n.params as { referralId: string }).referralId === id);
    expect(spells.map((n) => (n.params as { status: string }).status)).toEqual(["submitted", "in_review"]);
  });

  it("renders in the reader's language with Russian plurals", () => {
    const ru = createI18n("ru").getFixedT("ru", ["notifications", "referrals"]);
    const item = { kind: "referral_waiting", params: { referralId: "r1", subjectName: "Северный мёд", status: "in_review", days: 3 } };
    expect(renderNotification(ru, "ru", item)).toEqual({
      title: "Рекомендация ждёт: Северный мёд", text: "В статусе «На проверке» уже 3 дня.", path: "referrals/r1",
    });
    expect(renderNotification(ru, "ru", { ...item, params: { ...item.params, days: 11 } }).text).toMatch(/11 дней\.$/);
    const en = createI18n("en").getFixedT("en", ["notifications", "referrals"]);
    expect(renderNotification(en, "en", { kind: "webhook_failing", params: { endpointUrl: "https://crm.test/hook", failures: 5 } })).toEqual({
      title: "Webhook failing: https://crm.test/hook", text: "5 deliveries in a row failed.", path: "settings/webhooks",
    });
    expect(ru("notifications:unreadCount", { count: 3 })).toBe("3 новых уведомления");
  });
});

describe("the inbox", () => {
  it("lists only the caller's own items; marking one or all read changes only theirs", async () => {
    const id = await submitted("Только своё");
    const mine = (await listNotifications(manager)).find((n) => (n.params as { referralId?: string }).referralId === id)!;
    const adminsCopy = (await listNotifications(admin)).find((n) => (n.params as { referralId?: string }).referralId === id)!;
    expect(mine.id).not.toBe(adminsCopy.id);
    expect(await markNotificationRead(manager, adminsCopy.id)).toBe(false); // someone else's: nothing
    expect((await prisma.staffNotification.findUniqueOrThrow({ where: { id: adminsCopy.id } })).readAt).toBeNull();
    const before = await unreadCount(manager);
    expect(await markNotificationRead(manager, mine.id)).toBe(true);
    expect(await unreadCount(manager)).toBe(before - 1);
    expect((await listNotifications(manager, { unreadOnly: true })).some((n) => n.id === mine.id)).toBe(false);
    await markAllNotificationsRead(manager);
    expect(await unreadCount(manager)).toBe(0);
    expect(await unreadCount(admin)).toBeGreaterThan(0);
  });
});

describe("e-mail per staff member's choice", () => {
  const mailsTo = (ctx: TenantContext) => prisma.user.findUniqueOrThrow({ where: { id: ctx.userId } })
    .then((u) => prisma.outboxEmail.findMany({ where: { to: u.email }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }));
  const unmailed = (ctx: TenantContext) => prisma.staffNotification.count({ where: { tenantId: ctx.tenantId, userId: ctx.userId, mailedAt: null } });

  it("instant: one mail with every new item, in the reader's language; a rerun or a racing sweep sends nothing more", async () => {
    await setMailMode(admin, "digest"); // out of the way for this test
    await sweepStaffNotifications({ appUrl: APP, coalesceSeconds: 0 });
    const before = (await mailsTo(owner)).length;
    const a = await submitted("Письмо раз");
    const b = await submitted("Письмо два");
    // Not a minute old yet: coalescing waits.
    await sweepStaffNotifications({ appUrl: APP });
    expect(await mailsTo(owner)).toHaveLength(before);
    const later = new Date(Date.now() + 61_000);
    const [r1, r2] = await Promise.all([sweepStaffNotifications({ appUrl: APP, now: later }), sweepStaffNotifications({ appUrl: APP, now: later })]);
    expect(r1.mails + r2.mails).toBeGreaterThanOrEqual(2); // owner and manager, once each
    await sweepStaffNotifications({ appUrl: APP, now: later });
    const mails = (await mailsTo(owner)).slice(before);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail.subject).toBe("2 новых уведомления — Notify Agency");
    expect(mail.text).toContain("• Новая рекомендация: Письмо раз");
    expect(mail.text).toContain(`${APP}/ru/t/${w.fixture.slug}/referrals/${a}`);
    expect(mail.text).toContain(`${APP}/ru/t/${w.fixture.slug}/referrals/${b}`);
    expect(mail.text).not.toMatch(/localhost/);
    expect(await unmailed(owner)).toBe(0);
    const managerMails = await mailsTo(manager);
    expect(managerMails.at(-1)!.subject).toBe("2 new notifications — Notify Agency"); // English reader
    const carried = await prisma.staffNotification.findMany({ where: { userId: owner.userId, outboxEmailId: mail.id } });
    expect(carried).toHaveLength(2);
  });

  it("digest: the items before the agency's 08:00 go out once that day, none before", async () => {
    await prisma.tenant.update({ where: { id: w.fixture.tenantId }, data: { timeZone: "Europe/Moscow" } });
    await sweepStaffNotifications({ appUrl: APP, now: new Date(Date.now() + 61_000) }); // admin's backlog is digest: stays
    const backlog = await unmailed(admin);
    expect(backlog).toBeGreaterThan(0);
    // Pretend everything waiting was created on 1 December at 06:00 Moscow time.
    await prisma.staffNotification.updateMany({ where: { userId: admin.userId, mailedAt: null }, data: { createdAt: new Date("2026-12-01T03:00:00Z") } });
    const before = (await mailsTo(admin)).length;
    await sweepStaffNotifications({ appUrl: APP, now: new Date("2026-12-01T04:59:00Z") }); // 07:59 in Moscow
    expect(await mailsTo(admin)).toHaveLength(before);
    await sweepStaffNotifications({ appUrl: APP, now: new Date("2026-12-01T05:00:30Z") }); // 08:00:30
    await sweepStaffNotifications({ appUrl: APP, now: new Date("2026-12-01T06:00:00Z") });
    const mails = (await mailsTo(admin)).slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toMatch(new RegExp(`^Daily digest: ${backlog} notifications? — Notify Agency$`));
    // Each item's time in the agency's zone with its label (the admin set no zone of their own).
    expect(mails[0].text).toContain("\n  12/01/2026, 06:00 AM\u00a0MSK\n");
    expect(await unmailed(admin)).toBe(0);
  });

  it("times in a mail are in the recipient's own zone, else the agency's: Moscow time for a Moscow reader of a New York agency", async () => {
    await prisma.tenant.update({ where: { id: w.fixture.tenantId }, data: { timeZone: "America/New_York" } });
    await prisma.user.update({ where: { id: owner.userId }, data: { timeZone: "Europe/Moscow" } });
    await setMailMode(owner, "instant");
    await setMailMode(manager, "instant");
    try {
      const [ownerBefore, managerBefore] = [(await mailsTo(owner)).length, (await mailsTo(manager)).length];
      await submitted("Часовой пояс");
      // Created on 1 December 2026 at 12:00 UTC: 15:00 in Moscow, 07:00 in New York.
      await prisma.staffNotification.updateMany({ where: { tenantId: w.fixture.tenantId, mailedAt: null }, data: { createdAt: new Date("2026-12-01T12:00:00Z") } });
      await sweepStaffNotifications({ appUrl: APP, now: new Date(Date.now() + 61_000) });
      const [ownerMail] = (await mailsTo(owner)).slice(ownerBefore);
      expect(ownerMail.text).toContain("• Новая рекомендация: Часовой пояс\n  01.12.2026, 15:00\u00a0(МСК)\n");
      expect(ownerMail.text).not.toContain("07:00");
      const [managerMail] = (await mailsTo(manager)).slice(managerBefore);
      expect(managerMail.text).toContain("\n  12/01/2026, 07:00 AM\u00a0EST\n");
    } finally {
      await prisma.user.update({ where: { id: owner.userId }, data: { timeZone: null } });
    }
  });

  it("off: items stay in the inbox and are never mailed, not even after turning e-mail on again", async () => {
    await setMailMode(manager, "off");
    const before = (await mailsTo(manager)).length;
    await submitted("Без писем");
    expect(await unmailed(manager)).toBe(0);
    await setMailMode(manager, "instant");
    await sweepStaffNotifications({ appUrl: APP, now: new Date(Date.now() + 61_000) });
    expect(await mailsTo(manager)).toHaveLength(before);
    expect((await listNotifications(manager)).some((n) => (n.params as { subjectName?: string }).subjectName === "Без писем")).toBe(true);
  });
});
