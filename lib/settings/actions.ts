"use server";
import { tenantAction, userAction } from "@/lib/actions/client";
import { setPersonalTimeZone } from "@/lib/auth/users";
import { updateClickRetention } from "./click-retention";
import { agencyTimeZoneInput, clickRetentionInput, personalTimeZoneInput } from "./schemas";
import { updateAgencyTimeZone } from "./time-zone";

export const updateClickRetentionAction = tenantAction({
  permission: "settings:manage",
  schema: clickRetentionInput,
  run: async ({ ctx, input, paths, revalidate }) => {
    await updateClickRetention(ctx, input);
    revalidate(paths.staff("settings"));
    return { ok: true, message: { key: "settings_saved" } };
  },
});

/** The agency's time zone (owners and admins). Every page shows times in it, so all are revalidated. */
export const updateAgencyTimeZoneAction = tenantAction({
  permission: "settings:manage",
  schema: agencyTimeZoneInput,
  run: async ({ ctx, input, paths, revalidate }) => {
    await updateAgencyTimeZone(ctx, input);
    revalidate(paths.staff(), "layout");
    return { ok: true, message: { key: "settings_saved" } };
  },
});

/** The signed-in person's own time zone (staff settings and the portal's account page). */
export const setPersonalTimeZoneAction = userAction({
  schema: personalTimeZoneInput,
  run: async ({ ctx, input, paths, revalidate }) => {
    await setPersonalTimeZone(ctx.id, input.timeZone);
    revalidate(paths.root(), "layout");
    return { ok: true, message: { key: "saved" } };
  },
});
