"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { handleFormErrors } from "@/lib/actions/form-action";
import { appUrl } from "@/lib/app-url";
import { requireTenant } from "@/lib/auth/guard";
import { isLocale, type Locale } from "@/lib/i18n/settings";
import { formValues, parseForm, type FormState } from "@/lib/kernel/form";
import { acceptOptIn } from "./review-accept";
import { decideOptIn } from "./review-decide";
import { reviewForm } from "./review-schemas";

type Target = { locale: string; tenant: string; opportunityId: string; optInId: string; status?: string };
const loc = (target: Target): Locale => (isLocale(target.locale) ? target.locale : "en");

/** Staff: shortlist, accept or decline one opt-in; back to the list with a notice of what happened. */
export async function reviewOptInAction(target: Target, _prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const notice = new URLSearchParams();
  const result = await handleFormErrors(async () => {
    const ctx = await requireTenant(loc(target), target.tenant, "opportunities:write");
    const parsed = parseForm(reviewForm, formData);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors, values };
    const { decision, note } = parsed.data;
    const ref = { opportunityId: target.opportunityId, optInId: target.optInId };
    notice.set("done", decision);
    if (decision === "accept") {
      const accepted = await acceptOptIn(ctx, ref, note, { appUrl: await appUrl() });
      notice.set("referral", accepted.referralId);
      if (accepted.duplicate) notice.set("duplicate", "1");
    } else {
      await decideOptIn(ctx, ref, decision, note, { appUrl: await appUrl() });
    }
    return { ok: true };
  }, values);
  if (!result.ok) return result;
  const base = `/${loc(target)}/t/${target.tenant}/opportunities/${target.opportunityId}`;
  if (target.status) notice.set("status", target.status);
  revalidatePath(base, "layout");
  revalidatePath(`/${loc(target)}/t/${target.tenant}/referrals`, "layout");
  redirect(`${base}/opt-ins?${notice.toString()}`);
}
