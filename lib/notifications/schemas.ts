import { z } from "zod";

export const mailModeInput = z.object({ mailMode: z.enum(["instant", "digest", "off"], { error: "invalid_choice" }) });
export const partnerNoticeModeInput = z.object({ noticeMode: z.enum(["instant", "digest"], { error: "invalid_choice" }) });
export const MAX_STALE_DAYS = 90;
export const staleDaysInput = z.object({
  staleReferralDays: z.coerce.number({ error: "invalid" }).int({ error: "invalid" }).min(1, { error: "invalid" }).max(MAX_STALE_DAYS, { error: "invalid" }),
});
