"use server";
import { z } from "zod";
import { tenantAction } from "@/lib/actions/client";
import { createPromoCode, deactivatePromoCode } from "./manage-promo-codes";
import { promoCodeInput } from "./schemas";

const permission = "partners:write";

/** Staff give a partner a promo code (typed or generated) on the partner's page. */
export const createPromoCodeAction = tenantAction({
  permission,
  target: { id: z.string() },
  schema: promoCodeInput,
  errorFields: { promo_code_taken: "code", promo_code_not_enrolled: "programId" },
  run: async ({ ctx, target, input, paths, revalidate }) => {
    const row = await createPromoCode(ctx, target.id, input);
    revalidate(paths.staff(`partners/${target.id}`));
    return { ok: true, message: { key: "promoCodeCreated", values: { code: row.code } } };
  },
});

export const deactivatePromoCodeAction = tenantAction({
  permission,
  target: { id: z.string(), promoCodeId: z.string() },
  run: async ({ ctx, target, paths, revalidate }) => {
    await deactivatePromoCode(ctx, target.promoCodeId);
    revalidate(paths.staff(`partners/${target.id}`));
  },
});
