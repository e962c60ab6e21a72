// Staff manage commission rules. A rule change affects commissions computed after it; existing
// ledger rows keep the explanation of the rule as it was when they were created.
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { DomainError, NotFoundError } from "@/lib/kernel/errors";
import { tiersToJson } from "./compute";
import type { RuleData } from "./schemas";

function auditData(data: RuleData) {
  return {
    ...data,
    amountMinor: data.amountMinor?.toString() ?? null,
    capMinor: data.capMinor?.toString() ?? null,
    tiers: tiersToJson(data.tiers),
  };
}

function columns(data: RuleData) {
  return { ...data, tiers: tiersToJson(data.tiers) };
}

/** The program is this tenant's, and the rule's group (if any) is one of that program's groups. */
async function assertProgram(ctx: TenantContext, programId: string, groupId: string | null) {
  const program = await ctx.db.program.findFirst({ where: { id: programId }, select: { id: true } });
  if (!program) throw new NotFoundError();
  if (groupId && !(await ctx.db.partnerGroup.findFirst({ where: { id: groupId, programId }, select: { id: true } }))) {
    throw new DomainError("commissions.group_invalid");
  }
}

export async function createRule(ctx: TenantContext, data: RuleData) {
  assertCan(ctx, "payouts:manage");
  await assertProgram(ctx, data.programId, data.groupId);
  const rule = await ctx.db.commissionRule.create({ data: { tenantId: ctx.tenantId, ...columns(data) } });
  await recordAudit(ctx, { action: "commission_rule.created", entityType: "CommissionRule", entityId: rule.id, data: auditData(data) });
  return rule;
}

async function findRule(ctx: TenantContext, id: string) {
  const rule = await ctx.db.commissionRule.findFirst({ where: { id } });
  if (!rule) throw new NotFoundError();
  return rule;
}

export async function updateRule(ctx: TenantContext, id: string, data: RuleData) {
  assertCan(ctx, "payouts:manage");
  const before = await findRule(ctx, id);
  await assertProgram(ctx, data.programId, data.groupId);
  await ctx.db.commissionRule.updateMany({ where: { id }, data: columns(data) });
  await recordAudit(ctx, {
    action: "commission_rule.updated", entityType: "CommissionRule", entityId: id,
    data: { from: { ...before, amountMinor: before.amountMinor?.toString() ?? null, capMinor: before.capMinor?.toString() ?? null, createdAt: undefined, updatedAt: undefined, archivedAt: undefined }, to: auditData(data) },
  });
}

/** Archived rules earn nothing on new events; what they earned stays in the ledger. */
export async function setRuleArchived(ctx: TenantContext, id: string, archived: boolean) {
  assertCan(ctx, "payouts:manage");
  const rule = await findRule(ctx, id);
  if ((rule.archivedAt !== null) === archived) return;
  await ctx.db.commissionRule.updateMany({ where: { id }, data: { archivedAt: archived ? new Date() : null } });
  await recordAudit(ctx, { action: archived ? "commission_rule.archived" : "commission_rule.restored", entityType: "CommissionRule", entityId: id, data: { name: rule.name } });
}

export async function listRules(ctx: TenantContext) {
  assertCan(ctx, "payouts:read");
  return ctx.db.commissionRule.findMany({
    orderBy: [{ archivedAt: { sort: "desc", nulls: "first" } }, { createdAt: "asc" }],
    include: { program: { select: { id: true, name: true } }, group: { select: { id: true, name: true } } },
  });
}

export async function getRule(ctx: TenantContext, id: string) {
  assertCan(ctx, "payouts:read");
  return findRule(ctx, id);
}

/** Programs and partners for the rule, preview and adjustment forms. */
export async function commissionFormOptions(ctx: TenantContext) {
  assertCan(ctx, "payouts:read");
  const [programs, partners, groups] = await Promise.all([
    ctx.db.program.findMany({ where: { archivedAt: null }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    ctx.db.partner.findMany({ select: { id: true, name: true, market: true }, orderBy: { name: "asc" } }),
    ctx.db.partnerGroup.findMany({ where: { program: { archivedAt: null } }, select: { id: true, name: true, programId: true }, orderBy: [{ isDefault: "desc" }, { name: "asc" }] }),
  ]);
  return { programs, partners, groups };
}
