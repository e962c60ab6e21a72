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
  return status === "open" ? cases.sort((a, b) => rank[a.severity] - rank[b.severity]) : cases;
}

export type RiskCaseRow = Awaited<ReturnType<typeof listRiskCases>>[number];

export async function countOpenRiskCases(ctx: TenantContext) {
  return ctx.db.riskCase.count({ where: { status: "open" } });
}
