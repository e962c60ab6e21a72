"use server";
import { z } from "zod";
import { tenantAction } from "@/lib/actions/client";
import type { JobState } from "./action-states";
import { createRule, setRuleArchived, updateRule } from "./rules";
import { adjustmentInput, ruleInput, selectionInput, voidInput } from "./schemas";
import { approveDueNow, approveSelected, createAdjustment, runJobNow, voidSelected } from "./staff-ledger";

const permission = "payouts:manage";

export const saveRuleAction = tenantAction({
  permission,
  target: { id: z.string().optional() },
  schema: ruleInput,
  errorFields: { "commissions.group_invalid": "groupId" },
  run: async ({ ctx, target, input, paths, revalidate }) => {
    if (target.id) await updateRule(ctx, target.id, input);
    else await createRule(ctx, input);
    revalidate(paths.staff("commissions"), "layout");
    return { ok: true, message: { key: target.id ? "commissions.rule_saved" : "commissions.rule_created" } };
  },
});

export const setRuleArchivedAction = tenantAction({
  permission,
  target: { id: z.string(), archived: z.boolean() },
  run: async ({ ctx, target, paths, revalidate }) => {
    await setRuleArchived(ctx, target.id, target.archived);
    revalidate(paths.staff("commissions"), "layout");
  },
});

export const runJobAction = tenantAction({
  permission,
  run: async ({ ctx, paths, revalidate }): Promise<JobState> => {
    const r = await runJobNow(ctx);
    revalidate(paths.staff("commissions"), "layout");
    const message = { key: "commissions.job_done", values: { created: r.created, skipped: r.skipped, waiting: r.waitingForFx, approved: r.autoApproved } };
    return r.created === 0 ? { ok: true, message, reasons: r.reasons } : { ok: true, message };
  },
});

export const approveDueAction = tenantAction({
  permission,
  run: async ({ ctx, paths, revalidate }) => {
    const count = await approveDueNow(ctx);
    revalidate(paths.staff("commissions"), "layout");
    return { ok: true, message: { key: "commissions.approved_count", values: { count } } };
  },
});

/** The ledger table's selection: `op` (from the pressed button) is "approve" or "void". */
export const selectionAction = tenantAction({
  permission,
  fieldAsMessage: "ids",
  run: async ({ ctx, formData, parse, paths, revalidate }) => {
    revalidate(paths.staff("commissions"), "layout"); // done only if the body succeeds
    if (formData.get("op") === "void") {
      const { ids, reason } = parse(voidInput);
      return { ok: true, message: { key: "commissions.voided_count", values: { count: await voidSelected(ctx, ids, reason) } } };
    }
    const { ids } = parse(selectionInput);
    return { ok: true, message: { key: "commissions.approved_count", values: { count: await approveSelected(ctx, ids) } } };
  },
});

export const adjustmentAction = tenantAction({
  permission,
  schema: adjustmentInput,
  run: async ({ ctx, input, paths, revalidate }) => {
    await createAdjustment(ctx, input);
    revalidate(paths.staff("commissions"), "layout");
    return { ok: true, message: { key: "commissions.adjustment_created" } };
  },
});
