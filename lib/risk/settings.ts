// Staff change a rule: switch, severity, and the link rules' threshold and minimum of clicks. Audited.
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { linkRuleKinds, loadRiskRules } from "./rules";
import type { RiskRuleInput } from "./schemas";

export async function riskRuleSettings(ctx: TenantContext) {
  assertCan(ctx, "settings:read");
  return [...(await loadRiskRules(ctx.db)).values()];
}

export async function updateRiskRule(ctx: TenantContext, input: RiskRuleInput) {
  assertCan(ctx, "settings:manage");
  const usesLimits = linkRuleKinds.includes(input.kind);
  const data = {
    enabled: input.enabled, severity: input.severity,
    threshold: usesLimits ? input.threshold : null, minClicks: usesLimits ? input.minClicks : null,
  };
  const before = (await loadRiskRules(ctx.db)).get(input.kind);
  await ctx.db.riskRule.upsert({
    where: { tenantId_kind: { tenantId: ctx.tenantId, kind: input.kind } },
    create: { tenantId: ctx.tenantId, kind: input.kind, ...data },
    update: data,
  });
  await recordAudit(ctx, { action: "risk.rule_updated", entityType: "RiskRule", entityId: input.kind, data: { before: before ?? null, after: { kind: input.kind, ...data } } });
}
