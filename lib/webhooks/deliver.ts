// Delivery of an endpoint's events, in order (docs/webhooks.md, "Ordering" and "Retries"). The job
// `webhooks:deliver` (one waiting job per endpoint) takes the endpoint's oldest pending delivery and
// attempts it; the next delivery goes only once this one succeeded or was given up. Each attempt runs
// in one transaction that holds the endpoint's row lock across the request: two workers never send
// for one endpoint at once, and a success is recorded in the same commit as the attempt — a job
// killed and rerun does not send a recorded success again. (A process killed after the receiver
// answered but before the commit sends that event once more: at-least-once, de-duplicate by event id.)
import type { TenantDb, TenantTx } from "@/lib/db/tenant-client";
import { auditIn } from "@/lib/audit/record-audit";
import { enqueueJob } from "@/lib/jobs/queue";
import { alertStaffOfFailures } from "./alert-staff";
import { ALERT_AT, DISABLE_AT, retriesLeft, retryDelayMs } from "./backoff";
import { sendWebhook, type SendOptions, type SendResult } from "./send";
import { SIGNATURE_HEADER, signatureHeader } from "./signing";

/** Interactive transactions here wait for a row lock and an HTTP request (timeouts in ./config.ts). */
export const DELIVERY_TX = { timeout: 45_000, maxWait: 20_000 } as const;

export type Sender = (url: string, headers: Record<string, string>, body: string, options?: SendOptions) => Promise<SendResult>;

export type AttemptTrigger = "queue" | "manual" | "test";

type Endpoint = { id: string; url: string; secret: string };
type Delivery = { id: string; attempts: number; event: { id: string; type: string; body: string } };

/** The request of one attempt: signed now, with the event's stable id. */
export function requestHeaders(endpoint: Endpoint, delivery: Delivery, nowSeconds = Math.floor(Date.now() / 1000)): Record<string, string> {
  return {
    "Content-Type": "application/json",
    "User-Agent": "Twoway-Webhooks/1.0",
    "Twoway-Event-Id": delivery.event.id,
    "Twoway-Event-Type": delivery.event.type,
    "Twoway-Delivery-Id": delivery.id,
    [SIGNATURE_HEADER]: signatureHeader(endpoint.secret, nowSeconds, delivery.event.body),
  };
}

/** Sends once and writes the attempt into the delivery log (inside `tx`). */
export async function attemptOnce(tx: TenantTx, tenantId: string, endpoint: Endpoint, delivery: Delivery, trigger: AttemptTrigger, send: Sender = sendWebhook) {
  const headers = requestHeaders(endpoint, delivery);
  const result = await send(endpoint.url, headers, delivery.event.body);
  await tx.webhookAttempt.create({
    data: {
      tenantId, deliveryId: delivery.id, endpointId: endpoint.id, number: delivery.attempts + 1, trigger,
      requestUrl: endpoint.url, requestHeaders: headers, requestBody: delivery.event.body,
      responseStatus: result.status, responseBody: result.body, error: result.error, durationMs: result.durationMs,
    },
  });
  return result;
}

export type StepOutcome = { kind: "idle" } | { kind: "disabled" } | { kind: "wait"; until: Date } | { kind: "attempted"; ok: boolean };

type StepOptions = { send?: Sender; now?: () => Date; random?: () => number };

/** One attempt of the endpoint's head delivery, if it is due. */
export async function deliverNext(db: TenantDb, tenantId: string, endpointId: string, options: StepOptions = {}): Promise<StepOutcome> {
  const now = options.now ?? (() => new Date());
  const outcome = await db.$transaction(async (tx): Promise<StepOutcome> => {
    // Lock and read the endpoint, then its head delivery with the event: two statements per attempt.
    const [endpoint] = await tx.$queryRaw<{ id: string; url: string; secret: string; enabled: boolean; consecutiveFailures: number }[]>`
      SELECT id, url, secret, enabled, "consecutiveFailures" FROM "WebhookEndpoint" WHERE id = ${endpointId} AND "tenantId" = ${tenantId} FOR UPDATE`;
    if (!endpoint?.enabled) return { kind: "disabled" };
    const [row] = await tx.$queryRaw<{ id: string; attempts: number; nextAttemptAt: Date; eventId: string; type: string; body: string }[]>`
      SELECT d.id, d.attempts, d."nextAttemptAt", e.id AS "eventId", e.type, e.body
      FROM "WebhookDelivery" d JOIN "WebhookEvent" e ON e.id = d."eventId"
      WHERE d."endpointId" = ${endpointId} AND d."tenantId" = ${tenantId} AND d.status = 'pending'
      ORDER BY d.seq LIMIT 1`;
    const head = row ? { id: row.id, attempts: row.attempts, nextAttemptAt: row.nextAttemptAt, event: { id: row.eventId, type: row.type, body: row.body } } : null;
    if (!head) return { kind: "idle" };
    if (head.nextAttemptAt > now()) return { kind: "wait", until: head.nextAttemptAt };
    const result = await attemptOnce(tx, tenantId, endpoint, head, "queue", options.send);
    const attempts = head.attempts + 1;
    const at = now();
    if (result.ok) {
      await tx.webhookDelivery.updateMany({ where: { id: head.id, status: "pending" }, data: { status: "succeeded", attempts, deliveredAt: at } });
      if (endpoint.consecutiveFailures) await tx.webhookEndpoint.updateMany({ where: { id: endpointId }, data: { consecutiveFailures: 0 } });
      return { kind: "attempted", ok: true };
    }
    const retry = retriesLeft(attempts);
    await tx.webhookDelivery.updateMany({
      where: { id: head.id, status: "pending" },
      data: retry ? { attempts, nextAttemptAt: new Date(at.getTime() + retryDelayMs(attempts, (options.random ?? Math.random)())) } : { attempts, status: "failed" },
    });
    await countFailure(tx, tenantId, endpoint, at);
    return { kind: "attempted", ok: false };
  }, DELIVERY_TX);
  return outcome;
}

/** One more failed attempt in a row: alerts at 5, 10, 15; at 20 the endpoint is turned off (staff turn it on). */
async function countFailure(tx: TenantTx, tenantId: string, endpoint: { id: string; url: string; consecutiveFailures: number }, at: Date) {
  const failures = endpoint.consecutiveFailures + 1;
  const disable = failures >= DISABLE_AT;
  await tx.webhookEndpoint.updateMany({
    where: { id: endpoint.id },
    data: { consecutiveFailures: failures, ...(disable ? { enabled: false, disabledAt: at, disabledReason: "failures" } : {}) },
  });
  if (disable) {
    await auditIn(tx, { tenantId, userId: null }, { action: "webhook.auto_disabled", entityType: "WebhookEndpoint", entityId: endpoint.id, data: { url: endpoint.url, failures } });
  }
  if (disable || (ALERT_AT as readonly number[]).includes(failures)) {
    await alertStaffOfFailures(tx, { tenantId, endpointId: endpoint.id, endpointUrl: endpoint.url, failures, disabled: disable, at });
  }
}

export type DeliverRun = { attempted: number; succeeded: number; outcome: StepOutcome["kind"] | "limit" | "stopped" };

/**
 * The job: deliver the endpoint's due deliveries one by one. When the head must wait (backoff), the
 * job is enqueued again for that time; after `limit` attempts it yields and is enqueued again now.
 */
export async function runDeliveries(
  db: TenantDb, tenantId: string, endpointId: string,
  options: StepOptions & { limit?: number; shouldStop?: () => boolean; enqueue?: typeof enqueueDelivery } = {},
): Promise<DeliverRun> {
  const enqueue = options.enqueue ?? enqueueDelivery;
  const limit = options.limit ?? 500;
  let attempted = 0;
  let succeeded = 0;
  while (attempted < limit) {
    if (options.shouldStop?.()) return { attempted, succeeded, outcome: "stopped" };
    const step = await deliverNext(db, tenantId, endpointId, options);
    if (step.kind !== "attempted") {
      if (step.kind === "wait") await enqueue(tenantId, endpointId, step.until);
      return { attempted, succeeded, outcome: step.kind };
    }
    attempted++;
    if (step.ok) succeeded++;
  }
  await enqueue(tenantId, endpointId);
  return { attempted, succeeded, outcome: "limit" };
}

/** The endpoint's delivery job (one waiting job per endpoint); `runAt` for a retry's backoff. */
export function enqueueDelivery(tenantId: string, endpointId: string, runAt?: Date, now = false) {
  return enqueueJob("webhooks:deliver", { tenantId, endpointId }, { jobKey: `webhooks:deliver:${endpointId}`, runAt, jobKeyMode: now ? "replace" : "preserve_run_at" });
}
