import { z } from "zod";
import { parseDayInput } from "@/lib/kernel/day-input";
import { checkbox, checkboxGroup, optionalChoice, optionalText } from "@/lib/kernel/fields";
import { dealCurrencies, pipelineStatuses, rejectReasons } from "./codes";
import { parseShorthandMinor, shorthandErrorKey } from "@/lib/kernel/shorthand";
import type { TransitionInput } from "./state-machine";

/**
 * The staff transition form. Which inputs a move requires is decided by the state machine
 * (one place); this schema only turns the typed text into values: "12 500,50" → 1250050n, «450 тыс.» → 45000000n.
 */
export const transitionForm = z
  .object({
    to: optionalChoice(pipelineStatuses),
    note: optionalText(2000),
    internal: checkbox.optional().default(false),
    rejectReason: optionalChoice(rejectReasons),
    dealValue: optionalText(40),
    dealCurrency: optionalChoice(dealCurrencies),
    closedOn: optionalText(10),
  })
  .transform((v, ctx): TransitionInput => {
    if (!v.to) {
      ctx.addIssue({ code: "custom", message: "transition_required", path: ["to"] });
      return z.NEVER;
    }
    let dealValueMinor: bigint | null = null;
    if (v.to === "won" && v.dealValue) {
      // «450 тыс.» → 450 000,00: see lib/kernel/shorthand.ts.
      const parsed = parseShorthandMinor(v.dealValue, v.dealCurrency ?? "USD");
      if (parsed.ok) dealValueMinor = parsed.value;
      else ctx.addIssue({ code: "custom", message: shorthandErrorKey(parsed.error, "money_invalid"), path: ["dealValue"] });
    }
    let closedOn: Date | null = null;
    if (v.to === "won" && v.closedOn) {
      // «06.12.2026», "12/06/2026" or ISO (lib/kernel/day-input.ts); the agency's local day is applied later.
      const day = parseDayInput(v.closedOn);
      closedOn = day ? new Date(`${day}T00:00:00Z`) : null;
      if (!closedOn) ctx.addIssue({ code: "custom", message: "date_format", path: ["closedOn"] });
    }
    return {
      to: v.to,
      note: v.note,
      internal: v.internal,
      rejectReason: v.rejectReason ?? null,
      dealValueMinor,
      dealCurrency: v.dealCurrency ?? null,
      closedOn,
    };
  });

/** Where a state-machine error belongs on the transition form. */
export const transitionErrorField: Record<string, string> = {
  reject_reason_required: "rejectReason",
  lost_reason_required: "note",
  deal_value_required: "dealValue",
  deal_currency_required: "dealCurrency",
  close_date_required: "closedOn",
  close_date_future: "closedOn",
};

/** Bulk triage from the pipeline table: one move for many referrals. */
export const bulkForm = z.object({
  ids: checkboxGroup(z.string()).pipe(z.array(z.string().min(1).max(64)).min(1, { message: "select_referrals" }).max(100)),
  action: optionalChoice(["in_review", "rejected"] as const).refine((v) => !!v, { message: "transition_required" }),
  rejectReason: optionalChoice(rejectReasons),
});

/** Staff overriding a duplicate: the reason is recorded on the referral and in its history. */
export const overrideForm = z.object({
  reason: z.string().trim().min(1).max(1000),
  to: z.enum(["submitted", "in_review"]).catch("in_review"),
});
