import type { PlacementStatus } from "@/lib/db/generated/enums";
import { labelLine } from "./label-line";
import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import type { PartnerContext } from "@/lib/auth/contexts/partner";

const listSelect = {
  id: true, status: true, platform: true, channel: true, audienceMarket: true, plannedOn: true, priceMinor: true, currency: true,
  creatorName: true, erid: true, brand: { select: { name: true } },
} as const;

/** Staff list, newest planned first, optionally one status; at most 200 rows. */
export async function listPlacements(ctx: TenantContext, filter: { status?: PlacementStatus; referralId?: string; optInId?: string } = {}) {
  assertCan(ctx, "referrals:read");
  return ctx.db.placement.findMany({
    where: { ...(filter.status ? { status: filter.status } : {}), ...(filter.referralId ? { referralId: filter.referralId } : {}), ...(filter.optInId ? { optInId: filter.optInId } : {}) },
    orderBy: [{ plannedOn: "desc" }, { id: "asc" }],
    take: 200,
    select: listSelect,
  });
}

/** The placements a partner sees: those of the deals they referred or opted into. */
const partnerPlacements = (ctx: PartnerContext) => ({ OR: [{ referral: { partnerId: ctx.partnerId } }, { optIn: { partnerId: ctx.partnerId } }] });

/** Whether the portal menu lists "Placements": only for a partner who has one (docs/decisions.md). */
export async function hasPartnerPlacements(ctx: PartnerContext): Promise<boolean> {
  return (await ctx.db.placement.findFirst({ where: partnerPlacements(ctx), select: { id: true } })) !== null;
}

/**
 * The partner's view: placements of the deals they referred (the referral is theirs, or the opt-in
 * came through them), read-only. No price: what the brand pays the creator is not the partner's business.
 */
export async function listPartnerPlacements(ctx: PartnerContext, filter: { referralId?: string } = {}) {
  const rows = await ctx.db.placement.findMany({
    where: { ...partnerPlacements(ctx), ...(filter.referralId ? { referralId: filter.referralId } : {}) },
    orderBy: [{ plannedOn: "desc" }, { id: "asc" }],
    take: 200,
    select: { id: true, status: true, platform: true, channel: true, audienceMarket: true, plannedOn: true, creatorName: true, postUrl: true, publishedOn: true, erid: true, brandId: true, brand: { select: { name: true } }, referral: { select: { id: true, subjectName: true } } },
  });
  // The line the creator pastes (issue 17, part 4): the advertiser's legal name and ИНН as registered for the ОРД.
  const brandIds = [...new Set(rows.map((r) => r.brandId))];
  const advertisers = brandIds.length ? await ctx.db.ordParty.findMany({ where: { localType: "brand", localId: { in: brandIds } }, select: { localId: true, name: true, inn: true } }) : [];
  const byBrand = new Map(advertisers.map((a) => [a.localId, a]));
  return rows.map((r) => ({ ...r, label: labelLine({ audienceMarket: r.audienceMarket, brandName: r.brand.name, erid: r.erid, advertiser: byBrand.get(r.brandId) ?? null }) }));
}
