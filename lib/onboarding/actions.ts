"use server";
import { tenantAction } from "@/lib/actions/client";
import { dismissOnboarding, setClosesByHand } from "./choices";
import { closesByHandInput } from "./schemas";

// Owners and admins only (settings:manage): both change how the whole agency is set up.
export const closesByHandAction = tenantAction({
  permission: "settings:manage",
  schema: closesByHandInput,
  run: async ({ ctx, input, paths, revalidate }) => {
    await setClosesByHand(ctx, input.closesByHand);
    revalidate(paths.staff());
    return { ok: true, message: { key: "settings_saved" } };
  },
});

export const dismissOnboardingAction = tenantAction({
  permission: "settings:manage",
  run: async ({ ctx, paths, revalidate }) => {
    await dismissOnboarding(ctx);
    revalidate(paths.staff());
  },
});
