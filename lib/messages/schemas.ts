import { z } from "zod";
import { cleanString } from "@/lib/kernel/text";

// What staff type to write a message and what either side types to reply. Plain text only: it is
// stored as typed and shown with its line breaks, never as HTML. Error messages are `errors` keys.

export const SUBJECT_MAX = 200;
export const BODY_MAX = 10_000;

const text = (max: number) => cleanString().transform((v) => v.replace(/\r\n?/g, "\n").trim()).pipe(z.string().max(max, { message: "message_too_long" }));
const optional = (max: number) => z.preprocess((v) => (v === undefined || v === null ? "" : v), text(max)).transform((v) => v || null);

export const messageAudiences = ["partner", "program"] as const;

/**
 * Staff writing a message: the audience and its target, then English and/or Russian — each language
 * a subject with its body, or neither; at least one.
 */
export const composeMessageForm = z
  .object({
    audience: z.enum(messageAudiences, { message: "message_audience_required" }),
    partnerId: optional(64),
    programId: optional(64),
    subjectEn: optional(SUBJECT_MAX),
    bodyEn: optional(BODY_MAX),
    subjectRu: optional(SUBJECT_MAX),
    bodyRu: optional(BODY_MAX),
  })
  .superRefine((v, ctx) => {
    if (v.audience === "partner" && !v.partnerId) ctx.addIssue({ code: "custom", path: ["partnerId"], message: "message_partner_required" });
    if (v.audience === "program" && !v.programId) ctx.addIssue({ code: "custom", path: ["programId"], message: "message_program_required" });
    for (const lang of ["En", "Ru"] as const) {
      const subject = v[`subject${lang}`];
      const body = v[`body${lang}`];
      if (subject && !body) ctx.addIssue({ code: "custom", path: [`body${lang}`], message: "message_body_required" });
      if (body && !subject) ctx.addIssue({ code: "custom", path: [`subject${lang}`], message: "message_subject_required" });
    }
    if (!v.subjectEn && !v.bodyEn && !v.subjectRu && !v.bodyRu) ctx.addIssue({ code: "custom", path: ["subjectEn"], message: "message_language_required" });
  });
export type ComposeMessageInput = z.output<typeof composeMessageForm>;

export const replyForm = z.object({
  body: z.preprocess((v) => v ?? "", text(BODY_MAX)).pipe(z.string().min(1, { message: "message_reply_required" })),
});
export type ReplyInput = z.output<typeof replyForm>;
