import { beforeAll, describe, expect, it } from "vitest";
import { auditEntityTypes, listAuditLog } from "@/lib/audit/list-audit";
import type { PartnerStatus } from "@/lib/db/generated/enums";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/kernel/errors";
import { changePartnerStatus } from "@/lib/partners/change-partner-status";
import { enrolPartner, unenrolPartner } from "@/lib/partners/enrolments";
import { invitePartner, resendPartnerInvite } from "@/lib/partners/invite-partner";
import { getPartner, listPartners } from "@/lib/partners/list-partners";
import { invitePartnerInput, partnerListQuery, statusChangeInput } from "@/lib/partners/schemas";
import type { PartnerAction } from "@/lib/partners/status-transitions";
import { setPartnerNotes, setPartnerTier } from "@/lib/partners/update-partner";
import { createProgram, updateProgramSettings } from "@/lib/programs/programs";
import { programInput } from "@/lib/programs/schemas";
import { memberContext, tenantWithOwner } from "../helpers/context";
import type { TenantFixture } from "../helpers/db";
import { prisma } from "../helpers/db";
import { APP_URL, partnerIn, programIn, uniqueEmail } from "../helpers/partner-fixtures";

const invite = (fields: Record<string, unknown>) => invitePartnerInput.parse({ market: "US", language: "en", ...fields });
const change = (action: PartnerAction, reason?: string) => statusChangeInput.parse({ transition: action, reason });
const all = partnerListQuery.parse({});

let a: TenantContext;
let aFixture: TenantFixture;
let b: TenantContext;

beforeAll(async () => {
  ({ ctx: a, fixture: aFixture } = await tenantWithOwner("Northstar Partners"));
  ({ ctx: b } = await tenantWithOwner("Volga Partners"));
});

describe("inviting a partner", () => {
  it("creates the partner, enrols them and e-mails a link in the partner's language", async () => {
    const warm = await programIn(a.tenantId, { name: "Тёплые знакомства" });
    const email = uniqueEmail("ekaterina");
    const { partner, url } = await invitePartner(a, invite({ name: "Екатерина Иванова", email, market: "RU", country: "ru", language: "ru", programIds: [warm.id], tier: "trusted" }), APP_URL);

    expect(partner).toMatchObject({ status: "invited", preferredLocale: "ru", market: "RU", country: "RU", trustTier: "trusted", tenantId: a.tenantId });
    expect(await prisma.programPartner.count({ where: { partnerId: partner.id, programId: warm.id } })).toBe(1);
    expect(url).toMatch(new RegExp(`^${APP_URL}/ru/partner-invite/[A-Za-z0-9_-]{32}$`));

    const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { to: email } });
    expect(mail.tenantId).toBe(a.tenantId);
    expect(mail.subject).toBe("Northstar Partners приглашает вас в партнёрскую сеть");
    expect(mail.text).toContain("Здравствуйте, Екатерина Иванова!");
    expect(mail.text).toContain("• Тёплые знакомства");
    expect(mail.text).toContain("действует 14 дней");
    expect(mail.text).toContain(url);

    const invites = await prisma.partnerInvite.findMany({ where: { partnerId: partner.id } });
    expect(invites).toHaveLength(1);
    expect(invites[0].tokenHash).not.toContain(url.split("/").pop());
    expect(invites[0].expiresAt.getTime() - Date.now()).toBeGreaterThan(13.9 * 24 * 3600 * 1000);
    expect((await prisma.auditLog.findFirstOrThrow({ where: { entityId: partner.id } })).action).toBe("partner.invited");
  });

  it("writes to an English-speaking partner in English", async () => {
    const email = uniqueEmail("jessica");
    await invitePartner(a, invite({ name: "Jessica Moore", email, language: "en" }), APP_URL);
    const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { to: email } });
    expect(mail.subject).toBe("Northstar Partners invites you to its partner network");
    expect(mail.text).toContain(`${APP_URL}/en/partner-invite/`);
    expect(mail.text).toContain("valid for 14 days");
  });

  it("re-inviting an invited partner refreshes them and revokes the older link", async () => {
    const email = uniqueEmail("again");
    const first = await invitePartner(a, invite({ name: "First Name", email }), APP_URL);
    const second = await invitePartner(a, invite({ name: "Corrected Name", email, language: "ru" }), APP_URL);
    expect(second.partner.id).toBe(first.partner.id);
    expect(second.partner).toMatchObject({ name: "Corrected Name", preferredLocale: "ru" });
    const invites = await prisma.partnerInvite.findMany({ where: { partnerId: first.partner.id }, orderBy: { createdAt: "asc" } });
    expect(invites).toHaveLength(2);
    expect(invites[0].expiresAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(invites[1].expiresAt.getTime()).toBeGreaterThan(Date.now());
    expect(await prisma.partner.count({ where: { tenantId: a.tenantId, email } })).toBe(1);
  });

  it("does not re-invite a partner who is already active, applied or removed", async () => {
    for (const status of ["active", "applied", "removed"] as const) {
      const existing = await partnerIn(a.tenantId, status);
      await expect(invitePartner(a, invite({ name: "X", email: existing.email }), APP_URL)).rejects.toMatchObject({ code: "partner_exists" });
      expect((await prisma.partner.findUniqueOrThrow({ where: { id: existing.id } })).status).toBe(status);
    }
  });

  it("refuses a program of another tenant and creates nothing", async () => {
    const foreign = await programIn(b.tenantId);
    const email = uniqueEmail("foreign");
    await expect(invitePartner(a, invite({ name: "X", email, programIds: [foreign.id] }), APP_URL)).rejects.toBeInstanceOf(NotFoundError);
    expect(await prisma.partner.count({ where: { email } })).toBe(0);
  });

  it("resends only to partners who have not accepted yet", async () => {
    const email = uniqueEmail("resend");
    const { partner } = await invitePartner(a, invite({ name: "Resend Me", email }), APP_URL);
    const { url } = await resendPartnerInvite(a, partner.id, APP_URL);
    expect(await prisma.outboxEmail.count({ where: { to: email } })).toBe(2);
    expect(await prisma.partnerInvite.count({ where: { partnerId: partner.id, expiresAt: { gt: new Date() } } })).toBe(1);
    expect(url).toContain("/en/partner-invite/");
    const linked = await partnerIn(a.tenantId, "active");
    await prisma.partner.update({ where: { id: linked.id }, data: { user: { create: { email: linked.email } } } });
    await expect(resendPartnerInvite(a, linked.id, APP_URL)).rejects.toMatchObject({ code: "partner_invite_not_needed" });
  });
});

describe("lifecycle transitions", () => {
  // The expected table, written out independently of the implementation's own table.
  const legal: Record<PartnerStatus, Partial<Record<PartnerAction, PartnerStatus>>> = {
    applied: { approve: "active", decline: "declined", remove: "removed" },
    invited: { remove: "removed" },
    active: { suspend: "suspended", remove: "removed" },
    suspended: { reactivate: "active", remove: "removed" },
    declined: { remove: "removed" },
    removed: {},
  };
  const statuses = Object.keys(legal) as PartnerStatus[];
  const actions: PartnerAction[] = ["approve", "decline", "suspend", "reactivate", "remove"];
  const cases = statuses.flatMap((from) => actions.map((action) => [from, action, legal[from][action] ?? null] as const));

  it.each(cases)("%s + %s → %s", async (from, action, to) => {
    const partner = await partnerIn(a.tenantId, from);
    const attempt = changePartnerStatus(a, partner.id, change(action, "Reason for the record"), APP_URL);
    const row = async () => prisma.partner.findUniqueOrThrow({ where: { id: partner.id } });
    if (to === null) {
      await expect(attempt).rejects.toMatchObject({ code: "partner_transition_invalid" });
      expect((await row()).status).toBe(from);
      return;
    }
    await attempt;
    expect(await row()).toMatchObject({ status: to, statusReason: "Reason for the record" });
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { entityId: partner.id } });
    expect(entry).toMatchObject({ actorUserId: a.userId, entityType: "Partner", data: { from, to, reason: "Reason for the record" } });
  });

  it.each(["decline", "suspend", "remove"] as const)("%s needs a reason", async (action) => {
    const partner = await partnerIn(a.tenantId, action === "suspend" ? "active" : "applied");
    await expect(changePartnerStatus(a, partner.id, change(action, "  "), APP_URL)).rejects.toMatchObject({ code: "reason_required" });
    expect((await prisma.partner.findUniqueOrThrow({ where: { id: partner.id } })).status).toBe(partner.status);
    expect(await prisma.auditLog.count({ where: { entityId: partner.id } })).toBe(0);
  });

  it("invited → active is not a staff action: only accepting the invite does it", async () => {
    const partner = await partnerIn(a.tenantId, "invited");
    for (const action of actions.filter((x) => x !== "remove")) {
      await expect(changePartnerStatus(a, partner.id, change(action, "r"), APP_URL)).rejects.toBeInstanceOf(DomainError);
    }
    expect((await prisma.partner.findUniqueOrThrow({ where: { id: partner.id } })).status).toBe("invited");
  });

  it("approving an applicant e-mails them an invite in their language", async () => {
    const applicant = await partnerIn(a.tenantId, "applied", { locale: "ru", name: "Алексей" });
    await changePartnerStatus(a, applicant.id, change("approve"), APP_URL);
    const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { to: applicant.email } });
    expect(mail.subject).toContain("приглашает вас");
    expect(mail.text).toContain(`${APP_URL}/ru/partner-invite/`);
    expect((await getPartner(a, applicant.id)).openInvite).not.toBeNull();
  });

  it("declining e-mails the applicant in their language and keeps the reason internal", async () => {
    const applicant = await partnerIn(a.tenantId, "applied", { locale: "ru", name: "Ольга" });
    await changePartnerStatus(a, applicant.id, change("decline", "Not a fit: no network in beauty"), APP_URL);
    const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { to: applicant.email } });
    expect(mail.subject).toBe("Ваша заявка в Northstar Partners");
    expect(mail.text).toContain("Здравствуйте, Ольга!");
    expect(mail.text).not.toContain("Not a fit");
  });

  it("suspending or removing keeps the data and stops open invites", async () => {
    const { partner } = await invitePartner(a, invite({ name: "Keep Me", email: uniqueEmail("keep") }), APP_URL);
    const program = await programIn(a.tenantId);
    await enrolPartner(a, partner.id, program.id);
    await changePartnerStatus(a, partner.id, change("remove", "Left the industry"), APP_URL);
    const row = await prisma.partner.findUniqueOrThrow({ where: { id: partner.id }, include: { enrolments: true, invites: true } });
    expect(row.status).toBe("removed");
    expect(row.enrolments).toHaveLength(1);
    expect(row.invites).toHaveLength(1);
    expect(row.invites[0].expiresAt.getTime()).toBeLessThanOrEqual(Date.now());
    await expect(enrolPartner(a, partner.id, program.id)).rejects.toMatchObject({ code: "partner_removed" });
  });
});

describe("tier, notes and programs", () => {
  it("changes the trust tier and notes, and audits both", async () => {
    const partner = await partnerIn(a.tenantId, "active");
    await setPartnerTier(a, partner.id, "core");
    await setPartnerNotes(a, partner.id, "Met at Cosmoprof. Strong DTC network.");
    const row = await prisma.partner.findUniqueOrThrow({ where: { id: partner.id } });
    expect([row.trustTier, row.notes]).toEqual(["core", "Met at Cosmoprof. Strong DTC network."]);
    const actions = (await prisma.auditLog.findMany({ where: { entityId: partner.id }, orderBy: { createdAt: "asc" } })).map((l) => [l.action, l.data]);
    expect(actions).toEqual([["partner.tier_changed", { from: "new", to: "core" }], ["partner.notes_updated", null]]);
  });

  it("enrols and unenrols, once each", async () => {
    const partner = await partnerIn(a.tenantId, "active");
    const program = await programIn(a.tenantId, { name: "Creator Pool" });
    await enrolPartner(a, partner.id, program.id);
    await enrolPartner(a, partner.id, program.id);
    expect(await prisma.programPartner.count({ where: { partnerId: partner.id } })).toBe(1);
    await unenrolPartner(a, partner.id, program.id);
    expect(await prisma.programPartner.count({ where: { partnerId: partner.id } })).toBe(0);
    await expect(unenrolPartner(a, partner.id, program.id)).rejects.toBeInstanceOf(NotFoundError);
    const archived = await programIn(a.tenantId, { archived: true });
    await expect(enrolPartner(a, partner.id, archived.id)).rejects.toBeInstanceOf(NotFoundError);
    const log = await prisma.auditLog.findMany({ where: { entityId: partner.id }, orderBy: { createdAt: "asc" } });
    expect(log.map((l) => l.action)).toEqual(["partner.enrolled", "partner.unenrolled"]);
  });
});

describe("roles", () => {
  it("an analyst can read partners but cannot invite, change status, tier, notes or programs", async () => {
    const analyst = await memberContext(aFixture, "analyst");
    const partner = await partnerIn(a.tenantId, "active");
    const program = await programIn(a.tenantId);
    expect((await getPartner(analyst, partner.id)).id).toBe(partner.id);
    await expect(invitePartner(analyst, invite({ name: "No", email: uniqueEmail() }), APP_URL)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(changePartnerStatus(analyst, partner.id, change("suspend", "r"), APP_URL)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setPartnerTier(analyst, partner.id, "core")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setPartnerNotes(analyst, partner.id, "x")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(enrolPartner(analyst, partner.id, program.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(resendPartnerInvite(analyst, partner.id, APP_URL)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await prisma.partner.findUniqueOrThrow({ where: { id: partner.id } })).toMatchObject({ status: "active", trustTier: "new", notes: null });
  });

  it("a manager runs partners but cannot change program terms; an owner can", async () => {
    const manager = await memberContext(aFixture, "manager");
    const { partner } = await invitePartner(manager, invite({ name: "By Manager", email: uniqueEmail() }), APP_URL);
    const applicant = await partnerIn(a.tenantId, "applied");
    await changePartnerStatus(manager, applicant.id, change("approve"), APP_URL);
    expect(partner.status).toBe("invited");

    const input = programInput.parse({ name: "Open Pool", mode: "pool", access: "open", markets: ["US", "RU"], attributionWindowDays: "30", protectionWindowDays: "90" });
    await expect(createProgram(manager, input)).rejects.toBeInstanceOf(ForbiddenError);
    const program = await createProgram(a, input);
    await expect(updateProgramSettings(manager, program.id, { ...input, access: "invite_only" })).rejects.toBeInstanceOf(ForbiddenError);
    await updateProgramSettings(a, program.id, { access: "invite_only", markets: ["RU"], attributionWindowDays: 45, protectionWindowDays: 180 });
    expect(await prisma.program.findUniqueOrThrow({ where: { id: program.id } })).toMatchObject({ access: "invite_only", markets: ["RU"], attributionWindowDays: 45, protectionWindowDays: 180 });
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { entityId: program.id, action: "program.updated" } });
    expect(entry.data).toMatchObject({ access: { from: "open", to: "invite_only" }, protectionWindowDays: { from: 90, to: 180 } });
  });
});

describe("listing", () => {
  it("filters by status, market, tier, program and search, 20 per page, removed only on request", async () => {
    const { ctx } = await tenantWithOwner("List Agency");
    const program = await programIn(ctx.tenantId);
    for (let i = 0; i < 25; i++) {
      const p = await partnerIn(ctx.tenantId, i < 22 ? "active" : "removed", { name: `Partner ${String(i).padStart(2, "0")}`, market: i % 2 ? "RU" : "US" });
      if (i < 5) await prisma.programPartner.create({ data: { tenantId: ctx.tenantId, programId: program.id, partnerId: p.id } });
      if (i === 3) await prisma.partner.update({ where: { id: p.id }, data: { trustTier: "core", name: "Анна Смирнова" } });
    }
    const first = await listPartners(ctx, all);
    expect([first.total, first.items.length, first.pageCount]).toEqual([22, 20, 2]);
    expect((await listPartners(ctx, partnerListQuery.parse({ page: "2" }))).items).toHaveLength(2);
    expect(first.statusCounts).toEqual({ active: 22, removed: 3 });
    expect((await listPartners(ctx, partnerListQuery.parse({ status: "removed" }))).total).toBe(3);
    expect((await listPartners(ctx, partnerListQuery.parse({ market: "RU" }))).total).toBe(11);
    expect((await listPartners(ctx, partnerListQuery.parse({ tier: "core" }))).total).toBe(1);
    expect((await listPartners(ctx, partnerListQuery.parse({ program: program.id }))).total).toBe(5);
    expect((await listPartners(ctx, partnerListQuery.parse({ q: "анна" }))).items.map((p) => p.name)).toEqual(["Анна Смирнова"]);
    expect((await listPartners(ctx, partnerListQuery.parse({ status: "bogus", page: "-4" }))).total).toBe(22);
  });
});

describe("tenant isolation", () => {
  let partnerId: string;
  let programId: string;

  beforeAll(async () => {
    const program = await programIn(a.tenantId, { name: "A only" });
    programId = program.id;
    const { partner } = await invitePartner(a, invite({ name: "Secret Partner", email: uniqueEmail("secret"), programIds: [program.id] }), APP_URL);
    partnerId = partner.id;
    await setPartnerTier(a, partnerId, "trusted");
  });

  it("tenant B cannot list or find A's partner, even by searching its name", async () => {
    expect((await listPartners(b, partnerListQuery.parse({ q: "Secret" }))).total).toBe(0);
    expect((await listPartners(b, partnerListQuery.parse({ program: programId }))).total).toBe(0);
    await expect(getPartner(b, partnerId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("tenant B cannot change, annotate, tier, enrol or re-invite A's partner; nothing changes", async () => {
    const before = await prisma.partner.findUniqueOrThrow({ where: { id: partnerId }, include: { enrolments: true, invites: true } });
    const ownProgram = await programIn(b.tenantId);
    const attempts = [
      () => changePartnerStatus(b, partnerId, change("remove", "hijack"), APP_URL),
      () => setPartnerNotes(b, partnerId, "hijacked"),
      () => setPartnerTier(b, partnerId, "core"),
      () => enrolPartner(b, partnerId, ownProgram.id),
      () => unenrolPartner(b, partnerId, programId),
      () => resendPartnerInvite(b, partnerId, APP_URL),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toBeInstanceOf(NotFoundError);
    const after = await prisma.partner.findUniqueOrThrow({ where: { id: partnerId }, include: { enrolments: true, invites: true } });
    expect(after).toEqual(before);
  });

  it("tenant B cannot enrol its own partner in A's program", async () => {
    const own = await partnerIn(b.tenantId, "active");
    await expect(enrolPartner(b, own.id, programId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await prisma.programPartner.count({ where: { programId } })).toBe(1);
  });

  it("tenant B cannot change A's program settings", async () => {
    await expect(updateProgramSettings(b, programId, { access: "open", markets: ["US"], attributionWindowDays: 1, protectionWindowDays: 1 })).rejects.toBeInstanceOf(NotFoundError);
    expect((await prisma.program.findUniqueOrThrow({ where: { id: programId } })).access).toBe("invite_only");
  });

  it("A's audit log is invisible to B", async () => {
    const aLog = await listAuditLog(a, { entityType: "Partner", entityId: partnerId });
    expect(aLog.items.map((e) => e.action).sort()).toEqual(["partner.invited", "partner.tier_changed"]);
    expect(aLog.items.find((e) => e.action === "partner.invited")?.actor).toEqual({ kind: "staff", email: aFixture.email });
    expect((await listAuditLog(b, { entityId: partnerId })).total).toBe(0);
    const bAll = await listAuditLog(b, { pageSize: 500 });
    expect(bAll.items.every((e) => e.tenantId === b.tenantId)).toBe(true);
    expect(bAll.items.some((e) => e.entityId === partnerId || e.entityId === programId)).toBe(false);
    expect(await auditEntityTypes(b)).not.toContain("Partner");
  });

  it("names in the log resolve only inside the tenant: another tenant's user or partner stays anonymous", async () => {
    // A's owner is nobody in B: an entry attributed to them in B must not reveal their e-mail.
    await prisma.auditLog.create({ data: { tenantId: b.tenantId, actorUserId: a.userId, action: "partner.notes_updated", entityType: "Partner", entityId: "x" } });
    const bLog = await listAuditLog(b, { entityId: "x" });
    expect(bLog.items[0].actor).toEqual({ kind: "former" });
    // Nor does an entry that names A's partner id reveal that partner's name.
    await prisma.auditLog.create({ data: { tenantId: b.tenantId, action: "partner.notes_updated", entityType: "Partner", entityId: partnerId } });
    expect((await listAuditLog(b, { entityId: partnerId })).items[0].entityName).toBeNull();
    expect((await listAuditLog(a, { entityId: partnerId })).items[0].entityName).toBe("Secret Partner");
  });
});
