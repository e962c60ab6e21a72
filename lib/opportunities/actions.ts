"use server";
import { z } from "zod";
import { tenantAction } from "@/lib/actions/client";
import { parseForm } from "@/lib/kernel/form";
import { changeOpportunityStatus } from "./change-opportunity-status";
import { createOpportunity, updateOpportunity } from "./save-opportunity";
import { opportunityErrorField, opportunityInput, opportunityStatusInput } from "./schemas";

export const saveOpportunityAction = tenantAction({
  permission: "opportunities:write",
  target: { id: z.string().optional() },
  schema: opportunityInput,
  errorFields: opportunityErrorField,
  run: async ({ ctx, target, input, paths, revalidate, redirect }) => {
    const { id } = target.id ? await updateOpportunity(ctx, target.id, input) : await createOpportunity(ctx, input);
    revalidate(paths.staff("opportunities"), "layout");
    redirect(paths.staff(`opportunities/${id}?saved=1`));
  },
});

export const changeOpportunityStatusAction = tenantAction({
  permission: "opportunities:write",
  target: { id: z.string() },
  values: false,
  run: async ({ ctx, target, formData, paths, revalidate, redirect }) => {
    // The choice comes from the form's own buttons: a bad one is a message, not a field error.
    const parsed = parseForm(opportunityStatusInput, formData);
    if (!parsed.ok) return { ok: false, message: { key: "invalid_choice" } };
    await changeOpportunityStatus(ctx, target.id, parsed.data.to);
    revalidate(paths.staff("opportunities"), "layout");
    revalidate(paths.board(), "layout");
    redirect(paths.staff(`opportunities/${target.id}?moved=${parsed.data.to}`));
  },
});
