import type { AttributionModel, Market, OpportunitySide, OpportunityStatus, ProgramMode } from "@/lib/db/generated/enums";
import type { OpportunityInput } from "@/lib/opportunities/schemas";
import type { TenantFixture } from "./db";
import { prisma } from "./db";

/** A complete, valid staff form for "RU skincare brand seeks US beauty creators". */
export function opportunityForm(programId: string, overrides: Partial<OpportunityInput> = {}): OpportunityInput {
  return {
    programId, side: "brand_seeks_creators", sourceMarket: "RU", targetMarket: "US", platforms: ["tiktok", "instagram"], niches: ["skincare", "beauty"],
    audienceMin: 10_000, audienceMax: 250_000, budgetMinMinor: 200_000n, budgetMaxMinor: 500_000n, budgetCurrency: "USD",
    prepaymentPercent: 50, netDays: null, barter: false, deadline: null, slots: 5,
    titleEn: "RU skincare brand seeks US beauty creators", titleRu: null, descriptionEn: "Q1 launch on TikTok.", descriptionRu: null,
    ...overrides,
  };
}

/** A program of this tenant running pool referrals, with these partners enrolled. */
export async function poolProgram(fixture: TenantFixture, partnerIds: string[] = [], options: {
  markets?: Market[]; mode?: ProgramMode; attributionModel?: AttributionModel; attributionWindowDays?: number; archived?: boolean;
} = {}) {
  const program = await prisma.program.create({
    data: {
      tenantId: fixture.tenantId, name: "Opportunity pool", markets: options.markets ?? ["US", "RU"], mode: options.mode ?? "pool",
      attributionModel: options.attributionModel ?? "last_click", attributionWindowDays: options.attributionWindowDays ?? 30,
      archivedAt: options.archived ? new Date() : null,
    },
  });
  if (partnerIds.length) await prisma.programPartner.createMany({ data: partnerIds.map((partnerId) => ({ tenantId: fixture.tenantId, programId: program.id, partnerId })) });
  return program;
}

/** An opportunity row written directly (for board and isolation tests). */
export function postedOpportunity(fixture: TenantFixture, programId: string, options: {
  status?: OpportunityStatus; side?: OpportunitySide; sourceMarket?: Market; targetMarket?: Market; platforms?: string[]; niches?: string[];
  budgetMinMinor?: bigint | null; budgetMaxMinor?: bigint | null; budgetCurrency?: string | null; deadline?: Date | null;
  titleEn?: string | null; titleRu?: string | null;
} = {}) {
  return prisma.opportunity.create({
    data: {
      tenantId: fixture.tenantId, programId, status: options.status ?? "open", side: options.side ?? "brand_seeks_creators",
      sourceMarket: options.sourceMarket ?? "RU", targetMarket: options.targetMarket ?? "US",
      platforms: options.platforms ?? ["tiktok"], niches: options.niches ?? ["beauty"],
      budgetMinMinor: options.budgetMinMinor ?? null, budgetMaxMinor: options.budgetMaxMinor ?? null, budgetCurrency: options.budgetCurrency ?? null,
      deadline: options.deadline ?? null,
      titleEn: options.titleEn === undefined ? "Posted opportunity" : options.titleEn, titleRu: options.titleRu ?? null,
    },
  });
}

/** A partner with a share code, in any status, written directly. */
export function partnerWithCode(fixture: TenantFixture, code: string, status: "active" | "suspended" | "removed" = "active") {
  return prisma.partner.create({
    data: { tenantId: fixture.tenantId, name: `Sharer ${code}`, email: `${code}-${fixture.slug}@partners.test`, market: "US", status, refCode: code },
  });
}
