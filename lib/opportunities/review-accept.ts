import { auditIn } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { NotFoundError } from "@/lib/kernel/errors";
import { lockSubjectKeys } from "@/lib/referrals/duplicates";
import { recordSubmission } from "@/lib/referrals/record-submission";
import { subjectKeys } from "@/lib/referrals/subject-keys";
import { TX_OPTIONS } from "@/lib/referrals/tx";
import { referralMarkets } from "@/lib/kernel/markets";
import { claimDecision } from "./review-claim";
import type { MailOptions, OptInRef } from "./review-decide";
import { linkDirectoryRecord, optInPlatforms } from "./review-directory";
import { sendOptInDecisionMail, sendPartnerCreditMail } from "./review-mail";

/** The first history step of a referral that came from the board (internal: partners see "submitted"). */
export const ACCEPTED_REASON = "accepted from opt-in";

export type AcceptResult = { referralId: string; duplicate: boolean; brandId?: string; creatorId?: string; created: boolean };

/**
 * Accepts an opt-in, in one transaction: claim it (only one accept can win), link or create the
 * brand/creator in the directory, and enter a referral into the existing pipeline — mechanic
 * "pool", credited to the partner whose link brought the applicant, submitted now, through the
 * same duplicate rules as a direct referral (an already-referred subject or a client becomes an
 * automatic duplicate). The applicant and the credited partner are e-mailed after the commit.
 */
export async function acceptOptIn(ctx: TenantContext, ref: OptInRef, note: string | null, options: MailOptions = {}): Promise<AcceptResult> {
  assertCan(ctx, "opportunities:write");
  const now = new Date();
  const actor = { tenantId: ctx.tenantId, userId: ctx.userId };
  const done = await ctx.db.$transaction(async (tx) => {
    const optIn = await tx.optIn.findFirst({
      where: { id: ref.optInId, opportunityId: ref.opportunityId },
      include: { opportunity: { select: { id: true, programId: true, sourceMarket: true, titleEn: true, titleRu: true } } },
    });
    if (!optIn) throw new NotFoundError();
    await claimDecision(tx, optIn, "accept", { userId: ctx.userId, now, note });

    const platforms = optInPlatforms(optIn.platforms);
    const contact = { contactChannel: "email" as const, contactValue: optIn.contactEmail.trim().toLowerCase() };
    const keys = subjectKeys({ website: optIn.website, platforms, ...contact });
    // Held from here to the commit: the directory link and the duplicate check see one subject.
    await lockSubjectKeys(tx, ctx.tenantId, keys);
    const link = await linkDirectoryRecord(tx, actor, { ...optIn, platforms });
    // Credit only a partner of this tenant (the scoped read makes a stray foreign id null).
    const partner = optIn.partnerId ? await tx.partner.findFirst({ where: { id: optIn.partnerId }, select: { id: true } }) : null;

    const submission = await recordSubmission(tx, actor, {
      kind: optIn.kind, subjectName: optIn.name, keys, now, reason: ACCEPTED_REASON,
      audit: { optInId: optIn.id, opportunityId: optIn.opportunityId },
      write: async () =>
        (await tx.referral.create({
          data: {
            tenantId: ctx.tenantId, programId: optIn.opportunity.programId, opportunityId: optIn.opportunityId, partnerId: partner?.id ?? null,
            // The tracked-link click the opt-in was credited through follows the credit into the funnel.
            clickId: partner ? optIn.clickId : null,
            kind: optIn.kind, mechanic: "pool", ...(link.brandId ? { brandId: link.brandId } : { creatorId: link.creatorId }),
            subjectName: optIn.name, ...referralMarkets(optIn.opportunity, optIn), status: "submitted", submittedAt: now,
            country: optIn.country, website: optIn.website, platforms: platforms.map(({ platform, handle }) => ({ platform, handle })),
            contactName: optIn.contactName, ...contact, fitReason: optIn.pitch,
            // They opted in themselves, having consented on the board (the record stays on the opt-in).
            consentToIntro: true,
          },
        })).id,
    });
    await tx.optIn.updateMany({ where: { id: optIn.id }, data: { referralId: submission.id } });
    await auditIn(tx, actor, {
      action: "opt_in.accepted", entityType: "OptIn", entityId: optIn.id,
      data: {
        opportunityId: optIn.opportunityId, from: optIn.status, to: "accepted", name: optIn.name, referralId: submission.id,
        duplicate: submission.duplicate, partnerId: partner?.id ?? null, ...(link.brandId ? { brandId: link.brandId } : { creatorId: link.creatorId! }),
        directoryRecordCreated: link.created, ...(note ? { note } : {}),
      },
    });
    return { optIn, partnerId: partner?.id ?? null, submission, link };
  }, TX_OPTIONS);

  const { optIn, submission, link } = done;
  await sendOptInDecisionMail(ctx, optIn, optIn.opportunity, "accepted", options.appUrl);
  await sendPartnerCreditMail(ctx.db, ctx, {
    partnerId: done.partnerId, referralId: submission.id, subjectName: optIn.name, duplicate: submission.duplicate, opportunity: optIn.opportunity,
  }, options.appUrl);
  const record = await ctx.db.referral.findFirst({ where: { id: submission.id }, select: { brandId: true, creatorId: true } });
  return {
    referralId: submission.id, duplicate: submission.duplicate, created: link.created,
    ...(record?.brandId ? { brandId: record.brandId } : {}), ...(record?.creatorId ? { creatorId: record.creatorId } : {}),
  };
}
