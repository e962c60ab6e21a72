import { z } from "zod";
import { markets } from "@/lib/directory/platforms";
import { checkboxGroup, optionalText } from "@/lib/kernel/fields";

export const programModes = ["direct", "pool", "both"] as const;
export const programAccess = ["open", "invite_only"] as const;

// Checkbox group `markets[]`: one value or several; at least one market.
const marketList = checkboxGroup(z.enum(markets), "markets_required")
  .transform((v) => [...new Set(v)])
  .refine((v) => v.length > 0, { message: "markets_required" });

// "abc" coerces to NaN: say "whole number" instead of zod's generic type error.
const days = (max: number) =>
  z.coerce.number({ error: (issue) => (issue.code === "invalid_type" ? "whole_number" : undefined) }).int({ message: "whole_number" }).min(1).max(max);

const settings = {
  access: z.enum(programAccess, { message: "invalid_choice" }),
  markets: marketList,
  attributionWindowDays: days(365),
  protectionWindowDays: days(730),
};

export const programSettingsInput = z.object(settings);
export type ProgramSettingsInput = z.output<typeof programSettingsInput>;

export const programInput = z.object({
  name: z.string().trim().min(1).max(120),
  description: optionalText(1000),
  mode: z.enum(programModes, { message: "invalid_choice" }),
  ...settings,
});
export type ProgramInput = z.output<typeof programInput>;
