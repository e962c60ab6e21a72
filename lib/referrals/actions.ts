"use server";
import { after } from "next/server";
import { z } from "zod";
import { partnerAction, tenantAction } from "@/lib/actions/client";
import { overrideDuplicate } from "./override-duplicate";
import type { BulkState } from "./action-states";
import { referralDraftInput, referralSubmitInput, submissionErrorField } from "./schemas";
import { saveReferralDraft, submitReferral } from "./submit-referral";
import { bulkForm, overrideForm, transitionErrorField, transitionForm } from "./transition-schemas";
import { bulkTransition, transitionReferral } from "./transition-referral";

/** Portal: save a draft or submit, from the one form (the button pressed says which). */
export const saveReferralAction = partnerAction({
  target: { id: z.string().optional() },
  errorFields: submissionErrorField,
  run: async ({ ctx, target, formData, parse, paths, revalidate, redirect }) => {
    const draft = formData.get("intent") === "draft";
    const id = draft
      ? (await saveReferralDraft(ctx, parse(referralDraftInput), target.id)).id
      : (await submitReferral(ctx, parse(referralSubmitInput), target.id)).id;
    revalidate(paths.portal(), "layout");
    redirect(paths.portal(`referrals/${id}?${draft ? "saved" : "submitted"}=1`));
  },
});

/** Staff: move one referral to its next status. */
export const transitionReferralAction = tenantAction({
  permission: "referrals:write",
  // `view: "board"` when the move was made from the pipeline board: the answer returns there.
  target: { id: z.string(), view: z.enum(["board"]).optional() },
  schema: transitionForm,
  errorFields: transitionErrorField,
  run: async ({ ctx, target, input, paths, revalidate, redirect }) => {
    const { to } = await transitionReferral(ctx, target.id, input, { defer: after });
    revalidate(paths.staff("referrals"), "layout");
    redirect(paths.staff(target.view === "board" ? `referrals?view=board&moved=${to}` : `referrals/${target.id}?moved=${to}`));
  },
});

/** Staff: put a referral rejected as a duplicate back into the pipeline, with a reason. */
export const overrideDuplicateAction = tenantAction({
  permission: "referrals:write",
  target: { id: z.string() },
  schema: overrideForm,
  run: async ({ ctx, target, input, paths, revalidate, redirect }) => {
    await overrideDuplicate(ctx, target.id, input);
    revalidate(paths.staff("referrals"), "layout");
    redirect(paths.staff(`referrals/${target.id}?overridden=1`));
  },
});

/** Staff: triage many referrals at once from the pipeline table. */
export const bulkTransitionAction = tenantAction({
  permission: "referrals:write",
  schema: bulkForm,
  values: false,
  run: async ({ ctx, input: { ids, action, rejectReason }, invalid, paths, revalidate }): Promise<BulkState> => {
    if (action === "rejected" && !rejectReason) invalid("rejectReason", "reject_reason_required");
    const results = await bulkTransition(ctx, ids, { to: action!, rejectReason: rejectReason ?? null }, { defer: after });
    revalidate(paths.staff("referrals"), "layout");
    return { ok: true, results };
  },
});
