"use server";
import { z } from "zod";
import { partnerAction, tenantAction } from "@/lib/actions/client";
import { markAllNotificationsRead, markNotificationRead } from "./inbox";
import { setPartnerNoticeMode } from "./partner-preferences";
import { setMailMode, setStaleReferralDays } from "./preferences";
import { mailModeInput, partnerNoticeModeInput, staleDaysInput } from "./schemas";

/** Staff: one of their own items read. Any member may; the item must be theirs (./inbox.ts). */
export const markNotificationReadAction = tenantAction({
  permission: "dashboard:read",
  target: { id: z.string() },
  run: async ({ ctx, target, paths, revalidate }) => {
    await markNotificationRead(ctx, target.id);
    revalidate(paths.staff(), "layout");
    return { ok: true };
  },
});

export const markAllNotificationsReadAction = tenantAction({
  permission: "dashboard:read",
  run: async ({ ctx, paths, revalidate }) => {
    await markAllNotificationsRead(ctx);
    revalidate(paths.staff(), "layout");
    return { ok: true };
  },
});

/** Staff: how they are e-mailed in this agency. */
export const updateMailModeAction = tenantAction({
  permission: "dashboard:read",
  schema: mailModeInput,
  run: async ({ ctx, input, paths, revalidate }) => {
    await setMailMode(ctx, input.mailMode);
    revalidate(paths.staff("notifications"), "layout");
    return { ok: true, message: { key: "settings_saved" } };
  },
});

/** Owners and admins: after how many days a waiting referral is reported. */
export const updateStaleDaysAction = tenantAction({
  permission: "settings:manage",
  schema: staleDaysInput,
  run: async ({ ctx, input, paths, revalidate }) => {
    await setStaleReferralDays(ctx, input.staleReferralDays);
    revalidate(paths.staff("notifications"), "layout");
    return { ok: true, message: { key: "settings_saved" } };
  },
});

/** Portal: the partner's status e-mails, instant or a daily digest. */
export const updatePartnerNoticeModeAction = partnerAction({
  schema: partnerNoticeModeInput,
  run: async ({ ctx, input, paths, revalidate }) => {
    await setPartnerNoticeMode(ctx, input.noticeMode);
    revalidate(paths.portal("account"));
    return { ok: true, message: { key: "settings_saved" } };
  },
});
