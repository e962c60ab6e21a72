// Staff manage the groups of a program. A group's terms (holding period, landing text, questions)
// are program policy like the program's own settings, so they need settings:manage; its commission
// rules are managed with the other rules (payouts:manage, lib/commissions/rules.ts).
import { auditIn } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import type { TenantTx } from "@/lib/db/tenant-client";
import { DomainError, NotFoundError } from "@/lib/kernel/errors";
import { slugify } from "@/lib/kernel/slug";
import { isUniqueViolation } from "@/lib/kernel/unique-violation";
import type { GroupData } from "./schemas";

async function liveProgram(ctx: TenantContext, programId: string) {
  const program = await ctx.db.program.findFirst({ where: { id: programId, archivedAt: null }, select: { id: true, name: true } });
  if (!program) throw new NotFoundError();
  return program;
}

/** A program with its groups (default first, then by name) and how many partners each has. */
export async function getProgramGroups(ctx: TenantContext, programId: string) {
  assertCan(ctx, "partners:read");
  const program = await ctx.db.program.findFirst({ where: { id: programId, archivedAt: null }, select: { id: true, name: true, access: true } });
  if (!program) throw new NotFoundError();
  const groups = await ctx.db.partnerGroup.findMany({
    where: { programId },
    orderBy: [{ isDefault: "desc" }, { name: "asc" }, { id: "asc" }],
    include: { _count: { select: { members: true, rules: { where: { archivedAt: null } } } } },
  });
  return { program, groups };
}

/** Every group of the tenant's live programs, for pickers (rules form, partner page). */
export async function listGroupChoices(ctx: TenantContext) {
  assertCan(ctx, "partners:read");
  return ctx.db.partnerGroup.findMany({
    where: { program: { archivedAt: null } },
    orderBy: [{ programId: "asc" }, { isDefault: "desc" }, { name: "asc" }],
    select: { id: true, name: true, programId: true, isDefault: true },
  });
}

async function freeSlug(tx: TenantTx, programId: string, name: string, exceptId?: string) {
  const base = slugify(name, "group").slice(0, 32);
  for (let i = 0; i < 50; i++) {
    const slug = i === 0 ? base : `${base}-${i + 1}`;
    const taken = await tx.partnerGroup.findFirst({ where: { programId, slug, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
    if (!taken) return slug;
  }
  throw new DomainError("groups.slug_taken");
}

const columns = (data: GroupData) => ({
  name: data.name, holdDays: data.holdDays,
  landingTextEn: data.landingTextEn, landingTextRu: data.landingTextRu,
  applicationIntroEn: data.applicationIntroEn, applicationIntroRu: data.applicationIntroRu,
  questions: data.questions,
});

/**
 * A new group. The program's first group is its default and takes every current member (a new group
 * has no rules of its own, so their commissions do not change); later members join the default.
 */
export async function createGroup(ctx: TenantContext, programId: string, data: GroupData) {
  assertCan(ctx, "settings:manage");
  const program = await liveProgram(ctx, programId);
  try {
    return await ctx.db.$transaction(async (tx) => {
      // One creator at a time per program, so two "first" groups cannot both become the default.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`groups:${programId}`}::text))`;
      const first = (await tx.partnerGroup.count({ where: { programId } })) === 0;
      const group = await tx.partnerGroup.create({
        data: { tenantId: ctx.tenantId, programId, slug: await freeSlug(tx, programId, data.name), isDefault: first, ...columns(data) },
      });
      if (first) await tx.programPartner.updateMany({ where: { programId, groupId: null }, data: { groupId: group.id } });
      await auditIn(tx, ctx, { action: "partner_group.created", entityType: "PartnerGroup", entityId: group.id, data: { program: program.name, ...auditData(data), isDefault: first } });
      return group;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("groups.slug_taken");
    throw error;
  }
}

function auditData(data: GroupData) {
  return { ...columns(data), questions: data.questions.map((q) => ({ ...q })) };
}

async function findGroup(ctx: TenantContext, id: string) {
  const group = await ctx.db.partnerGroup.findFirst({ where: { id, program: { archivedAt: null } } });
  if (!group) throw new NotFoundError();
  return group;
}

export async function updateGroup(ctx: TenantContext, id: string, data: GroupData) {
  assertCan(ctx, "settings:manage");
  const before = await findGroup(ctx, id);
  await ctx.db.$transaction(async (tx) => {
    const slug = before.name === data.name ? before.slug : await freeSlug(tx, before.programId, data.name, id);
    await tx.partnerGroup.updateMany({ where: { id }, data: { ...columns(data), slug } });
    await auditIn(tx, ctx, {
      action: "partner_group.updated", entityType: "PartnerGroup", entityId: id,
      data: {
        from: {
          name: before.name, holdDays: before.holdDays, landingTextEn: before.landingTextEn, landingTextRu: before.landingTextRu,
          applicationIntroEn: before.applicationIntroEn, applicationIntroRu: before.applicationIntroRu, questions: before.questions ?? [],
        },
        to: auditData(data),
      },
    });
  });
}

/** New members of the program join this group from now on; current members stay where they are. */
export async function makeDefaultGroup(ctx: TenantContext, id: string) {
  assertCan(ctx, "settings:manage");
  const group = await findGroup(ctx, id);
  if (group.isDefault) return;
  await ctx.db.$transaction(async (tx) => {
    await tx.partnerGroup.updateMany({ where: { programId: group.programId, isDefault: true }, data: { isDefault: false } });
    await tx.partnerGroup.updateMany({ where: { id }, data: { isDefault: true } });
    await auditIn(tx, ctx, { action: "partner_group.made_default", entityType: "PartnerGroup", entityId: id, data: { name: group.name } });
  });
}
