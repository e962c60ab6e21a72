// The risk queue: cases with their partner, findings and held commissions, for staff.
import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import type { RiskCaseStatus } from "@/lib/db/generated/enums";

export const riskCaseStatuses = ["open", "cleared", "confirmed"] as const satisfies readonly RiskCaseStatus[];

export async function listRiskCases(ctx: TenantContext, status: RiskCaseStatus = "open") {
  assertCan(ctx, "payouts:read");
  const cases = await ctx.db.riskCase.findMany({
    where: { status },
    orderBy: status === "open" ? [{ createdAt: "asc" }, { id: "asc" }] : [{ resolvedAt: "desc" }, { id: "asc" }],
    take: 200,
    select: {
      id: true, status: true, severity: true, createdAt: true, resolvedAt: true, note: true, partnerSuspended: true,
      partner: { select: { id: true, name: true, email: true, status: true } },
      hits: { orderBy: { createdAt: "asc" }, select: { id: true, kind: true, severity: true, details: true, createdAt: true } },
      commissions: { orderBy: { occurredAt: "asc" }, select: { id: true, status: true, amountMinor: true, currency: true, occurredAt: true } },
    },
  });
  // Severity first (high before low), then the oldest: what to look at next is on top.
  const rank = { high: 0, medium: 1, low: 2 } as const;
  if (status === "open") cases.sort((a, b) => rank[a.severity] - rank[b.severity]);
  return { cases, ...(await referenced(ctx, cases.flatMap((c) => c.hits.map((h) => h.details)))) };
}

type Details = { otherPartnerIds?: string[]; otherPartnerId?: string; linkId?: string };

/** Names of the other partners and codes of the links the findings mention (ids are all a finding stores). */
async function referenced(ctx: TenantContext, details: unknown[]) {
  const list = details.filter((d): d is Details => !!d && typeof d === "object");
  const partnerIds = [...new Set(list.flatMap((d) => [...(d.otherPartnerIds ?? []), ...(d.otherPartnerId ? [d.otherPartnerId] : [])]))];
  const linkIds = [...new Set(list.flatMap((d) => (d.linkId ? [d.linkId] : [])))];
  const [partners, links] = await Promise.all([
    partnerIds.length ? ctx.db.partner.findMany({ where: { id: { in: partnerIds } }, select: { id: true, name: true, status: true } }) : [],
    linkIds.length ? ctx.db.trackedLink.findMany({ where: { id: { in: linkIds } }, select: { id: true, code: true } }) : [],
  ]);
  return {
    partners: Object.fromEntries(partners.map((p) => [p.id, { name: p.name, status: p.status }])),
    links: Object.fromEntries(links.map((l) => [l.id, l.code])),
  };
}

export type RiskQueue = Awaited<ReturnType<typeof listRiskCases>>;
export type RiskCaseRow = RiskQueue["cases"][number];

export async function countOpenRiskCases(ctx: TenantContext) {
  return ctx.db.riskCase.count({ where: { status: "open" } });
}
