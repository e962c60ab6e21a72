import type { ReferralStatus } from "@/lib/db/generated/enums";
import type { TenantDb, TenantTx } from "@/lib/db/tenant-client";

export type PartnerChange = {
  referralId: string;
  partnerId: string | null;
  to: ReferralStatus;
  note: string | null;
  internal: boolean;
  rejectReason: string | null;
};

/**
 * Records that the partner is to be told their referral moved. Nothing is mailed here: the
 * partner-mail sweep (./partner-digest.ts) sends all of a partner's notices of the last few
 * minutes in one e-mail. Call it inside the move's transaction, so a committed move always has its
 * notice. What a partner may see is decided here, once: an internal note is never stored; a
 * rejection keeps its code (the mail shows it the way the portal does); removed or declined
 * partners get nothing.
 */
export async function notifyPartner(db: TenantTx | TenantDb, tenantId: string, change: PartnerChange): Promise<void> {
  if (!change.partnerId) return;
  const partner = await db.partner.findFirst({
    where: { id: change.partnerId, status: { notIn: ["removed", "declined"] } },
    select: { id: true },
  });
  if (!partner) return;
  const note = change.internal ? null : change.note?.trim() || null;
  await db.partnerNotice.create({
    data: {
      tenantId, partnerId: partner.id, referralId: change.referralId, toStatus: change.to, note,
      rejectReason: change.to === "rejected" ? change.rejectReason : null,
    },
  });
}
