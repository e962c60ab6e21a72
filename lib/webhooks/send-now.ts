// Staff's immediate sends from the endpoint page: "Send test event" and "Redeliver". Both send once,
// now, outside the ordered queue, and land in the delivery log; neither counts toward the failure
// alerts. A redelivery sends the event's stored body (same event id, so receivers de-duplicate) and,
// when it succeeds for a pending or given-up delivery, marks it delivered and lets the queue go on.
import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { NotFoundError } from "@/lib/kernel/errors";
import { attemptOnce, DELIVERY_TX, enqueueDelivery, type Sender } from "./deliver";
import { envelopeBody, newEventId, TEST_EVENT_TYPE } from "./events";

export async function sendTestEvent(ctx: TenantContext, endpointId: string, options: { send?: Sender } = {}) {
  assertCan(ctx, "integrations:manage");
  return ctx.db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findFirst({ where: { id: endpointId } });
    if (!endpoint) throw new NotFoundError();
    const id = newEventId();
    const now = new Date();
    const body = envelopeBody(id, TEST_EVENT_TYPE, now, { message: "Test event from Twoway", endpoint_id: endpoint.id, agency: { slug: ctx.slug, name: ctx.name } });
    // Written fanned out already: the outbox's fan-out never spreads a test event.
    await tx.webhookEvent.create({ data: { id, tenantId: ctx.tenantId, type: TEST_EVENT_TYPE, body, createdAt: now, fannedOutAt: now } });
    const delivery = await tx.webhookDelivery.create({ data: { tenantId: ctx.tenantId, endpointId, eventId: id, status: "failed" }, select: { id: true, attempts: true } });
    const result = await attemptOnce(tx, ctx.tenantId, endpoint, { ...delivery, event: { id, type: TEST_EVENT_TYPE, body } }, "test", options.send);
    await tx.webhookDelivery.updateMany({ where: { id: delivery.id }, data: { attempts: 1, ...(result.ok ? { status: "succeeded", deliveredAt: new Date() } : {}) } });
    return { deliveryId: delivery.id, ok: result.ok, status: result.status, error: result.error };
  }, DELIVERY_TX);
}

export async function redeliver(ctx: TenantContext, deliveryId: string, options: { send?: Sender } = {}) {
  assertCan(ctx, "integrations:manage");
  const done = await ctx.db.$transaction(async (tx) => {
    const delivery = await tx.webhookDelivery.findFirst({
      where: { id: deliveryId }, select: { id: true, endpointId: true, status: true, attempts: true, event: { select: { id: true, type: true, body: true } } },
    });
    if (!delivery) throw new NotFoundError();
    // The endpoint's row lock: never at the same time as its queue's attempt.
    await tx.$queryRaw`SELECT id FROM "WebhookEndpoint" WHERE id = ${delivery.endpointId} AND "tenantId" = ${ctx.tenantId} FOR UPDATE`;
    const endpoint = await tx.webhookEndpoint.findFirstOrThrow({ where: { id: delivery.endpointId } });
    const result = await attemptOnce(tx, ctx.tenantId, endpoint, delivery, "manual", options.send);
    const settled = result.ok && delivery.status !== "succeeded";
    await tx.webhookDelivery.updateMany({
      where: { id: delivery.id }, data: { attempts: delivery.attempts + 1, ...(settled ? { status: "succeeded", deliveredAt: new Date() } : {}) },
    });
    if (settled) await tx.webhookEndpoint.updateMany({ where: { id: endpoint.id }, data: { consecutiveFailures: 0 } });
    return { ok: result.ok, status: result.status, error: result.error, endpointId: endpoint.id, resume: settled && delivery.status === "pending" && endpoint.enabled };
  }, DELIVERY_TX);
  if (done.resume) await enqueueDelivery(ctx.tenantId, done.endpointId, undefined, true);
  return done;
}
