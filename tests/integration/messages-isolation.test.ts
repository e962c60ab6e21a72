// Messages are tenant-owned and personal: another tenant can never list, read, reply to or mark them
// — through the tenant client (first wall) nor raw SQL that forgets the tenant (RLS, second wall) —
// and within a tenant a partner reads only the messages addressed to them.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { tenantDb } from "@/lib/db/tenant-client";
import { sendMessageMail } from "@/lib/messages/mail";
import { listPartnerMessages, openPartnerMessage, partnerUnreadMessages } from "@/lib/messages/partner-inbox";
import { replyAsPartner, replyAsStaff } from "@/lib/messages/reply";
import { sendMessage } from "@/lib/messages/send-message";
import { getMessageThread, listMessages } from "@/lib/messages/staff-messages";
import { tenantWithOwner } from "../helpers/context";
import { prisma, type TenantFixture } from "../helpers/db";
import { partnerWithContext, programWith } from "../helpers/partner-context";

vi.mock("server-only", () => ({}));

type Side = { fixture: TenantFixture; owner: TenantContext; partner: Awaited<ReturnType<typeof partnerWithContext>>; other: Awaited<ReturnType<typeof partnerWithContext>>; direct: string; programId: string };
let a: Side;
let b: Side;

async function side(name: string): Promise<Side> {
  const { fixture, ctx: owner } = await tenantWithOwner(name);
  const partner = await partnerWithContext(fixture, { locale: "ru", market: "RU" });
  const other = await partnerWithContext(fixture);
  const programId = (await programWith(fixture, [partner.partnerId, other.partnerId])).id;
  const { id: direct } = await sendMessage(owner, {
    audience: "partner", partnerId: partner.partnerId, programId: null, subjectEn: `${name} secret`, bodyEn: "Only for you", subjectRu: null, bodyRu: null,
  });
  return { fixture, owner, partner, other, direct, programId };
}

beforeAll(async () => {
  a = await side(`Msg A ${randomBytes(2).toString("hex")}`);
  b = await side(`Msg B ${randomBytes(2).toString("hex")}`);
});

describe("between tenants", () => {
  it("another tenant's staff neither list, open, answer nor write to A's partners and programs", async () => {
    expect((await listMessages(b.owner)).map((m) => m.id)).toEqual([b.direct]);
    await expect(getMessageThread(b.owner, a.direct)).rejects.toMatchObject({ code: "not_found" });
    await expect(replyAsStaff(b.owner, a.direct, { body: "hi" })).rejects.toMatchObject({ code: "not_found" });
    const to = { programId: null, subjectEn: "Hi", bodyEn: "Hi", subjectRu: null, bodyRu: null };
    await expect(sendMessage(b.owner, { ...to, audience: "partner", partnerId: a.partner.partnerId })).rejects.toMatchObject({ code: "not_found" });
    await expect(sendMessage(b.owner, { ...to, audience: "program", partnerId: null, programId: a.programId })).rejects.toMatchObject({ code: "not_found" });
    expect(await prisma.messageRecipient.count({ where: { partnerId: a.partner.partnerId } })).toBe(1);
  });

  it("another tenant's partner neither lists, opens, marks nor answers them", async () => {
    expect((await listPartnerMessages(b.partner.ctx)).map((r) => r.message.id)).toEqual([b.direct]);
    await expect(openPartnerMessage(b.partner.ctx, a.direct)).rejects.toMatchObject({ code: "not_found" });
    await expect(replyAsPartner(b.partner.ctx, a.direct, { body: "hi" })).rejects.toMatchObject({ code: "not_found" });
    expect(await partnerUnreadMessages(a.partner.ctx)).toBe(1);
    expect(await prisma.messageReply.count({ where: { messageId: a.direct } })).toBe(0);
  });

  it("the tenant client and raw SQL without a tenant filter see only their own tenant's rows (RLS)", async () => {
    const asB = tenantDb(b.fixture.tenantId);
    expect(await asB.message.findFirst({ where: { id: a.direct } })).toBeNull();
    expect(await asB.messageRecipient.count({ where: { messageId: a.direct } })).toBe(0);
    expect((await asB.messageRecipient.updateMany({ where: { messageId: a.direct }, data: { readAt: new Date() } })).count).toBe(0);
    for (const table of ["Message", "MessageRecipient"] as const) {
      const rows = await asB.$queryRawUnsafe<{ tenantId: string }[]>(`SELECT "tenantId" FROM "${table}"`);
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => r.tenantId))).toEqual(new Set([b.fixture.tenantId]));
    }
    expect(await asB.$executeRaw`UPDATE "MessageRecipient" SET "readAt" = now() WHERE "messageId" = ${a.direct}`).toBe(0);
    await expect(asB.$executeRaw`INSERT INTO "MessageReply" ("id", "tenantId", "messageId", "authorKind", "body")
      VALUES (${`x-${randomBytes(4).toString("hex")}`}, ${a.fixture.tenantId}, ${a.direct}, 'partner', 'forged')`).rejects.toThrow(/row-level security/);
    expect((await prisma.messageRecipient.findFirstOrThrow({ where: { messageId: a.direct } })).readAt).toBeNull();
  });

  it("B's scope asked to mail A's partner claims and mails nothing", async () => {
    const far = new Date(Date.now() + 3_600_000);
    expect(await sendMessageMail(b.fixture.tenantId, a.partner.partnerId, { now: far, cutoff: far, appUrl: "https://app.test" })).toBeNull();
    expect((await prisma.messageRecipient.findFirstOrThrow({ where: { messageId: a.direct } })).mailedAt).toBeNull();
  });
});

describe("within a tenant", () => {
  it("a partner neither lists, opens nor answers another partner's direct message", async () => {
    expect(await listPartnerMessages(a.other.ctx)).toEqual([]);
    await expect(openPartnerMessage(a.other.ctx, a.direct)).rejects.toMatchObject({ code: "not_found" });
    await expect(replyAsPartner(a.other.ctx, a.direct, { body: "me too" })).rejects.toMatchObject({ code: "not_found" });
    expect(await partnerUnreadMessages(a.partner.ctx)).toBe(1);
  });
});
