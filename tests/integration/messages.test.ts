// Messages to partners (issue 16, part 4): each partner gets the version in their language — in the
// portal and by e-mail — or the other one, marked; read state per partner; replies only to direct
// messages, and a partner's reply tells staff; the mail job honours the partner's e-mail choice and
// sends each message once even when killed mid-way.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { crontab, makeTasks } from "@/lib/jobs/tasks";
import { MESSAGE_MAIL_TASK } from "@/lib/messages/mail-job";
import { sendMessageMail, sweepMessageMail } from "@/lib/messages/mail";
import { listPartnerMessages, openPartnerMessage, partnerUnreadMessages } from "@/lib/messages/partner-inbox";
import { replyAsPartner, replyAsStaff } from "@/lib/messages/reply";
import { composeMessageForm, replyForm, type ComposeMessageInput } from "@/lib/messages/schemas";
import { sendMessage } from "@/lib/messages/send-message";
import { getMessageThread, listMessages } from "@/lib/messages/staff-messages";
import { listNotifications } from "@/lib/notifications/inbox";
import { memberContext, tenantWithOwner } from "../helpers/context";
import { prisma, type TenantFixture } from "../helpers/db";
import { partnerWithContext, programWith } from "../helpers/partner-context";

vi.mock("server-only", () => ({}));
const crash = vi.hoisted(() => ({ armed: false, to: "" }));
vi.mock("@/lib/mail/outbox", async (original) => {
  const real = await original<typeof import("@/lib/mail/outbox")>();
  return {
    ...real,
    storeEmail: async (...args: Parameters<typeof real.storeEmail>) => {
      const row = await real.storeEmail(...args);
      if (crash.armed && args[0].to === crash.to) {
        crash.armed = false;
        throw new Error("killed mid-way");
      }
      return row;
    },
  };
});

const APP = "https://app.twoway.test";
let fixture: TenantFixture;
let owner: TenantContext;
let en: Awaited<ReturnType<typeof partnerWithContext>>;
let ru: Awaited<ReturnType<typeof partnerWithContext>>;
let programId: string;

const compose = (input: Partial<ComposeMessageInput> & Pick<ComposeMessageInput, "audience">): ComposeMessageInput => ({
  partnerId: null, programId: null, subjectEn: null, bodyEn: null, subjectRu: null, bodyRu: null, ...input,
});
const mailsTo = (to: string) => prisma.outboxEmail.findMany({ where: { to }, orderBy: { createdAt: "asc" } });
const mailNow = (tenantId: string, partnerId: string) => sendMessageMail(tenantId, partnerId, { now: new Date(), cutoff: new Date(), appUrl: APP });

beforeAll(async () => {
  ({ fixture, ctx: owner } = await tenantWithOwner(`Messages Agency ${randomBytes(2).toString("hex")}`));
  en = await partnerWithContext(fixture, { name: "Jessica Moore", locale: "en" });
  ru = await partnerWithContext(fixture, { name: "Екатерина Иванова", market: "RU", locale: "ru" });
  const suspended = await partnerWithContext(fixture, { name: "Игорь Соколов", market: "RU", locale: "ru" });
  await prisma.partner.update({ where: { id: suspended.partnerId }, data: { status: "suspended" } });
  programId = (await programWith(fixture, [en.partnerId, ru.partnerId, suspended.partnerId])).id;
});

describe("the form", () => {
  it("needs a whole language version, at least one, and the audience's target", () => {
    const base = { audience: "program", programId: "p1" };
    expect(composeMessageForm.safeParse({ ...base, subjectEn: "Hi", bodyEn: "Body" }).success).toBe(true);
    expect(composeMessageForm.safeParse({ ...base, subjectRu: "Привет", bodyRu: "Текст" }).success).toBe(true);
    const issues = (input: object) => composeMessageForm.safeParse(input).error?.issues.map((i) => `${i.path.join(".")}:${i.message}`) ?? [];
    expect(issues(base)).toEqual(["subjectEn:message_language_required"]);
    expect(issues({ ...base, subjectEn: "Hi" })).toEqual(["bodyEn:message_body_required"]);
    expect(issues({ ...base, bodyRu: "Текст" })).toEqual(["subjectRu:message_subject_required"]);
    expect(issues({ audience: "partner", subjectEn: "Hi", bodyEn: "Body" })).toEqual(["partnerId:message_partner_required"]);
    expect(issues({ ...base, subjectEn: "x".repeat(201), bodyEn: "Body" })).toEqual(["subjectEn:message_too_long"]);
    expect(replyForm.safeParse({ body: "   " }).success).toBe(false);
    expect(replyForm.parse({ body: " Line 1\r\nLine 2 " }).body).toBe("Line 1\nLine 2");
  });
});

describe("an announcement in both languages to a program", () => {
  let messageId: string;
  beforeAll(async () => {
    ({ id: messageId } = await sendMessage(owner, compose({
      audience: "program", programId,
      subjectEn: "New commission rates", bodyEn: "From January: 12%.\nThanks for your work!",
      subjectRu: "Новые ставки комиссии", bodyRu: "С января — 12 %.\nСпасибо за работу!",
    })));
  });

  it("reaches the program's active partners only, audited", async () => {
    const rows = await prisma.messageRecipient.findMany({ where: { messageId } });
    expect(rows.map((r) => r.partnerId).sort()).toEqual([en.partnerId, ru.partnerId].sort());
    expect(await prisma.auditLog.count({ where: { entityId: messageId, action: "message.sent" } })).toBe(1);
    const [listed] = await listMessages(owner);
    expect(listed).toMatchObject({ id: messageId, audience: "program", recipients: 2, read: 0, replies: 0 });
  });

  it("is mailed to each partner in their language, with links from the configured base URL", async () => {
    await mailNow(fixture.tenantId, en.partnerId);
    await mailNow(fixture.tenantId, ru.partnerId);
    const [enMail] = await mailsTo(en.email);
    const [ruMail] = await mailsTo(ru.email);
    expect(enMail.subject).toBe(`New commission rates — ${(await prisma.tenant.findUniqueOrThrow({ where: { id: fixture.tenantId } })).name}`);
    expect(enMail.text).toContain("Hello, Jessica Moore!");
    expect(enMail.text).toContain("From January: 12%.\nThanks for your work!");
    expect(enMail.text).not.toContain("Новые ставки");
    expect(enMail.text).toContain(`${APP}/en/p/${fixture.slug}/messages/${messageId}`);
    expect(ruMail.subject).toMatch(/^Новые ставки комиссии — /);
    expect(ruMail.text).toContain("Здравствуйте, Екатерина Иванова!");
    expect(ruMail.text).toContain("С января — 12 %.\nСпасибо за работу!");
    expect(ruMail.text).not.toContain("New commission rates");
    expect(ruMail.text).toContain(`${APP}/ru/p/${fixture.slug}/messages/${messageId}`);
    expect(ruMail.text).not.toContain("Написано на");
  });

  it("shows each partner their language in the portal; opening it marks it read for that partner only", async () => {
    expect(await partnerUnreadMessages(ru.ctx)).toBe(1);
    const opened = await openPartnerMessage(ru.ctx, messageId);
    expect(opened.wasUnread).toBe(true);
    expect(opened.message.subjectRu).toBe("Новые ставки комиссии");
    expect(opened.replies).toEqual([]);
    expect(await partnerUnreadMessages(ru.ctx)).toBe(0);
    expect(await partnerUnreadMessages(en.ctx)).toBe(1);
    expect((await openPartnerMessage(ru.ctx, messageId)).wasUnread).toBe(false);
    expect((await listMessages(owner)).find((m) => m.id === messageId)?.read).toBe(1);
  });

  it("takes no replies", async () => {
    await expect(replyAsPartner(ru.ctx, messageId, { body: "Спасибо!" })).rejects.toMatchObject({ code: "message_reply_not_allowed" });
    await expect(replyAsStaff(owner, messageId, { body: "Anyone?" })).rejects.toMatchObject({ code: "message_reply_not_allowed" });
    expect(await prisma.messageReply.count({ where: { messageId } })).toBe(0);
  });
});

describe("a direct message written in English only, to a Russian-reading partner", () => {
  let messageId: string;
  beforeAll(async () => {
    ({ id: messageId } = await sendMessage(owner, compose({ audience: "partner", partnerId: ru.partnerId, subjectEn: "Quick question", bodyEn: "Can you intro us to Siberian Herbs?" })));
  });

  it("falls back to English and says so, in the mail and the portal", async () => {
    await mailNow(fixture.tenantId, ru.partnerId);
    const mail = (await mailsTo(ru.email)).at(-1)!;
    expect(mail.subject).toMatch(/^Quick question — /);
    expect(mail.text).toContain("(Написано на английском.)");
    expect(mail.text).toContain("Can you intro us to Siberian Herbs?");
    expect(mail.text).toContain(`Открыть и ответить в кабинете: ${APP}/ru/p/${fixture.slug}/messages/${messageId}`);
    const inbox = await listPartnerMessages(ru.ctx);
    expect(inbox[0].message).toMatchObject({ id: messageId, subjectRu: null, subjectEn: "Quick question" });
    expect(await listPartnerMessages(en.ctx).then((rows) => rows.map((r) => r.message.id))).not.toContain(messageId);
  });

  it("is a thread: the partner's reply notifies the staff who may write to partners; staff answer", async () => {
    const manager = await memberContext(fixture, "manager");
    const analyst = await memberContext(fixture, "analyst");
    await replyAsPartner(ru.ctx, messageId, { body: "Да, конечно.\nНапишу им сегодня." });
    const [item] = await listNotifications(manager);
    expect(item).toMatchObject({ kind: "message_reply", params: { messageId, partnerName: "Екатерина Иванова", subjectEn: "Quick question", subjectRu: null } });
    expect(await listNotifications(analyst)).toEqual([]);
    await openPartnerMessage(ru.ctx, messageId);
    await replyAsStaff(owner, messageId, { body: "Thank you!" });
    const thread = await getMessageThread(owner, messageId);
    expect(thread.replies.map((r) => [r.authorKind, r.body])).toEqual([["partner", "Да, конечно.\nНапишу им сегодня."], ["staff", "Thank you!"]]);
    expect(thread.recipients).toHaveLength(1);
    expect(thread.recipients[0].readAt).toBeNull(); // the staff answer is new to the partner
    expect((await openPartnerMessage(ru.ctx, messageId)).replies).toHaveLength(2);
  });
});

describe("who can be written to", () => {
  it("not a partner who is not active, nor a program without active partners", async () => {
    const invited = await prisma.partner.create({ data: { tenantId: fixture.tenantId, name: "Emily", email: `emily-${randomBytes(3).toString("hex")}@p.test`, market: "US", status: "invited" } });
    await expect(sendMessage(owner, compose({ audience: "partner", partnerId: invited.id, subjectEn: "Hi", bodyEn: "Hi" }))).rejects.toMatchObject({ code: "message_partner_inactive" });
    const empty = await programWith(fixture, [invited.id]);
    await expect(sendMessage(owner, compose({ audience: "program", programId: empty.id, subjectEn: "Hi", bodyEn: "Hi" }))).rejects.toMatchObject({ code: "message_no_recipients" });
  });

  it("analysts cannot send", async () => {
    const analyst = await memberContext(fixture, "analyst");
    await expect(sendMessage(analyst, compose({ audience: "partner", partnerId: en.partnerId, subjectEn: "Hi", bodyEn: "Hi" }))).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("mail:partner-messages", () => {
  it("is in the crontab and the task list", () => {
    expect(crontab).toContain(`* * * * * ${MESSAGE_MAIL_TASK} `);
    expect(typeof makeTasks(() => false)[MESSAGE_MAIL_TASK]).toBe("function");
  });

  it("waits for the 08:00 digest of a partner who chose it", async () => {
    const tz = await tenantWithOwner(`Digest Agency ${randomBytes(2).toString("hex")}`);
    await prisma.tenant.update({ where: { id: tz.fixture.tenantId }, data: { timeZone: "Europe/Moscow" } });
    const p = await partnerWithContext(tz.fixture, { locale: "ru", market: "RU" });
    await prisma.partner.update({ where: { id: p.partnerId }, data: { noticeMode: "digest" } });
    await prisma.$executeRaw`UPDATE "MessageRecipient" SET "mailedAt" = now() WHERE "mailedAt" IS NULL`; // other tests' rows
    const sentAt = new Date("2026-03-10T06:00:00Z"); // 09:00 in Moscow
    const { id } = await sendMessage(tz.ctx, compose({ audience: "partner", partnerId: p.partnerId, subjectRu: "Сводка", bodyRu: "Текст" }));
    await prisma.messageRecipient.updateMany({ where: { messageId: id }, data: { createdAt: sentAt } });
    expect(await sweepMessageMail({ now: new Date("2026-03-11T04:59:00Z"), appUrl: APP })).toEqual({ mails: 0, messages: 0 }); // 07:59 next day
    expect(await sweepMessageMail({ now: new Date("2026-03-11T05:00:30Z"), appUrl: APP })).toEqual({ mails: 1, messages: 1 });
    const [mail] = await mailsTo(p.email);
    expect(mail.subject).toMatch(/^1 новое сообщение от агентства/);
    expect(mail.text).toContain("Ваша ежедневная сводка: 1 сообщение");
  });

  it("killed mid-way, then rerun: each message mailed once", async () => {
    const { id: a } = await sendMessage(owner, compose({ audience: "partner", partnerId: en.partnerId, subjectEn: "One", bodyEn: "First" }));
    const { id: b } = await sendMessage(owner, compose({ audience: "partner", partnerId: en.partnerId, subjectEn: "Two", bodyEn: "Second" }));
    const before = (await mailsTo(en.email)).length;
    Object.assign(crash, { armed: true, to: en.email });
    await sweepMessageMail({ appUrl: APP });
    expect(crash.armed).toBe(false); // it did crash
    expect(await mailsTo(en.email)).toHaveLength(before);
    expect(await prisma.messageRecipient.count({ where: { messageId: { in: [a, b] }, mailedAt: null } })).toBe(2);
    await sweepMessageMail({ appUrl: APP });
    await sweepMessageMail({ appUrl: APP });
    const mails = await mailsTo(en.email);
    expect(mails).toHaveLength(before + 1);
    expect(mails.at(-1)!.subject).toMatch(/^2 new messages from /);
    expect(mails.at(-1)!.text).toContain("First");
    expect(mails.at(-1)!.text).toContain("Second");
  });
});
