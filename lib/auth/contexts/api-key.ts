// Be extremely careful: an ApiKeyContext proves the caller presented a live API key of this
// tenant. The tenant comes only from the key row found by the key's hash, never from the request.
// Lookup is by SHA-256 of the presented key through a unique index, so no secret is ever compared
// character by character (no timing signal about a stored key).
import { ownerDb } from "@/lib/db/owner";
import { tenantDb, type TenantDb } from "@/lib/db/tenant-client";

const brand: unique symbol = Symbol("ApiKeyContext");

export type ApiKeyContext = {
  readonly [brand]: true;
  readonly apiKeyId: string;
  readonly tenantId: string;
  readonly reportingCurrency: string;
  readonly db: TenantDb;
};

/** `lastUsedAt` is written at most once per minute per key, so a busy key costs no write per request. */
const TOUCH_EVERY_MS = 60_000;

export async function resolveApiKeyContext(keyHash: string, now = new Date()): Promise<ApiKeyContext | null> {
  const db = ownerDb();
  const key = await db.apiKey.findUnique({
    where: { keyHash },
    select: { id: true, tenantId: true, revokedAt: true, lastUsedAt: true, tenant: { select: { reportingCurrency: true } } },
  });
  if (!key || key.revokedAt) return null;
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= TOUCH_EVERY_MS) {
    // Conditional, so concurrent requests in the same minute write once between them.
    await db.apiKey.updateMany({
      where: { id: key.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: new Date(now.getTime() - TOUCH_EVERY_MS) } }] },
      data: { lastUsedAt: now },
    });
  }
  return { [brand]: true, apiKeyId: key.id, tenantId: key.tenantId, reportingCurrency: key.tenant.reportingCurrency, db: tenantDb(key.tenantId) };
}
