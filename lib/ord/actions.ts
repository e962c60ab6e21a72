"use server";
import { z } from "zod";
import { tenantAction } from "@/lib/actions/client";
import { stateless } from "@/lib/actions/define-action";
import { monthField } from "@/lib/placements/month";
import { requestErid, requestStatisticsSend, saveOrdDetails } from "./placement-ord";
import { saveOrdSettings } from "./settings";
import { ordDetailsForm, ordDetailsFromForm, ordSettingsForm } from "./settings-schemas";

/** The owner: the agency's ОРД key, host and legal details (Settings → ОРД). The key never travels back. */
export const saveOrdSettingsAction = tenantAction({
  permission: "settings:manage",
  schema: ordSettingsForm,
  values: { omit: ["apiKey"] },
  errorFields: { ord_base_url_not_allowed: "baseUrl" },
  run: async ({ ctx, input, paths, revalidate }) => {
    await saveOrdSettings(ctx, input);
    revalidate(paths.staff("settings/ord"));
    revalidate(paths.staff("placements"), "layout");
    return { ok: true, message: { key: "saved" } };
  },
});

/** Staff: the advertiser's and creator's legal details and the two contracts of a placement. */
export const saveOrdDetailsAction = tenantAction({
  permission: "referrals:write",
  target: { id: z.string() },
  schema: ordDetailsForm,
  run: async ({ ctx, target, input, paths, revalidate }) => {
    await saveOrdDetails(ctx, target.id, ordDetailsFromForm(input as Record<string, unknown>));
    revalidate(paths.staff(`placements/${target.id}`));
    return { ok: true, message: { key: "saved" } };
  },
});

/** Staff: "Get erid" — queues ord:sync for the placement. */
export const requestEridAction = stateless(tenantAction({
  permission: "referrals:write",
  target: { id: z.string() },
  run: async ({ ctx, target, paths, revalidate, redirect }) => {
    await requestErid(ctx, target.id);
    revalidate(paths.staff(`placements/${target.id}`));
    redirect(paths.staff(`placements/${target.id}?erid=requested`));
  },
}));

/** Staff: "Send statistics to the ОРД" on the monthly report — queues ord:statistics for the month. */
export const requestStatisticsSendAction = stateless(tenantAction({
  permission: "referrals:write",
  target: { month: monthField },
  run: async ({ ctx, target, paths, revalidate, redirect }) => {
    await requestStatisticsSend(ctx, target.month);
    revalidate(paths.staff("placements/report"));
    redirect(paths.staff(`placements/report?month=${target.month}&statistics=requested`));
  },
}));
