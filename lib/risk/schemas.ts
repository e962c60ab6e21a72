import { z } from "zod";
import { riskRuleKinds, riskSeverities } from "./rules";

const optionalInt = (min: number, max: number, key: string) =>
  z.preprocess((v) => (v === "" || v === null || v === undefined ? null : v),
    z.coerce.number({ message: key }).int({ message: key }).min(min, { message: key }).max(max, { message: key }).nullable());

/** One rule's settings from the form: the switch is a checkbox (absent = off). */
export const riskRuleInput = z.object({
  kind: z.enum(riskRuleKinds, { message: "invalid_choice" }),
  enabled: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  severity: z.enum(riskSeverities, { message: "invalid_choice" }),
  threshold: optionalInt(1, 100_000, "risk.threshold_range"),
  minClicks: optionalInt(0, 1_000_000, "risk.min_clicks_range"),
}).superRefine((v, issue) => {
  if ((v.kind === "click_spike" || v.kind === "bot_ratio") && v.threshold === null) {
    issue.addIssue({ code: "custom", path: ["threshold"], message: "risk.threshold_required" });
  }
  if (v.kind === "bot_ratio" && v.threshold !== null && v.threshold > 100) {
    issue.addIssue({ code: "custom", path: ["threshold"], message: "risk.percent_range" });
  }
});
export type RiskRuleInput = z.output<typeof riskRuleInput>;

export const clearCaseInput = z.object({ note: z.string().trim().max(500).transform((v) => v || null) });

export const confirmCaseInput = z.object({
  note: z.string().trim().min(3, { message: "risk.note_required" }).max(500, { message: "risk.note_required" }),
  suspend: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});
