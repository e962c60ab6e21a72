"use server";
import { z } from "zod";
import { tenantAction } from "@/lib/actions/client";
import { createProgram, updateProgramSettings } from "./programs";
import { programInput, programSettingsInput } from "./schemas";

export const createProgramAction = tenantAction({
  permission: "settings:manage",
  schema: programInput,
  run: async ({ ctx, input, paths, revalidate }) => {
    const program = await createProgram(ctx, input);
    revalidate(paths.staff("programs"));
    // The id lets the form point at the next step: a commission rule for this program.
    return { ok: true, message: { key: "programCreated", values: { name: program.name, id: program.id } } };
  },
});

export const updateProgramSettingsAction = tenantAction({
  permission: "settings:manage",
  target: { id: z.string() },
  schema: programSettingsInput,
  run: async ({ ctx, target, input, paths, revalidate }) => {
    await updateProgramSettings(ctx, target.id, input);
    revalidate(paths.staff("programs"));
    return { ok: true, message: { key: "programSaved" } };
  },
});
