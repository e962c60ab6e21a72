import { auditIn } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { DomainError, NotFoundError } from "@/lib/kernel/errors";
import type { CreatePlacementInput } from "./schemas";

/**
 * Creates a draft placement out of a won referral or an accepted opt-in. The advertiser is a brand of
 * the directory; the creator is the referral's (or the opt-in's referral's) directory record unless
 * staff pick another, and their platform entry (CreatorPlatform) fills the channel's subscriber count
 * when staff leave it empty. Every id is looked up through the tenant's client, so a foreign id is
 * "not found" like a missing one.
 */
export async function createPlacement(ctx: TenantContext, input: CreatePlacementInput): Promise<{ id: string }> {
  assertCan(ctx, "referrals:write");
  return ctx.db.$transaction(async (tx) => {
    let referralId: string | null = null;
    let optInId: string | null = null;
    let subject: { name: string; creatorId: string | null; brandId: string | null };
    if (input.referralId) {
      const referral = await tx.referral.findFirst({ where: { id: input.referralId } });
      if (!referral) throw new NotFoundError();
      if (referral.status !== "won") throw new DomainError("placement_referral_not_won");
      referralId = referral.id;
      subject = { name: referral.subjectName, creatorId: referral.creatorId, brandId: referral.brandId };
    } else {
      const optIn = await tx.optIn.findFirst({ where: { id: input.optInId! }, include: { referral: true } });
      if (!optIn) throw new NotFoundError();
      if (optIn.status !== "accepted") throw new DomainError("placement_opt_in_not_accepted");
      optInId = optIn.id;
      subject = { name: optIn.name, creatorId: optIn.referral?.creatorId ?? null, brandId: optIn.referral?.brandId ?? null };
    }
    const brand = await tx.brand.findFirst({ where: { id: input.brandId } });
    if (!brand) throw new DomainError("placement_brand_required");
    const creatorId = input.creatorId ?? subject.creatorId;
    const creator = creatorId ? await tx.creator.findFirst({ where: { id: creatorId }, include: { platforms: true } }) : null;
    if (creatorId && !creator) throw new NotFoundError();
    const channel = creator?.platforms.find((p) => p.platform === input.platform) ?? null;
    if (input.trackedLinkId && !(await tx.trackedLink.findFirst({ where: { id: input.trackedLinkId }, select: { id: true } }))) throw new NotFoundError();

    const placement = await tx.placement.create({
      data: {
        tenantId: ctx.tenantId, referralId, optInId, brandId: brand.id, creatorId: creator?.id ?? null, creatorPlatformId: channel?.id ?? null,
        creatorName: creator?.name ?? subject.name, platform: input.platform, channel: input.channel,
        // A directory size of 0 means "not entered": left unknown, so the registry rule does not take it as small.
        channelSubscribers: input.channelSubscribers ?? (channel && channel.audienceSize > 0 ? channel.audienceSize : null), rknRegistryNumber: input.rknRegistryNumber ?? channel?.rknRegistryNumber ?? null,
        audienceMarket: input.audienceMarket, plannedOn: input.plannedOn, creativeText: input.creativeText, mediaUrls: input.mediaUrls,
        priceMinor: input.priceMinor, currency: input.currency, trackedLinkId: input.trackedLinkId, erid: input.erid,
        disclosureText: input.disclosureText, createdById: ctx.userId,
      },
    });
    await tx.placementTransition.create({ data: { tenantId: ctx.tenantId, placementId: placement.id, fromStatus: null, toStatus: "draft", actorUserId: ctx.userId } });
    await auditIn(tx, { tenantId: ctx.tenantId, userId: ctx.userId }, {
      action: "placement.created", entityType: "Placement", entityId: placement.id,
      data: { referralId, optInId, brandId: brand.id, platform: input.platform, audienceMarket: input.audienceMarket },
    });
    return { id: placement.id };
  });
}
