// The outgoing webhook events (docs/webhooks.md). One list: the endpoint form's checkboxes, the
// zod schema, the translated names (locales/*/webhooks.json "events.<type>") and the docs follow it.
import { randomUUID } from "node:crypto";

export const webhookEventTypes = [
  "referral.submitted",
  "referral.status_changed",
  "opt_in.received",
  "customer.created",
  "commission.created",
  "commission.approved",
  "commission.voided",
  "payout.sent",
  "payout.paid",
  "payout.failed",
  "partner.enrolled",
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

/** Sent by "Send test event" only; nobody subscribes to it. */
export const TEST_EVENT_TYPE = "webhook.test";

/** The payload version: changes only when a shape changes incompatibly (fields are only ever added). */
export const WEBHOOK_API_VERSION = "2026-12-06";

export type WebhookEnvelope = {
  id: string;
  type: string;
  api_version: string;
  created_at: string;
  data: Record<string, unknown>;
};

/** A stable event id (`evt_` + 32 hex): the same on every delivery and redelivery of the event. */
export function newEventId(): string {
  return `evt_${randomUUID().replaceAll("-", "")}`;
}

/** The exact body that is signed and sent; stored as text so every delivery sends the same bytes. */
export function envelopeBody(id: string, type: string, createdAt: Date, data: Record<string, unknown>): string {
  const envelope: WebhookEnvelope = { id, type, api_version: WEBHOOK_API_VERSION, created_at: createdAt.toISOString(), data };
  return JSON.stringify(envelope);
}
