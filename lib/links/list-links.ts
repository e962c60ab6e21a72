import { assertCan } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/db/generated/client";
import type { PartnerContext } from "@/lib/auth/contexts/partner";
import type { TenantDb } from "@/lib/db/tenant-client";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { addDays, DEFAULT_TIME_ZONE, localDate } from "@/lib/kernel/time-zone";
import type { LinkListQuery } from "./schemas";

export const LINKS_PAGE_SIZE = 20;
export const CLICK_DAYS = 30;

const linkFields = {
  id: true, code: true, destinationUrl: true, label: true, sourceMarket: true, targetMarket: true, disabledAt: true, createdAt: true,
  partner: { select: { id: true, name: true } },
  program: { select: { id: true, name: true } },
  opportunity: { select: { id: true, titleEn: true, titleRu: true, sourceMarket: true, targetMarket: true } },
} satisfies Prisma.TrackedLinkSelect;

export type LinkRow = Prisma.TrackedLinkGetPayload<{ select: typeof linkFields }> & { clicks30d: number };

/**
 * The first day of the last 30 days, today included — the agency's local days, as ClickDaily is keyed
 * (`timeZone`: the tenant's rollupTimeZone; docs/operations.md, "Funnel days (time zones)").
 */
export function clickWindowStart(now: Date, timeZone: string = DEFAULT_TIME_ZONE): Date {
  return new Date(`${addDays(localDate(now, timeZone), -(CLICK_DAYS - 1))}T00:00:00Z`);
}

/** Counted clicks (bots and repeats excluded) per link over the last 30 days, from the daily rollup. */
export async function clicksLast30Days(db: TenantDb, linkIds: string[], now: Date, timeZone: string = DEFAULT_TIME_ZONE): Promise<Map<string, number>> {
  if (linkIds.length === 0) return new Map();
  const sums = await db.clickDaily.groupBy({
    by: ["linkId"],
    where: { linkId: { in: linkIds }, day: { gte: clickWindowStart(now, timeZone) } },
    _sum: { clicks: true },
  });
  return new Map(sums.map((s) => [s.linkId, s._sum.clicks ?? 0]));
}

async function page(db: TenantDb, where: Prisma.TrackedLinkWhereInput, pageNo: number, now: Date, timeZone: string) {
  const [items, total] = await Promise.all([
    db.trackedLink.findMany({ where, select: linkFields, orderBy: [{ createdAt: "desc" }, { id: "asc" }], skip: (pageNo - 1) * LINKS_PAGE_SIZE, take: LINKS_PAGE_SIZE }),
    db.trackedLink.count({ where }),
  ]);
  const clicks = await clicksLast30Days(db, items.map((l) => l.id), now, timeZone);
  const rows: LinkRow[] = items.map((l) => ({ ...l, clicks30d: clicks.get(l.id) ?? 0 }));
  return { items: rows, total, page: pageNo, pageCount: Math.max(1, Math.ceil(total / LINKS_PAGE_SIZE)) };
}

function statusWhere(status: LinkListQuery["status"]): Prisma.TrackedLinkWhereInput {
  if (status === "active") return { disabledAt: null };
  if (status === "disabled") return { disabledAt: { not: null } };
  return {};
}

/** The staff list: every link of the tenant, filtered by partner, program and status. */
export async function listLinks(ctx: TenantContext, query: LinkListQuery, now = new Date()) {
  assertCan(ctx, "funnel:read");
  return page(ctx.db, {
    ...statusWhere(query.status),
    ...(query.partner ? { partnerId: query.partner } : {}),
    ...(query.program ? { programId: query.program } : {}),
  }, query.page, now, ctx.funnelTimeZone);
}

/** The portal list: only the signed-in partner's own links. */
export async function listOwnLinks(ctx: PartnerContext, query: { status: LinkListQuery["status"]; page: number }, now = new Date()) {
  const tenant = await ctx.db.tenant.findUnique({ where: { id: ctx.tenantId }, select: { rollupTimeZone: true } });
  return page(ctx.db, { ...statusWhere(query.status), partnerId: ctx.partnerId }, query.page, now, tenant?.rollupTimeZone ?? DEFAULT_TIME_ZONE);
}

/** What the staff create form offers: active partners with their programs, open opportunities, enabled markets. */
export async function staffLinkOptions(ctx: TenantContext) {
  assertCan(ctx, "funnel:read");
  const [partners, programs, opportunities, tenant] = await Promise.all([
    ctx.db.partner.findMany({
      where: { status: "active", enrolments: { some: { program: { archivedAt: null } } } },
      select: { id: true, name: true, market: true, enrolments: { where: { program: { archivedAt: null } }, select: { programId: true } } },
      orderBy: [{ name: "asc" }, { id: "asc" }], take: 500,
    }),
    ctx.db.program.findMany({ where: { archivedAt: null }, select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
    ctx.db.opportunity.findMany({
      where: { status: "open", program: { archivedAt: null } },
      select: { id: true, programId: true, titleEn: true, titleRu: true, sourceMarket: true, targetMarket: true },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: 500,
    }),
    ctx.db.tenant.findUnique({ where: { id: ctx.tenantId }, select: { enabledMarkets: true } }),
  ]);
  return {
    partners: partners.map((p) => ({ id: p.id, name: p.name, market: p.market, programIds: p.enrolments.map((e) => e.programId) })),
    programs, opportunities, markets: tenant?.enabledMarkets ?? [],
  };
}

/** What the portal create form offers: the partner's live programs and their open opportunities. */
export async function partnerLinkOptions(ctx: PartnerContext) {
  const enrolments = await ctx.db.programPartner.findMany({
    where: { partnerId: ctx.partnerId, program: { archivedAt: null } },
    select: { program: { select: { id: true, name: true } } },
  });
  const programs = enrolments.map((e) => e.program).sort((a, b) => a.name.localeCompare(b.name));
  const [opportunities, tenant] = await Promise.all([
    ctx.db.opportunity.findMany({
      where: { status: "open", programId: { in: programs.map((p) => p.id) } },
      select: { id: true, programId: true, titleEn: true, titleRu: true, sourceMarket: true, targetMarket: true },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: 200,
    }),
    ctx.db.tenant.findUnique({ where: { id: ctx.tenantId }, select: { enabledMarkets: true } }),
  ]);
  return { programs, opportunities, markets: tenant?.enabledMarkets ?? [] };
}
