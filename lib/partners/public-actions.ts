"use server";
import { z } from "zod";
import { publicAction } from "@/lib/actions/public-client";
import { allowApplication } from "./application-rate-limit";
import { applyToProgram, InvalidAnswer } from "./apply-to-program";
import { applicationInput } from "./schemas";

export const applyToProgramAction = publicAction({
  // `group`: the id or slug of the application link's `?group=`, bound by the page.
  target: { programId: z.string(), group: z.string().max(60).optional() },
  schema: applicationInput,
  rateLimit: { allow: allowApplication, code: "apply_rate_limited" },
  run: async ({ target, input, formData, invalid }) => {
    const outcome = await applyToProgram({ tenantSlug: target.tenant, programId: target.programId, group: target.group }, input, (name) => formData.get(name))
      .catch((error) => (error instanceof InvalidAnswer ? invalid(error.field, error.code) : Promise.reject(error)));
    return { ok: true, message: { key: outcome } };
  },
});
