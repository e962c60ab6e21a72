import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { NotFoundError } from "@/lib/kernel/errors";

/**
 * What the create form needs for one deal: the source (a won referral or an accepted opt-in, else
 * "not found"), the directory's brands and creators, the partner's tracked links, and the defaults
 * (the deal's brand and creator, the creator's first channel, the deal's value as the price).
 */
export async function placementFormChoices(ctx: TenantContext, source: { referralId?: string; optInId?: string }) {
  assertCan(ctx, "referrals:write");
  const referral = source.referralId
    ? await ctx.db.referral.findFirst({ where: { id: source.referralId, status: "won" } })
    : null;
  const optIn = !referral && source.optInId
    ? await ctx.db.optIn.findFirst({ where: { id: source.optInId, status: "accepted" }, include: { referral: true, opportunity: { select: { targetMarket: true, sourceMarket: true } } } })
    : null;
  if (!referral && !optIn) throw new NotFoundError();
  const deal = referral ?? optIn!.referral;
  const partnerId = referral?.partnerId ?? optIn?.partnerId ?? null;
  const [brands, creators, links] = await Promise.all([
    ctx.db.brand.findMany({ where: { archivedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true }, take: 500 }),
    ctx.db.creator.findMany({ where: { archivedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true, platforms: { select: { platform: true, handle: true, audienceSize: true } } }, take: 500 }),
    partnerId ? ctx.db.trackedLink.findMany({ where: { partnerId, disabledAt: null }, orderBy: { createdAt: "desc" }, select: { id: true, code: true, label: true }, take: 100 }) : [],
  ]);
  const creator = creators.find((c) => c.id === deal?.creatorId);
  const channel = creator?.platforms[0];
  return {
    source: referral ? { referralId: referral.id, name: referral.subjectName } : { optInId: optIn!.id, name: optIn!.name },
    brands, creators, links,
    defaults: {
      brandId: deal?.brandId ?? "",
      creatorId: creator?.id ?? "",
      platform: channel?.platform ?? "",
      channel: channel?.handle ?? "",
      // The creator posts to the market the deal targets.
      audienceMarket: referral?.targetMarket ?? deal?.targetMarket ?? optIn?.opportunity.sourceMarket ?? "",
      currency: deal?.dealCurrency ?? ctx.reportingCurrency,
    },
  };
}
