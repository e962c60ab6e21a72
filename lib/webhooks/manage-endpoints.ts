// Staff's webhook endpoints (Settings → Webhooks): owners and admins ("integrations:manage"). The
// secret leaves the server only in the answer to create and rotate. Every change is audited.
import { auditIn } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { DomainError, NotFoundError } from "@/lib/kernel/errors";
import { webhookNetworkPolicy } from "./config";
import { enqueueDelivery } from "./deliver";
import { checkWebhookUrl, WebhookUrlError, type Resolver } from "./ssrf";
import { generateSecret } from "./signing";
import type { EndpointInput } from "./schemas";

export const MAX_ENDPOINTS = 20;

const listFields = {
  id: true, url: true, description: true, events: true, enabled: true, disabledAt: true, disabledReason: true,
  consecutiveFailures: true, createdAt: true, secretRotatedAt: true,
} as const;

/** The URL must pass the SSRF guard now (and is checked again at each delivery). */
async function assertUrl(url: string, resolve?: Resolver) {
  try {
    await checkWebhookUrl(url, webhookNetworkPolicy(), resolve);
  } catch (error) {
    if (error instanceof WebhookUrlError) throw new DomainError(`webhooks.url_${error.problem}`);
    throw error;
  }
}

export async function createEndpoint(ctx: TenantContext, input: EndpointInput, options: { resolve?: Resolver } = {}) {
  assertCan(ctx, "integrations:manage");
  await assertUrl(input.url, options.resolve);
  const secret = generateSecret();
  const endpoint = await ctx.db.$transaction(async (tx) => {
    if ((await tx.webhookEndpoint.count()) >= MAX_ENDPOINTS) throw new DomainError("webhooks.endpoint_limit");
    const row = await tx.webhookEndpoint.create({
      data: { tenantId: ctx.tenantId, url: input.url, description: input.description, events: input.events, secret, createdById: ctx.userId },
      select: listFields,
    });
    await auditIn(tx, ctx, { action: "webhook.created", entityType: "WebhookEndpoint", entityId: row.id, data: { url: row.url, events: row.events } });
    return row;
  });
  return { endpoint, secret };
}

export async function listEndpoints(ctx: TenantContext) {
  assertCan(ctx, "integrations:manage");
  return ctx.db.webhookEndpoint.findMany({ select: listFields, orderBy: { createdAt: "asc" } });
}

export async function getEndpoint(ctx: TenantContext, id: string) {
  assertCan(ctx, "integrations:manage");
  const endpoint = await ctx.db.webhookEndpoint.findFirst({ where: { id }, select: listFields });
  if (!endpoint) throw new NotFoundError();
  return endpoint;
}

export async function updateEndpoint(ctx: TenantContext, id: string, input: EndpointInput, options: { resolve?: Resolver } = {}) {
  assertCan(ctx, "integrations:manage");
  await assertUrl(input.url, options.resolve);
  return ctx.db.$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.updateMany({ where: { id }, data: { url: input.url, description: input.description, events: input.events } });
    if (count === 0) throw new NotFoundError();
    await auditIn(tx, ctx, { action: "webhook.updated", entityType: "WebhookEndpoint", entityId: id, data: { url: input.url, events: input.events } });
  });
}

/** A new secret at once: requests are signed with it from the next attempt on. */
export async function rotateSecret(ctx: TenantContext, id: string): Promise<string> {
  assertCan(ctx, "integrations:manage");
  const secret = generateSecret();
  await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.updateMany({ where: { id }, data: { secret, secretRotatedAt: new Date() } });
    if (count === 0) throw new NotFoundError();
    await auditIn(tx, ctx, { action: "webhook.secret_rotated", entityType: "WebhookEndpoint", entityId: id });
  });
  return secret;
}

/** Turning an endpoint on clears its failure count and resumes its waiting deliveries. */
export async function setEndpointEnabled(ctx: TenantContext, id: string, enabled: boolean) {
  assertCan(ctx, "integrations:manage");
  await ctx.db.$transaction(async (tx) => {
    const current = await tx.webhookEndpoint.findFirst({ where: { id }, select: { enabled: true, url: true } });
    if (!current) throw new NotFoundError();
    if (current.enabled === enabled) return;
    await tx.webhookEndpoint.updateMany({
      where: { id },
      data: enabled ? { enabled: true, disabledAt: null, disabledReason: null, consecutiveFailures: 0 } : { enabled: false, disabledAt: new Date(), disabledReason: "manual" },
    });
    await auditIn(tx, ctx, { action: enabled ? "webhook.enabled" : "webhook.disabled", entityType: "WebhookEndpoint", entityId: id, data: { url: current.url } });
  });
  if (enabled) await enqueueDelivery(ctx.tenantId, id, undefined, true);
}

export async function deleteEndpoint(ctx: TenantContext, id: string) {
  assertCan(ctx, "integrations:manage");
  await ctx.db.$transaction(async (tx) => {
    const current = await tx.webhookEndpoint.findFirst({ where: { id }, select: { url: true } });
    if (!current) throw new NotFoundError();
    await tx.webhookEndpoint.deleteMany({ where: { id } });
    await auditIn(tx, ctx, { action: "webhook.deleted", entityType: "WebhookEndpoint", entityId: id, data: { url: current.url } });
  });
}
