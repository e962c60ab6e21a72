import { attributeByClickId } from "@/lib/attribution/resolve-click";
import type { TenantDb } from "@/lib/db/tenant-client";
import type { Attribution } from "@/lib/customers/link-customer";
import { attributeByPromoCode, type PromoAttribution } from "@/lib/promo-codes/attribute-promo-code";
import { EventFieldError } from "./errors";

/** What an event names, in the order it counts (docs/conversion-api.md, "Order of precedence"). */
export type EventAttribution = {
  /** From `referral_id` or a counting `click_id`: always wins. */
  explicit: Attribution | null;
  /** From `promo_code`: counts only when neither the event nor its customer names a partner. */
  promo: PromoAttribution | null;
};

/**
 * Who an event credits:
 * - `referral_id` names a submitted referral of this tenant → its partner, program and markets.
 *   An id that is unknown, a draft, or another tenant's is refused (`apikeys.unknown_referral`):
 *   the sender said which referral, so silently recording a direct sale would be wrong.
 * - else `click_id` → the click's partner when it is a counted click of this tenant inside its
 *   program's window at `occurred_at`. Any other click id (unknown, foreign, bot, expired) leaves the
 *   event unattributed, because click ids come from cookies and are routinely stale.
 * - `promo_code` is looked up separately; ingest.ts uses it only after the customer's own attribution
 *   (an earlier referral or click of the same customer). An unknown or deactivated code is ignored
 *   like a stale click id: customers mistype codes and use old ones.
 */
export async function attributeEvent(
  db: TenantDb,
  tenantId: string,
  input: { referral_id?: string; click_id?: string; promo_code?: string; occurred_at: Date },
): Promise<EventAttribution> {
  const promo = input.promo_code ? await attributeByPromoCode(db, tenantId, input.promo_code) : null;
  if (input.referral_id) {
    const referral = await db.referral.findFirst({
      where: { id: input.referral_id, tenantId, status: { not: "draft" } },
      select: { id: true, partnerId: true, programId: true, clickId: true, sourceMarket: true, targetMarket: true },
    });
    if (!referral) throw new EventFieldError("apikeys.unknown_referral", "referral_id");
    return { explicit: { referralId: referral.id, clickId: referral.clickId, partnerId: referral.partnerId, programId: referral.programId, sourceMarket: referral.sourceMarket, targetMarket: referral.targetMarket }, promo };
  }
  if (input.click_id) {
    const click = await attributeByClickId(db, tenantId, input.click_id, input.occurred_at);
    if (click) return { explicit: { referralId: null, clickId: click.clickId, partnerId: click.partnerId, programId: click.programId, sourceMarket: click.sourceMarket, targetMarket: click.targetMarket }, promo };
  }
  return { explicit: null, promo };
}
