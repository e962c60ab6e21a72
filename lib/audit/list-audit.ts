import { z } from "zod";
import { assertCan } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/db/generated/client";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { flattenSearchParams, type SearchParams } from "@/lib/kernel/search-params";

export const AUDIT_PAGE_SIZE = 30;

const auditQuery = z.object({
  entity: z.string().trim().regex(/^[A-Za-z]{1,40}$/).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(1).default(1),
});
export type AuditQuery = z.output<typeof auditQuery>;

export function parseAuditQuery(searchParams: SearchParams): AuditQuery {
  return auditQuery.parse(flattenSearchParams(searchParams, { blankAsMissing: true }));
}

/** Who did it: a staff member, a partner of this tenant, nobody (a public form), or someone no longer here. */
export type AuditActor = { kind: "staff" | "partner"; email: string } | { kind: "public" } | { kind: "former" };

export async function listAuditLog(ctx: TenantContext, query: { entityType?: string; entityId?: string; page?: number; pageSize?: number }) {
  assertCan(ctx, "audit:read");
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? AUDIT_PAGE_SIZE;
  const where: Prisma.AuditLogWhereInput = {
    ...(query.entityType ? { entityType: query.entityType } : {}),
    ...(query.entityId ? { entityId: query.entityId } : {}),
  };
  const [rows, total] = await Promise.all([
    ctx.db.auditLog.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * pageSize, take: pageSize }),
    ctx.db.auditLog.count({ where }),
  ]);
  const [actors, names] = await Promise.all([resolveActors(ctx, rows.map((r) => r.actorUserId)), resolveEntityNames(ctx, rows)]);
  return {
    items: rows.map((row) => ({
      ...row,
      actor: row.actorUserId ? (actors.get(row.actorUserId) ?? { kind: "former" as const }) : { kind: "public" as const },
      entityName: row.entityId ? (names.get(row.entityId) ?? null) : null,
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}

/** Entity types present in this tenant's log, for the filter. */
export async function auditEntityTypes(ctx: TenantContext): Promise<string[]> {
  assertCan(ctx, "audit:read");
  const rows = await ctx.db.auditLog.groupBy({ by: ["entityType"], orderBy: { entityType: "asc" } });
  return rows.map((r) => r.entityType);
}

// Users are global; an actor's e-mail is shown only through their tie to this tenant (membership
// or partner row), so the log never reveals anything about people outside it.
async function resolveActors(ctx: TenantContext, ids: (string | null)[]): Promise<Map<string, AuditActor>> {
  const userIds = [...new Set(ids.filter((id): id is string => !!id))];
  const actors = new Map<string, AuditActor>();
  if (userIds.length === 0) return actors;
  const [members, partners] = await Promise.all([
    ctx.db.membership.findMany({ where: { userId: { in: userIds } }, select: { userId: true, user: { select: { email: true } } } }),
    ctx.db.partner.findMany({ where: { userId: { in: userIds } }, select: { userId: true, email: true } }),
  ]);
  for (const p of partners) if (p.userId) actors.set(p.userId, { kind: "partner", email: p.email });
  for (const m of members) actors.set(m.userId, { kind: "staff", email: m.user.email });
  return actors;
}

/** Current names of the partners, programs, brands and creators on this page (one query per type). */
async function resolveEntityNames(ctx: TenantContext, rows: { entityType: string; entityId: string | null }[]): Promise<Map<string, string>> {
  const idsOf = (type: string) => [...new Set(rows.filter((r) => r.entityType === type && r.entityId).map((r) => r.entityId as string))];
  const byId = (ids: string[]) => ({ where: { id: { in: ids } }, select: { id: true, name: true } });
  const none = Promise.resolve([] as { id: string; name: string }[]);
  const [partners, programs, brands, creators] = [idsOf("Partner"), idsOf("Program"), idsOf("Brand"), idsOf("Creator")];
  const found = await Promise.all([
    partners.length ? ctx.db.partner.findMany(byId(partners)) : none,
    programs.length ? ctx.db.program.findMany(byId(programs)) : none,
    brands.length ? ctx.db.brand.findMany(byId(brands)) : none,
    creators.length ? ctx.db.creator.findMany(byId(creators)) : none,
  ]);
  return new Map(found.flat().map((row) => [row.id, row.name]));
}
