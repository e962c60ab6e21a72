import { z } from "zod";
import { typedDayToIso } from "@/lib/kernel/day-input";
import { parseMoneyToMinor } from "@/lib/kernel/money";

/** "2026-11-27" (or «27.11.2026», "11/27/2026" as typed) → end of that UTC day: everything due on the cutoff day is included. */
export const cutoffDate = z
  .preprocess(typedDayToIso, z.string().trim())
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "payouts.cutoff_invalid" }))
  .transform((text, ctx) => {
    const at = new Date(`${text}T23:59:59.999Z`);
    if (Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== text) {
      ctx.addIssue({ code: "custom", message: "payouts.cutoff_invalid" });
      return z.NEVER;
    }
    return at;
  });

export const createRunInput = z.object({ cutoff: cutoffDate });

/** Minimums typed in major units per currency ("min.USD" = "50.00"); empty means no minimum. */
export const minimumsInput = z.object({
  min: z.record(
    z.string().regex(/^[A-Z]{3}$/),
    z.string().trim().max(20).refine((v) => v === "" || /^\d[\d\s.,]*$/.test(v), { message: "payouts.minimum_invalid" }),
  ),
});

export function minimumsFromInput(input: z.output<typeof minimumsInput>): Map<string, bigint> | { field: string } {
  const out = new Map<string, bigint>();
  for (const [currency, text] of Object.entries(input.min)) {
    if (text === "") continue;
    const minor = parseMoneyToMinor(text, currency);
    if (minor === null) return { field: `min.${currency}` };
    out.set(currency, minor);
  }
  return out;
}

export const releaseNoteInput = z.object({ note: z.string().trim().min(1, { message: "payouts.release_note_required" }).max(1000) });
export const externalIdInput = z.object({ externalId: z.string().trim().min(1, { message: "payouts.external_id_required" }).max(200) });
export const failureInput = z.object({ reason: z.string().trim().min(1, { message: "payouts.failure_reason_required" }).max(500) });
export const receiptInput = z.object({ receiptRef: z.string().trim().min(1, { message: "payouts.receipt_required" }).max(100) });
