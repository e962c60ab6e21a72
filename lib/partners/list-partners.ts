import { z } from "zod";
import { assertCan } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/db/generated/client";
import type { PartnerStatus } from "@/lib/db/generated/enums";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { NotFoundError } from "@/lib/kernel/errors";
import type { PartnerListQuery } from "./schemas";

export const PAGE_SIZE = 20;

function listWhere(query: PartnerListQuery, withStatus: boolean): Prisma.PartnerWhereInput {
  return {
    // Removed partners are kept for history but only listed when asked for.
    ...(withStatus ? { status: query.status ?? { not: "removed" } } : {}),
    ...(query.market ? { market: query.market } : {}),
    ...(query.tier ? { trustTier: query.tier } : {}),
    ...(query.program ? { enrolments: { some: { programId: query.program } } } : {}),
    ...(query.q
      ? {
          OR: [
            { name: { contains: query.q, mode: "insensitive" } },
            { email: { contains: query.q.toLowerCase() } },
          ],
        }
      : {}),
  };
}

export async function listPartners(ctx: TenantContext, query: PartnerListQuery) {
  assertCan(ctx, "partners:read");
  const where = listWhere(query, true);
  const [items, total, byStatus] = await Promise.all([
    ctx.db.partner.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (query.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      include: {
        enrolments: { select: { program: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } },
        _count: { select: { referrals: true } },
      },
    }),
    ctx.db.partner.count({ where }),
    // Counts per status under the other filters, for the status tabs.
    ctx.db.partner.groupBy({ by: ["status"], where: listWhere(query, false), _count: { _all: true } }),
  ]);
  const statusCounts = Object.fromEntries(byStatus.map((r) => [r.status, r._count._all])) as Partial<Record<PartnerStatus, number>>;
  return { items, total, statusCounts, page: query.page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** One partner with their programs and the invite that is still open, if any. */
export async function getPartner(ctx: TenantContext, id: string) {
  assertCan(ctx, "partners:read");
  const now = new Date();
  const partner = await ctx.db.partner.findUnique({
    where: { id },
    include: {
      enrolments: {
        orderBy: { createdAt: "asc" },
        select: { createdAt: true, group: { select: { id: true, name: true } }, program: { select: { id: true, name: true, markets: true, access: true, archivedAt: true } } },
      },
      invites: { where: { acceptedAt: null, expiresAt: { gt: now } }, orderBy: { createdAt: "desc" }, take: 1, select: { id: true, createdAt: true, expiresAt: true } },
      _count: { select: { referrals: true } },
    },
  });
  if (!partner) throw new NotFoundError();
  const { invites, ...rest } = partner;
  return { ...rest, openInvite: invites[0] ?? null };
}

/** Live programs, for the invite form and the enrolment picker. */
export async function listProgramChoices(ctx: TenantContext) {
  assertCan(ctx, "partners:read");
  return ctx.db.program.findMany({
    where: { archivedAt: null },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, access: true, markets: true },
  });
}

const applicationRecord = z.object({
  program: z.string().optional(),
  pitch: z.string().optional(),
  consent: z.object({ at: z.string(), locale: z.string() }).optional(),
});

/** The public application a partner sent, as recorded with their consent; null for invited partners. */
export async function getPartnerApplication(ctx: TenantContext, partnerId: string) {
  assertCan(ctx, "partners:read");
  const entry = await ctx.db.auditLog.findFirst({
    where: { entityType: "Partner", entityId: partnerId, action: "partner.applied" },
    orderBy: { createdAt: "desc" },
  });
  if (!entry) return null;
  const parsed = applicationRecord.safeParse(entry.data);
  return parsed.success ? { ...parsed.data, createdAt: entry.createdAt } : null;
}
