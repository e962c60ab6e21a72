"use server";
import { z } from "zod";
import { partnerAction } from "@/lib/actions/client";
import { appUrl } from "@/lib/app-url";
import { startStripeOnboarding } from "@/lib/stripe/onboarding";
import { savePayoutMethod } from "./payout-method";
import { payoutMethodInput, receiptInput } from "./schemas";
import { submitPayoutReceipt } from "./submit-receipt";

/** Bank details (RUB registry) or manual details; the rail comes from a hidden field. */
export const savePayoutMethodAction = partnerAction({
  schema: payoutMethodInput,
  run: async ({ ctx, input, paths, revalidate }) => {
    await savePayoutMethod(ctx, input);
    revalidate(paths.portal("account"));
    return { ok: true, message: { key: "earnings.method_saved" } };
  },
});

/** Sends the partner to Stripe's hosted onboarding for their (new or existing) Express account. */
export const startStripeOnboardingAction = partnerAction({
  run: async ({ ctx, locale, redirect }) => {
    const back = `${await appUrl()}/${locale}/p/${ctx.slug}/account`;
    const { url } = await startStripeOnboarding(ctx, { returnUrl: `${back}?stripe=return`, refreshUrl: `${back}?stripe=refresh` });
    if (url) redirect(url);
  },
});

export const submitReceiptAction = partnerAction({
  target: { payoutId: z.string() },
  schema: receiptInput,
  run: async ({ ctx, target, input, paths, revalidate }) => {
    await submitPayoutReceipt(ctx, target.payoutId, input);
    revalidate(paths.portal("earnings"), "layout");
    return { ok: true, message: { key: "earnings.receipt_saved" } };
  },
});
