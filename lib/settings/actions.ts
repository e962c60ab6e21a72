"use server";
import { tenantAction } from "@/lib/actions/client";
import { updateClickRetention } from "./click-retention";
import { clickRetentionInput } from "./schemas";

export const updateClickRetentionAction = tenantAction({
  permission: "settings:manage",
  schema: clickRetentionInput,
  run: async ({ ctx, input, paths, revalidate }) => {
    await updateClickRetention(ctx, input);
    revalidate(paths.staff("settings"));
    return { ok: true, message: { key: "settings_saved" } };
  },
});
