import { auditIn } from "@/lib/audit/record-audit";
import type { PartnerContext } from "@/lib/auth/contexts/partner";
import type { TenantTx } from "@/lib/db/tenant-client";
import { DomainError, NotFoundError } from "@/lib/kernel/errors";
import { startOfTodayUtc } from "@/lib/kernel/deadline";
import { notifyReferralSubmitted } from "@/lib/notifications/producers";
import { recordSubmission, type SubmitResult } from "./record-submission";
import type { ReferralInput } from "./schemas";
import { planTransition } from "./state-machine";
import { subjectKeys } from "./subject-keys";
import { TX_OPTIONS } from "./tx";

/**
 * The program must be one the partner is enrolled in, live, open to direct referrals, and cover the
 * target market. A referral to an opportunity must name an open one of that program (which may
 * run pool referrals only: referring someone to a posted opportunity is how a partner takes part).
 */
async function assertProgramOpen(tx: TenantTx, ctx: PartnerContext, input: ReferralInput) {
  if (input.opportunityId) {
    const opportunity = await tx.opportunity.findFirst({
      where: { id: input.opportunityId, programId: input.programId, status: "open", OR: [{ deadline: null }, { deadline: { gte: startOfTodayUtc(new Date()) } }] },
      select: { id: true },
    });
    if (!opportunity) throw new DomainError("opportunity_unavailable");
  }
  const modes = input.opportunityId ? (["direct", "pool", "both"] as const) : (["direct", "both"] as const);
  const enrolment = await tx.programPartner.findFirst({
    where: { partnerId: ctx.partnerId, programId: input.programId, program: { archivedAt: null, mode: { in: [...modes] } } },
    select: { program: { select: { markets: true } } },
  });
  if (!enrolment) throw new DomainError("program_unavailable");
  if (!enrolment.program.markets.includes(input.targetMarket)) throw new DomainError("target_market_not_in_program");
}

function columns(input: ReferralInput) {
  return {
    programId: input.programId,
    opportunityId: input.opportunityId ?? null,
    kind: input.kind,
    mechanic: "direct" as const,
    subjectName: input.subjectName,
    sourceMarket: input.sourceMarket,
    targetMarket: input.targetMarket,
    country: input.country,
    website: input.website,
    platforms: input.platforms,
    contactName: input.contactName,
    contactChannel: input.contactChannel,
    contactValue: input.contactValue,
    relationship: input.relationship,
    fitReason: input.fitReason,
    consentToIntro: input.consentToIntro,
  };
}

async function replaceKeys(tx: TenantTx, ctx: PartnerContext, referralId: string, keys: string[]) {
  await tx.referralSubjectKey.deleteMany({ where: { referralId } });
  if (keys.length) await tx.referralSubjectKey.createMany({ data: keys.map((key) => ({ tenantId: ctx.tenantId, referralId, key })) });
}

/** An editable draft of the partner's own; anything else (another partner's, submitted) is refused. */
async function ownDraft(tx: TenantTx, ctx: PartnerContext, id: string) {
  const draft = await tx.referral.findFirst({ where: { id, partnerId: ctx.partnerId }, select: { id: true, status: true } });
  if (!draft) throw new NotFoundError();
  if (draft.status !== "draft") throw new DomainError("referral_not_editable");
  return draft;
}

/** Saves a draft: only the partner sees it; nothing is checked for duplicates until it is submitted. */
export async function saveReferralDraft(ctx: PartnerContext, input: ReferralInput, id?: string): Promise<{ id: string }> {
  const actor = { tenantId: ctx.tenantId, userId: ctx.userId };
  return ctx.db.$transaction(async (tx) => {
    await assertProgramOpen(tx, ctx, input);
    let referralId = id;
    if (referralId) {
      await ownDraft(tx, ctx, referralId);
      const { count } = await tx.referral.updateMany({ where: { id: referralId, partnerId: ctx.partnerId, status: "draft" }, data: columns(input) });
      if (count === 0) throw new DomainError("referral_not_editable");
    } else {
      referralId = (await tx.referral.create({ data: { ...columns(input), tenantId: ctx.tenantId, partnerId: ctx.partnerId, status: "draft" } })).id;
      await tx.referralTransition.create({ data: { tenantId: ctx.tenantId, referralId, fromStatus: null, toStatus: "draft", actorUserId: ctx.userId } });
      await auditIn(tx, actor, { action: "referral.drafted", entityType: "Referral", entityId: referralId, data: { subjectName: input.subjectName } });
    }
    await replaceKeys(tx, ctx, referralId, subjectKeys(input));
    return { id: referralId };
  }, TX_OPTIONS);
}

export type { SubmitResult } from "./record-submission";

/**
 * Submits a referral (new, or the partner's draft) through `recordSubmission`: under a lock on
 * each of the subject's keys it looks for an earlier owner, and a duplicate is saved but rejected
 * at once with reason "duplicate". The first valid referral wins.
 */
export async function submitReferral(ctx: PartnerContext, input: ReferralInput, id?: string): Promise<SubmitResult> {
  const actor = { tenantId: ctx.tenantId, userId: ctx.userId };
  const now = new Date();
  return ctx.db.$transaction(async (tx) => {
    await assertProgramOpen(tx, ctx, input);
    if (id) await ownDraft(tx, ctx, id);
    const effect = planTransition("draft", { to: "submitted" }, "partner", now);
    const data = { ...columns(input), status: "submitted" as const, submittedAt: effect.submittedAt };
    const submitted = await recordSubmission(tx, actor, {
      kind: input.kind, subjectName: input.subjectName, keys: subjectKeys(input), now, draftId: id,
      write: async () => {
        if (!id) return (await tx.referral.create({ data: { ...data, tenantId: ctx.tenantId, partnerId: ctx.partnerId } })).id;
        const { count } = await tx.referral.updateMany({ where: { id, partnerId: ctx.partnerId, status: "draft" }, data });
        if (count === 0) throw new DomainError("referral_not_editable");
        return id;
      },
    });
    await notifyReferralSubmitted(tx, ctx.tenantId, submitted.id);
    return submitted;
  }, TX_OPTIONS);
}
