import { auditIn } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import type { TenantDb, TenantTx } from "@/lib/db/tenant-client";
import { ForbiddenError, NotFoundError } from "@/lib/kernel/errors";
import type { PlatformRuleInput } from "./schemas";

/** The tenant's rules, market by market, oldest first. */
export function loadPlatformRules(db: TenantDb | TenantTx) {
  return db.platformRule.findMany({ orderBy: [{ audienceMarket: "asc" }, { effectiveFrom: "asc" }, { key: "asc" }] });
}

export async function listPlatformRules(ctx: TenantContext) {
  assertCan(ctx, "referrals:read");
  return loadPlatformRules(ctx.db);
}

/**
 * Installs the shipped rules (docs/ad-rules.md) the tenant does not have yet. Every agency gets them
 * when it is created (a trigger) and existing ones got them with the migration; this is for an agency
 * whose rules were removed by hand. An edited rule keeps the owner's values.
 */
export async function installDefaultPlatformRules(ctx: TenantContext): Promise<number> {
  assertCan(ctx, "settings:manage");
  if (ctx.role !== "owner") throw new ForbiddenError();
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.platformRule.count();
    await tx.$executeRaw`SELECT twoway_install_platform_rules(${ctx.tenantId})`;
    const added = (await tx.platformRule.count()) - before;
    if (added > 0) {
      await auditIn(tx, { tenantId: ctx.tenantId, userId: ctx.userId }, { action: "platform_rule.defaults_installed", entityType: "PlatformRule", entityId: ctx.tenantId, data: { added } });
    }
    return added;
  });
}

/**
 * The agency owner edits a rule (the law changed, counsel said otherwise): its dates, whether it only
 * warns, its threshold and source. Owner only — not admins — because it decides what may be published.
 * The audit entry keeps the values before and after.
 */
export async function updatePlatformRule(ctx: TenantContext, id: string, input: PlatformRuleInput) {
  assertCan(ctx, "settings:manage");
  if (ctx.role !== "owner") throw new ForbiddenError();
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.platformRule.findFirst({ where: { id } });
    if (!before) throw new NotFoundError();
    const data = {
      effectiveFrom: input.effectiveFrom, effectiveTo: input.effectiveTo, warnOnly: input.warnOnly,
      threshold: before.kind === "registry_above_threshold" ? (input.threshold ?? before.threshold) : before.threshold,
      source: input.source, sourceUrl: input.sourceUrl,
    };
    await tx.platformRule.updateMany({ where: { id }, data });
    const snapshot = (r: typeof data) => ({
      effectiveFrom: r.effectiveFrom.toISOString().slice(0, 10), effectiveTo: r.effectiveTo?.toISOString().slice(0, 10) ?? null,
      warnOnly: r.warnOnly, threshold: r.threshold, source: r.source, sourceUrl: r.sourceUrl,
    });
    await auditIn(tx, { tenantId: ctx.tenantId, userId: ctx.userId }, {
      action: "platform_rule.updated", entityType: "PlatformRule", entityId: id,
      data: { key: before.key, before: snapshot(before), after: snapshot(data) },
    });
    return { id };
  });
}
