import type { Prisma } from "@/lib/db/generated/client";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/kernel/errors";
import { PAGE_SIZE } from "./brands";
import type { CreatorInput, ListQuery } from "./schemas";

export async function listCreators(ctx: TenantContext, query: ListQuery) {
  assertCan(ctx, "directory:read");
  const q = query.q?.toLowerCase().replace(/^@/, "");
  const where: Prisma.CreatorWhereInput = {
    archivedAt: query.status === "archived" ? { not: null } : null,
    ...(query.market ? { market: query.market } : {}),
    ...(q
      ? {
          OR: [
            { name: { contains: query.q, mode: "insensitive" } },
            { niches: { has: q } },
            { platforms: { some: { handleNormalized: { contains: q } } } },
          ],
        }
      : {}),
  };
  const [items, total] = await Promise.all([
    ctx.db.creator.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      include: { platforms: { orderBy: { audienceSize: "desc" } } },
    }),
    ctx.db.creator.count({ where }),
  ]);
  return { items, total, page: query.page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

export async function getCreator(ctx: TenantContext, id: string) {
  assertCan(ctx, "directory:read");
  const creator = await ctx.db.creator.findUnique({
    where: { id },
    include: { platforms: { orderBy: { audienceSize: "desc" } }, partner: { select: { id: true, name: true, taxProfile: { select: { form: true } } } } },
  });
  if (!creator) throw new NotFoundError();
  return creator;
}

function creatorData(input: CreatorInput) {
  return {
    name: input.name,
    market: input.market,
    country: input.country,
    niches: input.niches,
    languages: input.languages,
    contactEmail: input.contactEmail,
    notes: input.notes,
    legalStatus: input.legalStatus,
    partnerId: input.partnerId,
  };
}

/** The linked partner account must be this agency's (a foreign id is "not found", like a missing one). */
async function assertPartner(db: TenantContext["db"], partnerId: string | null) {
  if (partnerId && !(await db.partner.findFirst({ where: { id: partnerId }, select: { id: true } }))) throw new NotFoundError();
}

/** Partners a creator can be linked to (their tax profile gives the creator's legal status). */
export async function creatorPartnerChoices(ctx: TenantContext) {
  assertCan(ctx, "directory:read");
  return ctx.db.partner.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true }, take: 500 });
}

function platformRows(ctx: TenantContext, input: CreatorInput) {
  return input.platforms.map((p) => ({ ...p, tenantId: ctx.tenantId }));
}

export async function createCreator(ctx: TenantContext, input: CreatorInput) {
  assertCan(ctx, "directory:write");
  await assertPartner(ctx.db, input.partnerId);
  const creator = await ctx.db.creator.create({
    data: {
      ...creatorData(input),
      tenantId: ctx.tenantId,
      // Nested writes bypass the scoping extension, so tenantId is set explicitly here.
      platforms: { create: platformRows(ctx, input) },
    },
  });
  await recordAudit(ctx, { action: "creator.created", entityType: "Creator", entityId: creator.id, data: { name: creator.name } });
  return creator;
}

export async function updateCreator(ctx: TenantContext, id: string, input: CreatorInput) {
  assertCan(ctx, "directory:write");
  await assertPartner(ctx.db, input.partnerId);
  await ctx.db.$transaction(async (tx) => {
    // The existence check runs inside the tenant scope: another tenant's id is "not found".
    const { count } = await tx.creator.updateMany({ where: { id, tenantId: ctx.tenantId }, data: creatorData(input) });
    if (count === 0) throw new NotFoundError();
    // Channels keep their rows (and ids) across edits: placements point at them (Placement.creatorPlatformId)
    // and read their size and registry number at approval (lib/placements/channel-facts.ts).
    const rows = platformRows(ctx, input);
    await tx.creatorPlatform.deleteMany({ where: { creatorId: id, tenantId: ctx.tenantId, platform: { notIn: rows.map((p) => p.platform) } } });
    for (const row of rows) {
      const { tenantId: _tenant, platform, ...fields } = row;
      await tx.creatorPlatform.upsert({
        where: { creatorId_platform: { creatorId: id, platform } },
        create: { ...row, creatorId: id },
        update: fields,
      });
    }
  });
  await recordAudit(ctx, { action: "creator.updated", entityType: "Creator", entityId: id, data: { name: input.name } });
  return getCreator(ctx, id);
}

export async function setCreatorArchived(ctx: TenantContext, id: string, archived: boolean) {
  assertCan(ctx, "directory:write");
  const { count } = await ctx.db.creator.updateMany({ where: { id }, data: { archivedAt: archived ? new Date() : null } });
  if (count === 0) throw new NotFoundError();
  await recordAudit(ctx, { action: archived ? "creator.archived" : "creator.restored", entityType: "Creator", entityId: id });
}
