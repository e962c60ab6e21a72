// Stripe Connect onboarding from the partner portal: one Express account per partner, bound to
// their PayoutMethod, and a hosted onboarding link (account link) to send them to.
import Stripe from "stripe";
import type { PayoutMethod } from "@/lib/db/generated/client";
import type { PartnerContext } from "@/lib/auth/contexts/partner";
import { isUniqueViolation } from "@/lib/kernel/unique-violation";
import { DomainError, NotFoundError } from "@/lib/kernel/errors";
import { log } from "@/lib/ops/log";
import { getStripe } from "./client";

export type StripeOnboardingStatus = "not_started" | "started" | "details_submitted" | "payouts_enabled";

export function stripeOnboardingStatus(method: Pick<PayoutMethod, "stripeAccountId" | "stripeDetailsSubmitted" | "stripePayoutsEnabled"> | null): StripeOnboardingStatus {
  if (!method?.stripeAccountId) return "not_started";
  if (method.stripePayoutsEnabled) return "payouts_enabled";
  return method.stripeDetailsSubmitted ? "details_submitted" : "started";
}

/** Stripe failures become one stable error for the form; the details go to the log only. */
async function callStripe<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) {
      log().error({ stripeType: error.type, stripeCode: error.code, stripeMessage: error.message }, `stripe ${what} failed`);
      throw new DomainError("stripe.request_failed");
    }
    throw error;
  }
}

/**
 * The partner's Express account id: the one already bound to their PayoutMethod, else a new one.
 * Two clicks at once (two tabs) send the same idempotency key, so Stripe creates one account and
 * both get its id; the conditional bind below keeps whichever id was stored first.
 */
async function ensureAccount(ctx: PartnerContext, stripe: Stripe): Promise<string> {
  const method = await ctx.db.payoutMethod.findFirst({ where: { partnerId: ctx.partnerId } });
  if (method?.stripeAccountId) {
    await ctx.db.payoutMethod.updateMany({ where: { partnerId: ctx.partnerId }, data: { rail: "stripe", currency: "USD" } });
    return method.stripeAccountId;
  }
  const partner = await ctx.db.partner.findFirst({ where: { id: ctx.partnerId }, select: { email: true } });
  if (!partner) throw new NotFoundError();
  const account = await callStripe("account create", () =>
    stripe.accounts.create(
      {
        type: "express",
        country: "US",
        email: partner.email,
        capabilities: { transfers: { requested: true } },
        metadata: { tenant_id: ctx.tenantId, partner_id: ctx.partnerId },
      },
      { idempotencyKey: `acct_create_${ctx.partnerId}` },
    ),
  );
  try {
    await ctx.db.payoutMethod.create({ data: { tenantId: ctx.tenantId, partnerId: ctx.partnerId, rail: "stripe", currency: "USD", stripeAccountId: account.id } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // The partner already had a method (another rail, or a concurrent click bound the account).
    await ctx.db.payoutMethod.updateMany({ where: { partnerId: ctx.partnerId, stripeAccountId: null }, data: { stripeAccountId: account.id } });
    await ctx.db.payoutMethod.updateMany({ where: { partnerId: ctx.partnerId }, data: { rail: "stripe", currency: "USD" } });
  }
  const bound = await ctx.db.payoutMethod.findFirst({ where: { partnerId: ctx.partnerId }, select: { stripeAccountId: true } });
  if (!bound?.stripeAccountId) throw new Error("stripe account was not bound to the payout method");
  return bound.stripeAccountId;
}

/**
 * Starts (or resumes) Stripe onboarding: binds an Express account to the partner's payout method
 * (rail stripe, USD) and returns a fresh single-use onboarding link to redirect the partner to.
 */
export async function startStripeOnboarding(
  ctx: PartnerContext,
  urls: { returnUrl: string; refreshUrl: string },
  stripe: Stripe | null = getStripe(),
): Promise<{ url: string; accountId: string }> {
  if (!stripe) throw new DomainError("stripe.not_configured");
  const accountId = await ensureAccount(ctx, stripe);
  const link = await callStripe("account link", () =>
    stripe.accountLinks.create({ account: accountId, type: "account_onboarding", return_url: urls.returnUrl, refresh_url: urls.refreshUrl }),
  );
  return { url: link.url, accountId };
}

/** Reads the account's state from Stripe into the payout method (after the partner returns from onboarding). */
export async function refreshStripeAccount(ctx: PartnerContext, stripe: Stripe | null = getStripe()): Promise<StripeOnboardingStatus> {
  const method = await ctx.db.payoutMethod.findFirst({ where: { partnerId: ctx.partnerId } });
  if (!stripe || !method?.stripeAccountId) return stripeOnboardingStatus(method);
  const accountId = method.stripeAccountId;
  const account = await callStripe("account retrieve", () => stripe.accounts.retrieve(accountId));
  const data = { stripeDetailsSubmitted: account.details_submitted, stripePayoutsEnabled: account.payouts_enabled };
  await ctx.db.payoutMethod.updateMany({ where: { partnerId: ctx.partnerId, stripeAccountId: accountId }, data });
  return stripeOnboardingStatus({ stripeAccountId: accountId, ...data });
}
