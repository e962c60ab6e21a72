// The partner's own payout method. Any partner may choose any rail; the market only decides which
// option the page suggests first. Stripe is chosen through onboarding (lib/stripe/onboarding.ts);
// bank details and manual details are saved here. Switching rails keeps the other rails' details.
import { screenPartner } from "@/lib/compliance/screen";
import { auditIn } from "@/lib/audit/record-audit";
import type { PartnerContext } from "@/lib/auth/contexts/partner";
import { stripeConfigured } from "@/lib/stripe/client";
import { stripeOnboardingStatus } from "@/lib/stripe/onboarding";
import { announceRiskHolds, evaluatePartnersIn } from "@/lib/risk/evaluate";
import type { PayoutMethodInput } from "./schemas";

export async function partnerPayoutMethod(ctx: PartnerContext) {
  const [method, partner] = await Promise.all([
    ctx.db.payoutMethod.findFirst({ where: { partnerId: ctx.partnerId } }),
    ctx.db.partner.findFirst({ where: { id: ctx.partnerId }, select: { market: true, country: true } }),
  ]);
  const suggested = partner?.market === "RU" || partner?.country === "RU" ? "registry" : partner?.market === "US" ? "stripe" : "manual";
  return {
    method,
    suggested: suggested as "stripe" | "registry" | "manual",
    stripe: { configured: stripeConfigured(), status: stripeOnboardingStatus(method) },
  };
}

export async function savePayoutMethod(ctx: PartnerContext, input: PayoutMethodInput) {
  const data =
    input.rail === "registry"
      ? { rail: "registry" as const, currency: "RUB", payeeName: input.payeeName, inn: input.inn, bankName: input.bankName, bic: input.bic, accountNumber: input.accountNumber, corrAccount: input.corrAccount }
      : { rail: "manual" as const, currency: input.currency, details: input.details };
  const { method, holds } = await ctx.db.$transaction(async (tx) => {
    const method = await tx.payoutMethod.upsert({
      where: { partnerId: ctx.partnerId },
      create: { tenantId: ctx.tenantId, partnerId: ctx.partnerId, ...data },
      update: data,
    });
    // Bank details decide where money goes: who changed them and when is kept (not the numbers).
    await auditIn(tx, { tenantId: ctx.tenantId, userId: ctx.userId }, {
      action: "payout_method.updated", entityType: "PayoutMethod", entityId: method.id,
      data: { partnerId: ctx.partnerId, rail: data.rail, currency: data.currency },
    });
    // The payee and the bank are screened too: new details mean a new screening.
    await screenPartner(tx, ctx.tenantId, ctx.partnerId, ctx.userId);
    // And a payout account shared with another partner is a risk finding (lib/risk), held by the system.
    const holds = await evaluatePartnersIn(tx, { tenantId: ctx.tenantId, userId: null }, [ctx.partnerId]);
    return { method, holds };
  });
  announceRiskHolds(holds);
  return method;
}
