"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { handleFormErrors } from "@/lib/actions/form-action";
import { appUrl } from "@/lib/app-url";
import { requireTenant } from "@/lib/auth/guard";
import type { ReferralKind } from "@/lib/db/generated/enums";
import { isLocale, type Locale } from "@/lib/i18n/settings";
import type { FormState } from "@/lib/kernel/form";
import { inviteMatch } from "./invite-match";

type Target = { locale: string; tenant: string; opportunityId: string; kind: ReferralKind; candidateId: string };
const loc = (target: Target): Locale => (isLocale(target.locale) ? target.locale : "en");

/** Staff: one click invites a suggested match to opt in; back to the matches with what happened. */
export async function inviteMatchAction(target: Target, _prev: FormState): Promise<FormState> {
  let outcome = "";
  const result = await handleFormErrors(async () => {
    const ctx = await requireTenant(loc(target), target.tenant, "opportunities:write");
    outcome = (await inviteMatch(ctx, target.opportunityId, { kind: target.kind, id: target.candidateId }, await appUrl())).status;
    return { ok: true };
  });
  if (!result.ok) return result;
  const base = `/${loc(target)}/t/${target.tenant}/opportunities/${target.opportunityId}/matches`;
  revalidatePath(base);
  redirect(`${base}?${new URLSearchParams({ done: outcome, candidate: target.candidateId }).toString()}`);
}
