import type { ConversionEvent } from "@/lib/db/generated/client";

/** An event as the API returns it: snake_case, amounts as digit strings (JSON numbers lose precision past 2^53). */
export function serializeEvent(e: ConversionEvent) {
  return {
    id: e.id,
    type: e.type,
    idempotency_key: e.idempotencyKey,
    occurred_at: e.occurredAt.toISOString(),
    customer_id: e.customerId,
    customer_external_id: e.externalCustomerId,
    amount_minor: e.amountMinor?.toString() ?? null,
    currency: e.currency,
    reporting_amount_minor: e.reportingAmountMinor?.toString() ?? null,
    reporting_currency: e.reportingCurrency,
    fx_rate: e.fxRate?.toFixed() ?? null,
    fx_rate_day: e.fxRateDay?.toISOString().slice(0, 10) ?? null,
    attribution: e.programId
      ? { partner_id: e.partnerId, program_id: e.programId, referral_id: e.referralId, click_id: e.clickId, promo_code_id: e.promoCodeId, source_market: e.sourceMarket, target_market: e.targetMarket }
      : null,
    created_at: e.createdAt.toISOString(),
  };
}
