// The job that mails partners their new messages (`mail:partner-messages`, lib/jobs/tasks.ts): from
// the crontab every minute and enqueued when a message is sent. One job key (a waiting sweep absorbs
// further enqueues) and one named queue (two sweeps never run at once; if they did, the claim's
// FOR UPDATE SKIP LOCKED still mails each message once).
import { enqueueJob } from "@/lib/jobs/queue";

export const MESSAGE_MAIL_TASK = "mail:partner-messages";
export const messageMailJobSpec = { jobKey: MESSAGE_MAIL_TASK, jobKeyMode: "preserve_run_at", queueName: MESSAGE_MAIL_TASK, maxAttempts: 3 } as const;

export function enqueueMessageMail(): Promise<void> {
  return enqueueJob(MESSAGE_MAIL_TASK, {}, messageMailJobSpec);
}
