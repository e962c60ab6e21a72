import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createRule } from "@/lib/commissions/rules";
import { runCommissionJob } from "@/lib/commissions/run-job";
import { ruleInput } from "@/lib/commissions/schemas";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import type { ConversionType } from "@/lib/db/generated/enums";
import { createGroup, getProgramGroups, listGroupChoices, makeDefaultGroup, updateGroup } from "@/lib/groups/groups";
import { movePartnerToGroup } from "@/lib/groups/move-partner";
import { groupInput } from "@/lib/groups/schemas";
import { ForbiddenError, NotFoundError } from "@/lib/kernel/errors";
import { applyToProgram, findApplicationProgram, InvalidAnswer } from "@/lib/partners/apply-to-program";
import { enrolPartner } from "@/lib/partners/enrolments";
import { applicationInput } from "@/lib/partners/schemas";
import { partnerOverview } from "@/lib/portal/overview";
import { memberContext, tenantWithOwner } from "../helpers/context";
import { prisma, type TenantFixture } from "../helpers/db";
import { partnerWithContext, programWith } from "../helpers/partner-context";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const group = (fields: Record<string, string> = {}) => groupInput.parse({ name: "VIP", ...fields });
const system = (ctx: TenantContext) => ({ tenantId: ctx.tenantId, userId: null });

function event(ctx: TenantContext, spec: { type: ConversionType; partnerId: string; programId: string; occurredAt: Date; amountMinor?: bigint; customerId?: string }) {
  return prisma.conversionEvent.create({
    data: {
      tenantId: ctx.tenantId, type: spec.type, source: "api", idempotencyKey: randomBytes(8).toString("hex"), payloadHash: "x",
      occurredAt: spec.occurredAt, amountMinor: spec.amountMinor ?? null, currency: spec.amountMinor !== undefined ? "USD" : null,
      partnerId: spec.partnerId, programId: spec.programId, customerId: spec.customerId ?? null, sourceMarket: "US", targetMarket: "RU",
    },
  });
}

async function rule(ctx: TenantContext, programId: string, fields: Record<string, string>) {
  return createRule(ctx, ruleInput.parse({ programId, currency: "USD", holdDays: "30", ...fields }));
}

/** The commissions of one event: rule name → amount (minor units). */
async function earned(eventId: string) {
  const rows = await prisma.commission.findMany({ where: { eventId }, include: { rule: { select: { name: true } } } });
  return Object.fromEntries(rows.map((r) => [r.rule?.name ?? "?", r.amountMinor]));
}

describe("partner groups inside a program", () => {
  let fx: TenantFixture;
  let ctx: TenantContext;
  let program: string;
  let early: string;

  beforeAll(async () => {
    ({ fixture: fx, ctx } = await tenantWithOwner("Groups"));
    early = (await partnerWithContext(fx, { market: "US" })).partnerId;
    program = (await programWith(fx, [early])).id;
  });

  it("the first group is the default and takes the program's current partners; new partners join the default", async () => {
    const first = await createGroup(ctx, program, group({ name: "Основная" }));
    const second = await createGroup(ctx, program, group({ name: "VIP партнёры" }));
    expect([first.isDefault, second.isDefault]).toEqual([true, false]);
    expect(second.slug).toBe("vip-partnery");
    expect((await prisma.programPartner.findFirstOrThrow({ where: { programId: program, partnerId: early } })).groupId).toBe(first.id);

    const late = (await partnerWithContext(fx, { market: "US" })).partnerId;
    await enrolPartner(ctx, late, program);
    expect((await prisma.programPartner.findFirstOrThrow({ where: { programId: program, partnerId: late } })).groupId).toBe(first.id);

    // Another default: only partners who join from now on go there.
    await makeDefaultGroup(ctx, second.id);
    const later = (await partnerWithContext(fx, { market: "US" })).partnerId;
    await enrolPartner(ctx, later, program);
    expect((await prisma.programPartner.findFirstOrThrow({ where: { programId: program, partnerId: later } })).groupId).toBe(second.id);
    expect((await prisma.programPartner.findFirstOrThrow({ where: { programId: program, partnerId: late } })).groupId).toBe(first.id);
    const { groups } = await getProgramGroups(ctx, program);
    expect(groups.map((g) => [g.name, g.isDefault, g._count.members])).toEqual([["VIP партнёры", true, 1], ["Основная", false, 2]]);
  });

  it("editing a group is audited with before and after; a question needs both languages", async () => {
    const g = await createGroup(ctx, program, group({ name: "Авторы" }));
    await updateGroup(ctx, g.id, group({ name: "Авторы", holdDays: "7", landingTextRu: "Для авторов", "questions.0.en": "Your channel?", "questions.0.ru": "Ваш канал?" } as never));
    const parsed = groupInput.safeParse({ name: "X", questions: [{ en: "Only English" }] });
    expect(parsed.success).toBe(false);
    const row = await prisma.partnerGroup.findUniqueOrThrow({ where: { id: g.id } });
    expect(row.holdDays).toBe(7);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { tenantId: ctx.tenantId, action: "partner_group.updated", entityId: g.id } });
    expect(audit.data).toMatchObject({ from: { holdDays: null }, to: { holdDays: 7, landingTextRu: "Для авторов" } });
    expect(groupInput.safeParse({ name: "X", holdDays: "400" }).success).toBe(false);
  });

  it("only settings managers create groups; only payouts managers move partners", async () => {
    const manager = await memberContext(fx, "manager");
    await expect(createGroup(manager, program, group({ name: "Нельзя" }))).rejects.toBeInstanceOf(ForbiddenError);
    const { groups } = await getProgramGroups(ctx, program);
    await expect(movePartnerToGroup(manager, early, program, groups[0].id)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("commission rules and holding period of a group", () => {
  let fx: TenantFixture;
  let ctx: TenantContext;
  let program: string;
  let base: string;
  let vip: string;

  beforeAll(async () => {
    ({ fixture: fx, ctx } = await tenantWithOwner("Group rules"));
    program = (await programWith(fx, [])).id;
    base = (await createGroup(ctx, program, group({ name: "Base" }))).id;
    vip = (await createGroup(ctx, program, group({ name: "VIP", holdDays: "7" }))).id;
    await rule(ctx, program, { name: "Program lead", basis: "lead_bounty", bounty: "50" });
    await rule(ctx, program, { name: "Program close", basis: "close_bounty", bounty: "100" });
    await rule(ctx, program, { name: "VIP lead", basis: "lead_bounty", bounty: "80", groupId: vip });
    await rule(ctx, program, { name: "VIP lead RU", basis: "lead_bounty", bounty: "90", groupId: vip, market: "RU" });
  });

  async function member(market: "US" | "RU", groupId: string) {
    const id = (await partnerWithContext(fx, { market })).partnerId;
    await enrolPartner(ctx, id, program);
    await movePartnerToGroup(ctx, id, program, groupId).catch(() => undefined);
    return id;
  }

  it("a group rule beats the program-wide rule of the same basis; other bases keep the program's rules", async () => {
    const inBase = await member("US", base);
    const inVip = await member("US", vip);
    const soon = new Date(Date.now() + HOUR);
    const [l1, l2, c2] = await Promise.all([
      event(ctx, { type: "lead", partnerId: inBase, programId: program, occurredAt: soon }),
      event(ctx, { type: "lead", partnerId: inVip, programId: program, occurredAt: soon }),
      event(ctx, { type: "close", partnerId: inVip, programId: program, occurredAt: soon }),
    ]);
    await runCommissionJob(ctx.db, system(ctx));
    expect(await earned(l1.id)).toEqual({ "Program lead": 5000n });
    expect(await earned(l2.id)).toEqual({ "VIP lead": 8000n });
    expect(await earned(c2.id)).toEqual({ "Program close": 10000n });
    // A second run finds nothing left to do for these events (the job's SQL agrees with the rule choice).
    expect((await runCommissionJob(ctx.db, system(ctx))).created).toBe(0);
  });

  it("a group rule for one market applies to that market only, next to the group's all-market rule", async () => {
    const ru = await member("RU", vip);
    const e = await event(ctx, { type: "lead", partnerId: ru, programId: program, occurredAt: new Date(Date.now() + HOUR) });
    await runCommissionJob(ctx.db, system(ctx));
    expect(await earned(e.id)).toEqual({ "VIP lead": 8000n, "VIP lead RU": 9000n });
  });

  it("the group's holding period replaces the rule's; a group without one keeps the rule's", async () => {
    const inBase = await member("US", base);
    const inVip = await member("US", vip);
    const at = new Date(Date.now() + HOUR);
    const [a, b] = await Promise.all([
      event(ctx, { type: "lead", partnerId: inBase, programId: program, occurredAt: at }),
      event(ctx, { type: "lead", partnerId: inVip, programId: program, occurredAt: at }),
    ]);
    await runCommissionJob(ctx.db, system(ctx));
    const due = async (eventId: string) => (await prisma.commission.findFirstOrThrow({ where: { eventId } })).dueAt.getTime() - at.getTime();
    expect(await due(a.id)).toBe(30 * DAY);
    expect(await due(b.id)).toBe(7 * DAY);
  });

  it("moving a partner changes future commissions only: before the move → old group's rule, after → new group's", async () => {
    const p = await member("US", base);
    const before = await event(ctx, { type: "lead", partnerId: p, programId: program, occurredAt: new Date(Date.now() - 2 * DAY) });
    await runCommissionJob(ctx.db, system(ctx));
    const recorded = await prisma.commission.findFirstOrThrow({ where: { eventId: before.id } });
    // An event that happened before the move but reaches the job after it (a late import) still earns under the old group.
    const lateBefore = await event(ctx, { type: "lead", partnerId: p, programId: program, occurredAt: new Date(Date.now() - DAY) });

    expect(await movePartnerToGroup(ctx, p, program, vip)).toBe(true);
    expect(await movePartnerToGroup(ctx, p, program, vip)).toBe(false); // already there: nothing recorded twice
    const after = await event(ctx, { type: "lead", partnerId: p, programId: program, occurredAt: new Date(Date.now() + HOUR) });
    await runCommissionJob(ctx.db, system(ctx));

    expect(await earned(before.id)).toEqual({ "Program lead": 5000n });
    expect(await earned(lateBefore.id)).toEqual({ "Program lead": 5000n });
    expect(await earned(after.id)).toEqual({ "VIP lead": 8000n });
    const unchanged = await prisma.commission.findUniqueOrThrow({ where: { id: recorded.id } });
    expect([unchanged.ruleId, unchanged.amountMinor, unchanged.dueAt]).toEqual([recorded.ruleId, recorded.amountMinor, recorded.dueAt]);

    const moves = await prisma.partnerGroupMove.findMany({ where: { partnerId: p } });
    expect(moves.map((m) => [m.fromGroupId, m.toGroupId])).toEqual([[base, vip]]);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { tenantId: ctx.tenantId, action: "partner.group_changed", entityId: p } });
    expect(audit).toMatchObject({ actorUserId: ctx.userId, data: { from: "Base", to: "VIP", programId: program } });
  });

  it("a refund after a move claws back under the rule that paid the sale", async () => {
    await rule(ctx, program, { name: "Base share", basis: "revenue_share", percent: "10", groupId: base });
    await rule(ctx, program, { name: "VIP share", basis: "revenue_share", percent: "20", groupId: vip });
    const p = await member("US", base);
    const customer = await prisma.customer.create({
      data: { tenantId: ctx.tenantId, externalId: `c-${randomBytes(4).toString("hex")}`, source: "referral", partnerId: p, programId: program, firstSeenAt: new Date(Date.now() - 3 * DAY) },
    });
    const sale = await event(ctx, { type: "revenue", partnerId: p, programId: program, occurredAt: new Date(Date.now() - 2 * DAY), amountMinor: 10000n, customerId: customer.id });
    await runCommissionJob(ctx.db, system(ctx));
    expect(await earned(sale.id)).toEqual({ "Base share": 1000n });
    await movePartnerToGroup(ctx, p, program, vip);
    const refund = await event(ctx, { type: "refund", partnerId: p, programId: program, occurredAt: new Date(Date.now() + HOUR), amountMinor: 10000n, customerId: customer.id });
    await runCommissionJob(ctx.db, system(ctx));
    expect(await earned(refund.id)).toEqual({ "Base share": -1000n });
  });

  it("a rule cannot name a group of another program", async () => {
    const other = (await programWith(fx, [])).id;
    await expect(rule(ctx, other, { name: "Wrong", basis: "lead_bounty", bounty: "1", groupId: vip })).rejects.toMatchObject({ code: "commissions.group_invalid" });
  });
});

describe("public application to a group", () => {
  let fx: TenantFixture;
  let ctx: TenantContext;
  let program: string;
  let vip: string;
  const form = (email: string) => applicationInput.parse({
    name: "Анна", email, market: "RU", country: "", language: "ru", pitch: "Знаю много брендов и авторов в Москве.", consent: "yes",
  });

  beforeAll(async () => {
    ({ fixture: fx, ctx } = await tenantWithOwner("Group apply"));
    program = (await programWith(fx, [])).id;
    await prisma.program.update({ where: { id: program }, data: { access: "open" } });
    await createGroup(ctx, program, group({ name: "Все" }));
    vip = (await createGroup(ctx, program, groupInput.parse({
      name: "Блогеры", landingTextEn: "For bloggers", landingTextRu: "Для блогеров-авторов",
      questions: [{ en: "Your channel?", ru: "Ваш канал?" }],
    }))).id;
  });

  it("?group=<slug> shows the group and enrols the applicant in it; its questions must be answered", async () => {
    const found = await findApplicationProgram(fx.slug, program, "blogery");
    expect(found?.group).toMatchObject({ id: vip, landingText: { ru: "Для блогеров-авторов" }, questions: [{ id: "q1", ru: "Ваш канал?" }] });
    expect(await findApplicationProgram(fx.slug, program, vip)).toMatchObject({ group: { id: vip } });
    expect(await findApplicationProgram(fx.slug, program, "no-such-group")).toBeNull();

    const target = { tenantSlug: fx.slug, programId: program, group: "blogery" };
    await expect(applyToProgram(target, form("anna@example.ru"))).rejects.toBeInstanceOf(InvalidAnswer);
    expect(await applyToProgram(target, form("anna@example.ru"), (name) => (name === "answers.q1" ? "t.me/anna" : null))).toBe("received");
    const partner = await prisma.partner.findFirstOrThrow({ where: { tenantId: ctx.tenantId, email: "anna@example.ru" }, include: { enrolments: true } });
    expect(partner.enrolments.map((e) => e.groupId)).toEqual([vip]);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { tenantId: ctx.tenantId, action: "partner.applied", entityId: partner.id } });
    expect(audit.data).toMatchObject({ groupId: vip, answers: [{ question: "Ваш канал?", answer: "t.me/anna" }] });
  });

  it("without ?group= the applicant joins the default group", async () => {
    expect(await applyToProgram({ tenantSlug: fx.slug, programId: program }, form("boris@example.ru"))).toBe("received");
    const enrolment = await prisma.programPartner.findFirstOrThrow({ where: { tenantId: ctx.tenantId, partner: { email: "boris@example.ru" } }, include: { group: true } });
    expect(enrolment.group?.isDefault).toBe(true);
  });

  it("the partner sees the name of their group in the portal", async () => {
    const p = await partnerWithContext(fx, { market: "RU", locale: "ru" });
    await enrolPartner(ctx, p.partnerId, program);
    await movePartnerToGroup(ctx, p.partnerId, program, vip);
    expect((await partnerOverview(p.ctx)).programs.map((x) => x.group)).toEqual(["Блогеры"]);
  });
});

describe("partner groups are invisible to another tenant", () => {
  it("tenant B cannot list, read, change or use A's groups, nor move A's partners", async () => {
    const { fixture: fa, ctx: a } = await tenantWithOwner("Groups A");
    const { fixture: fb, ctx: b } = await tenantWithOwner("Groups B");
    const partner = (await partnerWithContext(fa, { market: "US" })).partnerId;
    const programA = (await programWith(fa, [partner])).id;
    await prisma.program.update({ where: { id: programA }, data: { access: "open" } });
    const programB = (await programWith(fb, [])).id;
    const g1 = await createGroup(a, programA, group({ name: "A1" }));
    const g2 = await createGroup(a, programA, group({ name: "A2" }));

    expect(await listGroupChoices(b)).toEqual([]);
    expect((await listGroupChoices(a)).map((g) => g.id).sort()).toEqual([g1.id, g2.id].sort());
    await expect(getProgramGroups(b, programA)).rejects.toBeInstanceOf(NotFoundError);
    await expect(createGroup(b, programA, group({ name: "hijack" }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateGroup(b, g1.id, group({ name: "hijack" }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(makeDefaultGroup(b, g2.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(movePartnerToGroup(b, partner, programA, g2.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(rule(b, programB, { name: "x", basis: "lead_bounty", bounty: "1", groupId: g1.id })).rejects.toMatchObject({ code: "commissions.group_invalid" });
    // B's public pages do not know A's group or program.
    expect(await findApplicationProgram(fb.slug, programA, g1.id)).toBeNull();

    const rows = await prisma.partnerGroup.findMany({ where: { programId: programA }, orderBy: { name: "asc" } });
    expect(rows.map((r) => [r.name, r.isDefault])).toEqual([["A1", true], ["A2", false]]);
    expect((await prisma.programPartner.findFirstOrThrow({ where: { partnerId: partner } })).groupId).toBe(g1.id);
    expect(await prisma.partnerGroupMove.count({ where: { tenantId: a.tenantId } })).toBe(0);
    // Under B's scope (row-level security included), A's rows do not exist.
    expect(await b.db.partnerGroup.count()).toBe(0);
    expect(await b.db.partnerGroupMove.count()).toBe(0);
  });
});
