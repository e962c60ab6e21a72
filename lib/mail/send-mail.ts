import nodemailer from "nodemailer";
import { markEmail, storeEmail } from "./outbox";
import { log } from "@/lib/ops/log";

export type Mail = { tenantId?: string | null; to: string; subject: string; text: string; html?: string };

let transport: nodemailer.Transporter | null | undefined;
function smtp() {
  if (transport === undefined) transport = process.env.SMTP_URL ? nodemailer.createTransport(process.env.SMTP_URL) : null;
  return transport;
}

/**
 * Records the mail in the outbox, then delivers it over SMTP when SMTP_URL is set. Delivery runs
 * in the background and its failure is recorded on the outbox row: sending never blocks or
 * fails the user's action.
 */
export async function sendMail(mail: Mail): Promise<void> {
  let id: string;
  try {
    id = (await storeEmail(mail)).id;
  } catch (error) {
    log().error({ err: error }, "mail: could not store outbox row");
    return;
  }
  deliverStoredMail(id, mail);
}

/**
 * Delivers a mail already stored in the outbox (row `id`) over SMTP when SMTP_URL is set, in the
 * background; the row records `sent` or `failed`. Call it only after the row has committed.
 */
export function deliverStoredMail(id: string, mail: Mail): void {
  const transporter = smtp();
  if (!transporter) return;
  void transporter
    .sendMail({ from: process.env.MAIL_FROM ?? "Twoway <no-reply@twoway.local>", to: mail.to, subject: mail.subject, text: mail.text, html: mail.html })
    .then(() => markEmail(id, { status: "sent" }))
    .catch((error: unknown) => markEmail(id, { status: "failed", error: String(error) }).catch(() => undefined));
}
