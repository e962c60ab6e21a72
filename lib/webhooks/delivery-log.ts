// The delivery log of one endpoint: its deliveries (newest first) and each one's attempts with
// request and response. Another tenant's endpoint or delivery is a 404 (the tenant-scoped client).
import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { NotFoundError } from "@/lib/kernel/errors";

export const LOG_PAGE = 50;

export async function listDeliveries(ctx: TenantContext, endpointId: string, options: { take?: number } = {}) {
  assertCan(ctx, "integrations:manage");
  const rows = await ctx.db.webhookDelivery.findMany({
    where: { endpointId }, orderBy: { seq: "desc" }, take: options.take ?? LOG_PAGE,
    select: {
      id: true, status: true, attempts: true, nextAttemptAt: true, deliveredAt: true, createdAt: true,
      event: { select: { id: true, type: true } },
      attemptsLog: { orderBy: { createdAt: "desc" }, take: 1, select: { responseStatus: true, error: true, durationMs: true, createdAt: true } },
    },
  });
  return rows.map(({ attemptsLog, ...d }) => ({ ...d, last: attemptsLog[0] ?? null }));
}

export async function getDelivery(ctx: TenantContext, deliveryId: string) {
  assertCan(ctx, "integrations:manage");
  const delivery = await ctx.db.webhookDelivery.findFirst({
    where: { id: deliveryId },
    select: {
      id: true, endpointId: true, status: true, attempts: true, nextAttemptAt: true, deliveredAt: true, createdAt: true,
      event: { select: { id: true, type: true, body: true } },
      attemptsLog: {
        orderBy: { createdAt: "desc" },
        select: { id: true, number: true, trigger: true, requestUrl: true, requestHeaders: true, requestBody: true, responseStatus: true, responseBody: true, error: true, durationMs: true, createdAt: true },
      },
    },
  });
  if (!delivery) throw new NotFoundError();
  return delivery;
}
