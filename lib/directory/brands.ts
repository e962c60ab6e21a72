import type { TenantContext } from "@/lib/auth/contexts/tenant";
import type { Prisma } from "@/lib/db/generated/client";
import { assertCan } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { NotFoundError } from "@/lib/kernel/errors";
import { normalizeWebsite } from "./normalize";
import type { BrandInput, ListQuery } from "./schemas";

export const PAGE_SIZE = 20;

export async function listBrands(ctx: TenantContext, query: ListQuery) {
  assertCan(ctx, "directory:read");
  const where: Prisma.BrandWhereInput = {
    archivedAt: query.status === "archived" ? { not: null } : null,
    ...(query.market ? { market: query.market } : {}),
    ...(query.q
      ? {
          OR: [
            { name: { contains: query.q, mode: "insensitive" } },
            { websiteNormalized: { contains: query.q.toLowerCase() } },
            { industry: { contains: query.q, mode: "insensitive" } },
            { niches: { has: query.q.toLowerCase() } },
          ],
        }
      : {}),
  };
  const [items, total] = await Promise.all([
    ctx.db.brand.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      include: { _count: { select: { referrals: true } } },
    }),
    ctx.db.brand.count({ where }),
  ]);
  return { items, total, page: query.page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

export async function getBrand(ctx: TenantContext, id: string) {
  assertCan(ctx, "directory:read");
  const brand = await ctx.db.brand.findUnique({ where: { id } });
  if (!brand) throw new NotFoundError();
  return brand;
}

function brandData(input: BrandInput) {
  return {
    name: input.name,
    market: input.market,
    country: input.country,
    website: input.website,
    websiteNormalized: input.website ? normalizeWebsite(input.website) : null,
    industry: input.industry,
    niches: input.niches,
    languages: input.languages,
    contactName: input.contactName,
    contactEmail: input.contactEmail,
    notes: input.notes,
  };
}

export async function createBrand(ctx: TenantContext, input: BrandInput) {
  assertCan(ctx, "directory:write");
  const brand = await ctx.db.brand.create({ data: { ...brandData(input), tenantId: ctx.tenantId } });
  await audit(ctx, "brand.created", brand.id, { name: brand.name });
  return brand;
}

export async function updateBrand(ctx: TenantContext, id: string, input: BrandInput) {
  assertCan(ctx, "directory:write");
  const { count } = await ctx.db.brand.updateMany({ where: { id }, data: brandData(input) });
  if (count === 0) throw new NotFoundError();
  await audit(ctx, "brand.updated", id, { name: input.name });
  return getBrand(ctx, id);
}

export async function setBrandArchived(ctx: TenantContext, id: string, archived: boolean) {
  assertCan(ctx, "directory:write");
  const { count } = await ctx.db.brand.updateMany({ where: { id }, data: { archivedAt: archived ? new Date() : null } });
  if (count === 0) throw new NotFoundError();
  await audit(ctx, archived ? "brand.archived" : "brand.restored", id);
}

function audit(ctx: TenantContext, action: string, entityId: string, data?: Prisma.InputJsonValue) {
  return recordAudit(ctx, { action, entityType: "Brand", entityId, data });
}
