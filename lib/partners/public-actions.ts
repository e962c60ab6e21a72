"use server";
import { z } from "zod";
import { publicAction } from "@/lib/actions/public-client";
import { allowApplication } from "./application-rate-limit";
import { applyToProgram } from "./apply-to-program";
import { applicationInput } from "./schemas";

export const applyToProgramAction = publicAction({
  target: { programId: z.string() },
  schema: applicationInput,
  rateLimit: { allow: allowApplication, code: "apply_rate_limited" },
  run: async ({ target, input }) => {
    const outcome = await applyToProgram({ tenantSlug: target.tenant, programId: target.programId }, input);
    return { ok: true, message: { key: outcome } };
  },
});
