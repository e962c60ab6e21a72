import { z } from "zod";

export const inviteStaffInput = z.object({
  email: z.string().trim().toLowerCase().max(200).pipe(z.email({ message: "invalid_email" })),
  role: z.enum(["owner", "admin", "manager", "analyst"], { message: "invalid_choice" }),
  language: z.enum(["en", "ru"]).catch("en"),
});
export type InviteStaffInput = z.output<typeof inviteStaffInput>;

export const acceptInviteInput = z.object({
  name: z.string().trim().min(1).max(80),
  password: z.string().min(10, { message: "password_too_short" }).max(200),
});

// Staff actions parse the workspace form too; the schema belongs to lib/settings.
export { workspaceSettingsInput } from "@/lib/settings/schemas";
