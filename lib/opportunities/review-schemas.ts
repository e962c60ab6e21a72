import { z } from "zod";
import { optionalChoice, optionalText } from "@/lib/kernel/fields";
import { reviewDecisions } from "./review-status";

/** The review form: the button pressed names the decision; the note is internal. */
export const reviewForm = z
  .object({ decision: optionalChoice(reviewDecisions), note: optionalText(1000) })
  .transform((v, ctx) => {
    if (!v.decision) {
      ctx.addIssue({ code: "custom", message: "review_decision_required", path: ["decision"] });
      return z.NEVER;
    }
    return { decision: v.decision, note: v.note };
  });
