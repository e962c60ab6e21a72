"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { handleFormErrors } from "@/lib/actions/form-action";
import { appUrl } from "@/lib/app-url";
import { requirePartner } from "@/lib/auth/guard";
import { isLocale, type Locale } from "@/lib/i18n/settings";
import { startStripeOnboarding } from "@/lib/stripe/onboarding";
import { formValues, parseForm, type FormState } from "@/lib/kernel/form";
import { savePayoutMethod } from "./payout-method";
import { payoutMethodInput, receiptInput } from "./schemas";
import { submitPayoutReceipt } from "./submit-receipt";

type Target = { locale: string; tenant: string };

const loc = (target: Target): Locale => (isLocale(target.locale) ? target.locale : "en");
const accountPath = (target: Target) => `/${target.locale}/p/${target.tenant}/account`;

/** Bank details (RUB registry) or manual details; the rail comes from a hidden field. */
export async function savePayoutMethodAction(target: Target, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = await handleFormErrors(async () => {
    const ctx = await requirePartner(loc(target), target.tenant);
    const parsed = parseForm(payoutMethodInput, formData);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors, values };
    await savePayoutMethod(ctx, parsed.data);
    return { ok: true, message: { key: "earnings.method_saved" } };
  }, values);
  if (result.ok) revalidatePath(accountPath(target));
  return result;
}

/** Sends the partner to Stripe's hosted onboarding for their (new or existing) Express account. */
export async function startStripeOnboardingAction(target: Target, _prev: FormState): Promise<FormState> {
  let url: string | undefined;
  const result = await handleFormErrors(async () => {
    const ctx = await requirePartner(loc(target), target.tenant);
    const back = `${await appUrl()}/${loc(target)}/p/${ctx.slug}/account`;
    ({ url } = await startStripeOnboarding(ctx, { returnUrl: `${back}?stripe=return`, refreshUrl: `${back}?stripe=refresh` }));
    return { ok: true };
  });
  if (!result.ok || !url) return result;
  redirect(url);
}

export async function submitReceiptAction(target: Target & { payoutId: string }, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const result = await handleFormErrors(async () => {
    const ctx = await requirePartner(loc(target), target.tenant);
    const parsed = parseForm(receiptInput, formData);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors, values };
    await submitPayoutReceipt(ctx, target.payoutId, parsed.data);
    return { ok: true, message: { key: "earnings.receipt_saved" } };
  }, values);
  if (result.ok) revalidatePath(`/${target.locale}/p/${target.tenant}/earnings`, "layout");
  return result;
}
