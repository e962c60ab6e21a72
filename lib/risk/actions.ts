"use server";
import { z } from "zod";
import { tenantAction } from "@/lib/actions/client";
import { appUrl } from "@/lib/app-url";
import { clearRiskCase, confirmRiskCase } from "./resolve";
import { clearCaseInput, confirmCaseInput, riskRuleInput } from "./schemas";
import { updateRiskRule } from "./settings";

/** A review in the queue: the pressed button's `op` says clear or confirm. */
export const resolveRiskCaseAction = tenantAction({
  permission: "payouts:manage",
  target: { id: z.string().min(1).max(40) },
  run: async ({ ctx, target, formData, parse, paths, revalidate }) => {
    revalidate(paths.staff("risk"));
    revalidate(paths.staff("commissions"), "layout");
    if (formData.get("op") === "confirm") {
      const input = parse(confirmCaseInput);
      const r = await confirmRiskCase(ctx, target.id, input, await appUrl());
      return { ok: true, message: { key: "risk.case_confirmed_count", values: { count: r.voided } } };
    }
    const input = parse(clearCaseInput);
    const r = await clearRiskCase(ctx, target.id, input);
    return { ok: true, message: { key: "risk.case_cleared_count", values: { count: r.released } } };
  },
});

export const saveRiskRuleAction = tenantAction({
  permission: "settings:manage",
  schema: riskRuleInput,
  run: async ({ ctx, input, paths, revalidate }) => {
    await updateRiskRule(ctx, input);
    revalidate(paths.staff("risk/rules"));
    return { ok: true, message: { key: "risk.rule_saved" } };
  },
});
