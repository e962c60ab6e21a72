// A Russian self-employed partner hands in the «Мой налог» receipt for a paid RUB payout. Only their
// own payout, only once it is paid; a correction replaces the reference and is audited too.
import { auditIn } from "@/lib/audit/record-audit";
import type { PartnerContext } from "@/lib/auth/contexts/partner";
import { DomainError, NotFoundError } from "@/lib/kernel/errors";
import { receiptInput, type ReceiptInput } from "./schemas";

export async function submitPayoutReceipt(ctx: PartnerContext, payoutId: string, raw: ReceiptInput) {
  const parsed = receiptInput.safeParse(raw);
  if (!parsed.success) throw new DomainError("earnings.receipt_invalid");
  const input = parsed.data;
  const profile = await ctx.db.taxProfile.findFirst({ where: { partnerId: ctx.partnerId }, select: { form: true } });
  return ctx.db.$transaction(async (tx) => {
    const payout = await tx.payout.findFirst({
      where: { id: payoutId, partnerId: ctx.partnerId },
      select: { id: true, status: true, currency: true, receiptRef: true },
    });
    if (!payout) throw new NotFoundError();
    if (profile?.form !== "ru_self_employed") throw new DomainError("earnings.receipt_not_self_employed");
    if (payout.currency !== "RUB") throw new DomainError("earnings.receipt_not_rub");
    // Conditional on the status, so a payout reversed meanwhile cannot take a receipt.
    const { count } = await tx.payout.updateMany({ where: { id: payout.id, partnerId: ctx.partnerId, status: "paid" }, data: { receiptRef: input.receiptRef } });
    if (count !== 1) throw new DomainError("earnings.receipt_not_paid");
    await auditIn(tx, { tenantId: ctx.tenantId, userId: ctx.userId }, {
      action: "payout.receipt_submitted", entityType: "Payout", entityId: payout.id,
      data: { partnerId: ctx.partnerId, receiptRef: input.receiptRef, previous: payout.receiptRef },
    });
    return { payoutId: payout.id, receiptRef: input.receiptRef };
  });
}
