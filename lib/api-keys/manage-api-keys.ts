import { auditIn } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/contexts/tenant";
import { isUniqueViolation } from "@/lib/kernel/unique-violation";
import { NotFoundError } from "@/lib/kernel/errors";
import { generateApiKey } from "./key-format";
import type { CreateApiKeyInput } from "./schemas";

export type ApiKeyRow = { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

const rowFields = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

/**
 * Creates a key and returns it in full — the only time it exists outside the caller's hands: the
 * database keeps its SHA-256 and a 16-character prefix. A prefix collision (1 in 62^8 per pair) is
 * answered by drawing a new key.
 */
export async function createApiKey(ctx: TenantContext, input: CreateApiKeyInput): Promise<{ key: string; row: ApiKeyRow }> {
  assertCan(ctx, "integrations:manage");
  for (let attempt = 0; ; attempt++) {
    const { key, prefix, keyHash } = generateApiKey();
    try {
      const row = await ctx.db.$transaction(async (tx) => {
        const created = await tx.apiKey.create({ data: { tenantId: ctx.tenantId, name: input.name, prefix, keyHash, createdById: ctx.userId }, select: rowFields });
        await auditIn(tx, { tenantId: ctx.tenantId, userId: ctx.userId }, {
          action: "api_key.created", entityType: "ApiKey", entityId: created.id, data: { name: created.name, prefix },
        });
        return created;
      });
      return { key, row };
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}

export async function listApiKeys(ctx: TenantContext): Promise<ApiKeyRow[]> {
  assertCan(ctx, "integrations:manage");
  return ctx.db.apiKey.findMany({ select: rowFields, orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }] });
}

/** Revokes at once: the next request with the key is refused. Another tenant's key id is a 404. */
export async function revokeApiKey(ctx: TenantContext, id: string): Promise<ApiKeyRow> {
  assertCan(ctx, "integrations:manage");
  return ctx.db.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({ where: { id }, select: rowFields });
    if (!key) throw new NotFoundError();
    if (key.revokedAt) return key;
    const now = new Date();
    await tx.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
    await auditIn(tx, { tenantId: ctx.tenantId, userId: ctx.userId }, {
      action: "api_key.revoked", entityType: "ApiKey", entityId: id, data: { name: key.name, prefix: key.prefix },
    });
    return { ...key, revokedAt: now };
  });
}
