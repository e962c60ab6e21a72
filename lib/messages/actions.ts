"use server";
import { z } from "zod";
import { partnerAction, tenantAction } from "@/lib/actions/client";
import { replyAsPartner, replyAsStaff } from "./reply";
import { composeMessageForm, replyForm } from "./schemas";
import { sendMessage } from "./send-message";

/** Staff: a direct message or an announcement to a program's partners. */
export const sendMessageAction = tenantAction({
  permission: "partners:write",
  schema: composeMessageForm,
  errorFields: { message_partner_inactive: "partnerId", message_program_archived: "programId", message_no_recipients: "programId" },
  run: async ({ ctx, input, paths, revalidate, redirect }) => {
    const { id } = await sendMessage(ctx, input);
    revalidate(paths.staff("messages"), "layout");
    redirect(paths.staff(`messages/${id}?sent=1`));
  },
});

/** Staff: an answer in a direct message's thread. */
export const staffReplyAction = tenantAction({
  permission: "partners:write",
  target: { id: z.string() },
  schema: replyForm,
  run: async ({ ctx, target, input, paths, revalidate }) => {
    await replyAsStaff(ctx, target.id, input);
    revalidate(paths.staff(`messages/${target.id}`));
    return { ok: true, message: { key: "message_reply_sent" } };
  },
});

/** Portal: the partner answers a direct message. */
export const partnerReplyAction = partnerAction({
  target: { id: z.string() },
  schema: replyForm,
  run: async ({ ctx, target, input, paths, revalidate }) => {
    await replyAsPartner(ctx, target.id, input);
    revalidate(paths.portal(`messages/${target.id}`));
    return { ok: true, message: { key: "message_reply_sent" } };
  },
});
