// The job `webhooks:fan-out`: spreads the tenant's new events (the outbox, "WebhookEvent") to the
// enabled endpoints subscribed to their types — one "WebhookDelivery" per event and endpoint, unique,
// numbered in event order — marks the events fanned out in the same transaction, then wakes each
// endpoint's delivery job. A per-tenant advisory lock serialises fan-outs, so deliveries are numbered
// in the order the events were written even when several jobs run. Rerunning is harmless.
import type { TenantDb } from "@/lib/db/tenant-client";
import { enqueueDelivery } from "./deliver";

const BATCH = 500;

export async function fanOutEvents(
  db: TenantDb, tenantId: string, options: { enqueue?: typeof enqueueDelivery } = {},
): Promise<{ events: number; deliveries: number }> {
  const enqueue = options.enqueue ?? enqueueDelivery;
  let events = 0;
  let deliveries = 0;
  for (;;) {
    const batch = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`webhooks:fan-out:${tenantId}`}, 0))`;
      const rows = await tx.webhookEvent.findMany({ where: { fannedOutAt: null }, orderBy: { seq: "asc" }, take: BATCH, select: { id: true, type: true } });
      if (rows.length === 0) return null;
      const endpoints = await tx.webhookEndpoint.findMany({ where: { enabled: true }, orderBy: { createdAt: "asc" }, select: { id: true, events: true } });
      const data = rows.flatMap((e) => endpoints.filter((ep) => ep.events.includes(e.type)).map((ep) => ({ tenantId, endpointId: ep.id, eventId: e.id })));
      const created = data.length ? (await tx.webhookDelivery.createMany({ data, skipDuplicates: true })).count : 0;
      await tx.webhookEvent.updateMany({ where: { id: { in: rows.map((e) => e.id) } }, data: { fannedOutAt: new Date() } });
      return { events: rows.length, created, endpointIds: [...new Set(data.map((d) => d.endpointId))] };
    });
    if (!batch) return { events, deliveries };
    events += batch.events;
    deliveries += batch.created;
    for (const endpointId of batch.endpointIds) await enqueue(tenantId, endpointId);
    if (batch.events < BATCH) return { events, deliveries };
  }
}
