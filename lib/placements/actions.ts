"use server";
import { z } from "zod";
import { tenantAction } from "@/lib/actions/client";
import { stateless } from "@/lib/actions/define-action";
import { getT } from "@/lib/i18n/server";
import { createPlacement } from "./create-placement";
import { describeRule } from "./describe-rule";
import { monthStatForm, recordMonthStat } from "./month-stats";
import { installDefaultPlatformRules, updatePlatformRule } from "./platform-rules";
import { complianceForm, createPlacementForm, placementMoveErrorField, placementMoveForm, platformRuleForm } from "./schemas";
import { PlacementRuleError, transitionPlacement } from "./transition-placement";
import { updatePlacementCompliance } from "./update-compliance";

/** Staff: a draft placement from a won referral or an accepted opt-in. */
export const createPlacementAction = tenantAction({
  permission: "referrals:write",
  schema: createPlacementForm,
  errorFields: { placement_source_required: "referralId", placement_brand_required: "brandId" },
  run: async ({ ctx, input, paths, revalidate, redirect }) => {
    const { id } = await createPlacement(ctx, input);
    revalidate(paths.staff("placements"), "layout");
    redirect(paths.staff(`placements/${id}?created=1`));
  },
});

/** Staff: one step of a placement. A refused approval names each broken rule and its date, in the viewer's language. */
export const transitionPlacementAction = tenantAction({
  permission: "referrals:write",
  target: { id: z.string() },
  schema: placementMoveForm,
  errorFields: placementMoveErrorField,
  run: async ({ ctx, target, input, locale, paths, revalidate, redirect }) => {
    try {
      await transitionPlacement(ctx, target.id, input);
    } catch (error) {
      if (!(error instanceof PlacementRuleError)) throw error;
      const t = await getT(locale, ["placements", "common"]);
      const rules = new Intl.ListFormat(locale, { type: "conjunction" }).format(error.rules.map((r) => describeRule(t, locale, r)));
      return { ok: false, message: { key: error.code, values: { rules } } };
    }
    revalidate(paths.staff("placements"), "layout");
    redirect(paths.staff(`placements/${target.id}?moved=${input.to}`));
  },
});

/** Staff: the erid, the channel's size and registry number, the disclosure. */
export const updatePlacementComplianceAction = tenantAction({
  permission: "referrals:write",
  target: { id: z.string() },
  schema: complianceForm,
  run: async ({ ctx, target, input, paths, revalidate }) => {
    await updatePlacementCompliance(ctx, target.id, input);
    revalidate(paths.staff(`placements/${target.id}`));
    return { ok: true, message: { key: "saved" } };
  },
});

/** The owner: one rule's dates, threshold and source (audited). */
export const updatePlatformRuleAction = tenantAction({
  permission: "settings:manage",
  target: { id: z.string() },
  schema: platformRuleForm,
  run: async ({ ctx, target, input, paths, revalidate }) => {
    await updatePlatformRule(ctx, target.id, input);
    revalidate(paths.staff("placements"), "layout");
    return { ok: true, message: { key: "saved" } };
  },
});

/** The owner: put back any shipped rule the agency no longer has. */
export const installDefaultRulesAction = stateless(tenantAction({
  permission: "settings:manage",
  run: async ({ ctx, paths, revalidate, redirect }) => {
    const added = await installDefaultPlatformRules(ctx);
    revalidate(paths.staff("placements"), "layout");
    redirect(paths.staff(`placements/rules?installed=${added}`));
  },
}));

/** Staff: a month's impressions of a placement, and whether that month's statistics were sent to the ОРД. */
export const recordMonthStatAction = tenantAction({
  permission: "referrals:write",
  target: { id: z.string() },
  schema: monthStatForm,
  run: async ({ ctx, target, input, paths, revalidate }) => {
    await recordMonthStat(ctx, target.id, input);
    revalidate(paths.staff("placements"), "layout");
    return { ok: true, message: { key: "saved" } };
  },
});
