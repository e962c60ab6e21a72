import { z } from "zod";
import { isPromoCode, normalizePromoCode } from "./code-format";

/** Staff give a partner a code for one of their programs: typed (custom) or, left empty, generated. */
export const promoCodeInput = z.object({
  programId: z.string().trim().min(1, { message: "program_required" }).max(40),
  code: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.string().max(64).refine(isPromoCode, { message: "promo_code_format" }).transform(normalizePromoCode).optional(),
  ),
});
export type PromoCodeInput = z.output<typeof promoCodeInput>;
