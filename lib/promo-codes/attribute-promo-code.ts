// Be careful: this decides which partner a promo code credits. The code arrives from the agency's
// shop or CRM (typed by a customer), so it is untrusted input: it counts only when it is an active code
// of THIS tenant whose partner is still active and whose program is not archived.
import type { Attribution } from "@/lib/customers/link-customer";
import type { TenantDb } from "@/lib/db/tenant-client";
import { isPromoCode, normalizePromoCode } from "./code-format";

export type PromoAttribution = Attribution & { promoCodeId: string };

/** The attribution a promo code carries, or null for an unknown, deactivated or orphaned one. */
export async function attributeByPromoCode(db: TenantDb, tenantId: string, typed: string): Promise<PromoAttribution | null> {
  if (!isPromoCode(typed)) return null;
  const code = await db.promoCode.findFirst({
    // tenantId is also forced by the scoped client; repeating it keeps the rule visible here.
    where: { tenantId, code: normalizePromoCode(typed), deactivatedAt: null, partner: { status: "active" }, program: { archivedAt: null } },
    select: { id: true, partnerId: true, programId: true, sourceMarket: true, targetMarket: true },
  });
  if (!code) return null;
  return { promoCodeId: code.id, referralId: null, clickId: null, partnerId: code.partnerId, programId: code.programId, sourceMarket: code.sourceMarket, targetMarket: code.targetMarket };
}
