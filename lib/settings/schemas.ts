import { z } from "zod";
import { isAllowedEmbedOrigin, normalizeEmbedOrigin } from "@/lib/embed/origins";
import { timeZoneSchema } from "@/lib/kernel/time-zone";

// The workspace settings form (Settings → Workspace), read by ./update-workspace.ts.

/**
 * "https://example.com" — scheme and host (and port) only, as CSP frame-ancestors takes it; http only
 * for localhost outside production (lib/embed/origins.ts). The policy is read when the form is parsed.
 */
const embedOrigin = z.string().refine((o) => isAllowedEmbedOrigin(o), { message: "embed_origin_invalid" });

export const workspaceSettingsInput = z.object({
  name: z.string().trim().min(1).max(80),
  reportingCurrency: z.enum(["USD", "RUB", "EUR", "KZT"], { message: "invalid_choice" }),
  // One origin per line (or separated by spaces/commas); empty = the board cannot be framed.
  boardEmbedOrigins: z
    .string()
    .max(2000)
    .optional()
    .transform((text) => [...new Set((text ?? "").split(/[\s,]+/).map(normalizeEmbedOrigin).filter(Boolean))])
    .pipe(z.array(embedOrigin).max(20)),
});

// The click-retention form (Settings → Click data), read by ./click-retention.ts. Empty = keep forever.
export const clickRetentionInput = z.object({
  clickRetentionMonths: z.preprocess(
    (v) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : Number(v)),
    z.number({ error: (issue) => (issue.code === "invalid_type" ? "whole_number" : undefined) }).int({ message: "whole_number" }).min(3).max(120).nullable(),
  ),
});

// The agency's time zone (Settings → Time zone), read by ./time-zone.ts: a known IANA zone.
export const agencyTimeZoneInput = z.object({ timeZone: timeZoneSchema });

// A person's own time zone (staff settings, portal account): "agency" = read times in the agency's
// zone (User.timeZone null, the default); "own" = the zone in the picker.
export const personalTimeZoneInput = z
  .object({ mode: z.enum(["agency", "own"], { message: "invalid_choice" }).default("agency"), timeZone: z.string().max(64).optional() })
  .transform((v, ctx) => {
    if (v.mode === "agency") return { timeZone: null };
    const zone = timeZoneSchema.safeParse(v.timeZone ?? "");
    if (!zone.success) {
      ctx.addIssue({ code: "custom", message: "invalid_time_zone", path: ["timeZone"] });
      return z.NEVER;
    }
    return { timeZone: zone.data };
  });
