import { auditIn, type AuditActor } from "@/lib/audit/record-audit";
import type { Prisma } from "@/lib/db/generated/client";
import type { ReferralKind } from "@/lib/db/generated/enums";
import type { TenantTx } from "@/lib/db/tenant-client";
import { findDuplicate, lockSubjectKeys } from "./duplicates";
import { emitWebhook } from "@/lib/webhooks/emit";

export type SubmitResult = { id: string; duplicate: boolean };

export type Submission = {
  kind: ReferralKind;
  subjectName: string;
  /** The subject's normalised identities (`subjectKeys(…)`). */
  keys: readonly string[];
  now: Date;
  /** The draft being submitted: it moves from `draft` and is not its own duplicate. */
  draftId?: string;
  /** Why it entered the pipeline, on its first history row (e.g. "accepted from opt-in"). */
  reason?: string | null;
  /** Extra facts for the `referral.submitted` audit entry. */
  audit?: Record<string, Prisma.InputJsonValue>;
  /**
   * Writes the referral row with status `submitted` and `submittedAt` and returns its id. Runs
   * after the locks and the duplicate check, so nobody else can claim the subject in between.
   */
  write: () => Promise<string>;
};

/**
 * The one way a referral enters the pipeline, for a partner's direct referral and for an accepted
 * opt-in alike. Inside the caller's transaction: lock every subject key, look for an earlier
 * owner (a client of the agency, or an earlier referral inside its protection window), write the
 * row, its keys, its first history step and the audit entry. A duplicate is still saved — nothing
 * typed is lost — but is rejected at once by the system with reason "duplicate", linked to what
 * it duplicates. The first valid referral wins.
 */
export async function recordSubmission(tx: TenantTx, actor: AuditActor, s: Submission): Promise<SubmitResult> {
  await lockSubjectKeys(tx, actor.tenantId, s.keys);
  const duplicate = await findDuplicate(tx, { keys: s.keys, excludeId: s.draftId, now: s.now });
  const referralId = await s.write();

  await tx.referralSubjectKey.deleteMany({ where: { referralId } });
  if (s.keys.length) await tx.referralSubjectKey.createMany({ data: s.keys.map((key) => ({ tenantId: actor.tenantId, referralId, key })) });
  await tx.referralTransition.create({
    data: {
      tenantId: actor.tenantId, referralId, fromStatus: s.draftId ? "draft" : null, toStatus: "submitted", actorUserId: actor.userId,
      reason: s.reason ?? null, internal: !!s.reason,
    },
  });
  await auditIn(tx, actor, {
    action: "referral.submitted", entityType: "Referral", entityId: referralId, data: { subjectName: s.subjectName, keys: [...s.keys], ...s.audit },
  });

  if (duplicate) {
    await tx.referral.updateMany({
      where: { id: referralId },
      data: {
        status: "rejected", rejectReason: "duplicate", closedAt: s.now,
        duplicateOfId: duplicate.duplicateOfId, duplicateReason: duplicate.reason,
        // Link the client record it matched, when it is the same kind of subject.
        ...(duplicate.brandId && s.kind === "brand" ? { brandId: duplicate.brandId } : {}),
        ...(duplicate.creatorId && s.kind === "creator" ? { creatorId: duplicate.creatorId } : {}),
      },
    });
    await tx.referralTransition.create({
      data: { tenantId: actor.tenantId, referralId, fromStatus: "submitted", toStatus: "rejected", actorUserId: null, reason: "duplicate", internal: false },
    });
    await auditIn(tx, { tenantId: actor.tenantId, userId: null }, {
      action: "referral.rejected_as_duplicate", entityType: "Referral", entityId: referralId,
      data: { duplicateReason: duplicate.reason, duplicateOfId: duplicate.duplicateOfId },
    });
  }
  await emitWebhook(tx, { type: "referral.submitted", referralId });
  return { id: referralId, duplicate: !!duplicate };
}
