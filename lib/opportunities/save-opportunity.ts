import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { DomainError, NotFoundError } from "@/lib/kernel/errors";
import type { OpportunityInput } from "./schemas";

/** The program must be this tenant's, live, running pool referrals, and cover both markets. */
async function assertProgramFits(ctx: TenantContext, input: OpportunityInput) {
  const program = await ctx.db.program.findFirst({
    where: { id: input.programId, archivedAt: null, mode: { in: ["pool", "both"] } },
    select: { markets: true },
  });
  if (!program) throw new DomainError("opportunity_program_unavailable");
  if (!program.markets.includes(input.sourceMarket)) throw new DomainError("source_market_not_in_program");
  if (!program.markets.includes(input.targetMarket)) throw new DomainError("target_market_not_in_program");
}

function columns(input: OpportunityInput) {
  return {
    programId: input.programId,
    side: input.side,
    sourceMarket: input.sourceMarket,
    targetMarket: input.targetMarket,
    platforms: input.platforms,
    niches: input.niches,
    audienceMin: input.audienceMin,
    audienceMax: input.audienceMax,
    budgetMinMinor: input.budgetMinMinor,
    budgetMaxMinor: input.budgetMaxMinor,
    budgetCurrency: input.budgetCurrency,
    prepaymentPercent: input.prepaymentPercent,
    netDays: input.netDays,
    barter: input.barter,
    deadline: input.deadline,
    slots: input.slots,
    titleEn: input.titleEn,
    titleRu: input.titleRu,
    descriptionEn: input.descriptionEn,
    descriptionRu: input.descriptionRu,
  };
}
type Columns = ReturnType<typeof columns>;

/** A new opportunity starts as a draft: nothing is public until staff open it. */
export async function createOpportunity(ctx: TenantContext, input: OpportunityInput) {
  assertCan(ctx, "opportunities:write");
  await assertProgramFits(ctx, input);
  const opportunity = await ctx.db.opportunity.create({ data: { ...columns(input), tenantId: ctx.tenantId, createdById: ctx.userId, status: "draft" } });
  await recordAudit(ctx, { action: "opportunity.created", entityType: "Opportunity", entityId: opportunity.id, data: { name: input.titleEn ?? input.titleRu } });
  return opportunity;
}

const same = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : JSON.stringify(a, big) === JSON.stringify(b, big));
const big = (_k: string, v: unknown) => (typeof v === "bigint" ? v.toString() : v);

/** Edits any field but the status; the audit entry names the fields that changed. */
export async function updateOpportunity(ctx: TenantContext, id: string, input: OpportunityInput) {
  assertCan(ctx, "opportunities:write");
  const before = await ctx.db.opportunity.findFirst({ where: { id } });
  if (!before) throw new NotFoundError();
  await assertProgramFits(ctx, input);
  const data = columns(input);
  const { count } = await ctx.db.opportunity.updateMany({ where: { id }, data });
  if (count === 0) throw new NotFoundError();
  const changed = (Object.keys(data) as (keyof Columns)[]).filter((k) => !same(before[k], data[k]));
  if (changed.length) {
    await recordAudit(ctx, { action: "opportunity.updated", entityType: "Opportunity", entityId: id, data: { name: input.titleEn ?? input.titleRu, fields: changed } });
  }
  return { id };
}
